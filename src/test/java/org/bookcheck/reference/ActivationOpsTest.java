package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.assertMatrix;
import static org.bookcheck.reference.ReferenceAssertions.assertOpError;
import static org.bookcheck.reference.ReferenceAssertions.assertScalar;
import static org.bookcheck.reference.ReferenceAssertions.assertVector;
import static org.bookcheck.reference.ReferenceAssertions.matrix;
import static org.bookcheck.reference.ReferenceAssertions.vector;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Expected values from python3's math module (erf, exp, tanh, log), not from the code under test. */
class ActivationOpsTest {

    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    @Nested
    class ElementWise {

        @Test
        void reluClipsNegativesToZero() {
            assertVector(ActivationOps.relu(vector(-2, 0, 3.5, -0.001)), 0, 0, 3.5, 0);
            assertMatrix(ActivationOps.relu(matrix(new double[] {-1, 1})), new double[][] {{0, 1}});
        }

        @Test
        void geluIsXTimesTheNormalCdf() {
            assertVector(ActivationOps.gelu(vector(1, -1, 2, 0.5, 0)),
                    0.8413447460685429, -0.15865525393145707, 1.9544997361036416, 0.34573123063700656, 0);
        }

        @Test
        void geluTanhIsGpt2sApproximation() {
            assertVector(ActivationOps.geluTanh(vector(1, -1, 2, 0)), 0.8411919906082768, -0.15880800939172324, 1.954597694087775, 0);
        }

        @Test
        void sigmoidIsTheLogisticFunction() {
            assertVector(ActivationOps.sigmoid(vector(0, 2, -2, 0.5)), 0.5, 0.8807970779778823, 0.11920292202211755, 0.6224593312018546);
        }

        @Test
        void sigmoidSaturatesWithoutNaN() {
            // e^1000 overflows; the op must still give the limits 0 and 1.
            assertVector(ActivationOps.sigmoid(vector(-1000, 1000)), 0, 1);
        }

        @Test
        void tanhExpLnSqrt() {
            assertVector(ActivationOps.tanh(vector(0.5, -1, 0)), 0.46211715726000974, -0.7615941559557649, 0);
            assertVector(ActivationOps.exp(vector(0, 1, -1)), 1, Math.E, 0.36787944117144233);
            assertVector(ActivationOps.ln(vector(1, Math.E, 0.5)), 0, 1, -0.6931471805599453);
            assertVector(ActivationOps.sqrt(vector(0, 2, 0.25)), 0, 1.4142135623730951, 0.5);
            assertScalar(3, ActivationOps.sqrt(Scalar.of(9)));
        }

        @Test
        void lnRefusesZeroAndNegatives() {
            assertOpError("ln: the natural logarithm needs a positive number, got 0.0", () -> ActivationOps.ln(vector(1, 0)));
            assertOpError("ln: the natural logarithm needs a positive number, got -0.0", () -> ActivationOps.ln(Scalar.of(-0.0)));
            assertOpError("ln: the natural logarithm needs a positive number, got -1.0", () -> ActivationOps.ln(Scalar.of(-1)));
        }

        @Test
        void sqrtRefusesNegatives() {
            assertOpError("sqrt: the square root needs a number ≥ 0, got -4.0", () -> ActivationOps.sqrt(vector(4, -4)));
        }
    }

    @Nested
    class Softmax {

        @Test
        void exponentiatesAndNormalises() {
            assertVector(ActivationOps.softmax(vector(1, 2, 3)), 0.09003057317038046, 0.24472847105479764, 0.6652409557748218);
        }

        @Test
        void aSingleScoreGetsProbabilityOne() {
            assertVector(ActivationOps.softmax(vector(-7.5)), 1);
        }

        @Test
        void largeScoresDoNotOverflow() {
            // e^1000 is ∞ in double; subtracting the maximum first keeps the result finite.
            assertVector(ActivationOps.softmax(vector(1000, 1000, 999)), 0.4223187982515182, 0.4223187982515182, 0.15536240349696362);
        }

        @Test
        void worksOnEachRowOfAMatrix() {
            double third = 1.0 / 3;
            assertMatrix(ActivationOps.softmax(matrix(new double[] {1, 2, 3}, new double[] {5, 5, 5})),
                    new double[][] {{0.09003057317038046, 0.24472847105479764, 0.6652409557748218}, {third, third, third}});
        }

        @Test
        void maskedEntriesGetProbabilityZero() {
            // e^0 : e^(ln 3) = 1 : 3 among the unmasked entries
            assertVector(ActivationOps.softmax(vector(0, NEG_INF, Math.log(3))), 0.25, 0, 0.75);
        }

