package org.bookcheck.kernel;

/**
 * Embedding lookup of token ids plus learned position embeddings, and its backward, which adds each
 * position's gradient into the rows it was read from. The backward splits the work by channel, so
 * repeated tokens add into a row in the same order whatever the thread count.
 */
public final class EmbeddingKernels {

    // One loop object per kernel and calling thread, so a call allocates nothing (see Parallel).
    private static final ThreadLocal<Embed> EMBED = ThreadLocal.withInitial(Embed::new);
    private static final ThreadLocal<EmbedBackward> EMBED_BACKWARD = ThreadLocal.withInitial(EmbedBackward::new);

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
        Embed loop = EMBED.get();
        loop.out = out;
        loop.tokens = tokens;
        loop.wte = wte;
        loop.wpe = wpe;
        loop.t = t;
        loop.c = c;
        Parallel.forRange(b * t, c, loop);
        KernelProfile.stop(KernelProfile.Kernel.EMBEDDING, t0);
    }

    /** {@link #embed}'s loop; its fields are the call's arguments. */
    private static final class Embed implements Parallel.RangeBody {
        float[] out;
        int[] tokens;
        float[] wte;
        float[] wpe;
        int t;
        int c;

        @Override
        public void run(int from, int to) {
            for (int i = from; i < to; i++) {
                int te = tokens[i] * c;
                int pe = (i % t) * c;
                int o = i * c;
                for (int j = 0; j < c; j++) {
                    out[o + j] = wte[te + j] + wpe[pe + j];
                }
            }
        }
    }

    /** dwte[tokens[s, p]] += dout[s, p] and dwpe[p] += dout[s, p]. Adds into dwte and dwpe. */
    public static void embedBackward(float[] dwte, float[] dwpe, float[] dout, int[] tokens, int b, int t, int c) {
        long t0 = KernelProfile.start();
        EmbedBackward loop = EMBED_BACKWARD.get();
        loop.dwte = dwte;
        loop.dwpe = dwpe;
        loop.dout = dout;
        loop.tokens = tokens;
        loop.b = b;
        loop.t = t;
        loop.c = c;
        Parallel.forRange(c, 2L * b * t, loop);
        KernelProfile.stop(KernelProfile.Kernel.EMBEDDING_BACKWARD, t0);
    }

    /** {@link #embedBackward}'s loop; its fields are the call's arguments. */
    private static final class EmbedBackward implements Parallel.RangeBody {
        float[] dwte;
        float[] dwpe;
        float[] dout;
        int[] tokens;
        int b;
        int t;
        int c;

        @Override
        public void run(int from, int to) {
            for (int i = 0; i < b * t; i++) {
                int te = tokens[i] * c;
                int pe = (i % t) * c;
                int o = i * c;
                for (int j = from; j < to; j++) {
                    dwte[te + j] += dout[o + j];
                    dwpe[pe + j] += dout[o + j];
                }
            }
        }
    }
}
