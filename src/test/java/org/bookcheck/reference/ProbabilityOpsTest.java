package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.assertOpError;
import static org.bookcheck.reference.ReferenceAssertions.assertScalar;
import static org.bookcheck.reference.ReferenceAssertions.assertVector;
import static org.bookcheck.reference.ReferenceAssertions.vector;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProbabilityOpsTest {

    private static final double LN_3 = 1.0986122886681098;

    @Nested
    class Odds {

        @Test
        void isPOverOneMinusP() {
            assertScalar(3, ProbabilityOps.odds(Scalar.of(0.75)));
            assertVector(ProbabilityOps.odds(vector(0.2, 0.5, 0.8, 0)), 0.25, 1, 4, 0);
        }

        @Test
        void refusesCertaintyAndNonProbabilities() {
            assertOpError("odds: p must be a probability in [0, 1), got 1.0", () -> ProbabilityOps.odds(Scalar.of(1)));
            assertOpError("odds: p must be a probability in [0, 1), got 1.5", () -> ProbabilityOps.odds(vector(0.5, 1.5)));
            assertOpError("odds: p must be a probability in [0, 1), got -0.1", () -> ProbabilityOps.odds(Scalar.of(-0.1)));
        }
    }

    @Nested
    class OddsRatio {

        @Test
        void dividesTheOdds() {
            assertScalar(12, ProbabilityOps.oddsRatio(Scalar.of(3), Scalar.of(0.25)));
            assertVector(ProbabilityOps.oddsRatio(vector(0, 2), vector(1, 4)), 0, 0.5);
        }

        @Test
        void refusesZeroOrNegativeOdds() {
            assertOpError("odds_ratio: odds must be non-negative and the second positive, got 3.0 and 0.0",
                    () -> ProbabilityOps.oddsRatio(Scalar.of(3), Scalar.of(0)));
            assertOpError("odds_ratio: odds must be non-negative and the second positive, got -1.0 and 2.0",
                    () -> ProbabilityOps.oddsRatio(Scalar.of(-1), Scalar.of(2)));
        }

        @Test
        void refusesDifferentShapes() {
            assertOpError("odds_ratio: the operands must have the same shape, but the first is vector of length 2 and the second is vector of length 3",
                    () -> ProbabilityOps.oddsRatio(vector(1, 2), vector(1, 2, 3)));
        }
    }

    @Nested
    class Logit {

        @Test
        void isTheLogOfTheOdds() {
            assertVector(ProbabilityOps.logit(vector(0.5, 0.75, 0.25, 0.1)), 0, LN_3, -LN_3, -2.1972245773362196);
        }

        @Test
        void refusesZeroOneAndNonProbabilities() {
            assertOpError("logit: p must be a probability in (0, 1), got 0.0", () -> ProbabilityOps.logit(Scalar.of(0)));
            assertOpError("logit: p must be a probability in (0, 1), got 1.0", () -> ProbabilityOps.logit(vector(0.5, 1)));
            assertOpError("logit: p must be a probability in (0, 1), got 2.0", () -> ProbabilityOps.logit(Scalar.of(2)));
        }
    }

    @Nested
    class InverseLogit {

        @Test
        void mapsLogOddsBackToProbabilities() {
            assertVector(ProbabilityOps.inverseLogit(vector(0, LN_3, -LN_3)), 0.5, 0.75, 0.25);
        }

        @Test
        void saturatesAtTheLimits() {
            assertVector(ProbabilityOps.inverseLogit(vector(-800, 800)), 0, 1);
        }
    }
}
