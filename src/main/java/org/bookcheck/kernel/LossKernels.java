package org.bookcheck.kernel;

/**
 * Softmax followed by cross-entropy over vocabulary logits, fused because the backward of the pair is
 * simply p − y (the chapter's ∂L/∂z). A target below 0 marks a position that is not scored.
 */
public final class LossKernels {

    /** The target value of a position whose prediction is not scored. */
    public static final int IGNORE = -1;

    // One loop object per kernel and calling thread, so a call allocates nothing (see Parallel).
    private static final ThreadLocal<CrossEntropy> CROSS_ENTROPY = ThreadLocal.withInitial(CrossEntropy::new);
    private static final ThreadLocal<CrossEntropyBackward> CROSS_ENTROPY_BACKWARD =
            ThreadLocal.withInitial(CrossEntropyBackward::new);

    private LossKernels() {
    }

    /**
     * For each row r of width v: probs[r] = softmax(logits[r]) and losses[r] = −ln probs[r][t_r] with
     * t_r = targets[r] (losses[r] = 0 where t_r = {@link #IGNORE}). The log is taken as
     * ln Σ e^(z − m) − (z_t − m), which stays finite even when p_t rounds to 0.
     */
    public static void softmaxCrossEntropy(float[] probs, float[] losses, float[] logits, int[] targets, int rows, int v) {
        long t0 = KernelProfile.start();
        CrossEntropy loop = CROSS_ENTROPY.get();
        loop.probs = probs;
        loop.losses = losses;
        loop.logits = logits;
        loop.targets = targets;
        loop.v = v;
        Parallel.forRange(rows, 6L * v, loop);
        KernelProfile.stop(KernelProfile.Kernel.CROSS_ENTROPY, t0);
    }

    /** {@link #softmaxCrossEntropy}'s loop; its fields are the call's arguments. */
    private static final class CrossEntropy implements Parallel.RangeBody {
        float[] probs;
        float[] losses;
        float[] logits;
        int[] targets;
        int v;

        @Override
        public void run(int from, int to) {
            for (int r = from; r < to; r++) {
                int off = r * v;
                float m = SoftmaxKernels.max(logits, off, v);
                float sum = SoftmaxKernels.expShiftedInto(probs, logits, off, v, m);
                SoftmaxKernels.scale(probs, off, v, 1f / sum);
                int t = targets[r];
                losses[r] = t < 0 ? 0f : (float) (StrictMath.log(sum) - ((double) logits[off + t] - m));
            }
        }
    }

    /**
     * dlogits[r] = weights[r] · (probs[r] − onehot(t_r)), the gradient of Σ_r weights[r]·loss_r;
     * rows with t_r = {@link #IGNORE} get 0. Writes dlogits (which may alias probs).
     */
    public static void softmaxCrossEntropyBackward(float[] dlogits, float[] probs, int[] targets, float[] weights,
            int rows, int v) {
        long t0 = KernelProfile.start();
        CrossEntropyBackward loop = CROSS_ENTROPY_BACKWARD.get();
        loop.dlogits = dlogits;
        loop.probs = probs;
        loop.targets = targets;
        loop.weights = weights;
        loop.v = v;
        Parallel.forRange(rows, v, loop);
        KernelProfile.stop(KernelProfile.Kernel.CROSS_ENTROPY_BACKWARD, t0);
    }

    /** {@link #softmaxCrossEntropyBackward}'s loop; its fields are the call's arguments. */
    private static final class CrossEntropyBackward implements Parallel.RangeBody {
        float[] dlogits;
        float[] probs;
        int[] targets;
        float[] weights;
        int v;

        @Override
        public void run(int from, int to) {
            for (int r = from; r < to; r++) {
                int off = r * v;
                int t = targets[r];
                float wr = t < 0 ? 0f : weights[r];
                if (dlogits != probs) {
                    System.arraycopy(probs, off, dlogits, off, v);
                }
                SoftmaxKernels.scale(dlogits, off, v, wr);
                if (t >= 0) {
                    dlogits[off + t] -= wr;
                }
            }
        }
    }
}
