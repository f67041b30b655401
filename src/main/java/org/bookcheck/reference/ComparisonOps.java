package org.bookcheck.reference;

/** Qualitative claims between numbers ("the loss decreased", "P(C) increased"), decided on exact values. */
public final class ComparisonOps {

    private ComparisonOps() {
    }

    /** Relative floating-point noise below which two numbers count as equal. */
    public static final double EQUAL_WITHIN = 1e-9;

    /** a = b, up to floating-point noise relative to their size. */
    public static boolean equal(double a, double b) {
        return Math.abs(a - b) <= EQUAL_WITHIN * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** a &gt; b. */
    public static boolean greater(double a, double b) {
        return a > b;
    }

    /** a &lt; b. */
    public static boolean less(double a, double b) {
        return a < b;
    }

    /** |a − b| ≤ t for every element (a scalar on either side is broadcast): the book's ≈ at a stated tolerance. */
    public static boolean approx(Numeric a, Numeric b, Numeric tolerance) {
        Numeric difference = ArithmeticOps.abs(ArithmeticOps.sub(a, b));
        Numeric within = difference.zip("approx", tolerance, (d, t) -> {
            if (!(t >= 0)) {
                throw new OpException("approx: the tolerance must be ≥ 0, got " + t);
            }
            return d <= t ? 1 : 0;
        });
        return ArithmeticOps.min(within) == 1;
    }
}
