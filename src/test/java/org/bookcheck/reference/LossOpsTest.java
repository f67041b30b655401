package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.assertClose;
import static org.bookcheck.reference.ReferenceAssertions.assertMatrix;
import static org.bookcheck.reference.ReferenceAssertions.assertOpError;
import static org.bookcheck.reference.ReferenceAssertions.assertVector;
import static org.bookcheck.reference.ReferenceAssertions.matrix;
import static org.bookcheck.reference.ReferenceAssertions.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LossOpsTest {

    private static final Vector P = vector(0.1, 0.7, 0.2);
    private static final Matrix BATCH = matrix(new double[] {0.1, 0.7, 0.2}, new double[] {0.5, 0.25, 0.25});

    @Nested
    class CrossEntropy {

        @Test
        void isMinusLnOfTheTargetProbability() {
            assertClose(0.35667494393873245, LossOps.crossEntropy(P, Scalar.of(1))); // −ln 0.7
        }

        @Test
        void aOneHotTargetGivesTheSameLoss() {
            assertClose(0.35667494393873245, LossOps.crossEntropy(P, vector(0, 1, 0)));
        }

        @Test
        void softLabelsWeighEachLogProbability() {
            // −(0.5 ln 0.1 + 0.5 ln 0.7); the zero label skips ln of its probability
            assertClose(1.329630018466389, LossOps.crossEntropy(P, vector(0.5, 0.5, 0)));
        }

        @Test
        void aCertainCorrectPredictionCostsNothing() {
            // −ln 1 is −0.0 in IEEE arithmetic; numerically zero either way.
            assertClose(0, LossOps.crossEntropy(vector(0, 1), Scalar.of(1)));
        }

        @Test
        void aMatrixGivesTheMeanOverItsRows() {
            // (−ln 0.7 − ln 0.5) / 2
            assertClose(0.5249110622493389, LossOps.crossEntropy(BATCH, vector(1, 0)));
        }

        @Test
        void refusesATargetProbabilityOutsideZeroToOne() {
            assertOpError("cross_entropy: the probability of the target must be in (0, 1], got 0.0",
                    () -> LossOps.crossEntropy(vector(0, 1), Scalar.of(0)));
            assertOpError("cross_entropy: the probability of the target must be in (0, 1], got 1.5",
                    () -> LossOps.crossEntropy(vector(1.5, -0.5), Scalar.of(0)));
            assertOpError("cross_entropy: the probability of the target must be in (0, 1], got 0.0",
                    () -> LossOps.crossEntropy(vector(0, 1), vector(1, 0)));
        }

        @Test
        void refusesATargetIndexThatIsNotAClass() {
            assertOpError("cross_entropy: the target index must be a whole number in 0..2, got 3.0", () -> LossOps.crossEntropy(P, Scalar.of(3)));
            assertOpError("cross_entropy: the target index must be a whole number in 0..2, got -1.0", () -> LossOps.crossEntropy(P, Scalar.of(-1)));
            assertOpError("cross_entropy: the target index must be a whole number in 0..2, got 0.5", () -> LossOps.crossEntropy(P, Scalar.of(0.5)));
            assertOpError("cross_entropy: the target index must be a whole number in 0..1, got 2.0",
                    () -> LossOps.crossEntropy(matrix(new double[] {0.5, 0.5}), vector(2)));
        }

        @Test
        void refusesMismatchedShapes() {
            assertOpError("cross_entropy: p has length 3 and y has length 2: they must have the same length",
                    () -> LossOps.crossEntropy(P, vector(0, 1)));
            assertOpError("cross_entropy: p is a vector, so the target must be an index or a one-hot vector, got a 1×3 matrix",
                    () -> LossOps.crossEntropy(P, matrix(new double[] {0, 1, 0})));
            assertOpError("cross_entropy: p is 2×3 (one row per example), so the target must be a vector of 2 indices, got vector of length 3",
                    () -> LossOps.crossEntropy(BATCH, vector(1, 0, 0)));
            assertOpError("cross_entropy: p is 2×3 (one row per example), so the target must be a vector of 2 indices, got scalar",
                    () -> LossOps.crossEntropy(BATCH, Scalar.of(1)));
            assertOpError("cross_entropy: p is a single probability, so it takes no target: its loss is −ln p",
                    () -> LossOps.crossEntropy(Scalar.of(0.5), Scalar.of(0)));
        }

        @Test
        void refusesAnEmptyBatch() {
            assertOpError("cross_entropy: p is 0×3: the mean over no examples is undefined",
                    () -> LossOps.crossEntropy(Matrix.of(0, 3, new double[0]), vector()));
        }
    }

    @Nested
    class Mse {

        @Test
        void averagesTheSquaredErrors() {
            assertClose(4.333333333333333, LossOps.mse(vector(1, 2, 3), vector(1, 4, 6))); // (0 + 4 + 9) / 3
            assertClose(0.25, LossOps.mse(matrix(new double[] {1, 2}), matrix(new double[] {1.5, 1.5})));
            assertEquals(0.0, LossOps.mse(Scalar.of(3), Scalar.of(3)));
        }

        @Test
        void refusesDifferentShapesAndEmptyInput() {
            assertOpError("mse: the operands must have the same shape, but the first is vector of length 2 and the second is 1×2",
                    () -> LossOps.mse(vector(1, 2), matrix(new double[] {1, 2})));
            assertOpError("mse: needs at least one element, got an empty vector", () -> LossOps.mse(vector(), vector()));
        }
    }

    @Nested
    class SoftmaxCrossEntropyGradient {

        @Test
        void isPMinusOneHot() {
            assertVector(LossOps.softmaxCrossEntropyGradient(P, Scalar.of(1)), 0.1, -0.3, 0.2);
            assertVector(LossOps.softmaxCrossEntropyGradient(P, vector(0, 1, 0)), 0.1, -0.3, 0.2);
        }

        @Test
        void aMatrixSubtractsOneHotPerRowWithoutAveraging() {
            assertMatrix(LossOps.softmaxCrossEntropyGradient(BATCH, vector(1, 0)), new double[][] {{0.1, -0.3, 0.2}, {-0.5, 0.25, 0.25}});
        }

        @Test
        void refusesBadTargets() {
            assertOpError("softmax_cross_entropy_gradient: the target index must be a whole number in 0..2, got 3.0",
                    () -> LossOps.softmaxCrossEntropyGradient(P, Scalar.of(3)));
            assertOpError("softmax_cross_entropy_gradient: the target index must be a whole number in 0..2, got 1.5",
                    () -> LossOps.softmaxCrossEntropyGradient(BATCH, vector(1.5, 0)));
            assertOpError("softmax_cross_entropy_gradient: p is a vector, so the target must be an index or a one-hot vector",
                    () -> LossOps.softmaxCrossEntropyGradient(P, matrix(new double[] {0, 1, 0})));
            assertOpError("softmax_cross_entropy_gradient: p is 2×3, so the target must be a vector of 2 indices, got vector of length 1",
                    () -> LossOps.softmaxCrossEntropyGradient(BATCH, vector(1)));
            assertOpError("softmax_cross_entropy_gradient: p must be a probability vector or matrix, got a scalar",
                    () -> LossOps.softmaxCrossEntropyGradient(Scalar.of(1), Scalar.of(0)));
        }
    }

    @Nested
    class OneHot {

        @Test
        void isOneAtTheIndexCountedFromZero() {
            assertVector(LossOps.oneHot(2, 4), 0, 0, 1, 0);
            assertVector(LossOps.oneHot(0, 1), 1);
        }

        @Test
        void refusesAnEmptySizeOrAnIndexOutside() {
            assertOpError("one_hot: size must be at least 1, got 0", () -> LossOps.oneHot(0, 0));
            assertOpError("one_hot: the target index must be a whole number in 0..2, got 3.0", () -> LossOps.oneHot(3, 3));
            assertOpError("one_hot: the target index must be a whole number in 0..2, got -1.0", () -> LossOps.oneHot(-1, 3));
        }
    }

    @Nested
    class Argmax {

        @Test
        void isTheIndexOfTheLargestElement() {
            assertEquals(1, LossOps.argmax(P));
            assertEquals(1, LossOps.argmax(vector(-5, -2, -3)));
            assertEquals(0, LossOps.argmax(Scalar.of(7)));
        }

        @Test
        void tiesGoToTheFirst() {
            assertEquals(0, LossOps.argmax(vector(3, 1, 3)));
        }

        @Test
        void countsAMatrixRowMajor() {
            assertEquals(2, LossOps.argmax(matrix(new double[] {1, 2}, new double[] {9, 0})));
        }

        @Test
        void refusesEmptyInput() {
            assertOpError("argmax: needs at least one element, got an empty vector", () -> LossOps.argmax(vector()));
        }
    }

    @Nested
    class SingleProbability {

        @Test
        void crossEntropyOfOneProbabilityIsMinusItsLog() {
            assertClose(1.3823023398503531, LossOps.crossEntropy(Scalar.of(0.251), null)); // −ln 0.251
        }

        @Test
        void aVectorWithoutTargetIsRefused() {
            assertOpError("cross_entropy: p is a vector of length 3, so it needs a target (an index or a one-hot vector); only a single probability stands alone (−ln p)",
                    () -> LossOps.crossEntropy(P, null));
        }
    }

    @Nested
    class BinaryCrossEntropyEntropyHalfSquaredError {

        @Test
        void binaryCrossEntropyWeighsBothOutcomes() {
            assertClose(0.3617729874261988, LossOps.binaryCrossEntropy(Scalar.of(0.8), Scalar.of(0.9))); // −(0.9 ln 0.8 + 0.1 ln 0.2)
            assertClose(0.2899092476264711, LossOps.binaryCrossEntropy(vector(0.8, 0.3), vector(1, 0))); // (−ln 0.8 − ln 0.7) / 2
            assertClose(0, LossOps.binaryCrossEntropy(Scalar.of(0), Scalar.of(0)));
        }

        @Test
        void binaryCrossEntropyRefusesCertainWrongPredictions() {
            assertOpError("binary_cross_entropy: ln 0 is −∞: a probability of 0 for an outcome with weight 1.0",
                    () -> LossOps.binaryCrossEntropy(Scalar.of(0), Scalar.of(1)));
            assertOpError("binary_cross_entropy: p and y must be in [0, 1], got p = 1.5 and y = 1.0",
                    () -> LossOps.binaryCrossEntropy(Scalar.of(1.5), Scalar.of(1)));
        }

        @Test
        void entropyIsMinusSumPLnP() {
            assertClose(1.0296530140645737, LossOps.entropy(vector(0.2, 0.3, 0.5)));
            assertClose(0, LossOps.entropy(vector(0, 1)), 0, "a certain outcome: 0 ln 0 counts as 0");
            assertOpError("entropy: every probability must be in [0, 1], got -0.1", () -> LossOps.entropy(vector(-0.1, 1.1)));
        }

        @Test
        void halfSquaredErrorSumsHalfTheSquares() {
            // ½(0.01 − 0.75136507)² + ½(0.99 − 0.772928465)², the classic backpropagation example: 0.298371109
            assertClose(0.2983711091616805, LossOps.halfSquaredError(vector(0.75136507, 0.772928465), vector(0.01, 0.99)));
        }
    }
}
