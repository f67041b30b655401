package org.bookcheck.kernel;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bookcheck.reference.ArithmeticOps;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.StatisticsOps;
import org.bookcheck.reference.Vector;

/** Layer normalisation agrees with the reference's layer_norm, and its backward with differences of it. */
class NormKernelsProperties {

    @Provide
    Arbitrary<Integer> rows() {
        return Dims.upTo(9);
    }

    @Provide
    Arbitrary<Integer> width() {
        return Dims.upTo(70);
    }

    @Property(tries = 50)
    void forwardAgreesWithReference(@ForAll("rows") int rows, @ForAll("width") int c, @ForAll long seed,
            @ForAll KernelPath path) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = Check.random(r, rows * c, 3);
        float[] gamma = Check.random(r, c, 2);
        float[] beta = Check.random(r, c, 2);
        var expected = StatisticsOps.layerNorm(Check.matrix(x, rows, c), Check.vector(gamma), Check.vector(beta), NormKernels.EPSILON);
        path.run(() -> {
            float[] out = new float[rows * c];
            float[] mean = new float[rows];
            float[] rstd = new float[rows];
            NormKernels.layerNorm(out, mean, rstd, x, gamma, beta, rows, c);
            Check.close(expected.flat(), out, Check.layerNormConditioned(expected.flat(), x, rows, c), "layer_norm");
        });
    }

    @Property(tries = 30)
    void backwardAgreesWithDifferencesOfReference(@ForAll("rows") int rows, @ForAll("width") int c, @ForAll long seed,
            @ForAll KernelPath path) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = Check.random(r, rows * c, 3);
        float[] gamma = Check.random(r, c, 2);
        float[] beta = Check.random(r, c, 2);
        float[] dy = Check.random(r, rows * c, 2);
        float[] dx0 = Check.random(r, rows * c, 1);
        double[] dyd = Check.widen(dy);
        double eps = NormKernels.EPSILON;
        double[] dxRef = Check.gradient(v -> Check.weightedSum(dyd, StatisticsOps.layerNorm(Matrix.of(rows, c, v),
                Check.vector(gamma), Check.vector(beta), eps)), Check.widen(x));
        double[] dgRef = Check.gradient(g -> Check.weightedSum(dyd, StatisticsOps.layerNorm(Check.matrix(x, rows, c),
                Vector.of(g), Check.vector(beta), eps)), Check.widen(gamma));
        double[] dbRef = Check.gradient(b -> Check.weightedSum(dyd, StatisticsOps.layerNorm(Check.matrix(x, rows, c),
                Check.vector(gamma), Vector.of(b), eps)), Check.widen(beta));
        path.run(() -> {
            float[] out = new float[rows * c];
            float[] mean = new float[rows];
            float[] rstd = new float[rows];
            NormKernels.layerNorm(out, mean, rstd, x, gamma, beta, rows, c);
            float[] dx = dx0.clone();
            float[] dgamma = new float[c];
            float[] dbeta = new float[c];
            NormKernels.layerNormBackward(dx, dgamma, dbeta, dy, x, gamma, mean, rstd, rows, c);
            // The backward adds into dx: compare with what was there plus the gradient.
            Check.close(ArithmeticOps.add(Vector.of(dxRef), Check.vector(dx0)).flat(), dx, Check.layerNormConditioned(dxRef, x, rows, c), "dx");
            Check.close(dgRef, dgamma, "dγ");
            Check.close(dbRef, dbeta, "dβ");
        });
    }
}
