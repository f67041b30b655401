package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.assertEmptyMatrix;
import static org.bookcheck.reference.ReferenceAssertions.assertMatrix;
import static org.bookcheck.reference.ReferenceAssertions.assertOpError;
import static org.bookcheck.reference.ReferenceAssertions.assertScalar;
import static org.bookcheck.reference.ReferenceAssertions.assertVector;
import static org.bookcheck.reference.ReferenceAssertions.matrix;
import static org.bookcheck.reference.ReferenceAssertions.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TrainingOpsTest {

    @Nested
    class WeightUpdate {

        @Test
        void stepsAgainstTheGradient() {
            // W − 0.1·∇W
            assertMatrix(TrainingOps.weightUpdate(matrix(new double[] {0.5, -0.2}, new double[] {0.1, 0.4}),
                            matrix(new double[] {0.1, 0.2}, new double[] {-0.3, 0}), 0.1),
                    new double[][] {{0.49, -0.22}, {0.13, 0.4}});
            assertVector(TrainingOps.weightUpdate(vector(1, 2), vector(4, -4), 0.5), -1, 4);
            assertScalar(0.8, TrainingOps.weightUpdate(Scalar.of(1), Scalar.of(2), 0.1));
        }

        @Test
        void refusesAGradientOfAnotherShapeEvenAScalar() {
            assertOpError("weight_update: the operands must have the same shape, but the first is 2×2 and the second is vector of length 4",
                    () -> TrainingOps.weightUpdate(Matrix.of(2, 2, new double[4]), vector(1, 2, 3, 4), 0.1));
            // add/sub broadcast scalars; a weight update must not.
            assertOpError("weight_update: the operands must have the same shape, but the first is vector of length 2 and the second is scalar",
                    () -> TrainingOps.weightUpdate(vector(1, 2), Scalar.of(1), 0.1));
        }
    }

    @Nested
    class Residual {

        @Test
        void addsTheInputToTheLayersOutput() {
            assertVector(TrainingOps.residual(vector(0.5, -1), vector(2, 3)), 2.5, 2);
        }

        @Test
        void refusesDifferentShapes() {
            assertOpError("residual: the operands must have the same shape, but the first is vector of length 3 and the second is vector of length 2",
                    () -> TrainingOps.residual(vector(1, 2, 3), vector(1, 2)));
            assertOpError("residual: the operands must have the same shape, but the first is scalar and the second is vector of length 2",
                    () -> TrainingOps.residual(Scalar.of(1), vector(1, 2)));
        }
    }

    @Nested
    class BatchCount {

        @Test
        void roundsUp() {
            assertEquals(32, TrainingOps.batchCount(1000, 32)); // 31.25 → 32, the chapter's epoch
            assertEquals(4, TrainingOps.batchCount(10, 3));
            assertEquals(3, TrainingOps.batchCount(9, 3));
            assertEquals(1, TrainingOps.batchCount(5, 10));
            assertEquals(1, TrainingOps.batchCount(1, 1));
        }

        @Test
        void noExamplesNeedNoBatches() {
            assertEquals(0, TrainingOps.batchCount(0, 5));
        }

        @Test
        void doesNotOverflowNearTheLargestLong() {
            assertEquals(4611686018427387904L, TrainingOps.batchCount(Long.MAX_VALUE, 2)); // (2⁶³ − 1)/2 rounded up = 2⁶²
            assertEquals(1, TrainingOps.batchCount(Long.MAX_VALUE, Long.MAX_VALUE));
        }

        @Test
        void refusesABatchSizeBelowOneAndANegativeDataset() {
            assertOpError("batch_count: the batch size B must be ≥ 1, got 0", () -> TrainingOps.batchCount(10, 0));
            assertOpError("batch_count: the batch size B must be ≥ 1, got -3", () -> TrainingOps.batchCount(10, -3));
            assertOpError("batch_count: the dataset size N must be ≥ 0, got -1", () -> TrainingOps.batchCount(-1, 3));
        }
    }

    @Nested
    class BatchRanges {

        @Test
        void listsFirstAndLastIndexOfEachBatch() {
            assertMatrix(TrainingOps.batchRanges(10, 3), new double[][] {{0, 2}, {3, 5}, {6, 8}, {9, 9}});
            assertMatrix(TrainingOps.batchRanges(6, 3), new double[][] {{0, 2}, {3, 5}});
            assertMatrix(TrainingOps.batchRanges(2, 5), new double[][] {{0, 1}});
        }

        @Test
        void noExamplesGiveNoRows() {
            assertEmptyMatrix(TrainingOps.batchRanges(0, 3), 0, 2);
        }

        @Test
        void doesNotOverflowNearTheLargestLong() {
            long b = Long.MAX_VALUE / 2 + 1; // 2⁶², so the second batch would end at 2·2⁶² − 1, past Long.MAX_VALUE
            assertMatrix(TrainingOps.batchRanges(Long.MAX_VALUE, b),
                    new double[][] {{0, (double) (b - 1)}, {(double) b, (double) (Long.MAX_VALUE - 1)}});
        }

        @Test
        void refusesMoreBatchesThanAWorkedExampleHas() {
            assertOpError("batch_ranges: N = 2000000 and B = 1 give 2000000 batches; more than 1000000 is not a worked example",
                    () -> TrainingOps.batchRanges(2_000_000, 1));
        }

        @Test
        void refusesBadSizesUnderItsOwnName() {
            assertOpError("batch_ranges: the batch size B must be ≥ 1, got 0", () -> TrainingOps.batchRanges(10, 0));
            assertOpError("batch_ranges: the dataset size N must be ≥ 0, got -5", () -> TrainingOps.batchRanges(-5, 2));
        }
    }
}
