package org.bookcheck.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.bookcheck.reference.OptimizerOps;
import org.bookcheck.reference.TrainingOps;

/**
 * SGD agrees with the reference weight_update, AdamW with the reference AdamW, and clipping with the
 * reference clip_by_global_norm.
 */
class OptimizerKernelsProperties {

    @Provide
    Arbitrary<Integer> size() {
        return Dims.upTo(300);
    }

    @Property(tries = 40)
    void sgdIsTheReferenceWeightUpdate(@ForAll("size") int n, @ForAll @DoubleRange(min = 0.01, max = 1) double lr,
            @ForAll long seed, @ForAll KernelPath path) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] w0 = Check.random(r, n, 2);
        float[] g = Check.random(r, n, 2);
        float eta = (float) lr;
        var expected = TrainingOps.weightUpdate(Check.vector(w0), Check.vector(g), eta);
        path.run(() -> {
            float[] w = w0.clone();
            OptimizerKernels.sgd(w, g, n, eta);
            Check.close(expected, w, null, "W − η∇W");
        });
    }

    @Property(tries = 40)
    void adamwIsTheReferenceAdamW(@ForAll("size") int n, @ForAll @IntRange(min = 1, max = 1000) int step,
            @ForAll @DoubleRange(min = 0, max = 0.1) double decay, @ForAll long seed, @ForAll KernelPath path) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] w0 = Check.random(r, n, 2);
        float[] g = Check.random(r, n, 2);
        float[] m0 = Check.random(r, n, 0.5);
        float[] v0 = Check.random(r, n, 0.5);
        for (int i = 0; i < n; i++) {
            v0[i] = Math.abs(v0[i]);
        }
        float lr = 1e-2f;
        float wd = (float) decay;
        var expected = OptimizerOps.adamw(Check.widen(w0), Check.widen(g), Check.widen(m0), Check.widen(v0), lr, 0.9f,
                0.999f, 1e-8f, wd, step);
        path.run(() -> {
            float[] w = w0.clone();
            float[] m = m0.clone();
            float[] v = v0.clone();
            OptimizerKernels.adamw(w, g, m, v, n, lr, 0.9f, 0.999f, 1e-8f, wd, step);
            Check.close(expected.weights(), w, "w");
            Check.close(expected.m(), m, "m");
            Check.close(expected.v(), v, "v");
        });
    }

    @Property(tries = 40)
    void clippingIsTheReferenceClipByGlobalNorm(@ForAll("size") int n1, @ForAll("size") int n2,
            @ForAll @DoubleRange(min = 0.01, max = 50) double maxNorm, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] g = {Check.random(r, n1, 2), Check.random(r, n2, 2)};
        double[][] expected = OptimizerOps.clipByGlobalNorm(new double[][] {Check.widen(g[0]), Check.widen(g[1])}, maxNorm);
        double norm = Math.sqrt(OptimizerKernels.sumOfSquares(g[0], n1) + OptimizerKernels.sumOfSquares(g[1], n2));
        float s = OptimizerKernels.clipFactor(norm, maxNorm);
        for (float[] t : g) {
            OptimizerKernels.scale(t, t.length, s);
        }
        Check.close(expected[0], g[0], "first tensor");
        Check.close(expected[1], g[1], "second tensor");
        double after = Math.sqrt(OptimizerKernels.sumOfSquares(g[0], n1) + OptimizerKernels.sumOfSquares(g[1], n2));
        assertEquals(Math.min(norm, maxNorm), after, Check.TOL_F32 * (1 + maxNorm), "norm after clipping");
    }
}
