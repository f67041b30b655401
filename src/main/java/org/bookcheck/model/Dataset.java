package org.bookcheck.model;

import java.util.Arrays;
import java.util.List;

/**
 * N sequences of equal length t: each sequence's input ids and the target id at every position
 * ({@link org.bookcheck.kernel.LossKernels#IGNORE} where a position is not scored). A corpus becomes
 * sequences by cutting its tokens into windows of t + 1, each window's tokens shifted by one to make
 * the targets (predict the next token at every position).
 */
public record Dataset(int[][] inputs, int[][] targets, int length) {

    public Dataset {
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException(inputs.length + " input sequences but " + targets.length + " target sequences");
        }
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != length || targets[i].length != length) {
                throw new IllegalArgumentException("sequence " + i + " has " + inputs[i].length + " inputs and "
                        + targets[i].length + " targets; every sequence must have " + length);
            }
        }
        inputs = inputs.clone();
        targets = targets.clone();
    }

    /** Number of sequences N. */
    public int size() {
        return inputs.length;
    }

    /** Total number of input tokens. */
    public long tokens() {
        return (long) size() * length;
    }

    /**
     * The non-overlapping windows of t + 1 tokens of a token stream: ⌊(n − 1)/t⌋ sequences. Throws
     * when the stream is shorter than one window.
     */
    public static Dataset windows(int[] tokens, int t) {
        int n = tokens.length < 1 ? 0 : (tokens.length - 1) / t;
        if (n < 1) {
            throw new IllegalArgumentException("the corpus has " + tokens.length + " tokens, fewer than one sequence of "
                    + t + " tokens plus the next one to predict (" + (t + 1) + ")");
        }
        int[][] in = new int[n][];
        int[][] out = new int[n][];
        for (int s = 0; s < n; s++) {
            in[s] = Arrays.copyOfRange(tokens, s * t, s * t + t);
            out[s] = Arrays.copyOfRange(tokens, s * t + 1, s * t + t + 1);
        }
        return new Dataset(in, out, t);
    }

    /** The sequences at the given indices, in that order. */
    public Dataset select(List<Integer> indices) {
        int[][] in = new int[indices.size()][];
        int[][] out = new int[indices.size()][];
        for (int i = 0; i < in.length; i++) {
            in[i] = inputs[indices.get(i)];
            out[i] = targets[indices.get(i)];
        }
        return new Dataset(in, out, length);
    }

    /** Sequences [from, to). */
    public Dataset range(int from, int to) {
        return new Dataset(Arrays.copyOfRange(inputs, from, to), Arrays.copyOfRange(targets, from, to), length);
    }

    /**
     * The training and held-out parts: the last ⌊N·fraction⌋ sequences are held out (none when that is
     * 0), so the held-out text is a contiguous stretch the model never trains on.
     */
    public Split split(double heldOutFraction) {
        int held = (int) Math.floor(size() * heldOutFraction);
        if (held >= size()) {
            held = size() - 1;
        }
        return new Split(range(0, size() - held), range(size() - held, size()));
    }

    /** A training set and its held-out set (possibly empty). */
    public record Split(Dataset train, Dataset heldOut) {
    }
}
