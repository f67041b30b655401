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
}
