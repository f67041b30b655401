package org.bookcheck.trace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalInt;
import org.bookcheck.check.ValueText;
import org.bookcheck.fixture.PrintedNumber;

/**
 * How a trace writes numbers: at the book's printed precision where the book printed the value (inputs
 * keep their digits, printed results their decimals), at {@link #DEFAULT_DECIMALS} decimals for values
 * the book does not print, or at a fixed number of decimals when asked ({@code --digits N}). A value
 * that would show as all zeros but is not zero is written in scientific notation instead (3.06e-7, not
 * 0.000), so a tiny probability never looks like none.
 */
public final class TraceNumbers {

    /** Decimals for values the book does not print (intermediate results of a computation). */
    public static final int DEFAULT_DECIMALS = 4;
    /** Significant digits of a number written in scientific notation. */
    public static final int SCIENTIFIC_DIGITS = 3;

    private final OptionalInt digits;

    public TraceNumbers(OptionalInt digits) {
        if (digits.isPresent() && (digits.getAsInt() < 0 || digits.getAsInt() > 15)) {
            throw new IllegalArgumentException("--digits must be between 0 and 15, got " + digits.getAsInt());
        }
        this.digits = digits;
    }

    /** The book's precision everywhere, no fixed digits. */
    public static TraceNumbers asPrinted() {
        return new TraceNumbers(OptionalInt.empty());
    }

    public OptionalInt digits() {
        return digits;
    }

    /** A value the book does not print: whole numbers as such, others at the default decimals, trailing zeros dropped. */
    public String derived(double v) {
        if (digits.isPresent()) {
            return fixed(v, digits.getAsInt());
        }
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            return ValueText.exact(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return minus(Long.toString((long) v));
        }
        String s = fixed(v, DEFAULT_DECIMALS);
        return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** A value the book prints (or an input it gives) with these digits: the same form and decimals. */
    public String like(PrintedNumber printed, double v) {
        if (digits.isPresent()) {
            return fixed(v, digits.getAsInt());
        }
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            return ValueText.exact(v);
        }
        String s = printed.renderLike(v);
        return allZero(s) && v != 0 ? scientific(v) : s;
    }

    /** v rounded half-up to a number of decimals, in scientific notation when that would hide it. */
    public static String fixed(double v, int decimals) {
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            return ValueText.exact(v);
        }
        String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        if (allZero(s)) {
            return v == 0 ? minus(s.replace("-", "")) : scientific(v);
        }
        return minus(s);
    }

    static String scientific(double v) {
        return minus(ValueText.scientific(v, SCIENTIFIC_DIGITS));
    }

    private static boolean allZero(String s) {
        return s.chars().filter(Character::isDigit).allMatch(c -> c == '0');
    }

    private static String minus(String s) {
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }
}
