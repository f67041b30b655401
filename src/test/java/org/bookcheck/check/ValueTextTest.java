package org.bookcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bookcheck.fixture.PrintedValueParser;
import org.bookcheck.reference.Bool;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.TokenBatch;
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

    @Test
    void theEdgesOfPlainNotation() {
        // 10¹⁵ is the first whole number written in scientific notation; 10⁻⁴ is the smallest written plainly.
        assertEquals("1e15", ValueText.exact(1e15));
        assertEquals("999999999999999", ValueText.exact(999_999_999_999_999.0));
        assertEquals("0.0001", ValueText.exact(1e-4));
        assertEquals("9.9e-5", ValueText.exact(9.9e-5));
    }

    @Test
    void valuesThatNeverReadDifferentlyStopAtTheDigitsADoubleHolds() {
        // NaN is not equal to itself, yet reads "NaN" at any number of digits: the search stops at 17.
        assertEquals(17, ValueText.digitsApart(Double.NaN, Double.NaN, 6));
    }

    @Test
    void exactValuesWrittenLikeThePrintedOne() {
        // A nested list keeps its rows; each element takes its printed element's decimals.
        assertEquals("[[0.50, 0.33], [0.33, 1.00]]", ValueText.likePrinted(PrintedValueParser.parse("[[0.50, 0.33], [0.33, 0.50]]"),
                Matrix.of(new double[][] {{0.5, 1.0 / 3}, {1.0 / 3, 1.0}})));
        assertEquals("[[1], [2], [3]]", ValueText.likePrinted(PrintedValueParser.parse("[[0], [0], [0]]"),
                Matrix.of(new double[][] {{1}, {2}, {3}})));
        // A truth value or tokens printed where the exact value is of another kind: the exact value as it is.
        assertEquals("false", ValueText.likePrinted(PrintedValueParser.parse("true"), new Bool(false)));
        assertEquals("1", ValueText.likePrinted(PrintedValueParser.parse("true"), Scalar.of(1)));
        assertEquals("[\"a\"]", ValueText.likePrinted(PrintedValueParser.parse("[\"b\"]"), new Tokens(List.of("a"))));
        assertEquals("2", ValueText.likePrinted(PrintedValueParser.parse("[\"b\"]"), Scalar.of(2)));
    }

    @Test
    void aBatchOfTokenSequences() {
        assertEquals("[[\"a\", \"b\"], [\"c\"]]", ValueText.exact(new TokenBatch(List.of(new Tokens(List.of("a", "b")), new Tokens(List.of("c"))))));
    }
}
