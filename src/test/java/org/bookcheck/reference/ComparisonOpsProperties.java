package org.bookcheck.reference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** ≈ at a stated tolerance: a difference at most t passes, one clearly above it fails. */
class ComparisonOpsProperties {

    @Property(tries = 200)
    void approxHoldsExactlyUpToTheTolerance(@ForAll @DoubleRange(min = -1000, max = 1000) double a,
                                           @ForAll @DoubleRange(min = -1, max = 1) double d,
                                           @ForAll @DoubleRange(min = 0.01, max = 1) double t) {
        double b = a + d;
        double gap = Math.abs(b - a);
        boolean within = ComparisonOps.approx(Scalar.of(a), Scalar.of(b), Scalar.of(t));
        if (gap <= t) {
            assertTrue(within, () -> a + " ≈ " + b + " within " + t);
        } else {
            assertFalse(within, () -> a + " ≉ " + b + " within " + t);
        }
        assertTrue(ComparisonOps.approx(Scalar.of(a), Scalar.of(b), Scalar.of(gap)), "within its own gap");
    }
}
