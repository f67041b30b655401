package org.bookcheck.kernel;

/**
 * Softmax followed by cross-entropy over vocabulary logits, fused because the backward of the pair is
 * simply p − y (the chapter's ∂L/∂z). A target below 0 marks a position that is not scored.
 */
public final class LossKernels {

    /** The target value of a position whose prediction is not scored. */
    public static final int IGNORE = -1;

    private LossKernels() {
    }

    /**
     * For each row r of width v: probs[r] = softmax(logits[r]) and losses[r] = −ln probs[r][t_r] with
     * t_r = targets[r] (losses[r] = 0 where t_r = {@link #IGNORE}). The log is taken as
     * ln Σ e^(z − m) − (z_t − m), which stays finite even when p_t rounds to 0.
     */
    public static void softmaxCrossEntropy(float[] probs, float[] losses, float[] logits, int[] targets, int rows, int v) {
        long t0 = KernelProfile.start();
        Parallel.forRange(rows, 6L * v, (from, to) -> {
            for (int r = from; r < to; r++) {
                int off = r * v;
                float m = SoftmaxKernels.max(logits, off, v);
                float sum = SoftmaxKernels.expShiftedInto(probs, logits, off, v, m);
                SoftmaxKernels.scale(probs, off, v, 1f / sum);
                int t = targets[r];
                losses[r] = t < 0 ? 0f : (float) (StrictMath.log(sum) - ((double) logits[off + t] - m));
            }
        });
        KernelProfile.stop(KernelProfile.Kernel.CROSS_ENTROPY, t0);
    }

    /**
     * dlogits[r] = weights[r] · (probs[r] − onehot(t_r)), the gradient of Σ_r weights[r]·loss_r;
     * rows with t_r = {@link #IGNORE} get 0. Writes dlogits (which may alias probs).
     */
    public static void softmaxCrossEntropyBackward(float[] dlogits, float[] probs, int[] targets, float[] weights,
            int rows, int v) {
        long t0 = KernelProfile.start();
        Parallel.forRange(rows, v, (from, to) -> {
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
        });
        KernelProfile.stop(KernelProfile.Kernel.CROSS_ENTROPY_BACKWARD, t0);
    }
}
