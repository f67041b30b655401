package org.bookcheck.kernel;

/**
 * Multi-head self-attention in float32 (Vaswani et al., 2017), causal as a decoder needs it or
 * unmasked, on the packed projections of a batch: qkv is [b, t, 3c] holding Q, K and V side by side,
 * and head h owns channels [h·d, (h + 1)·d) of each, d = c / heads. Per head: scores S = QKᵀ/√d
 * (with the causal mask, position i sees only positions j ≤ i), weights
 * A = softmax(S), context A·V written to out [b, t, c]. Each (sequence, head) pair is independent,
 * so pairs are split between threads and every product inside runs serially, through the packed
 * product reading Kᵀ and Vᵀ in place (nothing is transposed first).
 */
public final class AttentionKernels {

    /**
     * Query rows computed together: under the causal mask a block needs only the keys up to its last
     * row, so a short block skips most of the masked half; a multiple of the product's register block.
     */
    private static final int ROWS = 4 * PackedGemm.MR;

    // One loop object per kernel and calling thread, so a call allocates nothing (see Parallel).
    private static final ThreadLocal<Forward> FORWARD = ThreadLocal.withInitial(Forward::new);
    private static final ThreadLocal<Backward> BACKWARD = ThreadLocal.withInitial(Backward::new);

    private AttentionKernels() {
    }

    /**
     * Forward. Writes out [b, t, c] and the masked softmax weights att [b, heads, t, t] (needed by the
     * backward pass), and uses scores [b, heads, t, t] as scratch.
     */
    public static void attention(float[] out, float[] att, float[] scores, float[] qkv, int b, int t, int c, int heads,
            boolean causal) {
        long t0 = KernelProfile.start();
        int d = c / heads;
        float scale = (float) (1.0 / Math.sqrt(d));
        Forward loop = FORWARD.get();
        loop.out = out;
        loop.att = att;
        loop.scores = scores;
        loop.qkv = qkv;
        loop.t = t;
        loop.c = c;
        loop.heads = heads;
        loop.causal = causal;
        loop.d = d;
        loop.scale = scale;
        Parallel.forRange(b * heads, 4L * t * t * d, loop);
        KernelProfile.stop(KernelProfile.Kernel.ATTENTION, t0);
    }

    /** {@link #attention}'s loop over (sequence, head) pairs; its fields are the call's arguments. */
    private static final class Forward implements Parallel.RangeBody {
        float[] out;
        float[] att;
        float[] scores;
        float[] qkv;
        int t;
        int c;
        int heads;
        boolean causal;
        int d;
        float scale;

        @Override
        public void run(int from, int to) {
            for (int bh = from; bh < to; bh++) {
                int s = bh / heads;
                int h = bh % heads;
                int q0 = s * t * 3 * c + h * d;
                int k0 = q0 + c;
                int v0 = q0 + 2 * c;
                int tt = bh * t * t;
                for (int i0 = 0; i0 < t; i0 += ROWS) {
                    int i1 = Math.min(t, i0 + ROWS);
                    int seen = causal ? i1 : t;
                    // S(i, j) = Q(i)·K(j): B(p, j) = K[j][p] is Kᵀ read through strides.
                    PackedGemm.serial(i0, i1, 0, seen, d, qkv, q0, 3 * c, 1, qkv, k0, 1, 3 * c, scores, tt, t, false, null);
                    for (int row = i0; row < i1; row++) {
                        SoftmaxKernels.scale(scores, tt + row * t, seen, scale);
                        SoftmaxKernels.softmaxRow(att, scores, tt + row * t, t, causal ? row + 1 : t);
                    }
                    // Weights beyond `seen` are exactly 0, so leaving them out of the sum changes no bit.
                    PackedGemm.serial(i0, i1, 0, d, seen, att, tt, t, 1, qkv, v0, 3 * c, 1, out, s * t * c + h * d, c,
                            false, null);
                }
            }
        }
    }

    /**
     * The same as {@link #attention(float[], float[], float[], float[], int, int, int, int, boolean)};
     * {@code kT} is no longer used (keys are read transposed in place).
     *
     * @deprecated for callers written before the packed product; drop the kT argument.
     */
    @Deprecated(forRemoval = true)
    public static void attention(float[] out, float[] att, float[] scores, float[] kT, float[] qkv, int b, int t,
            int c, int heads, boolean causal) {
        attention(out, att, scores, qkv, b, t, c, heads, causal);
    }

