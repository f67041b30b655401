package org.bookcheck.reference;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Distributions as a statistics chapter works them: the normal density and cumulative probability (Commons
 * Math), the empirical cumulative distribution of a list, and the expected value and variance of a discrete
 * distribution given as values with their probabilities.
 */
public final class DistributionOps {

    private DistributionOps() {
    }

    /** φ(x) = e^(−(x − μ)²/(2σ²)) / (σ√(2π)), element by element. */
    public static Numeric normalPdf(Numeric x, double mean, double std) {
        NormalDistribution normal = normal("normal_pdf", mean, std);
        return x.map(normal::density);
    }

    /** Φ(x) = ½(1 + erf((x − μ)/(σ√2))), the probability of a value ≤ x, element by element. */
    public static Numeric normalCdf(Numeric x, double mean, double std) {
        NormalDistribution normal = normal("normal_cdf", mean, std);
        return x.map(normal::cumulativeProbability);
    }

    /** F̂(x) = #{i : dᵢ ≤ x} / n: the fraction of the data at or below x, for each x. */
    public static Numeric empiricalCdf(Numeric data, Numeric x) {
        Shapes.requireNonEmpty("empirical_cdf", data);
        double[] d = data.flat();
        return x.map(v -> {
            int count = 0;
            for (double di : d) {
                if (di <= v) {
                    count++;
                }
            }
            return (double) count / d.length;
        });
    }

    /** E[X] = Σᵢ xᵢ pᵢ, with the probabilities as given (a book's rounded ones are not renormalised). */
    public static double expectedValue(Vector values, Vector probabilities) {
        requireDistribution("expected_value", values, probabilities);
        return LinearAlgebraOps.dot(values, probabilities);
    }

    /** Var[X] = Σᵢ pᵢ (xᵢ − E[X])², with E[X] = Σᵢ xᵢ pᵢ. */
    public static double distributionVariance(Vector values, Vector probabilities) {
        double mu = expectedValue(values, probabilities);
        double total = 0;
        for (int i = 0; i < values.size(); i++) {
            double d = values.get(i) - mu;
            total += probabilities.get(i) * d * d;
        }
        return total;
    }

    private static NormalDistribution normal(String op, double mean, double std) {
        if (!(std > 0)) {
            throw new OpException(op + ": the standard deviation σ must be positive, got " + std);
        }
        return new NormalDistribution(null, mean, std);
    }

    private static void requireDistribution(String op, Vector values, Vector probabilities) {
        Shapes.requireSameLength(op, "values", values, "probabilities", probabilities);
        Shapes.requireNonEmpty(op, values);
        for (double p : probabilities.toArray()) {
            if (!(p >= 0 && p <= 1)) {
                throw new OpException(op + ": every probability must be in [0, 1], got " + p);
            }
        }
    }
}
