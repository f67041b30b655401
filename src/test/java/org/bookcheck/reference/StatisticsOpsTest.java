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

class StatisticsOpsTest {

    /** The textbook data set: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32. */
    private static final Vector DATA = vector(2, 4, 4, 4, 5, 5, 7, 9);

    @Nested
    class MeanVarianceStd {

        @Test
        void populationAndSampleDivideByNAndNMinusOne() {
            assertClose(5, StatisticsOps.mean(DATA));
            assertClose(4, StatisticsOps.variancePopulation(DATA)); // 32 / 8
            assertClose(2, StatisticsOps.stdPopulation(DATA));
            assertClose(4.571428571428571, StatisticsOps.varianceSample(DATA)); // 32 / 7
            assertClose(2.138089935299395, StatisticsOps.stdSample(DATA));
        }

        @Test
        void aMatrixCountsEveryElement() {
            Matrix m = matrix(new double[] {1, 2}, new double[] {3, 6});
            assertClose(3, StatisticsOps.mean(m));
            assertClose(3.5, StatisticsOps.variancePopulation(m)); // (4 + 1 + 0 + 9) / 4
        }

        @Test
        void aSingleValueHasPopulationVarianceZero() {
            assertEquals(0.0, StatisticsOps.variancePopulation(Scalar.of(3)));
            assertEquals(0.0, StatisticsOps.stdPopulation(vector(-8)));
            assertClose(-8, StatisticsOps.mean(vector(-8)));
        }

        @Test
        void theSampleVarianceNeedsTwoValues() {
            assertOpError("variance_sample: needs at least 2 values (it divides by n − 1), got 1",
                    () -> StatisticsOps.varianceSample(vector(3)));
            assertOpError("variance_sample: needs at least 2 values (it divides by n − 1), got 0",
                    () -> StatisticsOps.varianceSample(vector()));
            assertOpError("variance_sample: needs at least 2 values (it divides by n − 1), got 1",
                    () -> StatisticsOps.stdSample(Scalar.of(3)));
        }

        @Test
        void emptyInputHasNoMeanOrVariance() {
            assertOpError("mean: needs at least one element, got an empty vector", () -> StatisticsOps.mean(vector()));
            assertOpError("variance_population: needs at least one element, got an empty matrix",
                    () -> StatisticsOps.variancePopulation(Matrix.of(0, 2, new double[0])));
            assertOpError("variance_population: needs at least one element, got an empty vector",
                    () -> StatisticsOps.stdPopulation(vector()));
        }
    }

    @Nested
    class ZScore {

        @Test
        void standardisesWithTheValuesOwnMeanAndPopulationStd() {
            // (x − 5) / 2
            assertVector(StatisticsOps.zScore(DATA), -1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2);
        }

        @Test
        void standardisesWithAGivenMeanAndStd() {
            assertVector(StatisticsOps.zScore(vector(10, 20, 15), 15, 5), -1, 1, 0);
        }

        @Test
        void refusesConstantInput() {
            String message = "z_score: all values are equal, so the standard deviation is 0 and z = (x − μ)/σ is undefined";
            assertOpError(message, () -> StatisticsOps.zScore(vector(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1)));
            assertOpError(message, () -> StatisticsOps.zScore(vector(42)));
        }

        @Test
        void refusesEmptyInput() {
            assertOpError("variance_population: needs at least one element, got an empty vector", () -> StatisticsOps.zScore(vector()));
        }

        @Test
        void refusesAGivenStdThatIsNotPositive() {
            assertOpError("z_score: the standard deviation must be positive, got 0.0", () -> StatisticsOps.zScore(vector(1, 2), 1, 0));
            assertOpError("z_score: the standard deviation must be positive, got -2.0", () -> StatisticsOps.zScore(vector(1, 2), 1, -2));
        }
    }

    @Nested
    class LayerNorm {

        private final Vector x = vector(1, 2, 3); // μ = 2, σ² = 2/3

        @Test
        void withoutEpsilonIsTheZScore() {
            assertVector(StatisticsOps.layerNorm(x, null, null, 0), -1.224744871391589, 0, 1.224744871391589);
        }

        @Test
        void epsilonShrinksTheOutput() {
            // (x − 2) / √(2/3 + 1e-5)
            assertVector(StatisticsOps.layerNorm(x, null, null, StatisticsOps.LAYER_NORM_EPSILON),
                    -1.2247356859083902, 0, 1.2247356859083902);
        }

        @Test
        void gammaScalesAndBetaShiftsEachFeature() {
            assertVector(StatisticsOps.layerNorm(x, vector(1, 2, 0.5), vector(0, 1, -1), 0),
                    -1.224744871391589, 1, -0.38762756430420553);
        }

        @Test
        void normalisesEachRowOfAMatrixOnItsOwn() {
            // The constant second row has σ² = 0, so with ε > 0 it becomes β.
            assertMatrix(StatisticsOps.layerNorm(matrix(new double[] {1, 2, 3}, new double[] {10, 10, 10}), null, vector(0, 0.5, 0), 1e-5),
                    new double[][] {{-1.2247356859083902, 0.5, 1.2247356859083902}, {0, 0.5, 0}});
        }

        @Test
        void aSingleFeatureNormalisesToBeta() {
            assertVector(StatisticsOps.layerNorm(vector(7), null, vector(0.25), 1e-5), 0.25);
        }

        @Test
        void refusesAConstantRowWithoutEpsilon() {
            assertOpError("layer_norm: a row has all values equal and ε = 0, so it cannot be normalised; use ε > 0",
                    () -> StatisticsOps.layerNorm(vector(4, 4), null, null, 0));
        }

        @Test
        void refusesANegativeEpsilon() {
            assertOpError("layer_norm: ε must be ≥ 0, got -1.0E-5", () -> StatisticsOps.layerNorm(x, null, null, -1e-5));
        }

        @Test
        void refusesGammaOrBetaOfTheWrongWidth() {
            assertOpError("layer_norm: x is 2×3 so γ (gamma) must have length 3, but it has length 2",
                    () -> StatisticsOps.layerNorm(Matrix.of(2, 3, new double[] {1, 2, 3, 4, 5, 6}), vector(1, 1), null, 1e-5));
            assertOpError("layer_norm: x is vector of length 3 so β (beta) must have length 3, but it has length 4",
                    () -> StatisticsOps.layerNorm(x, null, vector(0, 0, 0, 0), 1e-5));
        }

        @Test
        void refusesScalarsAndEmptyInput() {
            assertOpError("layer_norm: needs a vector or a matrix, got a scalar", () -> StatisticsOps.layerNorm(Scalar.of(1), null, null, 1e-5));
            assertOpError("layer_norm: needs at least one element, got an empty vector", () -> StatisticsOps.layerNorm(vector(), null, null, 1e-5));
        }
    }

    @Nested
    class RowAndColumnMeans {

        private final Matrix a = matrix(new double[] {1, 2, 6}, new double[] {0, -1, 4});

        @Test
        void oneMeanPerRowOrColumn() {
            assertVector(StatisticsOps.rowMeans(a), 3, 1);
            assertVector(StatisticsOps.columnMeans(a), 0.5, 0.5, 5);
        }

        @Test
        void refuseEmptyRowsOrColumns() {
            assertOpError("row_means: A is 2×0: a row with no elements has no mean", () -> StatisticsOps.rowMeans(Matrix.of(2, 0, new double[0])));
            assertOpError("column_means: A is 0×2: a column with no elements has no mean",
                    () -> StatisticsOps.columnMeans(Matrix.of(0, 2, new double[0])));
        }
    }
}
