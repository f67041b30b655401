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
}
