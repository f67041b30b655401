package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.TOL_CHAIN;
import static org.bookcheck.reference.ReferenceAssertions.TOL_F64;
import static org.bookcheck.reference.ReferenceAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** The normal distribution's symmetry, the empirical cdf's steps, and E[X] and Var[X] of discrete distributions. */
class DistributionOpsProperties {

    private static double scalar(Numeric x) {
        return x.at(0);
    }

    @Property(tries = 200)
    void normalIsSymmetricAboutItsMean(@ForAll @DoubleRange(min = -10, max = 10) double mu, @ForAll @DoubleRange(min = 0.1, max = 5) double sigma,
                                       @ForAll @DoubleRange(min = 0, max = 4) double d) {
        double below = scalar(DistributionOps.normalCdf(Scalar.of(mu - d * sigma), mu, sigma));
        double above = scalar(DistributionOps.normalCdf(Scalar.of(mu + d * sigma), mu, sigma));
        assertClose(1, below + above, TOL_CHAIN, "Φ(μ − dσ) + Φ(μ + dσ)");
        assertClose(scalar(DistributionOps.normalPdf(Scalar.of(mu - d * sigma), mu, sigma)),
                scalar(DistributionOps.normalPdf(Scalar.of(mu + d * sigma), mu, sigma)), TOL_CHAIN, "φ(μ − dσ) = φ(μ + dσ)");
        // standardising: φ_μ,σ(x) = φ(z)/σ with z = (x − μ)/σ
        assertClose(scalar(DistributionOps.normalPdf(Scalar.of(d), 0, 1)) / sigma,
                scalar(DistributionOps.normalPdf(Scalar.of(mu + d * sigma), mu, sigma)), TOL_CHAIN, "φ(z)/σ");
    }

    @Property(tries = 200)
    void empiricalCdfRisesInStepsOfOneOverNFromZeroToOne(@ForAll(supplier = ReferenceArbitraries.Samples.class) double[] data) {
        Vector d = Vector.of(data);
        double max = ArithmeticOps.max(d);
        double min = ArithmeticOps.min(d);
        assertEquals(1, scalar(DistributionOps.empiricalCdf(d, Scalar.of(max))));
        assertEquals(0, scalar(DistributionOps.empiricalCdf(d, Scalar.of(Math.nextDown(min)))));
        double previous = 0;
        for (double x : java.util.Arrays.stream(data).sorted().toArray()) {
            double f = scalar(DistributionOps.empiricalCdf(d, Scalar.of(x)));
            assertTrue(f >= previous, "non-decreasing");
            double count = f * data.length;
            assertClose(Math.rint(count), count, TOL_F64, "a whole number of data points");
            previous = f;
        }
    }

    /** Values in [−100, 100] with probabilities w / Σw of positive weights. */
    @Provide
    Arbitrary<double[][]> distributions() {
        return ReferenceArbitraries.lengths().flatMap(n -> Arbitraries.doubles().between(0.01, 10).ofScale(4).list().ofSize(n).flatMap(w ->
                ReferenceArbitraries.values(100).list().ofSize(n).map(x -> {
                    double total = w.stream().mapToDouble(Double::doubleValue).sum();
                    return new double[][] {x.stream().mapToDouble(Double::doubleValue).toArray(),
                            w.stream().mapToDouble(v -> v / total).toArray()};
                })));
    }

    @Property(tries = 200)
    void varianceIsTheMeanOfSquaresMinusTheSquaredMean(@ForAll("distributions") double[][] dist) {
        Vector x = Vector.of(dist[0]);
        Vector p = Vector.of(dist[1]);
        double mu = DistributionOps.expectedValue(x, p);
        double var = DistributionOps.distributionVariance(x, p);
        double meanOfSquares = DistributionOps.expectedValue((Vector) ArithmeticOps.power(x, 2), p);
        assertTrue(var >= 0);
        // values up to 100: E[X²] up to 1e4, so the difference carries rounding of that size
        assertClose(meanOfSquares - mu * mu, var, TOL_CHAIN * 1e4, "E[X²] − E[X]²");
        assertTrue(ArithmeticOps.min(x) - 1e-9 <= mu && mu <= ArithmeticOps.max(x) + 1e-9, "E[X] lies within the values");
    }

    @Property(tries = 100)
    void equalProbabilitiesGiveTheMeanAndThePopulationVariance(@ForAll(supplier = ReferenceArbitraries.Samples.class) double[] x) {
        double[] p = new double[x.length];
        java.util.Arrays.fill(p, 1.0 / x.length);
        assertClose(StatisticsOps.mean(Vector.of(x)), DistributionOps.expectedValue(Vector.of(x), Vector.of(p)), TOL_CHAIN, "E[X]");
        assertClose(StatisticsOps.variancePopulation(Vector.of(x)), DistributionOps.distributionVariance(Vector.of(x), Vector.of(p)),
                TOL_CHAIN, "Var[X]");
    }
}
