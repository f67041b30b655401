package org.bookcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.fixture.PrintedValueParser;
import org.bookcheck.reference.Bool;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.Tokens;
import org.bookcheck.reference.Vector;
import org.junit.jupiter.api.Test;

/** Printed values against computed ones: which elements miss, where they stand, and by how much at most. */
class ComparisonTest {

    private static PrintedValue printed(String text) {
        return PrintedValueParser.parse(text);
    }

    @Test
    void tokensAndTruthValuesMatchOnlyTheSameValueOfTheirKind() {
        assertTrue(Comparison.of(printed("[\"The\", \"cat\"]"), new Tokens(List.of("The", "cat")), 0).consistent());
        assertFalse(Comparison.of(printed("[\"The\", \"cat\"]"), new Tokens(List.of("The", "dog")), 0).consistent());
        assertFalse(Comparison.of(printed("[\"1\"]"), Vector.of(1), 0).consistent());
        assertTrue(Comparison.of(printed("true"), new Bool(true), 0).consistent());
        assertFalse(Comparison.of(printed("true"), new Bool(false), 0).consistent());
        assertFalse(Comparison.of(printed("true"), Scalar.of(1), 0).consistent());
    }

    @Test
    void missesStandAtTheirRowAndColumn() {
        // Row-major: element 5 of a 2×3 matrix is row 1, column 2. Differences 0.5 (element 1) and 2 (element 5).
        Comparison c = Comparison.of(printed("[[1, 2.5, 3], [4, 5, 8]]"), Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}), 0);
        assertFalse(c.consistent());
        assertEquals(List.of(1, 5), c.misses().stream().map(Comparison.Miss::index).toList());
        assertEquals(List.of(0, 1), c.misses().stream().map(Comparison.Miss::row).toList());
        assertEquals(List.of(1, 2), c.misses().stream().map(Comparison.Miss::col).toList());
        assertEquals(2.0, c.maxDifference());
    }

    @Test
    void aFiniteNumberPrintedForAnInfiniteOneIsInfinitelyFarOff() {
        Comparison c = Comparison.of(printed("1"), Scalar.of(Double.NEGATIVE_INFINITY), 0);
        assertFalse(c.consistent());
        assertEquals(Double.POSITIVE_INFINITY, c.maxDifference());
    }
}
