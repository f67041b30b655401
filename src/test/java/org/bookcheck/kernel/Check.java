package org.bookcheck.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.Vector;

/** What the kernel properties share: tolerances, random data, conversions and comparisons. */
public final class Check {

    /**
     * A float32 kernel against the double reference, relative to the size of what was summed:
     * |kernel − reference| ≤ TOL_F32·(1 + magnitude). float's unit roundoff is 6·10⁻⁸ and no kernel
     * here rounds more than a few hundred times along one result, so 10⁻⁴ holds with a margin.
     */
    public static final double TOL_F32 = 1e-4;

    /** Step of central differences on double reference ops: error O(h²) + O(10⁻¹⁶/h) ≈ 10⁻¹⁰. */
    public static final double FD_STEP = 1e-6;

    private Check() {
    }

    /** n floats uniform in [−scale, scale) from a seed. */
    public static float[] random(SplittableRandom r, int n, double scale) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
        }
        return out;
    }

    public static double[] widen(float[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        return out;
    }

    public static Matrix matrix(float[] x, int rows, int cols) {
        return Matrix.of(rows, cols, java.util.Arrays.copyOf(widen(x), rows * cols));
    }

    public static Matrix matrix(float[] x, int offset, int rows, int cols) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[offset + i];
        }
        return Matrix.of(rows, cols, d);
    }

    public static Vector vector(float[] x) {
        return Vector.of(widen(x));
    }

    /** Element-wise |x|, to bound the rounding of a sum of products by the same product of magnitudes. */
    public static Matrix abs(Matrix m) {
        return (Matrix) m.map(Math::abs);
    }

    /** Every element of actual within TOL_F32·(1 + magnitude) of the reference. */
    public static void close(Numeric expected, float[] actual, Numeric magnitude, String what) {
        close(expected.flat(), actual, magnitude == null ? null : magnitude.flat(), what);
    }

    public static void close(double[] expected, float[] actual, double[] magnitude, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.isInfinite(expected[i])) {
                // A masked score is −∞ in both, exactly.
                assertEquals(expected[i], actual[i], what + ": element " + i);
                continue;
            }
            double scale = 1 + (magnitude == null ? Math.abs(expected[i]) : magnitude[i]);
            if (!(Math.abs(actual[i] - expected[i]) <= TOL_F32 * scale)) {
                fail(what + ": element " + i + " is " + actual[i] + " but the reference gives " + expected[i]
                        + " (tolerance " + TOL_F32 * scale + ")");
            }
        }
    }

    /** The same, for the first n elements of actual. */
    public static void close(double[] expected, float[] actual, String what) {
        close(expected, actual, null, what);
    }

    /** Central differences ∂f/∂xᵢ of a double function at x, for every i. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        double[] g = new double[x.length];
        double[] p = x.clone();
        for (int i = 0; i < x.length; i++) {
            p[i] = x[i] + FD_STEP;
            double up = f.applyAsDouble(p);
            p[i] = x[i] - FD_STEP;
            double down = f.applyAsDouble(p);
            p[i] = x[i];
            g[i] = (up - down) / (2 * FD_STEP);
        }
        return g;
    }

    /** Σᵢ wᵢ yᵢ: the scalar whose gradient is a backward pass given upstream gradient w. */
    public static double weightedSum(double[] w, Numeric y) {
        assertEquals(w.length, y.size(), "upstream gradient and output sizes");
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * y.at(i);
        }
        return s;
    }

    /**
     * Layer norm's condition: x − μ loses the relative precision of x by κ = max|x|/σ (for a row
     * whose values lie close together σ is small), and every output inherits that loss. The float
     * result is held to TOL_F32 on top of κ times its size: |Δ| ≤ TOL_F32·(1 + κ·|reference|).
     */
    public static double[] layerNormConditioned(double[] reference, float[] x, int rows, int c) {
        double[] magnitude = new double[reference.length];
        for (int r = 0; r < rows; r++) {
            double mean = 0;
            double largest = 0;
            for (int j = 0; j < c; j++) {
                mean += x[r * c + j] / (double) c;
                largest = Math.max(largest, Math.abs(x[r * c + j]));
            }
            double variance = 0;
            for (int j = 0; j < c; j++) {
                variance += (x[r * c + j] - mean) * (x[r * c + j] - mean) / c;
            }
            double kappa = Math.max(1, largest / Math.sqrt(variance + NormKernels.EPSILON));
            for (int j = 0; j < c; j++) {
                magnitude[r * c + j] = kappa * Math.abs(reference[r * c + j]);
            }
        }
        return magnitude;
    }
}
