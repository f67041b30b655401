package org.bookcheck.reference;

import net.jqwik.api.Assume;
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

    @Property(tries = 200)
    void entropyLiesBetweenZeroAndLnN(@ForAll("probabilitiesAndTarget") Tuple2<double[], Integer> c) {
        double[] p = c.get1();
        double h = LossOps.entropy(Vector.of(p));
        assertTrue(h >= 0 && h <= Math.log(p.length) + 1e-12, () -> "H = " + h + " for n = " + p.length);
        assertClose(0, LossOps.entropy(LossOps.oneHot(c.get2(), p.length)), TOL_F64, "a certain outcome has no entropy");
    }

    @Property(tries = 200)
    void binaryCrossEntropyIsCrossEntropyOverTwoOutcomes(@ForAll("probabilitiesAndTarget") Tuple2<double[], Integer> c) {
        double p = c.get1()[0];
        Assume.that(p < 1);
        for (int y = 0; y <= 1; y++) {
            assertClose(LossOps.crossEntropy(Vector.of(1 - p, p), Scalar.of(y)), LossOps.binaryCrossEntropy(Scalar.of(p), Scalar.of(y)),
                    TOL_F64, "y = " + y);
        }
        assertClose(-Math.log(p), LossOps.crossEntropy(Scalar.of(p), null), TOL_F64, "−ln p of a single probability");
    }

    @Property(tries = 200)
    void halfSquaredErrorIsHalfNTimesTheMse(@ForAll(supplier = ReferenceArbitraries.Samples.class) double[] y) {
        double[] t = y.clone();
        for (int i = 0; i < t.length; i++) {
            t[i] = t[i] / 2 + 1;
        }
        double mse = LossOps.mse(Vector.of(y), Vector.of(t));
        assertClose(mse * y.length / 2, LossOps.halfSquaredError(Vector.of(y), Vector.of(t)), ReferenceAssertions.TOL_CHAIN, "½ Σ (y − t)²");
    }
}
