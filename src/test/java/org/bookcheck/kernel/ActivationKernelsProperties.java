package org.bookcheck.kernel;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bookcheck.reference.ActivationOps;
import org.bookcheck.reference.ArithmeticOps;
import org.bookcheck.reference.Vector;

/**
 * The residual sum, GELU (tanh form) and ReLU agree with the reference ops, and their backward passes
 * with central differences of those ops.
 */
class ActivationKernelsProperties {

    @Provide
    Arbitrary<Integer> size() {
        return Dims.upTo(200);
    }

    @Property(tries = 40)
    void addAgreesWithReference(@ForAll("size") int n, @ForAll long seed, @ForAll KernelPath path) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = Check.random(r, n, 3);
        float[] b = Check.random(r, n, 3);
        path.run(() -> {
            float[] out = new float[n];
            ActivationKernels.add(out, a, b, n);
            Check.close(ArithmeticOps.add(Check.vector(a), Check.vector(b)), out, null, "a + b");
        });
    }

    @Property(tries = 40)
    void geluAgreesWithReferenceTanhForm(@ForAll("size") int n, @ForAll long seed, @ForAll KernelPath path) {
        float[] x = Check.random(new SplittableRandom(seed), n, 6);
        path.run(() -> {
            float[] out = new float[n];
            ActivationKernels.gelu(out, x, n);
            Check.close(ActivationOps.geluTanh(Check.vector(x)), out, Check.vector(x).map(Math::abs), "gelu");
        });
    }

    @Property(tries = 40)
    void geluBackwardAgreesWithDifferencesOfReference(@ForAll("size") int n, @ForAll long seed, @ForAll KernelPath path) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = Check.random(r, n, 6);
        float[] dy = Check.random(r, n, 2);
        double[] dyd = Check.widen(dy);
        double[] expected = Check.gradient(v -> Check.weightedSum(dyd, ActivationOps.geluTanh(Vector.of(v))), Check.widen(x));
        path.run(() -> {
            float[] dx = new float[n];
            ActivationKernels.geluBackward(dx, x, dy, n);
            Check.close(expected, dx, "gelu backward");
        });
    }

    @Property(tries = 30)
    void reluAndItsBackwardAgreeWithReference(@ForAll("size") int n, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = Check.random(r, n, 3);
        float[] dy = Check.random(r, n, 2);
        float[] out = new float[n];
        ActivationKernels.relu(out, x, n);
        Check.close(ActivationOps.relu(Check.vector(x)), out, null, "relu");
        // Random floats are never exactly 0, where relu has no derivative, so differences are exact.
        double[] dyd = Check.widen(dy);
        double[] expected = Check.gradient(v -> Check.weightedSum(dyd, ActivationOps.relu(Vector.of(v))), Check.widen(x));
        float[] dx = new float[n];
        ActivationKernels.reluBackward(dx, x, dy, n);
        Check.close(expected, dx, "relu backward");
    }
}
