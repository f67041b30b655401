package org.bookcheck.check;

/**
 * A common slip that explains a mismatch: how the printed number went wrong, when the numbers show
 * it. Rows are counted from 1, as an author reads them.
 */
public sealed interface Slip {

    /** The slip in words, for the report. */
    String describe();

    /** The printed digits are the exact value cut off, not rounded. */
    record Truncated(String rounded) implements Slip {
        @Override
        public String describe() {
            return "truncated instead of rounded (rounding gives " + rounded + ")";
        }
    }

    /** The printed number has the wrong sign. */
    record SignDropped() implements Slip {
        @Override
        public String describe() {
            return "sign dropped (the exact value has the opposite sign)";
        }
    }

    /** The printed number is the exact one times 10ⁿ: a misplaced decimal point. */
    record PowerOfTen(int exponent) implements Slip {
        @Override
        public String describe() {
            return "off by a factor of 10^" + exponent + " (a misplaced decimal point)";
        }
    }

    /** A printed row repeats another row. */
    record RowCopied(int row, int fromRow) implements Slip {
        @Override
        public String describe() {
            return "row " + row + " is a copy of row " + fromRow;
        }
    }

    /** The printed matrix is the exact one transposed. */
    record Transposed() implements Slip {
        @Override
        public String describe() {
            return "rows and columns swapped (the printed matrix is the transpose)";
        }
    }
}
