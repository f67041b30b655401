package org.bookcheck.reference;

import org.apache.commons.math3.special.Erf;

/**
 * Element-wise activations and the softmax family. Softmax of a matrix works on each row, as
 * attention does.
 */
public final class ActivationOps {

    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    private ActivationOps() {
    }

    /** relu(x) = max(0, x). */
    public static Numeric relu(Numeric x) {
        return x.map(v -> Math.max(0, v));
    }

    /** gelu(x) = x·Φ(x) = ½x(1 + erf(x/√2)), the exact form (Hendrycks &amp; Gimpel, 2016). */
    public static Numeric gelu(Numeric x) {
        return x.map(v -> 0.5 * v * (1 + geluErf(v)));
    }

    /** erf(x/√2), the term of {@link #gelu}: a trace shows it as the op computes it. */
    public static double geluErf(double x) {
        return Erf.erf(x / Math.sqrt(2));
    }

    /** The tanh approximation GPT-2 uses: ½x(1 + tanh(√(2/π)(x + 0.044715x³))). */
    public static Numeric geluTanh(Numeric x) {
        return x.map(v -> 0.5 * v * (1 + geluTanhTerm(v)));
    }

    /** tanh(√(2/π)(x + 0.044715x³)), the term of {@link #geluTanh}: a trace shows it as the op computes it. */
    public static double geluTanhTerm(double x) {
        return Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x));
    }

    /** σ(x) = 1 / (1 + e^(−x)). */
    public static Numeric sigmoid(Numeric x) {
        return x.map(ActivationOps::sigmoid);
    }

    /** tanh(x) = (eˣ − e^(−x)) / (eˣ + e^(−x)). */
    public static Numeric tanh(Numeric x) {
        return x.map(Math::tanh);
    }

    /** eˣ. */
    public static Numeric exp(Numeric x) {
        return x.map(Math::exp);
    }

    /** ln x, for x &gt; 0. */
    public static Numeric ln(Numeric x) {
        return x.map(v -> {
            if (!(v > 0)) {
                throw new OpException("ln: the natural logarithm needs a positive number, got " + v);
            }
            return Math.log(v);
        });
    }

    /** √x, for x ≥ 0. */
    public static Numeric sqrt(Numeric x) {
        return x.map(v -> {
            if (v < 0) {
                throw new OpException("sqrt: the square root needs a number ≥ 0, got " + v);
            }
            return Math.sqrt(v);
        });
    }

    /**
     * softmax(x)ᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m) with m = maxⱼ xⱼ: subtracting the maximum changes
     * nothing mathematically and keeps every exponent ≤ 0, so nothing overflows. Entries of −∞ (masked
     * positions) get probability 0.
     */
    public static Numeric softmax(Numeric x) {
        return rowWise("softmax", x, ActivationOps::softmaxRow);
    }

    /** log_softmax(x)ᵢ = (xᵢ − m) − ln Σⱼ e^(xⱼ − m), computed without forming the probabilities. */
    public static Numeric logSoftmax(Numeric x) {
        return rowWise("log_softmax", x, row -> {
            SoftmaxParts parts = softmaxParts("log_softmax", row);
            double logSum = parts.logSum();
            double[] out = new double[row.length];
            for (int i = 0; i < row.length; i++) {
                out[i] = parts.shifted()[i] - logSum;
            }
            return out;
        });
    }

    /**
     * The quantities softmax and log-softmax of one row are computed from, so a trace shows them as the
     * ops compute them: the maximum m, the shifted scores xᵢ − m, their exponentials and the sum Σ.
     */
    public record SoftmaxParts(double max, double[] shifted, double[] exps, double sum) {
        /** ln Σ, the term log-softmax subtracts. */
        public double logSum() {
            return Math.log(sum);
        }
    }

    /** The parts of softmax of one row (a −∞ entry gives e^(−∞) = 0); a fully masked row is refused. */
    public static SoftmaxParts softmaxParts(double[] row) {
        return softmaxParts("softmax", row);
    }

    private static SoftmaxParts softmaxParts(String op, double[] row) {
        double m = max(op, row);
        double[] shifted = new double[row.length];
        double[] exps = new double[row.length];
        double sum = 0;
        for (int i = 0; i < row.length; i++) {
            shifted[i] = row[i] - m;
            exps[i] = Math.exp(shifted[i]);
            sum += exps[i];
        }
        return new SoftmaxParts(m, shifted, exps, sum);
    }

    static double sigmoid(double v) {
        return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }

    static double[] softmaxRow(double[] row) {
        SoftmaxParts parts = softmaxParts(row);
        double[] out = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = parts.exps()[i] / parts.sum();
        }
        return out;
    }

    private static double max(String op, double[] row) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            m = Math.max(m, v);
        }
        if (m == Double.NEGATIVE_INFINITY) {
            throw new OpException(op + ": every entry of a row is −∞ (fully masked), so no probability can be assigned");
        }
        return m;
    }

    /** Applies f to a vector, or to each row of a matrix. */
    static Numeric rowWise(String op, Numeric x, java.util.function.UnaryOperator<double[]> f) {
        return switch (x) {
            case Vector v -> {
                Shapes.requireNonEmpty(op, v);
                yield Vector.of(f.apply(v.toArray()));
            }
            case Matrix m -> {
                Shapes.requireNonEmpty(op, m);
                double[][] rows = m.toArrays();
                for (int r = 0; r < rows.length; r++) {
                    rows[r] = f.apply(rows[r]);
                }
                yield Matrix.of(rows);
            }
            case Scalar s -> throw new OpException(op + ": needs a vector or a matrix, got a scalar");
        };
    }

    /**
     * log_b x = ln x / ln b, element by element, for x &gt; 0 and a base b &gt; 0 other than 1; base 10
     * through {@link Math#log10}, which is exact at powers of ten.
     */
    public static Numeric logBase(Numeric x, double base) {
        if (!(base > 0) || base == 1) {
            throw new OpException("log_base: the base must be positive and not 1, got " + base);
        }
        double lnBase = Math.log(base);
        return x.map(v -> {
            if (!(v > 0)) {
                throw new OpException("log_base: the logarithm needs a positive number, got " + v);
            }
            return base == 10 ? Math.log10(v) : Math.log(v) / lnBase;
        });
    }

    /** σ′(x) = σ(x)(1 − σ(x)), from the sigmoid's output s = σ(x), as backpropagation reuses it: s(1 − s). */
    public static Numeric sigmoidDerivative(Numeric s) {
        return s.map(v -> v * (1 - v));
    }

    /** relu′(x) = 1 for x &gt; 0, else 0 (at 0 the convention of PyTorch: 0). */
    public static Numeric reluDerivative(Numeric x) {
        return x.map(v -> v > 0 ? 1 : 0);
    }

    /**
     * The gradient through a softmax, ∂L/∂z = s ⊙ (g − (g·s)), from its output s = softmax(z) and the
     * gradient g at the output: the Jacobian (diag(s) − s sᵀ) times g without forming it. Row by row for a matrix.
     */
    public static Numeric softmaxBackward(Numeric s, Numeric g) {
        Shapes.requireSame("softmax_backward", s, g);
        if (s instanceof Scalar) {
            throw new OpException("softmax_backward: needs a vector or a matrix, got a scalar");
        }
        int cols = s.shape().cols();
        double[] sv = s.flat();
        double[] gv = g.flat();
        double[] out = new double[sv.length];
        for (int start = 0; start < sv.length; start += cols) {
            double dot = 0;
            for (int k = start; k < start + cols; k++) {
                dot += gv[k] * sv[k];
            }
            for (int k = start; k < start + cols; k++) {
                out[k] = sv[k] * (gv[k] - dot);
            }
        }
        return s.withFlat(out);
    }
}
