package org.bookcheck.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bookcheck.reference.ArithmeticOps;
import org.bookcheck.reference.LinearAlgebraOps;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Vector;
import org.junit.jupiter.api.Test;

/**
 * A dense layer y = xW + b agrees with the reference's linear, and its backward with the reference
 * products dX = dY·Wᵀ, dW = Xᵀ·dY and db = 1ᵀ·dY (a row of ones times dY sums the rows).
 */
class LinearKernelsProperties {

    @Provide
    Arbitrary<Integer> dim() {
        return Dims.upTo(60);
    }

    /**
     * On the vector path each output is the chain of fused multiply-adds over the row that starts from
     * the bias, as a naive loop written here computes it, bit for bit, on shapes across every block
     * boundary of the packed product (the bias enters C tile by tile).
     */
    @Test
    void forwardIsTheFusedChainStartedFromTheBias() {
        for (int[] shape : MatmulKernelsProperties.AWKWARD_SHAPES) {
            int rows = shape[0];
            int k = shape[1];
            int n = shape[2];
            SplittableRandom r = new SplittableRandom(rows + 1000L * k + 1_000_000L * n);
            float[] x = Check.random(r, rows * k, 2);
            float[] w = Check.random(r, k * n, 2);
            float[] b = Check.random(r, n, 2);
            float[] expected = new float[rows * n];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < n; j++) {
                    float sum = b[j];
                    for (int p = 0; p < k; p++) {
                        sum = Math.fma(x[i * k + p], w[p * n + j], sum);
                    }
                    expected[i * n + j] = sum;
                }
            }
            KernelPath.VECTOR.run(() -> {
                float[] out = Check.random(r, rows * n, 9);
                LinearKernels.linear(out, x, w, b, rows, k, n);
                assertArrayEquals(expected, out, 0f, "xW + b, " + rows + "×" + k + "×" + n + ", " + Simd.describe());
            });
        }
    }

    @Property(tries = 50)
    void forwardAgreesWithReferenceLinear(@ForAll("dim") int rows, @ForAll("dim") int k, @ForAll("dim") int n,
            @ForAll long seed, @ForAll KernelPath path) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = Check.random(r, rows * k, 2);
        float[] w = Check.random(r, k * n, 2);
        float[] b = Check.random(r, n, 2);
        Matrix mx = Check.matrix(x, rows, k);
        Matrix mw = Check.matrix(w, k, n);
        path.run(() -> {
            float[] out = new float[rows * n];
            LinearKernels.linear(out, x, w, b, rows, k, n);
            Check.close(LinearAlgebraOps.linear(mx, mw, Check.vector(b)), out,
                    LinearAlgebraOps.linear(Check.abs(mx), Check.abs(mw), (Vector) Check.vector(b).map(Math::abs)), "xW + b");
        });
    }

    @Property(tries = 50)
    void backwardAgreesWithReferenceProducts(@ForAll("dim") int rows, @ForAll("dim") int k, @ForAll("dim") int n,
            @ForAll long seed, @ForAll KernelPath path) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = Check.random(r, rows * k, 2);
        float[] w = Check.random(r, k * n, 2);
        float[] dy = Check.random(r, rows * n, 2);
        float[] dw0 = Check.random(r, k * n, 1);
        float[] db0 = Check.random(r, n, 1);
        Matrix mx = Check.matrix(x, rows, k);
        Matrix mw = Check.matrix(w, k, n);
        Matrix mdy = Check.matrix(dy, rows, n);
        double[] ones = new double[rows];
        java.util.Arrays.fill(ones, 1);
        path.run(() -> {
            float[] dx = new float[rows * k];
            float[] dw = dw0.clone();
            float[] db = db0.clone();
            LinearKernels.linearBackward(dx, dw, db, dy, x, w, rows, k, n);
            Check.close(LinearAlgebraOps.matmul(mdy, LinearAlgebraOps.transpose(mw)), dx,
                    LinearAlgebraOps.matmul(Check.abs(mdy), LinearAlgebraOps.transpose(Check.abs(mw))), "dX = dY·Wᵀ");
            Check.close(ArithmeticOps.add(Check.matrix(dw0, k, n), LinearAlgebraOps.matmul(LinearAlgebraOps.transpose(mx), mdy)), dw,
                    ArithmeticOps.add(Check.abs(Check.matrix(dw0, k, n)),
                            LinearAlgebraOps.matmul(LinearAlgebraOps.transpose(Check.abs(mx)), Check.abs(mdy))), "dW += Xᵀ·dY");
            Check.close(ArithmeticOps.add(Check.vector(db0), LinearAlgebraOps.matmul(Vector.of(ones), mdy)), db,
                    ArithmeticOps.add(Check.vector(db0).map(Math::abs), LinearAlgebraOps.matmul(Vector.of(ones), Check.abs(mdy))),
                    "db += Σ rows of dY");
        });
    }
}
