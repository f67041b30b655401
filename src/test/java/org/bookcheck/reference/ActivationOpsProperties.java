package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.TOL_F64;
import static org.bookcheck.reference.ReferenceAssertions.assertClose;
import static org.bookcheck.reference.ReferenceAssertions.assertElementsClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** Softmax and log-softmax on generated logits of awkward lengths, up to ±50 (issue 2, item 9). */
class ActivationOpsProperties {

    private static double[] softmax(double[] x) {
        return ((Vector) ActivationOps.softmax(Vector.of(x))).toArray();
    }

    @Property(tries = 500)
    void softmaxIsPositive(@ForAll(supplier = ReferenceArbitraries.Logits.class) double[] x) {
        // Logits within ±50 differ by at most 100, and e^−100 is far above double's smallest number.
        for (double p : softmax(x)) {
            assertTrue(p > 0, () -> "a probability is not positive: " + p);
        }
    }

    @Property(tries = 500)
    void softmaxSumsToOne(@ForAll(supplier = ReferenceArbitraries.Logits.class) double[] x) {
        double sum = 0;
        for (double p : softmax(x)) {
            sum += p;
        }
        assertClose(1, sum, TOL_F64, "Σ softmax(x)");
    }

    @Property(tries = 500)
    void softmaxIsShiftInvariant(@ForAll(supplier = ReferenceArbitraries.Logits.class) double[] x,
                                 @ForAll @DoubleRange(min = -50, max = 50) double c) {
        double[] shifted = x.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += c;
        }
        // x + c is rounded once per element (|x + c| ≤ 100, an ulp is 1.4e-14), which the probabilities inherit.
        assertElementsClose(softmax(x), softmax(shifted), TOL_F64, "softmax(x + " + c + ") against softmax(x)");
    }

    @Property(tries = 500)
    void softmaxPreservesOrder(@ForAll(supplier = ReferenceArbitraries.Logits.class) double[] x) {
        double[] p = softmax(x);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                if (x[i] == x[j]) {
                    assertEquals(p[i], p[j], "equal logits, equal probabilities");
                } else if (x[i] < x[j]) {
                    // exp is monotone and the sum is shared, so order survives rounding (ties only for nearly equal logits).
                    assertTrue(p[i] <= p[j], "x[" + i + "] < x[" + j + "] but p is larger");
                    if (x[j] - x[i] > 1e-9) {
                        assertTrue(p[i] < p[j], "x[" + i + "] < x[" + j + "] by more than 1e-9 but p is not smaller");
                    }
                }
            }
        }
    }

    @Property(tries = 500)
    void logSoftmaxIsTheLogarithmOfSoftmax(@ForAll(supplier = ReferenceArbitraries.Logits.class) double[] x) {
        double[] logP = ((Vector) ActivationOps.logSoftmax(Vector.of(x))).toArray();
        double[] p = softmax(x);
        double[] lnP = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            lnP[i] = Math.log(p[i]);
        }
        assertElementsClose(lnP, logP, TOL_F64, "log_softmax(x) against ln softmax(x)");
    }

    @Property(tries = 200)
    void softmaxOfAMatrixIsSoftmaxOfEachRow(@ForAll(supplier = ReferenceArbitraries.LogitMatrices.class) Matrix x) {
        Matrix p = (Matrix) ActivationOps.softmax(x);
        Matrix logP = (Matrix) ActivationOps.logSoftmax(x);
        assertEquals(x.shape(), p.shape());
        for (int r = 0; r < x.rows(); r++) {
            assertArrayEquals(softmax(x.row(r).toArray()), p.row(r).toArray(), "softmax row " + r);
            assertArrayEquals(((Vector) ActivationOps.logSoftmax(x.row(r))).toArray(), logP.row(r).toArray(), "log_softmax row " + r);
        }
    }

    @Property(tries = 200)
    void sigmoidDerivativeIsSigmaOfXTimesSigmaOfMinusX(@ForAll @DoubleRange(min = -30, max = 30) double x) {
        double s = ActivationOps.sigmoid(x);
        // σ(x)(1 − σ(x)) = σ(x)σ(−x): 1 − σ(x) cancels for large x, so the error is a few ulps of s, not of the result
        ReferenceAssertions.assertWithin(s * ActivationOps.sigmoid(-x), ActivationOps.sigmoidDerivative(Scalar.of(s)).at(0), 4 * ReferenceAssertions.EPS * s,
                "σ′(" + x + ")");
    }

    @Property(tries = 200)
    void reluDerivativeTimesXIsRelu(@ForAll(supplier = ReferenceArbitraries.Logits.class) double[] x) {
        Vector v = Vector.of(x);
        // numerically equal: 0 × (−1) is −0.0 where relu gives 0.0
        assertElementsClose(ActivationOps.relu(v).flat(), ArithmeticOps.elementwiseProduct(ActivationOps.reluDerivative(v), v).flat(),
                ReferenceAssertions.EXACT, "relu′(x)·x");
    }

    @Property(tries = 200)
    void softmaxBackwardIsTheJacobianTimesGAndSumsToZero(@ForAll(supplier = ReferenceArbitraries.Logits.class) double[] z,
                                                        @ForAll @DoubleRange(min = -5, max = 5) double g0) {
        double[] s = softmax(z);
        double[] g = new double[s.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = g0 * (i % 3 - 1) + i;
        }
        double[] back = ActivationOps.softmaxBackward(Vector.of(s), Vector.of(g)).flat();
        double sum = 0;
        double scale = 1;
        for (int i = 0; i < s.length; i++) {
            double jg = 0; // (diag(s) − s sᵀ) g, row i
            for (int j = 0; j < s.length; j++) {
                jg += ((i == j ? s[i] : 0) - s[i] * s[j]) * g[j];
            }
            scale = Math.max(scale, Math.abs(g[i]));
            ReferenceAssertions.assertWithin(jg, back[i], 1e-12 * scale * s.length, "Jg[" + i + "]");
            sum += back[i];
        }
        ReferenceAssertions.assertWithin(0, sum, 1e-12 * scale * s.length, "Σ ∂L/∂z");
    }

    @Property(tries = 200)
    void logBaseOfAPowerIsTheExponent(@ForAll @DoubleRange(min = 1.5, max = 10) double base, @ForAll @net.jqwik.api.constraints.IntRange(min = -8, max = 8) int k) {
        assertClose(k, ActivationOps.logBase(Scalar.of(Math.pow(base, k)), base).at(0), 1e-12, "log_" + base + "(" + base + "^" + k + ")");
    }
}