    /**
     * Backward of {@link #attention} given dout [b, t, c]: writes dqkv [b, t, 3c] (all of it) and uses
     * datt [b, heads, t, t] as scratch. With dA = dout·Vᵀ and dS = A ⊙ (dA − rowsum(A ⊙ dA))/√d:
     * dQ = dS·K, dK = dSᵀ·Q, dV = Aᵀ·dout.
     */
    public static void attentionBackward(float[] dqkv, float[] datt, float[] dout, float[] qkv, float[] att, int b,
            int t, int c, int heads, boolean causal) {
        long t0 = KernelProfile.start();
        int d = c / heads;
        float scale = (float) (1.0 / Math.sqrt(d));
        Backward loop = BACKWARD.get();
        loop.dqkv = dqkv;
        loop.datt = datt;
        loop.dout = dout;
        loop.qkv = qkv;
        loop.att = att;
        loop.t = t;
        loop.c = c;
        loop.heads = heads;
        loop.causal = causal;
        loop.d = d;
        loop.scale = scale;
        Parallel.forRange(b * heads, 8L * t * t * d, loop);
        KernelProfile.stop(KernelProfile.Kernel.ATTENTION_BACKWARD, t0);
    }

    /** {@link #attentionBackward}'s loop over (sequence, head) pairs; its fields are the call's arguments. */
    private static final class Backward implements Parallel.RangeBody {
        float[] dqkv;
        float[] datt;
        float[] dout;
        float[] qkv;
        float[] att;
        int t;
        int c;
        int heads;
        boolean causal;
        int d;
        float scale;

        @Override
        public void run(int from, int to) {
            for (int bh = from; bh < to; bh++) {
                int s = bh / heads;
                int h = bh % heads;
                int q0 = s * t * 3 * c + h * d;
                int k0 = q0 + c;
                int v0 = q0 + 2 * c;
                int o0 = s * t * c + h * d;
                int tt = bh * t * t;
                for (int i0 = 0; i0 < t; i0 += ROWS) {
                    int i1 = Math.min(t, i0 + ROWS);
                    int seen = causal ? i1 : t;
                    PackedGemm.serial(i0, i1, 0, seen, d, dout, o0, c, 1, qkv, v0, 1, 3 * c, datt, tt, t, false, null);
                    for (int row = i0; row < i1; row++) {
                        // Masked weights' gradients are exactly 0 already: only the row's visible part is scaled.
                        int valid = causal ? row + 1 : t;
                        SoftmaxKernels.softmaxBackwardRow(datt, att, datt, tt + row * t, t, valid);
                        SoftmaxKernels.scale(datt, tt + row * t, valid, scale);
                    }
                    PackedGemm.serial(i0, i1, 0, d, seen, datt, tt, t, 1, qkv, k0, 3 * c, 1, dqkv, q0, 3 * c, false, null);
                }
                // dK = dSᵀ·Q and dV = Aᵀ·dout by blocks of key positions j: under the causal mask only the query
                // rows i ≥ j have weight on key j, so the sums start at the block's first key (leading zero terms
                // would leave every sum +0 until its first real term: skipping them changes no bit).
                for (int j0 = 0; j0 < t; j0 += ROWS) {
                    int j1 = Math.min(t, j0 + ROWS);
                    int first = causal ? j0 : 0;
                    PackedGemm.serial(j0, j1, 0, d, t - first, datt, tt + first * t, 1, t, qkv, q0 + first * 3 * c,
                            3 * c, 1, dqkv, k0, 3 * c, false, null);
                    PackedGemm.serial(j0, j1, 0, d, t - first, att, tt + first * t, 1, t, dout, o0 + first * c, c, 1,
                            dqkv, v0, 3 * c, false, null);
                }
            }
        }
    }

    /**
     * The same as {@link #attentionBackward(float[], float[], float[], float[], float[], int, int, int, int, boolean)};
     * {@code vT} is no longer used (values are read transposed in place).
     *
     * @deprecated for callers written before the packed product; drop the vT argument.
     */
    @Deprecated(forRemoval = true)
    public static void attentionBackward(float[] dqkv, float[] datt, float[] vT, float[] dout, float[] qkv, float[] att,
            int b, int t, int c, int heads, boolean causal) {
        attentionBackward(dqkv, datt, dout, qkv, att, b, t, c, heads, causal);
    }
}
