package org.bookcheck.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Parameter updates in float32: the chapter's gradient descent W − η∇W, AdamW (Loshchilov &amp;
 * Hutter, 2019, "Decoupled Weight Decay Regularization") and clipping by the global gradient norm.
 * The norm is summed over fixed blocks in a fixed order, so it does not depend on the thread count.
 */
public final class OptimizerKernels {

    /** Elements per partial sum of the gradient norm; fixed, never derived from the thread count. */
    public static final int NORM_BLOCK = 4096;

    private static final VectorSpecies<Float> S = Simd.SPECIES;
    private static final ThreadLocal<double[]> PARTIALS = ThreadLocal.withInitial(() -> new double[0]);
    private static final int L = Simd.LANES;

    private OptimizerKernels() {
    }

    /** w ← w − η·g over n elements (the chapter's weight update). */
    public static void sgd(float[] w, float[] g, int n, float learningRate) {
        Parallel.forAligned(n, L, 2, (from, to) -> {
            int i = from;
            if (Simd.vectorised()) {
                for (; i + L <= to; i += L) {
                    FloatVector gv = FloatVector.fromArray(S, g, i).mul(learningRate);
                    FloatVector.fromArray(S, w, i).sub(gv).intoArray(w, i);
                }
            }
            for (; i < to; i++) {
                w[i] = w[i] - g[i] * learningRate;
            }
        });
    }

    /**
     * One AdamW step at step number {@code step} ≥ 1: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
     * m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), w ← w − η(m̂/(√v̂ + ε) + λw). Modifies w, m and v.
     */
    public static void adamw(float[] w, float[] g, float[] m, float[] v, int n, float learningRate, float beta1,
            float beta2, float epsilon, float weightDecay, int step) {
        long t0 = KernelProfile.start();
        float c1 = (float) (1.0 / (1.0 - Math.pow(beta1, step)));
        float c2 = (float) (1.0 / (1.0 - Math.pow(beta2, step)));
        float b1c = 1f - beta1;
        float b2c = 1f - beta2;
        Parallel.forAligned(n, L, 12, (from, to) -> {
            int i = from;
            if (Simd.vectorised()) {
                for (; i + L <= to; i += L) {
                    FloatVector gv = FloatVector.fromArray(S, g, i);
                    FloatVector mv = FloatVector.fromArray(S, m, i).mul(beta1).add(gv.mul(b1c));
                    FloatVector vv = FloatVector.fromArray(S, v, i).mul(beta2).add(gv.mul(gv).mul(b2c));
                    mv.intoArray(m, i);
                    vv.intoArray(v, i);
                    FloatVector wv = FloatVector.fromArray(S, w, i);
                    FloatVector update = mv.mul(c1).div(vv.mul(c2).sqrt().add(epsilon)).add(wv.mul(weightDecay));
                    wv.sub(update.mul(learningRate)).intoArray(w, i);
                }
            }
            for (; i < to; i++) {
                float gi = g[i];
                float mi = m[i] * beta1 + gi * b1c;
                float vi = v[i] * beta2 + gi * gi * b2c;
                m[i] = mi;
                v[i] = vi;
                float update = mi * c1 / ((float) Math.sqrt(vi * c2) + epsilon) + w[i] * weightDecay;
                w[i] = w[i] - update * learningRate;
            }
        });
        KernelProfile.stop(KernelProfile.Kernel.ADAMW, t0);
    }

    /** Σ gᵢ² over n elements, summed in double within fixed blocks, the blocks added in order. */
    public static double sumOfSquares(float[] g, int n) {
        long t0 = KernelProfile.start();
        int blocks = (n + NORM_BLOCK - 1) / NORM_BLOCK;
        double[] partial = partials(blocks);
        Parallel.forRange(blocks, NORM_BLOCK, (from, to) -> {
            for (int blk = from; blk < to; blk++) {
                double sum = 0;
                for (int i = blk * NORM_BLOCK, end = Math.min(n, i + NORM_BLOCK); i < end; i++) {
                    sum += (double) g[i] * g[i];
                }
                partial[blk] = sum;
            }
        });
        double total = 0;
        for (int blk = 0; blk < blocks; blk++) {
            total += partial[blk];
        }
        KernelProfile.stop(KernelProfile.Kernel.GRADIENT_NORM, t0);
        return total;
    }

    /** The calling thread's buffer of at least n partial sums, grown when too small (so a step allocates nothing). */
    private static double[] partials(int n) {
        double[] p = PARTIALS.get();
        if (p.length < n) {
            p = new double[n];
            PARTIALS.set(p);
        }
        return p;
    }

    /**
     * Gradient clipping by global norm: given ‖g‖ over all tensors, the factor min(1, maxNorm/‖g‖) that
     * brings it down to maxNorm (1 when maxNorm ≤ 0 turns clipping off).
     */
    public static float clipFactor(double globalNorm, double maxNorm) {
        return maxNorm > 0 && globalNorm > maxNorm ? (float) (maxNorm / globalNorm) : 1f;
    }

    /** g ← s·g over n elements. */
    public static void scale(float[] g, int n, float s) {
        long t0 = KernelProfile.start();
        Parallel.forAligned(n, L, 1, (from, to) -> {
            int i = from;
            if (Simd.vectorised()) {
                for (; i + L <= to; i += L) {
                    FloatVector.fromArray(S, g, i).mul(s).intoArray(g, i);
                }
            }
            for (; i < to; i++) {
                g[i] *= s;
            }
        });
        KernelProfile.stop(KernelProfile.Kernel.GRADIENT_NORM, t0);
    }
}
