package org.bookcheck.reference;

/** The arithmetic of the training loop: weight updates, residual sums and how an epoch splits into batches. */
public final class TrainingOps {

    /** Above this many batches an epoch is not a worked example but a mistake in the fixture. */
    public static final int MAX_BATCH_RANGES = 1_000_000;

    private TrainingOps() {
    }

    /** W_new = W_old − η·∇W L, gradient descent's update rule. */
    public static Numeric weightUpdate(Numeric w, Numeric grad, double learningRate) {
        Shapes.requireSame("weight_update", w, grad);
        return ArithmeticOps.sub(w, ArithmeticOps.scale(grad, learningRate));
    }

    /** Output = Layer(Input) + Input: the residual (skip) connection f(x) + x. */
    public static Numeric residual(Numeric fx, Numeric x) {
        Shapes.requireSame("residual", fx, x);
        return ArithmeticOps.add(fx, x);
    }

    /** ⌈N / B⌉: the number of batches of size B needed to cover N examples (the last may be partial). */
    public static long batchCount(long n, long batchSize) {
        requireSizes("batch_count", n, batchSize);
        // n / B rounded up, without n + B − 1, which overflows for n near Long.MAX_VALUE.
        return n / batchSize + (n % batchSize == 0 ? 0 : 1);
    }

    /**
     * The batches of one epoch as rows [first, last] of example indices counted from 0, inclusive:
     * batch k covers k·B .. min((k + 1)·B, N) − 1.
     */
    public static Matrix batchRanges(long n, long batchSize) {
        requireSizes("batch_ranges", n, batchSize);
        long count = batchCount(n, batchSize);
        if (count > MAX_BATCH_RANGES) {
            throw new OpException("batch_ranges: N = " + n + " and B = " + batchSize + " give " + count
                    + " batches; more than " + MAX_BATCH_RANGES + " is not a worked example");
        }
        double[] out = new double[(int) count * 2];
        for (int k = 0; k < count; k++) {
            out[2 * k] = (double) k * batchSize;
            // k·B < N, so neither k·B nor k·B + min(B, N − k·B) ≤ N overflows where (k + 1)·B could.
            long first = k * batchSize;
            out[2 * k + 1] = first + Math.min(batchSize, n - first) - 1;
        }
        return Matrix.of((int) count, 2, out);
    }

    private static void requireSizes(String op, long n, long batchSize) {
        if (n < 0) {
            throw new OpException(op + ": the dataset size N must be ≥ 0, got " + n);
        }
        if (batchSize < 1) {
            throw new OpException(op + ": the batch size B must be ≥ 1, got " + batchSize);
        }
    }
}
