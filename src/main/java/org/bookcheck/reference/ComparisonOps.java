package org.bookcheck.reference;

/** Qualitative claims between numbers ("the loss decreased", "P(C) increased"), decided on exact values. */
public final class ComparisonOps {

    private ComparisonOps() {
    }

    /** a &gt; b. */
    public static boolean greater(double a, double b) {
        return a > b;
    }

    /** a &lt; b. */
    public static boolean less(double a, double b) {
        return a < b;
    }
}
