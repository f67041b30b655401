package org.bookcheck.reference;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * Descriptive statistics on Commons Math, with the population (divide by n) and sample (divide by
 * n − 1) variants named explicitly, and the standardisations built on them.
 */
public final class StatisticsOps {

    /** The default ε of layer normalisation, as in PyTorch's LayerNorm. */
    public static final double LAYER_NORM_EPSILON = 1e-5;

    private StatisticsOps() {
    }

    /** μ = (1/n) Σᵢ xᵢ. */
    public static double mean(Numeric x) {
        Shapes.requireNonEmpty("mean", x);
        return new Mean().evaluate(x.flat());
    }

    /** σ² = (1/n) Σᵢ (xᵢ − μ)², the population variance. */
    public static double variancePopulation(Numeric x) {
        Shapes.requireNonEmpty("variance_population", x);
        return new Variance(false).evaluate(x.flat());
    }

    /** s² = (1/(n − 1)) Σᵢ (xᵢ − x̄)², the sample variance (Bessel's correction). */
    public static double varianceSample(Numeric x) {
        if (x.size() < 2) {
            throw new OpException("variance_sample: needs at least 2 values (it divides by n − 1), got " + x.size());
        }
        return new Variance(true).evaluate(x.flat());
    }

    /** σ = √(population variance). */
    public static double stdPopulation(Numeric x) {
        return Math.sqrt(variancePopulation(x));
    }

    /** s = √(sample variance). */
    public static double stdSample(Numeric x) {
        return Math.sqrt(varianceSample(x));
    }

    /**
     * zᵢ = (xᵢ − μ) / σ with the values' own mean and population standard deviation, as the chapter's
     * z = (x − μ)/σ; the result has mean 0 and standard deviation 1.
     */
    public static Numeric zScore(Numeric x) {
        double sigma = stdPopulation(x);
        if (sigma == 0) {
            throw new OpException("z_score: all values are equal, so the standard deviation is 0 and z = (x − μ)/σ is undefined");
        }
        double mu = mean(x);
        return x.map(v -> (v - mu) / sigma);
    }

    /** z = (x − μ) / σ with a given mean and standard deviation. */
    public static Numeric zScore(Numeric x, double mu, double sigma) {
        if (!(sigma > 0)) {
            throw new OpException("z_score: the standard deviation must be positive, got " + sigma);
        }
        return x.map(v -> (v - mu) / sigma);
    }

    /**
     * LayerNorm(x) = γ ⊙ (x − μ)/√(σ² + ε) + β over the last axis (each row of a matrix), with the
     * population variance (Ba, Kiros &amp; Hinton, 2016). γ defaults to ones and β to zeros.
     */
    public static Numeric layerNorm(Numeric x, Vector gamma, Vector beta, double epsilon) {
        if (epsilon < 0) {
            throw new OpException("layer_norm: ε must be ≥ 0, got " + epsilon);
        }
        int width = x.shape().cols();
        requireWidth("γ (gamma)", gamma, width, x);
        requireWidth("β (beta)", beta, width, x);
        return ActivationOps.rowWise("layer_norm", x, row -> {
            Vector v = Vector.of(row);
            double mu = mean(v);
            double denom = layerNormDenominator(v, epsilon);
            if (denom == 0) {
                throw new OpException("layer_norm: a row has all values equal and ε = 0, so it cannot be normalised; use ε > 0");
            }
            double[] out = new double[row.length];
            for (int i = 0; i < row.length; i++) {
                double g = gamma == null ? 1 : gamma.get(i);
                double b = beta == null ? 0 : beta.get(i);
                out[i] = g * (row[i] - mu) / denom + b;
            }
            return out;
        });
    }

    /** √(σ² + ε) of one row, the denominator of {@link #layerNorm}: a trace shows it as the op computes it. */
    public static double layerNormDenominator(Vector row, double epsilon) {
        return Math.sqrt(variancePopulation(row) + epsilon);
    }

    private static void requireWidth(String name, Vector v, int width, Numeric x) {
        if (v != null && v.size() != width) {
            throw new OpException("layer_norm: x is " + x.shape() + " so " + name + " must have length " + width
                    + ", but it has length " + v.size());
        }
    }

    /** The mean of each row of a matrix: (1/n) Σⱼ Aᵢⱼ, one number per row. */
    public static Vector rowMeans(Matrix a) {
        if (a.cols() == 0) {
            throw new OpException("row_means: A is " + a.shape() + ": a row with no elements has no mean");
        }
        double[] out = new double[a.rows()];
        for (int r = 0; r < a.rows(); r++) {
            out[r] = mean(a.row(r));
        }
        return Vector.of(out);
    }

    /** The mean of each column of a matrix: (1/m) Σᵢ Aᵢⱼ, one number per column. */
    public static Vector columnMeans(Matrix a) {
        if (a.rows() == 0) {
            throw new OpException("column_means: A is " + a.shape() + ": a column with no elements has no mean");
        }
        double[] out = new double[a.cols()];
        for (int c = 0; c < a.cols(); c++) {
            out[c] = mean(LinearAlgebraOps.column(a, c));
        }
        return Vector.of(out);
    }
}
