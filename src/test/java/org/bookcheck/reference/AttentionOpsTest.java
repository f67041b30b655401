package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.assertMatrix;
import static org.bookcheck.reference.ReferenceAssertions.assertOpError;
import static org.bookcheck.reference.ReferenceAssertions.assertScalar;
import static org.bookcheck.reference.ReferenceAssertions.assertVector;
import static org.bookcheck.reference.ReferenceAssertions.matrix;
import static org.bookcheck.reference.ReferenceAssertions.vector;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Expected values worked out with python3 from QKᵀ/√d_k and e^s / Σ e^s. */
class AttentionOpsTest {

    private static final double INV_SQRT_2 = 0.7071067811865475;
    private static final double NEG_INF = Double.NEGATIVE_INFINITY;
    private static final Matrix Q = matrix(new double[] {1, 0}, new double[] {1, 1});
    private static final Matrix V = matrix(new double[] {1, 2}, new double[] {3, 4});

    @Nested
    class Scores {

        @Test
        void areDotProductsScaledByOneOverRootDk() {
            // QQᵀ = [[1, 1], [1, 2]], divided by √2
            assertMatrix(AttentionOps.attentionScores(Q, Q, false), new double[][] {{INV_SQRT_2, INV_SQRT_2}, {INV_SQRT_2, 2 * INV_SQRT_2}});
        }

        @Test
        void theCausalMaskHidesLaterPositions() {
            assertMatrix(AttentionOps.attentionScores(Q, Q, true), new double[][] {{INV_SQRT_2, NEG_INF}, {INV_SQRT_2, 2 * INV_SQRT_2}});
        }

        @Test
        void queriesAndKeysMayDifferInNumberWithoutTheMask() {
            // one query against three keys of width 1: q·k / 1
            assertMatrix(AttentionOps.attentionScores(matrix(new double[] {2}), matrix(new double[] {1}, new double[] {-1}, new double[] {0.5}), false),
                    new double[][] {{2, -2, 1}});
        }

        @Test
        void refusesQueriesAndKeysOfDifferentWidth() {
            assertOpError("attention_scores: Q is 2×2 and K is 2×3: queries and keys must have the same width d_k",
                    () -> AttentionOps.attentionScores(Q, Matrix.of(2, 3, new double[6]), false));
        }

        @Test
        void refusesACausalMaskOverDifferentNumbersOfQueriesAndKeys() {
            assertOpError("attention_scores: a causal mask needs as many queries as keys, but Q is 2×2 and K is 3×2",
                    () -> AttentionOps.attentionScores(Q, Matrix.of(3, 2, new double[6]), true));
        }

        @Test
        void refusesKeysOfWidthZero() {
            assertOpError("attention_scores: Q is 2×0 and K is 2×0: d_k = 0, so QKᵀ/√d_k is 0/0; queries and keys need at least one column",
                    () -> AttentionOps.attentionScores(Matrix.of(2, 0, new double[0]), Matrix.of(2, 0, new double[0]), false));
        }
    }

    @Nested
    class Attention {

        @Test
        void weighsTheValuesBySoftmaxOfTheScores() {
            // scores [1/√2, 0]; weights σ(1/√2) and 1 − σ(1/√2); context = w₀[1 2] + w₁[3 4]
            assertMatrix(AttentionOps.attention(matrix(new double[] {1, 0}), matrix(new double[] {1, 0}, new double[] {0, 1}), V, false),
                    new double[][] {{1.6604769013466862, 2.6604769013466862}});
        }

        @Test
        void underTheCausalMaskTheFirstPositionSeesOnlyItself() {
            // row 0 weighs only V's row 0; row 1 weighs scores [1/√2, √2] → [0.3302…, 0.6697…]
            assertMatrix(AttentionOps.attention(Q, Q, V, true), new double[][] {{1, 2}, {2.3395230986533138, 3.3395230986533138}});
        }

        @Test
        void refusesADifferentNumberOfKeysAndValues() {
            assertOpError("attention: K is 2×2 and V is 3×2: there must be one value per key",
                    () -> AttentionOps.attention(Q, Q, Matrix.of(3, 2, new double[6]), false));
        }
    }

    @Nested
    class WeightedSum {

        @Test
        void weighsTheRowsOfV() {
            // the chapter's 0.5a + 0.3b + 0.2c with a = [1 0], b = [0 1], c = [1 1]
            assertVector(AttentionOps.weightedSum(vector(0.5, 0.3, 0.2), matrix(new double[] {1, 0}, new double[] {0, 1}, new double[] {1, 1})),
                    0.7, 0.5);
        }

        @Test
        void weighsPlainNumbersIntoANumber() {
            assertScalar(17, AttentionOps.weightedSum(vector(0.5, 0.3, 0.2), vector(10, 20, 30))); // 5 + 6 + 6
        }

        @Test
        void refusesAWeightCountThatIsNotTheRowCount() {
            assertOpError("weighted_sum: 2 weights but V is 3×2: there must be one weight per row of V",
                    () -> AttentionOps.weightedSum(vector(0.5, 0.5), Matrix.of(3, 2, new double[6])));
            assertOpError("dot: a has length 2 and b has length 3: they must have the same length",
                    () -> AttentionOps.weightedSum(vector(0.5, 0.5), vector(1, 2, 3)));
        }

        @Test
        void refusesAScalarOfValues() {
            assertOpError("weighted_sum: values must be a vector or a matrix of value rows, got a scalar",
                    () -> AttentionOps.weightedSum(vector(1), Scalar.of(3)));
        }
    }
}
