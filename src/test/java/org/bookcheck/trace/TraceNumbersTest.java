package org.bookcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.bookcheck.fixture.PrintedArray;
import org.bookcheck.fixture.PrintedNumber;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.Vector;
import org.junit.jupiter.api.Test;

class TraceNumbersTest {

    private static PrintedNumber printed(String text) {
        return PrintedNumber.ofDecimal(text, new BigDecimal(text));
    }

    @Test
    void anExactValueBesideAPrintedOneHasTheDigitsToTellThemApart() {
        // Printed 0.10001765 (8 decimals), exact 0.1000176523: six significant digits, 0.100018, would read as a contradiction.
        assertEquals("0.100017652", TraceNumbers.exactBeside(printed("0.10001765"), Scalar.of(0.1000176523)));
        // Printed 0.94 beside exact 0.936240: the usual six significant digits already say more than 3 decimals.
        assertEquals("0.93624", TraceNumbers.exactBeside(printed("0.94"), Scalar.of(0.93624)));
        PrintedArray list = new PrintedArray("[0.2, 0.10001765]", 1, 2, List.of(printed("0.2"), printed("0.10001765")), PrintedArray.Layout.LIST);
        assertEquals("[0.00669255, 0.100017652]", TraceNumbers.exactBeside(list, Vector.of(0.0066925509, 0.1000176523)));
    }

    @Test
    void aFinerFormatAddsDigitsAndDropsOnlyExactTrailingZeros() {
        TraceNumbers finer = TraceNumbers.asPrinted().finer(2);
        assertEquals("0.333333", finer.derived(1.0 / 3));
        // Trailing zeros go only where the shorter number is the value itself.
        assertEquals("0.250000", finer.derived(0.25000001));
        assertEquals("0.25", finer.derived(0.25));
        assertEquals("−0.2", finer.derived(0.8 - 1)); // −0.19999999999999996: floating-point noise, not a rounding
        assertEquals("3", finer.derived(0.1 * 3 * 10)); // 3.0000000000000004
        assertEquals("3.059e-7", finer.derived(Math.exp(-15))); // 3.0590e-7 at 5 significant digits, the 0 dropped
        // A result printed 0.3 (1 decimal) as an operand two digits finer: 3 decimals.
        assertEquals("0.333", finer.like(printed("0.3"), 1.0 / 3));
    }

    private static PrintedNumber parsed(String text) {
        return (PrintedNumber) org.bookcheck.fixture.PrintedValueParser.parse(text);
    }

    @Test
    void fixedDigitsAreBetweenZeroAndFifteen() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new TraceNumbers(java.util.OptionalInt.of(-1)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new TraceNumbers(java.util.OptionalInt.of(16)));
        // 2.5 at no decimals, half up: 3.
        assertEquals("3", new TraceNumbers(java.util.OptionalInt.of(0)).derived(2.5));
        assertEquals("0.250000000000000", new TraceNumbers(java.util.OptionalInt.of(15)).derived(0.25));
        TraceNumbers numbers = TraceNumbers.asPrinted();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> numbers.finer(-1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> numbers.finer(TraceNumbers.MAX_EXTRA + 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> numbers.finer(TraceNumbers.MAX_EXTRA).finer(1));
        org.junit.jupiter.api.Assertions.assertSame(numbers, numbers.finer(0));
    }

    @Test
    void aValueWrittenLikeAPrintedOne() {
        TraceNumbers numbers = TraceNumbers.asPrinted();
        // 0.000345 at the printed 2 decimals would be 0.00: scientific instead; a real 0 stays 0.00.
        assertEquals("3.45e-4", numbers.like(printed("0.01"), 0.000345));
        assertEquals("0.00", numbers.like(printed("0.01"), 0));
        assertEquals("0.13", new TraceNumbers(java.util.OptionalInt.of(2)).like(printed("0.5"), 0.125));
        assertEquals("0.123", new TraceNumbers(java.util.OptionalInt.of(2)).finer(1).like(printed("0.5"), 0.123456));
        // Two digits finer than 75%: 75.12%; a fraction is written as a derived value, 4 + 2 decimals.
        assertEquals("75.12%", numbers.finer(2).like(parsed("75%"), 0.7512345));
        assertEquals("0.333333", numbers.finer(2).like(parsed("1/3"), 1.0 / 3));
    }

    @Test
    void theExactValueBesideAPercentOrAnotherShape() {
        // 75.12345% has 5 decimals of a percent, 7 of the value: one more, 0.75123457, says more than 0.751235.
        assertEquals("0.75123457", TraceNumbers.exactBeside(parsed("75.12345%"), Scalar.of(0.7512345678)));
        // An integer printed: the usual six significant digits.
        assertEquals("0.123457", TraceNumbers.exactBeside(parsed("1"), Scalar.of(0.123456789)));
        // A number printed for a vector: the vector in full.
        assertEquals("[0.1, 0.2]", TraceNumbers.exactBeside(printed("0.5"), Vector.of(0.1, 0.2)));
        PrintedArray nested = new PrintedArray("[[0.2, 0.3], [0.4, 0.5]]", 2, 2,
                List.of(printed("0.2"), printed("0.3"), printed("0.4"), printed("0.5")), PrintedArray.Layout.NESTED);
        assertEquals("[[0.25, 0.3], [0.4, 0.5]]", TraceNumbers.exactBeside(nested,
                org.bookcheck.reference.Matrix.of(new double[][] {{0.25, 0.3}, {0.4, 0.5}})));
    }
}
