package org.bookcheck.kernel;

/**
 * A dense layer y = xW + b on rows of a batch (the reference's {@code linear}), with W stored
 * [inputs, outputs], and its backward: dX = dY·Wᵀ, dW += Xᵀ·dY, db += Σ_rows dY.
 */
public final class LinearKernels {

    private LinearKernels() {
    }

    /** out [rows, n] = x [rows, k] · w [k, n] + bias [n] (bias may be null). Writes out. */
    public static void linear(float[] out, float[] x, float[] w, float[] bias, int rows, int k, int n) {
        if (bias != null) {
            long t0 = KernelProfile.start();
            Parallel.forRange(rows, n, (from, to) -> {
                for (int r = from; r < to; r++) {
                    System.arraycopy(bias, 0, out, r * n, n);
                }
            });
            KernelProfile.stop(KernelProfile.Kernel.BIAS, t0);
        }
        MatmulKernels.matmul(out, x, w, rows, k, n, bias != null);
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
        Parallel.forRange(n, rows, (from, to) -> {
            for (int r = 0; r < rows; r++) {
                int off = r * n;
                for (int j = from; j < to; j++) {
                    sums[j] += m[off + j];
                }
            }
        });
        KernelProfile.stop(KernelProfile.Kernel.BIAS, t0);
    }
}
