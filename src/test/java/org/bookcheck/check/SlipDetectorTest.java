package org.bookcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.fixture.PrintedValueParser;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.Value;
import org.junit.jupiter.api.Test;

/** The slips named for one wrong printed number, worked by hand. */
class SlipDetectorTest {

    private static List<Slip> slips(String text, Value exact) {
        PrintedValue printed = PrintedValueParser.parse(text);
        return SlipDetector.detect(printed, exact, Comparison.of(printed, exact, 0));
    }

    @Test
    void aPercentageCutOffIsTruncated() {
        // 0.4978 is 49.78%: rounded 50%, cut off 49%.
        assertEquals(List.of(new Slip.Truncated("50%")), slips("49%", Scalar.of(0.4978)));
    }

    @Test
    void aFractionIsNeverATruncation() {
        // 2/6 = 0.333 printed for 0.5: a fraction has no digits to cut off.
        assertEquals(List.of(), slips("2/6", Scalar.of(0.5)));
    }

    @Test
    void theDecimalPointMovedSixPlacesIsNamed() {
        // 2 printed for 0.000002 = 2 × 10⁻⁶: off by 10⁶, the largest factor looked for.
        assertEquals(List.of(new Slip.PowerOfTen(6)), slips("2", Scalar.of(0.000002)));
        assertEquals(List.of(new Slip.PowerOfTen(-6)), slips("0.000002", Scalar.of(2)));
        // 10⁷ is beyond it.
        assertEquals(List.of(), slips("2", Scalar.of(0.0000002)));
    }
}
