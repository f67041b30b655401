package org.bookcheck.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float32 matrix products over flat row-major arrays: the forward xW of a dense layer and the two
 * products of its backward pass, dX = dY·Wᵀ and dW = Xᵀ·dY, each with the option to add into C.
 *
 * <p>The three forms and {@link #gemm} run the packed, cache-blocked product of {@link PackedGemm},
 * which reads A and B through strides, so no form transposes a matrix first. {@link #gemmSerial} is
 * the unpacked product for the small per-head blocks of attention, where packing would cost more than
 * it saves: register-blocked (4 rows × 3 vectors of accumulators, then 4 × 2 and 4 × 1 for the columns
 * left over) and tiled along k and n. Both sum every element in increasing p with one fused
 * multiply-add per term, in every block shape and in the tails alike, so how work is split between
 * threads never changes a bit of the result.
 */
public final class MatmulKernels {

    private static final VectorSpecies<Float> S = Simd.SPECIES;
    private static final int L = Simd.LANES;
    /** Rows of the register block of {@link #gemmSerial}. */
    private static final int MR = 4;
    /** Depth of a k-tile: a 4-row slice of A and a k-tile of B rows stay in L1/L2. */
    private static final int KC = 256;
    /** Width of an n-tile, a multiple of the 3-vector block: KC × NC floats of B (240 KiB) stay in L2. */
    private static final int NC = 15 * L;

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

    /**
     * C(i, j) (+)= Σ_p A(i, p)·B(p, j) for rows [rowFrom, rowTo), j &lt; n, p &lt; k, with A(i, p) =
     * a[aOff + i·ars + p·acs], B(p, j) = b[bOff + p·ldb + j] and C(i, j) = c[cOff + i·ldc + j], unpacked
     * and on the calling thread only (for small products inside a parallel loop). Modifies c only.
     */
    public static void gemmSerial(int rowFrom, int rowTo, int n, int k, float[] a, int aOff, int ars, int acs, float[] b,
            int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        if (rowFrom >= rowTo || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = rowFrom; i < rowTo; i++) {
                    java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
                }
            }
            return;
        }
        if (Simd.vectorised()) {
            gemmVector(rowFrom, rowTo, n, k, a, aOff, ars, acs, b, bOff, ldb, c, cOff, ldc, accumulate);
        } else {
            gemmScalar(rowFrom, rowTo, n, k, a, aOff, ars, acs, b, bOff, ldb, c, cOff, ldc, accumulate);
        }
    }

    /** The plain-Java path: c = c + a·b in increasing p, row by row. */
    static void gemmScalar(int rowFrom, int rowTo, int n, int k, float[] a, int aOff, int ars, int acs, float[] b,
            int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = rowFrom; i < rowTo; i++) {
            int ci = cOff + i * ldc;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * ars + p * acs];
                int bp = bOff + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    static void gemmVector(int rowFrom, int rowTo, int n, int k, float[] a, int aOff, int ars, int acs, float[] b,
            int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        for (int j0 = 0; j0 < n; j0 += NC) {
            int nc = Math.min(NC, n - j0);
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                boolean acc = accumulate || p0 > 0;
                int i = rowFrom;
                for (; i + MR <= rowTo; i += MR) {
                    block(MR, i, j0, nc, p0, kc, a, aOff, ars, acs, b, bOff, ldb, c, cOff, ldc, acc);
                }
                for (; i < rowTo; i++) {
                    block(1, i, j0, nc, p0, kc, a, aOff, ars, acs, b, bOff, ldb, c, cOff, ldc, acc);
                }
            }
        }
    }

    /** One tile: rows [i, i + rows) (rows is 4 or 1), columns [j0, j0 + nc), depth [p0, p0 + kc). */
    private static void block(int rows, int i, int j0, int nc, int p0, int kc, float[] a, int aOff, int ars, int acs,
            float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean acc) {
        int aStart = aOff + i * ars + p0 * acs;
        int bStart = bOff + p0 * ldb;
        int cStart = cOff + i * ldc;
        int j = j0;
        int end = j0 + nc;
        if (rows == MR) {
            for (; j + 3 * L <= end; j += 3 * L) {
                kernel4x3(kc, a, aStart, ars, acs, b, bStart + j, ldb, c, cStart + j, ldc, acc);
            }
            if (j + 2 * L <= end) {
                kernel4x2(kc, a, aStart, ars, acs, b, bStart + j, ldb, c, cStart + j, ldc, acc);
                j += 2 * L;
            }
            for (; j + L <= end; j += L) {
                kernel4x1(kc, a, aStart, ars, acs, b, bStart + j, ldb, c, cStart + j, ldc, acc);
            }
        } else {
            for (; j + L <= end; j += L) {
                kernel1x1(kc, a, aStart, acs, b, bStart + j, ldb, c, cStart + j, acc);
            }
        }
        for (; j < end; j++) {
            for (int r = 0; r < rows; r++) {
                int ai = aStart + r * ars;
                int ci = cStart + r * ldc + j;
                float sum = acc ? c[ci] : 0f;
                int bi = bStart + j;
                for (int p = 0; p < kc; p++) {
                    sum = Math.fma(a[ai], b[bi], sum);
                    ai += acs;
                    bi += ldb;
                }
                c[ci] = sum;
            }
        }
    }

    private static void kernel4x3(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb, float[] c,
            int ci, int ldc, boolean acc) {
        int c1 = ci + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector z = FloatVector.zero(S);
        FloatVector r00 = acc ? FloatVector.fromArray(S, c, ci) : z;
        FloatVector r01 = acc ? FloatVector.fromArray(S, c, ci + L) : z;
        FloatVector r02 = acc ? FloatVector.fromArray(S, c, ci + 2 * L) : z;
        FloatVector r10 = acc ? FloatVector.fromArray(S, c, c1) : z;
        FloatVector r11 = acc ? FloatVector.fromArray(S, c, c1 + L) : z;
        FloatVector r12 = acc ? FloatVector.fromArray(S, c, c1 + 2 * L) : z;
        FloatVector r20 = acc ? FloatVector.fromArray(S, c, c2) : z;
        FloatVector r21 = acc ? FloatVector.fromArray(S, c, c2 + L) : z;
        FloatVector r22 = acc ? FloatVector.fromArray(S, c, c2 + 2 * L) : z;
        FloatVector r30 = acc ? FloatVector.fromArray(S, c, c3) : z;
        FloatVector r31 = acc ? FloatVector.fromArray(S, c, c3 + L) : z;
        FloatVector r32 = acc ? FloatVector.fromArray(S, c, c3 + 2 * L) : z;
        int a1 = ars;
        int a2 = 2 * ars;
        int a3 = 3 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            r02 = x.fma(b2, r02);
            x = FloatVector.broadcast(S, a[ai + a1]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            r12 = x.fma(b2, r12);
            x = FloatVector.broadcast(S, a[ai + a2]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            r22 = x.fma(b2, r22);
            x = FloatVector.broadcast(S, a[ai + a3]);
            r30 = x.fma(b0, r30);
            r31 = x.fma(b1, r31);
            r32 = x.fma(b2, r32);
            ai += acs;
            bi += ldb;
        }
        r00.intoArray(c, ci);
        r01.intoArray(c, ci + L);
        r02.intoArray(c, ci + 2 * L);
        r10.intoArray(c, c1);
        r11.intoArray(c, c1 + L);
        r12.intoArray(c, c1 + 2 * L);
        r20.intoArray(c, c2);
        r21.intoArray(c, c2 + L);
        r22.intoArray(c, c2 + 2 * L);
        r30.intoArray(c, c3);
        r31.intoArray(c, c3 + L);
        r32.intoArray(c, c3 + 2 * L);
    }

    private static void kernel4x2(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb, float[] c,
            int ci, int ldc, boolean acc) {
        int c1 = ci + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector z = FloatVector.zero(S);
        FloatVector r00 = acc ? FloatVector.fromArray(S, c, ci) : z;
        FloatVector r01 = acc ? FloatVector.fromArray(S, c, ci + L) : z;
        FloatVector r10 = acc ? FloatVector.fromArray(S, c, c1) : z;
        FloatVector r11 = acc ? FloatVector.fromArray(S, c, c1 + L) : z;
        FloatVector r20 = acc ? FloatVector.fromArray(S, c, c2) : z;
        FloatVector r21 = acc ? FloatVector.fromArray(S, c, c2 + L) : z;
        FloatVector r30 = acc ? FloatVector.fromArray(S, c, c3) : z;
        FloatVector r31 = acc ? FloatVector.fromArray(S, c, c3 + L) : z;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            x = FloatVector.broadcast(S, a[ai + ars]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            x = FloatVector.broadcast(S, a[ai + 2 * ars]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            x = FloatVector.broadcast(S, a[ai + 3 * ars]);
            r30 = x.fma(b0, r30);
            r31 = x.fma(b1, r31);
            ai += acs;
            bi += ldb;
        }
        r00.intoArray(c, ci);
        r01.intoArray(c, ci + L);
        r10.intoArray(c, c1);
        r11.intoArray(c, c1 + L);
        r20.intoArray(c, c2);
        r21.intoArray(c, c2 + L);
        r30.intoArray(c, c3);
        r31.intoArray(c, c3 + L);
    }

    private static void kernel4x1(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb, float[] c,
            int ci, int ldc, boolean acc) {
        int c1 = ci + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector z = FloatVector.zero(S);
        FloatVector r0 = acc ? FloatVector.fromArray(S, c, ci) : z;
        FloatVector r1 = acc ? FloatVector.fromArray(S, c, c1) : z;
        FloatVector r2 = acc ? FloatVector.fromArray(S, c, c2) : z;
        FloatVector r3 = acc ? FloatVector.fromArray(S, c, c3) : z;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            r0 = FloatVector.broadcast(S, a[ai]).fma(b0, r0);
            r1 = FloatVector.broadcast(S, a[ai + ars]).fma(b0, r1);
            r2 = FloatVector.broadcast(S, a[ai + 2 * ars]).fma(b0, r2);
            r3 = FloatVector.broadcast(S, a[ai + 3 * ars]).fma(b0, r3);
            ai += acs;
            bi += ldb;
        }
        r0.intoArray(c, ci);
        r1.intoArray(c, c1);
        r2.intoArray(c, c2);
        r3.intoArray(c, c3);
    }

    private static void kernel1x1(int kc, float[] a, int ai, int acs, float[] b, int bi, int ldb, float[] c, int ci,
            boolean acc) {
        FloatVector r0 = acc ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            r0 = FloatVector.broadcast(S, a[ai]).fma(FloatVector.fromArray(S, b, bi), r0);
            ai += acs;
            bi += ldb;
        }
        r0.intoArray(c, ci);
    }
}
