package org.bookcheck.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bookcheck.reference.ActivationOps;
import org.bookcheck.reference.LossOps;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.Vector;

/**
 * Fused softmax + cross-entropy agrees with the reference's softmax and cross_entropy row by row, and
 * its backward with the reference's softmax_cross_entropy_gradient p − y, scaled by each row's weight.
 */
class LossKernelsProperties {

    @Provide
    Arbitrary<Integer> rows() {
        return Dims.upTo(12);
    }

    @Provide
    Arbitrary<Integer> vocab() {
        return Dims.upTo(300);
    }

    @Property(tries = 50)
    void lossAndGradientAgreeWithReference(@ForAll("rows") int rows, @ForAll("vocab") int v, @ForAll long seed,
            @ForAll KernelPath path) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] logits = Check.random(r, rows * v, 10);
        int[] targets = new int[rows];
        float[] weights = new float[rows];
        for (int i = 0; i < rows; i++) {
            // Every fourth row is not scored, as a masked position in a batch.
            targets[i] = i % 4 == 3 ? LossKernels.IGNORE : r.nextInt(v);
            weights[i] = (float) r.nextDouble();
        }
        Matrix probs = (Matrix) ActivationOps.softmax(Check.matrix(logits, rows, v));
        path.run(() -> {
            float[] p = new float[rows * v];
            float[] losses = new float[rows];
            LossKernels.softmaxCrossEntropy(p, losses, logits, targets, rows, v);
            Check.close(probs, p, null, "softmax");
            float[] dlogits = new float[rows * v];
            LossKernels.softmaxCrossEntropyBackward(dlogits, p, targets, weights, rows, v);
            for (int i = 0; i < rows; i++) {
                float[] rowGrad = java.util.Arrays.copyOfRange(dlogits, i * v, (i + 1) * v);
                if (targets[i] == LossKernels.IGNORE) {
                    assertEquals(0f, losses[i], "an unscored row has no loss");
                    Check.close(new double[v], rowGrad, "an unscored row has no gradient");
                    continue;
                }
                double expected = LossOps.crossEntropy(probs.row(i), Scalar.of(targets[i]));
                assertEquals(expected, losses[i], Check.TOL_F32 * (1 + expected), "loss of row " + i);
                Vector grad = (Vector) LossOps.softmaxCrossEntropyGradient(probs.row(i), Scalar.of(targets[i]));
                float weight = weights[i];
                Check.close(grad.map(g -> g * weight), rowGrad, null, "weighted p − y of row " + i);
            }
        });
    }
}
