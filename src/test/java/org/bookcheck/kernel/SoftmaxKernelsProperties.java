package org.bookcheck.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bookcheck.reference.ActivationOps;
import org.bookcheck.reference.Matrix;

/**
 * Row-wise softmax agrees with the reference softmax; with the causal mask it agrees with the
 * reference softmax of the rows with −∞ in the future positions (which the reference maps to 0),
 * and the backward agrees with differences of the reference.
 */
class SoftmaxKernelsProperties {

    @Provide
    Arbitrary<Integer> width() {
        return Dims.upTo(40);
    }

    @Provide
    Arbitrary<Integer> smallWidth() {
        return Dims.upTo(20);
    }

    @Provide
    Arbitrary<Integer> blocks() {
        return Dims.upTo(4);
    }

    @Property(tries = 50)
    void forwardAgreesWithReference(@ForAll("blocks") int blocks, @ForAll("width") int w, @ForAll boolean causal,
            @ForAll long seed, @ForAll KernelPath path) {
        int rows = blocks * w;
        float[] x = Check.random(new SplittableRandom(seed), rows * w, 8);
        double[] masked = Check.widen(x);
        for (int r = 0; r < rows; r++) {
            for (int j = r % w + 1; causal && j < w; j++) {
                masked[r * w + j] = Double.NEGATIVE_INFINITY;
            }
        }
        double[] expected = ActivationOps.softmax(Matrix.of(rows, w, masked)).flat();
        path.run(() -> {
            float[] out = new float[rows * w];
            SoftmaxKernels.softmax(out, x, rows, w, causal);
            Check.close(expected, out, "softmax");
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                for (int j = 0; j < w; j++) {
                    sum += out[r * w + j];
                    if (causal && j > r % w) {
                        assertEquals(0f, out[r * w + j], "weight on a future position");
                    }
                }
                assertEquals(1.0, sum, Check.TOL_F32, "row " + r + " sums to 1");
            }
        });
    }

    @Property(tries = 25)
    void backwardAgreesWithDifferencesOfReference(@ForAll("smallWidth") int w, @ForAll boolean causal, @ForAll long seed,
            @ForAll KernelPath path) {
        int rows = w;
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = Check.random(r, rows * w, 4);
        float[] dy = Check.random(r, rows * w, 2);
        double[] dyd = Check.widen(dy);
        double[] expected = Check.gradient(v -> {
            double[] m = v.clone();
            for (int i = 0; i < rows; i++) {
                for (int j = i + 1; causal && j < w; j++) {
                    m[i * w + j] = Double.NEGATIVE_INFINITY;
                }
            }
            return Check.weightedSum(dyd, ActivationOps.softmax(Matrix.of(rows, w, m)));
        }, Check.widen(x));
        path.run(() -> {
            float[] y = new float[rows * w];
            SoftmaxKernels.softmax(y, x, rows, w, causal);
            float[] dx = new float[rows * w];
            SoftmaxKernels.softmaxBackward(dx, y, dy, rows, w, causal);
            Check.close(expected, dx, "softmax backward");
        });
    }
}
