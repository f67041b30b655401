package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.TOL_F64;
import static org.bookcheck.reference.ReferenceAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** Cross-entropy and its gradient on probability vectors normalised here, with a target class (issue 2, item 9). */
class LossOpsProperties {

    /**
     * A probability vector w / Σw of positive weights from 0.001 to 10 (so probabilities down to ~2.5e-5
     * and up to 1), and a target index into it.
     */
    @Provide
    Arbitrary<Tuple2<double[], Integer>> probabilitiesAndTarget() {
        Arbitrary<Double> weights = Arbitraries.oneOf(Arbitraries.of(0.001, 1.0, 10.0), Arbitraries.doubles().between(0.001, 10).ofScale(6));
        return ReferenceArbitraries.arrays(ReferenceArbitraries.lengths(), weights).flatMap(w -> {
            double total = 0;
            for (double v : w) {
                total += v;
            }
            double[] p = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                p[i] = w[i] / total;
            }
            return Arbitraries.integers().between(0, w.length - 1).map(t -> Tuple.of(p, t));
        });
    }

    @Property(tries = 500)
    void crossEntropyIsMinusLnOfTheTargetProbabilityAndNotNegative(@ForAll("probabilitiesAndTarget") Tuple2<double[], Integer> c) {
        double[] p = c.get1();
        int t = c.get2();
        double loss = LossOps.crossEntropy(Vector.of(p), Scalar.of(t));
        assertClose(-Math.log(p[t]), loss, TOL_F64, "cross_entropy(p, " + t + ")");
        assertTrue(loss >= 0, () -> "negative loss " + loss);
        // the same target as a one-hot vector gives the same loss
        assertClose(loss, LossOps.crossEntropy(Vector.of(p), LossOps.oneHot(t, p.length)), TOL_F64, "one-hot target");
    }

    @Property(tries = 500)
    void theGradientIsPMinusOneHotAndSumsToZero(@ForAll("probabilitiesAndTarget") Tuple2<double[], Integer> c) {
        double[] p = c.get1();
        int t = c.get2();
        double[] grad = ((Vector) LossOps.softmaxCrossEntropyGradient(Vector.of(p), Scalar.of(t))).toArray();
        assertEquals(p.length, grad.length);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            assertClose(i == t ? p[i] - 1 : p[i], grad[i], TOL_F64, "∂L/∂z" + i);
            sum += grad[i];
        }
        // Σp = 1, so Σ(p − y) = 0: the gradient only moves probability between classes.
        assertClose(0, sum, TOL_F64, "Σ gradient");
    }
}
