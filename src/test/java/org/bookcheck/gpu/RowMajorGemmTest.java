package org.bookcheck.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The row-major products handed to cuBLAS as column-major calls: each call is run through a plain
 * Java SGEMM written from the BLAS definition (column-major, C = op(A)·op(B) with leading
 * dimensions), on a memory of floats addressed by index, and compared with the row-major product
 * written out by hand.
 */
class RowMajorGemmTest {

    /** BLAS sgemm, α = 1, β = 0, column-major, over one array; addresses are indices into it. */
    private static void blasSgemm(float[] mem, RowMajorGemm g) {
        for (int i = 0; i < g.m(); i++) {
            for (int j = 0; j < g.n(); j++) {
                double s = 0;
                for (int p = 0; p < g.k(); p++) {
                    // op(A)[i][p]: A is lda-strided columns; transposed means A[p][i].
                    float a = g.opA() == RowMajorGemm.OP_N ? mem[(int) g.a() + i + p * g.lda()] : mem[(int) g.a() + p + i * g.lda()];
                    float b = g.opB() == RowMajorGemm.OP_N ? mem[(int) g.b() + p + j * g.ldb()] : mem[(int) g.b() + j + p * g.ldb()];
                    s += (double) a * b;
                }
                mem[(int) g.c() + i + j * g.ldc()] = (float) s;
            }
        }
    }

    @ParameterizedTest(name = "transA {0}, transB {1}, {2}×{4} · {4}×{3}")
    @CsvSource({"false, false, 3, 5, 2", "false, true, 4, 3, 6", "true, false, 2, 7, 3", "true, true, 5, 2, 4", "false, false, 1, 1, 1"})
    void theColumnMajorCallComputesTheRowMajorProduct(boolean transA, boolean transB, int rows, int cols, int inner) {
        SplittableRandom r = new SplittableRandom(rows * 31L + cols * 7L + inner);
        int aSize = rows * inner;
        int bSize = inner * cols;
        float[] mem = new float[aSize + bSize + rows * cols];
        for (int i = 0; i < aSize + bSize; i++) {
            mem[i] = r.nextInt(-4, 5);
        }
        int a = 0;
        int b = aSize;
        int c = aSize + bSize;
        blasSgemm(mem, RowMajorGemm.of(transA, transB, rows, cols, inner, a, b, c));
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double expected = 0;
                for (int p = 0; p < inner; p++) {
                    // Row-major: A [rows, inner] or, stored transposed, [inner, rows]; B [inner, cols] or [cols, inner].
                    float x = transA ? mem[a + p * rows + i] : mem[a + i * inner + p];
                    float y = transB ? mem[b + j * inner + p] : mem[b + p * cols + j];
                    expected += x * y;
                }
                assertEquals(expected, mem[c + i * cols + j], 0.0, "C[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void theOperandsSwapAndTheLeadingDimensionsAreRowLengths() {
        // C [2, 3] = A [2, 4] · Bᵀ with B stored [3, 4]: cuBLAS computes Cᵀ = B·Aᵀ, m = 3, n = 2, k = 4.
        RowMajorGemm g = RowMajorGemm.of(false, true, 2, 3, 4, 100, 200, 300);
        assertEquals(new RowMajorGemm(RowMajorGemm.OP_T, RowMajorGemm.OP_N, 3, 2, 4, 200, 4, 100, 4, 300, 3, true), g);
    }
}
