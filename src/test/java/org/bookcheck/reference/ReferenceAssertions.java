package org.bookcheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/**
 * What "equal" means in the reference op tests, in one place: the tolerances, element-wise comparison
 * of numeric values (shape first, then every element), the check that an op refuses its arguments
 * with a given message, and short builders for the values the tests feed in.
 */
final class ReferenceAssertions {

    /** Machine epsilon of double, the spacing of doubles just above 1 (2⁻⁵²). */
    static final double EPS = Math.ulp(1.0);

    /**
     * A hand-worked value against one double-precision op: relative to max(1, |expected|), room for a
     * few thousand ulps, which covers libm differences between the JDK and the calculator (python3)
     * the expected values came from, and nothing like a real error.
     */
    static final double TOL_F64 = 1e-12;

    /**
     * An identity checked through a chain of rounded ops (sums of many terms, exp then ln, products of
     * products), relative to max(1, |expected|).
     */
    static final double TOL_CHAIN = 1e-9;

    /** For whole-number arithmetic, where nothing rounds: numerically equal, so −0.0 and 0.0 agree. */
    static final double EXACT = 0;

    /**
     * logit(inverse_logit(x)) against x, in ulps of 1 times the condition number. σ(x) carries a few ulps
     * of relative error δ, and logit at p = σ(x) turns it into δ/(1 − p) = δ·(1 + eˣ): 1 − p cancels as
     * p nears 1. Two ops each of a few ulps give about 4; 8 leaves room. See {@link #logitRoundTripTolerance}.
     */
    static final double LOGIT_ROUND_TRIP_ULPS = 8;

    private ReferenceAssertions() {
    }

    /** The absolute error logit(inverse_logit(x)) may have: 8ε·(1 + eˣ), plus two ulps of x for its own rounding. */
    static double logitRoundTripTolerance(double x) {
        return LOGIT_ROUND_TRIP_ULPS * EPS * (1 + Math.exp(x)) + 2 * Math.ulp(x);
    }

    static Vector vector(double... values) {
        return Vector.of(values);
    }

    static Matrix matrix(double[]... rows) {
        return Matrix.of(rows);
    }

    /** A vocabulary in the given order: token, id, token, id, ... */
    static Vocabulary vocabulary(Object... tokenIdPairs) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < tokenIdPairs.length; i += 2) {
            ids.put((String) tokenIdPairs[i], (Integer) tokenIdPairs[i + 1]);
        }
        return new Vocabulary(ids);
    }

    /** |expected − actual| ≤ TOL_F64 · max(1, |expected|). */
    static void assertClose(double expected, double actual) {
        assertClose(expected, actual, TOL_F64, "");
    }

    /**
     * |expected − actual| ≤ tolerance · max(1, |expected|); infinities must match exactly, and a NaN
     * is never close to anything.
     */
    static void assertClose(double expected, double actual, double tolerance, String what) {
        if (!close(expected, actual, tolerance)) {
            fail((what.isEmpty() ? "" : what + ": ") + "expected " + expected + " but was " + actual
                    + " (difference " + Math.abs(expected - actual) + ", tolerance " + tolerance + " relative)");
        }
    }

    /** |expected − actual| ≤ absoluteTolerance, for values whose error does not scale with their size. */
    static void assertWithin(double expected, double actual, double absoluteTolerance, String what) {
        if (!(Math.abs(expected - actual) <= absoluteTolerance)) {
            fail(what + ": expected " + expected + " but was " + actual + " (difference " + Math.abs(expected - actual)
                    + ", tolerance " + absoluteTolerance + ")");
        }
    }

    static boolean close(double expected, double actual, double tolerance) {
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return expected == actual;
        }
        return Math.abs(expected - actual) <= tolerance * Math.max(1, Math.abs(expected));
    }

    /** Same length, and every element close. */
    static void assertElementsClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, () -> what + ": number of elements");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], tolerance, what + " [" + i + "]");
        }
    }

    /** A scalar result with the given value. */
    static void assertScalar(double expected, Value actual) {
        assertClose(expected, assertInstanceOf(Scalar.class, actual).value(), TOL_F64, "scalar");
    }

    /** A vector result of exactly these elements' length, each element close. */
    static Vector assertVector(Value actual, double... expected) {
        Vector v = assertInstanceOf(Vector.class, actual, "a vector");
        assertElementsClose(expected, v.toArray(), TOL_F64, "vector");
        return v;
    }

    /** A matrix result of the shape of {@code expected}, each element close. */
    static Matrix assertMatrix(Value actual, double[][] expected) {
        Matrix m = assertInstanceOf(Matrix.class, actual, "a matrix");
        int cols = expected.length == 0 ? 0 : expected[0].length;
        assertEquals(Shape.matrix(expected.length, cols), m.shape(), "shape");
        for (int r = 0; r < expected.length; r++) {
            assertElementsClose(expected[r], m.row(r).toArray(), TOL_F64, "row " + r);
        }
        return m;
    }

    /** A matrix result of the given shape with no elements to compare (0×n or n×0). */
    static void assertEmptyMatrix(Value actual, int rows, int cols) {
        Matrix m = assertInstanceOf(Matrix.class, actual, "a matrix");
        assertEquals(Shape.matrix(rows, cols), m.shape(), "shape");
        assertEquals(0, m.flat().length, "elements");
    }

    /** The op refuses with exactly this message. */
    static OpException assertOpError(String expectedMessage, Executable call) {
        OpException e = assertThrows(OpException.class, call);
        assertEquals(expectedMessage, e.getMessage());
        return e;
    }

    /** The op refuses with a message that contains every fragment (the op's name, both shapes, the offending value). */
    static OpException assertOpErrorContains(Executable call, String... fragments) {
        OpException e = assertThrows(OpException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "message \"" + e.getMessage() + "\" lacks \"" + fragment + "\"");
        }
        return e;
    }
}
