package org.bookcheck.kernel;

/**
 * Embedding lookup of token ids plus learned position embeddings, and its backward, which adds each
 * position's gradient into the rows it was read from. The backward splits the work by channel, so
 * repeated tokens add into a row in the same order whatever the thread count.
 */
public final class EmbeddingKernels {

    private EmbeddingKernels() {
    }

    /**
     * out[s, p] = wte[tokens[s, p]] + wpe[p] for sequences s &lt; b and positions p &lt; t, rows of
     * width c. Throws for an id outside the table of {@code vocab} rows.
     */
    public static void embed(float[] out, int[] tokens, float[] wte, float[] wpe, int b, int t, int c, int vocab) {
        long t0 = KernelProfile.start();
        for (int i = 0; i < b * t; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocab) {
                throw new IllegalArgumentException("embedding: token id " + tokens[i] + " at position " + i
                        + " has no row; the table has rows 0.." + (vocab - 1));
            }
        }
        Parallel.forRange(b * t, c, (from, to) -> {
            for (int i = from; i < to; i++) {
                int te = tokens[i] * c;
                int pe = (i % t) * c;
                int o = i * c;
                for (int j = 0; j < c; j++) {
                    out[o + j] = wte[te + j] + wpe[pe + j];
                }
            }
        });
        KernelProfile.stop(KernelProfile.Kernel.EMBEDDING, t0);
    }

    /** dwte[tokens[s, p]] += dout[s, p] and dwpe[p] += dout[s, p]. Adds into dwte and dwpe. */
    public static void embedBackward(float[] dwte, float[] dwpe, float[] dout, int[] tokens, int b, int t, int c) {
        long t0 = KernelProfile.start();
        Parallel.forRange(c, 2L * b * t, (from, to) -> {
            for (int i = 0; i < b * t; i++) {
                int te = tokens[i] * c;
                int pe = (i % t) * c;
                int o = i * c;
                for (int j = from; j < to; j++) {
                    dwte[te + j] += dout[o + j];
                    dwpe[pe + j] += dout[o + j];
                }
            }
        });
        KernelProfile.stop(KernelProfile.Kernel.EMBEDDING_BACKWARD, t0);
    }
}
