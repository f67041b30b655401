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
    // One loop object per kernel and calling thread, so a call allocates nothing (see Parallel).
    private static final ThreadLocal<Sgd> SGD = ThreadLocal.withInitial(Sgd::new);
    private static final ThreadLocal<AdamW> ADAMW = ThreadLocal.withInitial(AdamW::new);
    private static final ThreadLocal<SumOfSquares> SUM_OF_SQUARES = ThreadLocal.withInitial(SumOfSquares::new);
    private static final ThreadLocal<Scale> SCALE = ThreadLocal.withInitial(Scale::new);

    private OptimizerKernels() {
    }

    /** w ← w − η·g over n elements (the chapter's weight update). */
    public static void sgd(float[] w, float[] g, int n, float learningRate) {
        Sgd loop = SGD.get();
        loop.w = w;
        loop.g = g;
        loop.learningRate = learningRate;
        Parallel.forAligned(n, L, 2, loop);
    }

    /** {@link #sgd}'s loop; its fields are the call's arguments. */
    private static final class Sgd implements Parallel.RangeBody {
        float[] w;
        float[] g;
        float learningRate;

        @Override
        public void run(int from, int to) {
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
        }
    }

    /**
     * One AdamW step at step number {@code step} ≥ 1: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
     * m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), w ← w − η(m̂/(√v̂ + ε) + λw). Modifies w, m and v.
     */
    public static void adamw(float[] w, float[] g, float[] m, float[] v, int n, float learningRate, float beta1,
            float beta2, float epsilon, float weightDecay, int step) {
        long t0 = KernelProfile.start();
        AdamW loop = ADAMW.get();
        loop.w = w;
        loop.g = g;
        loop.m = m;
        loop.v = v;
        loop.learningRate = learningRate;
        loop.beta1 = beta1;
        loop.beta2 = beta2;
        loop.epsilon = epsilon;
        loop.weightDecay = weightDecay;
        loop.c1 = (float) (1.0 / (1.0 - Math.pow(beta1, step)));
        loop.c2 = (float) (1.0 / (1.0 - Math.pow(beta2, step)));
        Parallel.forAligned(n, L, 12, loop);
        KernelProfile.stop(KernelProfile.Kernel.ADAMW, t0);
    }

    /** {@link #adamw}'s loop; its fields are the call's arguments, c1 and c2 the bias corrections 1/(1 − βᵗ). */
    private static final class AdamW implements Parallel.RangeBody {
        float[] w;
        float[] g;
        float[] m;
        float[] v;
        float learningRate;
        float beta1;
        float beta2;
        float epsilon;
        float weightDecay;
        float c1;
        float c2;

        @Override
        public void run(int from, int to) {
            float b1c = 1f - beta1;
            float b2c = 1f - beta2;
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
        }
    }

    /** Σ gᵢ² over n elements, summed in double within fixed blocks, the blocks added in order. */
    public static double sumOfSquares(float[] g, int n) {
        long t0 = KernelProfile.start();
        int blocks = (n + NORM_BLOCK - 1) / NORM_BLOCK;
        double[] partial = partials(blocks);
        SumOfSquares loop = SUM_OF_SQUARES.get();
        loop.g = g;
        loop.n = n;
        loop.partial = partial;
        Parallel.forRange(blocks, NORM_BLOCK, loop);
        double total = 0;
        for (int blk = 0; blk < blocks; blk++) {
            total += partial[blk];
        }
        KernelProfile.stop(KernelProfile.Kernel.GRADIENT_NORM, t0);
        return total;
    }

    /** {@link #sumOfSquares}'s loop over blocks; its fields are the call's arguments. */
    private static final class SumOfSquares implements Parallel.RangeBody {
        float[] g;
        int n;
        double[] partial;

        @Override
        public void run(int from, int to) {
            for (int blk = from; blk < to; blk++) {
                double sum = 0;
                for (int i = blk * NORM_BLOCK, end = Math.min(n, i + NORM_BLOCK); i < end; i++) {
                    sum += (double) g[i] * g[i];
                }
                partial[blk] = sum;
            }
        }
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
        Scale loop = SCALE.get();
        loop.g = g;
        loop.s = s;
        Parallel.forAligned(n, L, 1, loop);
        KernelProfile.stop(KernelProfile.Kernel.GRADIENT_NORM, t0);
    }

    /** {@link #scale}'s loop; its fields are the call's arguments. */
    private static final class Scale implements Parallel.RangeBody {
        float[] g;
        float s;

        @Override
        public void run(int from, int to) {
            int i = from;
            if (Simd.vectorised()) {
                for (; i + L <= to; i += L) {
                    FloatVector.fromArray(S, g, i).mul(s).intoArray(g, i);
                }
            }
            for (; i < to; i++) {
                g[i] *= s;
            }
        }
    }
}
