package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.TOL_F64;
import static org.bookcheck.reference.ReferenceAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * z-score and layer normalisation against mean and standard deviation computed here, by the two-pass
 * definition, not by the ops' Commons Math.
 */
class StatisticsOpsProperties {

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    private static double populationVariance(double[] x) {
        double mu = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - mu) * (v - mu);
        }
        return sum / x.length;
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static boolean constant(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 500)
    void zScoreHasMeanZeroAndPopulationStdOne(@ForAll(supplier = ReferenceArbitraries.Samples.class) double[] x) {
        Assume.that(!constant(x));
        double[] z = ((Vector) StatisticsOps.zScore(Vector.of(x))).toArray();
        // x − μ loses up to ~n ulps of max|x|, which z magnifies by 1/σ: the tolerance scales with max|x|/σ.
        double tolerance = TOL_F64 * (1 + maxAbs(x) / Math.sqrt(populationVariance(x)));
        assertClose(0, mean(z), tolerance, "mean of z");
        assertClose(1, Math.sqrt(populationVariance(z)), tolerance, "population std of z");
    }

    @Property(tries = 200)
    void zScoreRefusesConstantInputOfAnyValueAndLength(@ForAll @DoubleRange(min = -1e6, max = 1e6) double value,
                                                      @ForAll @IntRange(min = 1, max = 40) int length) {
        // Rounding must not turn σ = 0 into a tiny σ that would blow (x − μ)/σ up into nonsense.
        double[] x = new double[length];
        Arrays.fill(x, value);
        assertThrows(OpException.class, () -> StatisticsOps.zScore(Vector.of(x)));
    }

    @Provide
    Arbitrary<Double> epsilons() {
        return Arbitraries.oneOf(Arbitraries.of(StatisticsOps.LAYER_NORM_EPSILON, 1.0), Arbitraries.doubles().between(1e-6, 1).ofScale(8));
    }

    @Property(tries = 500)
    void layerNormHasMeanBetaAndStdShrunkByEpsilon(@ForAll(supplier = ReferenceArbitraries.Samples.class) double[] x,
                                                  @ForAll @DoubleRange(min = -10, max = 10) double beta,
                                                  @ForAll("epsilons") double epsilon) {
        double[] betas = new double[x.length];
        Arrays.fill(betas, beta);
        double[] y = ((Vector) StatisticsOps.layerNorm(Vector.of(x), null, Vector.of(betas), epsilon)).toArray();
        double variance = populationVariance(x);
        // (x − μ)/√(σ² + ε) has population std √(σ²/(σ² + ε)); adding β moves only the mean.
        double tolerance = TOL_F64 * (1 + maxAbs(x) / Math.sqrt(variance + epsilon) + Math.abs(beta));
        assertClose(beta, mean(y), tolerance, "mean of layer_norm(x)");
        assertClose(Math.sqrt(variance / (variance + epsilon)), Math.sqrt(populationVariance(y)), tolerance, "std of layer_norm(x)");
    }

    @Property(tries = 100)
    void rowMeansAreTheMeansOfTheRowsAndColumnMeansThoseOfTheTranspose(@ForAll(supplier = ReferenceArbitraries.LogitMatrices.class) Matrix a) {
        double[] rows = StatisticsOps.rowMeans(a).toArray();
        for (int r = 0; r < a.rows(); r++) {
            assertClose(StatisticsOps.mean(a.row(r)), rows[r], TOL_F64, "row " + r);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(StatisticsOps.rowMeans(LinearAlgebraOps.transpose(a)).toArray(),
                StatisticsOps.columnMeans(a).toArray());
    }
}
