package org.bookcheck.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Row-wise softmax in float32, optionally with the causal mask of self-attention, and its backward.
 * softmax(x)ᵢ = e^(xᵢ − m)/Σⱼ e^(xⱼ − m) with m the row's maximum, so no exponent is positive. With
 * the causal mask the rows come in square blocks of width w and row r may only see columns
 * j ≤ r mod w; the others get probability exactly 0.
 */
public final class SoftmaxKernels {

    private static final VectorSpecies<Float> S = Simd.SPECIES;
    private static final int L = Simd.LANES;
    // One loop object per kernel and calling thread, so a call allocates nothing (see Parallel).
    private static final ThreadLocal<Softmax> SOFTMAX = ThreadLocal.withInitial(Softmax::new);
    private static final ThreadLocal<SoftmaxBackward> SOFTMAX_BACKWARD = ThreadLocal.withInitial(SoftmaxBackward::new);

    private SoftmaxKernels() {
    }

    /** out = softmax of each of the rows of width w of x (out may alias x). */
    public static void softmax(float[] out, float[] x, int rows, int w, boolean causal) {
        Softmax loop = SOFTMAX.get();
        loop.out = out;
        loop.x = x;
        loop.w = w;
        loop.causal = causal;
        Parallel.forRange(rows, 4L * w, loop);
    }

    /** {@link #softmax}'s loop; its fields are the call's arguments. */
    private static final class Softmax implements Parallel.RangeBody {
        float[] out;
        float[] x;
        int w;
        boolean causal;

        @Override
        public void run(int from, int to) {
            for (int r = from; r < to; r++) {
                softmaxRow(out, x, r * w, w, causal ? r % w + 1 : w);
            }
        }
    }

    /** dx = y ⊙ (dy − Σⱼ yⱼ dyⱼ) for each row, the backward of y = softmax(x) (dx may alias dy). */
    public static void softmaxBackward(float[] dx, float[] y, float[] dy, int rows, int w, boolean causal) {
        SoftmaxBackward loop = SOFTMAX_BACKWARD.get();
        loop.dx = dx;
        loop.y = y;
        loop.dy = dy;
        loop.w = w;
        loop.causal = causal;
        Parallel.forRange(rows, 3L * w, loop);
    }

    /** {@link #softmaxBackward}'s loop; its fields are the call's arguments. */
    private static final class SoftmaxBackward implements Parallel.RangeBody {
        float[] dx;
        float[] y;
        float[] dy;
        int w;
        boolean causal;

        @Override
        public void run(int from, int to) {
            for (int r = from; r < to; r++) {
                softmaxBackwardRow(dx, y, dy, r * w, w, causal ? r % w + 1 : w);
            }
        }
    }

    /** Softmax over x[off, off + valid) into out, and exactly 0 for the masked [off + valid, off + w). */
    static void softmaxRow(float[] out, float[] x, int off, int w, int valid) {
        float m = max(x, off, valid);
        float sum = expShiftedInto(out, x, off, valid, m);
        scale(out, off, valid, 1f / sum);
        java.util.Arrays.fill(out, off + valid, off + w, 0f);
    }

    static void softmaxBackwardRow(float[] dx, float[] y, float[] dy, int off, int w, int valid) {
        float dot = 0f;
        int j = 0;
        if (Simd.vectorised() && valid >= L) {
            FloatVector acc = FloatVector.zero(S);
            for (; j + L <= valid; j += L) {
                acc = FloatVector.fromArray(S, y, off + j).fma(FloatVector.fromArray(S, dy, off + j), acc);
            }
            dot = FloatMath.sumLanes(acc);
        }
        for (; j < valid; j++) {
            dot += y[off + j] * dy[off + j];
        }
        j = 0;
        if (Simd.vectorised()) {
            for (; j + L <= valid; j += L) {
                FloatVector yv = FloatVector.fromArray(S, y, off + j);
                yv.mul(FloatVector.fromArray(S, dy, off + j).sub(dot)).intoArray(dx, off + j);
            }
        }
        for (; j < valid; j++) {
            dx[off + j] = y[off + j] * (dy[off + j] - dot);
        }
        java.util.Arrays.fill(dx, off + valid, off + w, 0f);
    }

    /** maxⱼ x[off + j] for j &lt; n (order does not matter for a maximum). */
    static float max(float[] x, int off, int n) {
        float m = Float.NEGATIVE_INFINITY;
        int j = 0;
        if (Simd.vectorised() && n >= L) {
            FloatVector acc = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            for (; j + L <= n; j += L) {
                acc = acc.max(FloatVector.fromArray(S, x, off + j));
            }
            m = acc.reduceLanes(VectorOperators.MAX);
        }
        for (; j < n; j++) {
            m = Math.max(m, x[off + j]);
        }
        return m;
    }

    /** out[off + j] = e^(x[off + j] − m) for j &lt; n; returns their sum, added in a fixed order. */
    static float expShiftedInto(float[] out, float[] x, int off, int n, float m) {
        float sum = 0f;
        int j = 0;
        if (Simd.vectorised() && n >= L) {
            FloatVector acc = FloatVector.zero(S);
            for (; j + L <= n; j += L) {
                FloatVector e = FloatMath.exp(FloatVector.fromArray(S, x, off + j).sub(m));
                e.intoArray(out, off + j);
                acc = acc.add(e);
            }
            sum = FloatMath.sumLanes(acc);
        }
        for (; j < n; j++) {
            float e = FloatMath.exp(x[off + j] - m);
            out[off + j] = e;
            sum += e;
        }
        return sum;
    }

    /** out[off + j] *= s for j &lt; n. */
    static void scale(float[] out, int off, int n, float s) {
        int j = 0;
        if (Simd.vectorised()) {
            for (; j + L <= n; j += L) {
                FloatVector.fromArray(S, out, off + j).mul(s).intoArray(out, off + j);
            }
        }
        for (; j < n; j++) {
            out[off + j] *= s;
        }
    }
}
