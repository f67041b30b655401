package org.bookcheck.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise float32 kernels of a transformer block: the residual sum, GELU in the tanh form GPT-2
 * uses (Hendrycks &amp; Gimpel, 2016, "Gaussian Error Linear Units") and ReLU, each with its backward.
 * Element-wise work has no reductions, so any split between threads gives identical bits.
 */
public final class ActivationKernels {

    private static final VectorSpecies<Float> S = Simd.SPECIES;
    private static final int L = Simd.LANES;
    private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2 / Math.PI);
    private static final float GELU_CUBIC = 0.044715f;
    // One loop object per kernel and calling thread, so a call allocates nothing (see Parallel).
    private static final ThreadLocal<Add> ADD = ThreadLocal.withInitial(Add::new);
    private static final ThreadLocal<Gelu> GELU = ThreadLocal.withInitial(Gelu::new);
    private static final ThreadLocal<GeluBackward> GELU_BACKWARD = ThreadLocal.withInitial(GeluBackward::new);
    private static final ThreadLocal<Relu> RELU = ThreadLocal.withInitial(Relu::new);
    private static final ThreadLocal<ReluBackward> RELU_BACKWARD = ThreadLocal.withInitial(ReluBackward::new);

    private ActivationKernels() {
    }

    /** out = a + b over n elements (the residual connection Layer(x) + x); out may alias a or b. */
    public static void add(float[] out, float[] a, float[] b, int n) {
        long t0 = KernelProfile.start();
        Add loop = ADD.get();
        loop.out = out;
        loop.a = a;
        loop.b = b;
        Parallel.forAligned(n, L, 1, loop);
        KernelProfile.stop(KernelProfile.Kernel.RESIDUAL_ADD, t0);
    }

    /** {@link #add}'s loop; its fields are the call's arguments. */
    private static final class Add implements Parallel.RangeBody {
        float[] out;
        float[] a;
        float[] b;

        @Override
        public void run(int from, int to) {
            int i = from;
            if (Simd.vectorised()) {
                for (; i + L <= to; i += L) {
                    FloatVector.fromArray(S, a, i).add(FloatVector.fromArray(S, b, i)).intoArray(out, i);
                }
            }
            for (; i < to; i++) {
                out[i] = a[i] + b[i];
            }
        }
    }

    /** out += a over n elements: a gradient flowing into a tensor from a second path. */
    public static void accumulate(float[] out, float[] a, int n) {
        add(out, out, a, n);
    }

    /** out = ½x(1 + tanh(√(2/π)(x + 0.044715x³))), GELU's tanh form, over n elements. */
    public static void gelu(float[] out, float[] x, int n) {
        long t0 = KernelProfile.start();
        Gelu loop = GELU.get();
        loop.out = out;
        loop.x = x;
        Parallel.forAligned(n, L, 16, loop);
        KernelProfile.stop(KernelProfile.Kernel.GELU, t0);
    }

    /** {@link #gelu}'s loop; its fields are the call's arguments. */
    private static final class Gelu implements Parallel.RangeBody {
        float[] out;
        float[] x;

        @Override
        public void run(int from, int to) {
            int i = from;
            if (Simd.vectorised()) {
                for (; i + L <= to; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, i);
                    FloatVector u = v.mul(v).mul(v).mul(GELU_CUBIC).add(v).mul(SQRT_2_OVER_PI);
                    FloatMath.tanh(u).add(1f).mul(v).mul(0.5f).intoArray(out, i);
                }
            }
            for (; i < to; i++) {
                out[i] = geluScalar(x[i]);
            }
        }
    }

    /**
     * dx = dout · gelu'(x) with gelu'(x) = ½(1 + tanh u) + ½x(1 − tanh²u)·√(2/π)(1 + 3·0.044715x²),
     * u = √(2/π)(x + 0.044715x³). Writes dx (which may alias dout).
     */
    public static void geluBackward(float[] dx, float[] x, float[] dout, int n) {
        long t0 = KernelProfile.start();
        GeluBackward loop = GELU_BACKWARD.get();
        loop.dx = dx;
        loop.x = x;
        loop.dout = dout;
        Parallel.forAligned(n, L, 24, loop);
        KernelProfile.stop(KernelProfile.Kernel.GELU_BACKWARD, t0);
    }

    /** {@link #geluBackward}'s loop; its fields are the call's arguments. */
    private static final class GeluBackward implements Parallel.RangeBody {
        float[] dx;
        float[] x;
        float[] dout;

        @Override
        public void run(int from, int to) {
            int i = from;
            if (Simd.vectorised()) {
                for (; i + L <= to; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, i);
                    FloatVector v2 = v.mul(v);
                    FloatVector u = v2.mul(v).mul(GELU_CUBIC).add(v).mul(SQRT_2_OVER_PI);
                    FloatVector th = FloatMath.tanh(u);
                    FloatVector sech2 = th.mul(th).neg().add(1f);
                    FloatVector du = v2.mul(3f * GELU_CUBIC).add(1f).mul(SQRT_2_OVER_PI);
                    FloatVector grad = th.add(1f).mul(0.5f).add(v.mul(0.5f).mul(sech2).mul(du));
                    grad.mul(FloatVector.fromArray(S, dout, i)).intoArray(dx, i);
                }
            }
            for (; i < to; i++) {
                dx[i] = geluGradScalar(x[i]) * dout[i];
            }
        }
    }

    /** out = max(0, x) over n elements. */
    public static void relu(float[] out, float[] x, int n) {
        Relu loop = RELU.get();
        loop.out = out;
        loop.x = x;
        Parallel.forRange(n, 1, loop);
    }

    /** {@link #relu}'s loop; its fields are the call's arguments. */
    private static final class Relu implements Parallel.RangeBody {
        float[] out;
        float[] x;

        @Override
        public void run(int from, int to) {
            for (int i = from; i < to; i++) {
                out[i] = Math.max(0f, x[i]);
            }
        }
    }

    /** dx = dout where x &gt; 0, else 0 (the subgradient 0 at x = 0). */
    public static void reluBackward(float[] dx, float[] x, float[] dout, int n) {
        ReluBackward loop = RELU_BACKWARD.get();
        loop.dx = dx;
        loop.x = x;
        loop.dout = dout;
        Parallel.forRange(n, 1, loop);
    }

    /** {@link #reluBackward}'s loop; its fields are the call's arguments. */
    private static final class ReluBackward implements Parallel.RangeBody {
        float[] dx;
        float[] x;
        float[] dout;

        @Override
        public void run(int from, int to) {
            for (int i = from; i < to; i++) {
                dx[i] = x[i] > 0 ? dout[i] : 0f;
            }
        }
    }

    // The scalar forms repeat the vector forms' operations in the same order, so both paths agree bit for bit.
    static float geluScalar(float v) {
        float u = (v * v * v * GELU_CUBIC + v) * SQRT_2_OVER_PI;
        return (FloatMath.tanh(u) + 1f) * v * 0.5f;
    }

    static float geluGradScalar(float v) {
        float v2 = v * v;
        float u = (v2 * v * GELU_CUBIC + v) * SQRT_2_OVER_PI;
        float th = FloatMath.tanh(u);
        float sech2 = -(th * th) + 1f;
        float du = (v2 * (3f * GELU_CUBIC) + 1f) * SQRT_2_OVER_PI;
        return (th + 1f) * 0.5f + v * 0.5f * sech2 * du;
    }
}
