package org.bookcheck.reference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ComparisonOpsTest {

    @Test
    void equalForgivesFloatingPointNoise() {
        assertTrue(ComparisonOps.equal(0.1 + 0.2, 0.3));
        assertTrue(ComparisonOps.equal(-2, -2));
    }

    @Test
    void equalIsRelativeForLargeNumbersAndAbsoluteBelowOne() {
        assertTrue(ComparisonOps.equal(1e12, 1e12 + 100)); // 1e-10 relative
        assertFalse(ComparisonOps.equal(1e12, 1e12 + 1e4)); // 1e-8 relative
        assertTrue(ComparisonOps.equal(0, 1e-10));
        assertFalse(ComparisonOps.equal(0, 2e-9));
        assertFalse(ComparisonOps.equal(1, 1 + 1e-8));
    }

    @Test
    void greaterAndLessAreStrict() {
        assertTrue(ComparisonOps.greater(0.252, 0.251));
        assertFalse(ComparisonOps.greater(1, 1));
        assertFalse(ComparisonOps.greater(0.251, 0.252));
        assertTrue(ComparisonOps.less(1.2, 2.3));
        assertFalse(ComparisonOps.less(1, 1));
        assertFalse(ComparisonOps.less(2.3, 1.2));
    }

    @Test
    void approxComparesEveryElementWithinTheTolerance() {
        // e^−0.00707 = 0.992955: 0.9930 is within half a unit of its last digit, 0.9929 (truncated) is not
        assertTrue(ComparisonOps.approx(Vector.of(Math.exp(-0.00707), 1), Vector.of(0.9930, 1.0), Vector.of(0.00005, 0.05)));
        assertFalse(ComparisonOps.approx(Vector.of(Math.exp(-0.00707), 1), Vector.of(0.9929, 1.0), Vector.of(0.00005, 0.05)));
        assertFalse(ComparisonOps.approx(Vector.of(0.5, 0.52), Vector.of(0.5, 0.5), Scalar.of(0.01)));
        assertTrue(ComparisonOps.approx(Scalar.of(1.382), Scalar.of(1.3823023), Scalar.of(0.0005)));
    }
}
