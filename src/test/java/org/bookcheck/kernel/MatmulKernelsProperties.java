package org.bookcheck.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.bookcheck.reference.ArithmeticOps;
import org.bookcheck.reference.LinearAlgebraOps;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Numeric;

/**
 * The matrix products agree with the reference's matmul and transpose within {@link Check#TOL_F32}, and
 * on the vector path each element is exactly the chain of fused multiply-adds in increasing p that a
 * naive loop computes, whatever the vector width, block sizes or shape.
 */
class MatmulKernelsProperties {

    /**
     * Shapes across every boundary of the packed product at both vector widths: 1, primes, sizes
     * either side of the micro-tile (6 rows; 16 or 32 columns), of the blocks of A (96 rows) and of
     * the depth of a panel (128 or 256), and columns past one packed panel of B (512 or 1024).
     */
    static final int[][] AWKWARD_SHAPES = {
        {1, 1, 1}, {1, 7, 1}, {7, 1, 13}, {17, 33, 65}, {5, 129, 31}, {6, 256, 32}, {7, 257, 33}, {97, 13, 17},
        {96, 128, 16}, {101, 300, 49}, {13, 31, 1031}, {2, 3, 2053},
    };

    @Provide
    Arbitrary<Integer> dim() {
        return Dims.upTo(70);
    }

