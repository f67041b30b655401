package org.bookcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Tokens;
import org.bookcheck.reference.Vector;
import org.junit.jupiter.api.Test;

/** How reports write exact values: six significant digits, a real minus sign, scientific notation for tiny ones. */
class ValueTextTest {

    @Test
    void numbersWithSixSignificantDigits() {
        assertEquals("NaN", ValueText.exact(Double.NaN));
        assertEquals("∞", ValueText.exact(Double.POSITIVE_INFINITY));
        assertEquals("−∞", ValueText.exact(Double.NEGATIVE_INFINITY));
        assertEquals("3", ValueText.exact(3.0));
        assertEquals("−2", ValueText.exact(-2.0));
        assertEquals("0.123457", ValueText.exact(0.1234567));
        assertEquals("−0.123457", ValueText.exact(-0.1234567));
        assertEquals("3.03841e-7", ValueText.exact(3.038412e-7));
        assertEquals("2.5e-5", ValueText.exact(2.5e-5));
        assertEquals("2500000000", ValueText.exact(2.5e9));
    }

    @Test
    void digitsApartAreTheFewestAtWhichTwoValuesReadDifferently() {
        // 0.1000181 and 0.1000184 both read 0.100018 at six digits; at seven, 0.1000181 and 0.1000184.
        assertEquals(7, ValueText.digitsApart(0.1000181, 0.1000184, 6));
        assertEquals(6, ValueText.digitsApart(0.12, 0.13, 6));
        assertEquals(3, ValueText.digitsApart(0.5, 0.5, 3));
        assertEquals(7, ValueText.digitsApart(Vector.of(0.1000181, 1), Vector.of(0.1000184, 1), 6));
        assertEquals(6, ValueText.digitsApart(Vector.of(0.1000181, 1), Vector.of(0.1000181, 1), 6));
        assertEquals(4, ValueText.digitsApart(Vector.of(0.1000181), Vector.of(0.1000184, 1), 4), "different shapes are not compared");
    }

    @Test
    void wholeValues() {
        assertEquals("[[1, 0.123], [2, −3]]", ValueText.exact(Matrix.of(new double[][] {{1, 0.123456}, {2, -3}}), 3));
        assertEquals("[0.5, 0.25]", ValueText.exact(Vector.of(0.5, 0.25), 3));
        assertEquals("[[0.333333, 1]]", ValueText.exact(Matrix.of(new double[][] {{1.0 / 3, 1}})));
        assertEquals("[\"The\", \"cat\"]", ValueText.exact(new Tokens(List.of("The", "cat"))));
    }
}
