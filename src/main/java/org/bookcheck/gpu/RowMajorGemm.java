package org.bookcheck.gpu;

/**
 * A row-major product C [M, N] = op(A)·op(B) (A [M, K] or, transposed, [K, M]; B [K, N] or [N, K];
 * all packed) as the column-major call cuBLAS takes. A row-major matrix read column-major is its
 * transpose, so Cᵀ = op(B)ᵀ·op(A)ᵀ: cuBLAS gets B first with B's transpose flag, then A with A's,
 * and m = N, n = M; each leading dimension is the row length of the row-major matrix.
 *
 * @param opA     cuBLAS's transa (0 = CUBLAS_OP_N, 1 = CUBLAS_OP_T) for its first operand
 * @param a       device address of cuBLAS's first operand (the model's B)
 * @param swapped always true: cuBLAS's A is the model's B (batch strides swap with them)
 */
public record RowMajorGemm(int opA, int opB, int m, int n, int k, long a, int lda, long b, int ldb, long c, int ldc,
        boolean swapped) {

    /** CUBLAS_OP_N. */
    public static final int OP_N = 0;
    /** CUBLAS_OP_T. */
    public static final int OP_T = 1;

    /** The cuBLAS call for row-major C = op(A)·op(B) with C [rows, cols] and inner dimension inner. */
    public static RowMajorGemm of(boolean transA, boolean transB, int rows, int cols, int inner, long aAddress, long bAddress,
            long cAddress) {
        int lda = transA ? rows : inner;
        int ldb = transB ? inner : cols;
        return new RowMajorGemm(transB ? OP_T : OP_N, transA ? OP_T : OP_N, cols, rows, inner, bAddress, ldb, aAddress, lda,
                cAddress, cols, true);
    }
}
