package org.bookcheck.kernel;

/**
 * Float32 matrix products over flat row-major arrays: the forward xW of a dense layer and the two
 * products of its backward pass, dX = dY·Wᵀ and dW = Xᵀ·dY, each with the option to add into C.
 *
 * <p>The three forms and {@link #gemm} run the packed, cache-blocked product of {@link PackedGemm},
 * which reads A and B through strides, so no form transposes a matrix first. It sums every element in
 * increasing p with one fused multiply-add per term, in every block shape and edge alike, so how work
 * is split between threads never changes a bit of the result.
 */
public final class MatmulKernels {

    private MatmulKernels() {
    }

    /** C (+)= A·B with A m×k, B k×n and C m×n, all contiguous row-major. */
    public static void matmul(float[] c, float[] a, float[] b, int m, int k, int n, boolean accumulate) {
        long t0 = KernelProfile.start();
        PackedGemm.gemm(m, n, k, a, 0, k, 1, b, 0, n, 1, c, 0, n, accumulate);
        KernelProfile.stop(KernelProfile.Kernel.MATMUL, t0);
    }

    /** C (+)= Aᵀ·B with A stored k×m (so Aᵀ is m×k), B k×n: the dW = Xᵀ·dY of a dense layer. */
    public static void matmulTransposedA(float[] c, float[] a, float[] b, int m, int k, int n, boolean accumulate) {
        long t0 = KernelProfile.start();
        PackedGemm.gemm(m, n, k, a, 0, 1, m, b, 0, n, 1, c, 0, n, accumulate);
        KernelProfile.stop(KernelProfile.Kernel.MATMUL_TRANSPOSED_A, t0);
    }

    /** C (+)= A·Bᵀ with A m×k and B stored n×k: the dX = dY·Wᵀ of a dense layer, and logits = x·Eᵀ. */
    public static void matmulTransposedB(float[] c, float[] a, float[] b, int m, int k, int n, boolean accumulate) {
        long t0 = KernelProfile.start();
        PackedGemm.gemm(m, n, k, a, 0, k, 1, b, 0, 1, k, c, 0, n, accumulate);
        KernelProfile.stop(KernelProfile.Kernel.MATMUL_TRANSPOSED_B, t0);
    }

    /**
     * The same product as {@link #matmulTransposedB(float[], float[], float[], int, int, int, boolean)};
     * {@code scratch} is no longer used (the product reads Bᵀ through strides).
     *
     * @deprecated for callers written before the packed product; drop the scratch argument.
     */
    @Deprecated(forRemoval = true)
    public static void matmulTransposedB(float[] c, float[] a, float[] b, float[] scratch, int m, int k, int n,
            boolean accumulate) {
        matmulTransposedB(c, a, b, m, k, n, accumulate);
    }

    /**
     * C(i, j) (+)= Σ_p A(i, p)·B(p, j) for i &lt; m, j &lt; n, p &lt; k, with A(i, p) =
     * a[aOff + i·ars + p·acs], B(p, j) = b[bOff + p·brs + j·bcs] and C(i, j) = c[cOff + i·ldc + j]:
     * any of the four transposed forms, split between threads. Modifies c only.
     */
    public static void gemm(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs,
            int bcs, float[] c, int cOff, int ldc, boolean accumulate) {
        PackedGemm.gemm(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
    }

    /**
     * Writes the transpose of the rows×cols block of {@code src} (row stride {@code lds}) into
     * {@code dst} as cols×rows (row stride {@code ldd}).
     */
    public static void transpose(float[] src, int srcOff, int rows, int cols, int lds, float[] dst, int dstOff, int ldd) {
        final int tile = 32;
        for (int r0 = 0; r0 < rows; r0 += tile) {
            int r1 = Math.min(rows, r0 + tile);
            for (int c0 = 0; c0 < cols; c0 += tile) {
                int c1 = Math.min(cols, c0 + tile);
                for (int r = r0; r < r1; r++) {
                    int s = srcOff + r * lds;
                    for (int col = c0; col < c1; col++) {
                        dst[dstOff + col * ldd + r] = src[s + col];
                    }
                }
            }
        }
    }
}
