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

/** The three matrix products and the transpose agree with the reference's matmul and transpose. */
class MatmulKernelsProperties {

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
            float[] scratch = new float[k * n];
            MatmulKernels.matmulTransposedB(c, a, bt, scratch, m, k, n, false);
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

    @Property(tries = 40)
    void transposeIsTheReferenceTranspose(@ForAll("dim") int rows, @ForAll("dim") int cols, @ForAll long seed) {
        float[] x = Check.random(new SplittableRandom(seed), rows * cols, 1);
        float[] out = new float[rows * cols];
        MatmulKernels.transpose(x, 0, rows, cols, cols, out, 0, rows);
        // A transpose moves numbers without arithmetic, so it must be exact.
        assertArrayEquals(LinearAlgebraOps.transpose(Check.matrix(x, rows, cols)).flat(), Check.widen(out), 0.0);
    }
}