        @Test
        void refusesAFullyMaskedRow() {
            assertOpError("softmax: every entry of a row is −∞ (fully masked), so no probability can be assigned",
                    () -> ActivationOps.softmax(matrix(new double[] {1, 2}, new double[] {NEG_INF, NEG_INF})));
        }

        @Test
        void refusesEmptyInputAndScalars() {
            assertOpError("softmax: needs at least one element, got an empty vector", () -> ActivationOps.softmax(vector()));
            assertOpError("softmax: needs at least one element, got an empty matrix",
                    () -> ActivationOps.softmax(Matrix.of(0, 3, new double[0])));
            assertOpError("softmax: needs at least one element, got an empty matrix",
                    () -> ActivationOps.softmax(Matrix.of(2, 0, new double[0])));
            assertOpError("softmax: needs a vector or a matrix, got a scalar", () -> ActivationOps.softmax(Scalar.of(1)));
        }
    }

    @Nested
    class LogSoftmax {

        @Test
        void isTheLogarithmOfSoftmax() {
            assertVector(ActivationOps.logSoftmax(vector(1, 2, 3)), -2.40760596444438, -1.4076059644443804, -0.40760596444438046);
        }

        @Test
        void staysFiniteWhereSoftmaxUnderflows() {
            // softmax gives e^−1000 = 0 for the first entry, whose logarithm is still exactly −1000 − ln(1 + e^−1000) = −1000.
            assertVector(ActivationOps.logSoftmax(vector(0, 1000)), -1000, 0);
        }

        @Test
        void aMaskedEntryHasLogProbabilityMinusInfinity() {
            assertVector(ActivationOps.logSoftmax(vector(0, NEG_INF, Math.log(3))), -1.3862943611198906, NEG_INF, -0.2876820724517809);
        }

        @Test
        void refusesAFullyMaskedRowUnderItsOwnName() {
            assertOpError("log_softmax: every entry of a row is −∞ (fully masked), so no probability can be assigned",
                    () -> ActivationOps.logSoftmax(vector(NEG_INF)));
        }

        @Test
        void refusesEmptyInputAndScalars() {
            assertOpError("log_softmax: needs at least one element, got an empty vector", () -> ActivationOps.logSoftmax(vector()));
            assertOpError("log_softmax: needs a vector or a matrix, got a scalar", () -> ActivationOps.logSoftmax(Scalar.of(0)));
        }
    }

    @Nested
    class Derivatives {

        @Test
        void sigmoidDerivativeFromTheOutputIsSTimesOneMinusS() {
            assertVector(ActivationOps.sigmoidDerivative(vector(0.5, 0.75136507)), 0.25, 0.18681560158389512); // 0.75136507 × 0.24863493
        }

        @Test
        void reluDerivativeIsOneForPositiveInputsOnly() {
            assertVector(ActivationOps.reluDerivative(vector(-2, 0, 0.1)), 0, 0, 1);
        }

        @Test
        void softmaxBackwardIsSTimesGMinusGDotS() {
            // g·s = 0.2 − 0.3 + 1.0 = 0.9; s ⊙ (g − 0.9) = [0.2×0.1, 0.3×(−1.9), 0.5×1.1]
            assertVector(ActivationOps.softmaxBackward(vector(0.2, 0.3, 0.5), vector(1, -1, 2)), 0.02, -0.57, 0.55);
        }

        @Test
        void softmaxBackwardWorksRowByRowAndChecksShapes() {
            assertMatrix(ActivationOps.softmaxBackward(matrix(new double[] {0.5, 0.5}, new double[] {1, 0}), matrix(new double[] {1, 0},
                    new double[] {3, 5})), new double[][] {{0.25, -0.25}, {0, 0}});
            assertOpError("softmax_backward: the operands must have the same shape, but the first is vector of length 2 and the second is vector of length 3",
                    () -> ActivationOps.softmaxBackward(vector(0.5, 0.5), vector(1, 2, 3)));
        }
    }

    @Nested
    class LogBase {

        @Test
        void base10AndBase2() {
            assertVector(ActivationOps.logBase(vector(1000, 0.01), 10), 3, -2);
            assertVector(ActivationOps.logBase(vector(8, 0.5), 2), 3, -1);
        }

        @Test
        void refusesABadBaseOrArgument() {
            assertOpError("log_base: the base must be positive and not 1, got 1.0", () -> ActivationOps.logBase(vector(2), 1));
            assertOpError("log_base: the logarithm needs a positive number, got 0.0", () -> ActivationOps.logBase(vector(0), 10));
        }
    }
}
