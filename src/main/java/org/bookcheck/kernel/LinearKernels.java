package org.bookcheck.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A dense layer y = xW + b on rows of a batch (the reference's {@code linear}), with W stored
 * [inputs, outputs], and its backward: dX = dY·Wᵀ, dW += Xᵀ·dY, db += Σ_rows dY.
 */
public final class LinearKernels {

    private static final VectorSpecies<Float> S = Simd.SPECIES;
    private static final int L = Simd.LANES;
    // One loop object per calling thread, so a call allocates nothing (see Parallel).
    private static final ThreadLocal<ColumnSums> COLUMN_SUMS = ThreadLocal.withInitial(ColumnSums::new);

    private LinearKernels() {
    }

    /** out [rows, n] = x [rows, k] · w [k, n] + bias [n] (bias may be null). Writes out. */
    public static void linear(float[] out, float[] x, float[] w, float[] bias, int rows, int k, int n) {
        long t0 = KernelProfile.start();
        // The bias starts each row's sums inside the product: the bits of copying it first, without the pass.
        PackedGemm.gemm(rows, n, k, x, 0, k, 1, w, 0, n, 1, out, 0, n, false, bias);
        KernelProfile.stop(KernelProfile.Kernel.MATMUL, t0);
    }

    /**
     * Backward of {@link #linear} given dout [rows, n]: writes dx [rows, k] (unless null), adds into
     * dw [k, n] and dbias [n] (unless null). Both products read their transposed operand in place.
     */
    public static void linearBackward(float[] dx, float[] dw, float[] dbias, float[] dout, float[] x, float[] w,
            int rows, int k, int n) {
        if (dx != null) {
            MatmulKernels.matmulTransposedB(dx, dout, w, rows, n, k, false);
        }
        MatmulKernels.matmulTransposedA(dw, x, dout, k, rows, n, true);
        if (dbias != null) {
            columnSums(dbias, dout, rows, n);
        }
    }

    /**
     * The same as {@link #linearBackward(float[], float[], float[], float[], float[], float[], int, int, int)};
     * {@code scratch} is no longer used.
     *
     * @deprecated for callers written before the packed product; drop the scratch argument.
     */
    @Deprecated(forRemoval = true)
    public static void linearBackward(float[] dx, float[] dw, float[] dbias, float[] dout, float[] x, float[] w,
            float[] scratch, int rows, int k, int n) {
        linearBackward(dx, dw, dbias, dout, x, w, rows, k, n);
    }

    /** sums[j] += Σ_r m[r, j], rows added in order (split between threads by column). */
    public static void columnSums(float[] sums, float[] m, int rows, int n) {
        long t0 = KernelProfile.start();
        ColumnSums loop = COLUMN_SUMS.get();
        loop.sums = sums;
        loop.m = m;
        loop.rows = rows;
        loop.n = n;
        Parallel.forAligned(n, L, rows, loop);
        KernelProfile.stop(KernelProfile.Kernel.BIAS_GRADIENT, t0);
    }

    /** {@link #columnSums}'s loop over columns; its fields are the call's arguments. */
    private static final class ColumnSums implements Parallel.RangeBody {
        float[] sums;
        float[] m;
        int rows;
        int n;

        @Override
        public void run(int from, int to) {
            int j = from;
            if (Simd.vectorised()) {
                // A vector of columns at a time, down all the rows: each column still adds its rows in order.
                for (; j + L <= to; j += L) {
                    FloatVector acc = FloatVector.fromArray(S, sums, j);
                    for (int r = 0, off = j; r < rows; r++, off += n) {
                        acc = acc.add(FloatVector.fromArray(S, m, off));
                    }
                    acc.intoArray(sums, j);
                }
            }
            for (; j < to; j++) {
                float sum = sums[j];
                for (int r = 0, off = j; r < rows; r++, off += n) {
                    sum += m[off];
                }
                sums[j] = sum;
            }
        }
    }
}