    @Property(tries = 60)
    void productAgreesWithReference(@ForAll("dim") int m, @ForAll("dim") int k, @ForAll("dim") int n,
            @ForAll long seed, @ForAll KernelPath path) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = Check.random(r, m * k, 2);
        float[] b = Check.random(r, k * n, 2);
        Matrix ma = Check.matrix(a, m, k);
        Matrix mb = Check.matrix(b, k, n);
        path.run(() -> {
            float[] c = new float[m * n];
            MatmulKernels.matmul(c, a, b, m, k, n, false);
            Check.close(LinearAlgebraOps.matmul(ma, mb), c, LinearAlgebraOps.matmul(Check.abs(ma), Check.abs(mb)), "A·B");
        });
    }

    @Property(tries = 60)
    void transposedFormsAgreeWithReference(@ForAll("dim") int m, @ForAll("dim") int k, @ForAll("dim") int n,
            @ForAll long seed, @ForAll KernelPath path) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] at = Check.random(r, k * m, 2);     // A stored k×m
        float[] bt = Check.random(r, n * k, 2);     // B stored n×k
        float[] a = Check.random(r, m * k, 2);
        float[] b = Check.random(r, k * n, 2);
        Matrix refAt = LinearAlgebraOps.transpose(Check.matrix(at, k, m));
        Matrix refBt = LinearAlgebraOps.transpose(Check.matrix(bt, n, k));
        Matrix ma = Check.matrix(a, m, k);
        Matrix mb = Check.matrix(b, k, n);
        path.run(() -> {
            float[] c = new float[m * n];
            MatmulKernels.matmulTransposedA(c, at, b, m, k, n, false);
            Check.close(LinearAlgebraOps.matmul(refAt, mb), c, LinearAlgebraOps.matmul(Check.abs(refAt), Check.abs(mb)), "Aᵀ·B");
            MatmulKernels.matmulTransposedB(c, a, bt, m, k, n, false);
            Check.close(LinearAlgebraOps.matmul(ma, refBt), c, LinearAlgebraOps.matmul(Check.abs(ma), Check.abs(refBt)), "A·Bᵀ");
        });
    }

    @Property(tries = 40)
    void accumulatingAddsTheProductToWhatIsThere(@ForAll("dim") int m, @ForAll("dim") int k, @ForAll("dim") int n,
            @ForAll long seed, @ForAll KernelPath path) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = Check.random(r, m * k, 2);
        float[] b = Check.random(r, k * n, 2);
        float[] c0 = Check.random(r, m * n, 2);
        Matrix ma = Check.matrix(a, m, k);
        Matrix mb = Check.matrix(b, k, n);
        Matrix mc = Check.matrix(c0, m, n);
        path.run(() -> {
            float[] c = c0.clone();
            MatmulKernels.matmul(c, a, b, m, k, n, true);
            Check.close(ArithmeticOps.add(mc, LinearAlgebraOps.matmul(ma, mb)), c,
                    ArithmeticOps.add(Check.abs(mc), LinearAlgebraOps.matmul(Check.abs(ma), Check.abs(mb))), "C + A·B");
        });
    }

    /**
     * The four stored forms of A and B through {@link MatmulKernels#gemm}, against a naive triple loop
     * of {@link Math#fma} written here, bit for bit: packing, padding and blocking change no rounding.
     */
    @Property(tries = 60)
    void everyFormIsTheNaiveChainOfFusedMultiplyAdds(@ForAll("dim") int m, @ForAll("dim") int k, @ForAll("dim") int n,
            @ForAll boolean transposeA, @ForAll boolean transposeB, @ForAll boolean accumulate, @ForAll long seed) {
        assertFusedChain(m, k, n, transposeA, transposeB, accumulate, seed);
    }

    @Test
    void awkwardShapesAreTheNaiveChainOfFusedMultiplyAddsInEveryForm() {
        int compared = 0;
        for (int[] shape : AWKWARD_SHAPES) {
            for (int form = 0; form < 8; form++) {
                assertFusedChain(shape[0], shape[1], shape[2], (form & 1) != 0, (form & 2) != 0, (form & 4) != 0, form);
                compared++;
            }
        }
        assertEquals(8 * AWKWARD_SHAPES.length, compared);
    }

    @Test
    void awkwardShapesAgreeWithTheReferenceOnBothPaths() {
        for (int[] shape : AWKWARD_SHAPES) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            SplittableRandom r = new SplittableRandom(m * 31L + k * 7L + n);
            float[] a = Check.random(r, m * k, 2);
            float[] bt = Check.random(r, n * k, 2);     // B stored n×k
            Matrix ma = Check.matrix(a, m, k);
            Matrix mb = LinearAlgebraOps.transpose(Check.matrix(bt, n, k));
            Numeric expected = LinearAlgebraOps.matmul(ma, mb);
            Numeric magnitude = LinearAlgebraOps.matmul(Check.abs(ma), Check.abs(mb));
            for (KernelPath path : KernelPath.values()) {
                path.run(() -> {
                    float[] c = new float[m * n];
                    MatmulKernels.matmulTransposedB(c, a, bt, m, k, n, false);
                    Check.close(expected, c, magnitude, "A·Bᵀ " + m + "×" + k + "×" + n + " on the " + path + " path");
                });
            }
        }
    }

    private static void assertFusedChain(int m, int k, int n, boolean transposeA, boolean transposeB, boolean accumulate,
            long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = Check.random(r, m * k, 2);
        float[] b = Check.random(r, k * n, 2);
        float[] c0 = Check.random(r, m * n, 2);
        // A(i, p) and B(p, j) as stored: A is k×m when transposed, B is n×k.
        int ars = transposeA ? 1 : k;
        int acs = transposeA ? m : 1;
        int brs = transposeB ? 1 : n;
        int bcs = transposeB ? k : 1;
        float[] expected = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = accumulate ? c0[i * n + j] : 0f;
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[i * ars + p * acs], b[p * brs + j * bcs], sum);
                }
                expected[i * n + j] = sum;
            }
        }
        KernelPath.VECTOR.run(() -> {
            float[] c = accumulate ? c0.clone() : Check.random(r, m * n, 9);
            MatmulKernels.gemm(m, n, k, a, 0, ars, acs, b, 0, brs, bcs, c, 0, n, accumulate);
            assertArrayEquals(expected, c, 0f, m + "×" + k + "×" + n + (transposeA ? " Aᵀ" : " A") + (transposeB ? "·Bᵀ" : "·B")
                    + (accumulate ? ", accumulating" : "") + ", " + Simd.describe());
        });
    }

    @Property(tries = 40)
    void transposeIsTheReferenceTranspose(@ForAll("dim") int rows, @ForAll("dim") int cols, @ForAll long seed) {
        float[] x = Check.random(new SplittableRandom(seed), rows * cols, 1);
        float[] out = new float[rows * cols];
        MatmulKernels.transpose(x, 0, rows, cols, cols, out, 0, rows);
        // A transpose moves numbers without arithmetic, so it must be exact.
        assertArrayEquals(LinearAlgebraOps.transpose(Check.matrix(x, rows, cols)).flat(), Check.widen(out), 0.0);
    }
}
