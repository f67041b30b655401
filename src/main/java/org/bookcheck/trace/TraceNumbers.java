package org.bookcheck.trace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.bookcheck.check.ValueText;
import org.bookcheck.fixture.PrintedArray;
import org.bookcheck.fixture.PrintedNumber;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.Value;
import org.bookcheck.reference.Vector;

/**
 * How a trace writes numbers: at the book's printed precision where the book printed the value (inputs
 * keep their digits, printed results their decimals), at {@link #DEFAULT_DECIMALS} decimals for values
 * the book does not print, or at a fixed number of decimals when asked ({@code --digits N}). A value
 * that would show as all zeros but is not zero is written in scientific notation instead (3.06e-7, not
 * 0.000), so a tiny probability never looks like none; so is a value the book does not print below 0.001. The operands and intermediate values of a
 * computation may be written with more digits ({@link #finer}, {@link Refinement}) so that every line
 * is true as displayed; a step's result never is.
 */
public final class TraceNumbers {

    /** Decimals for values the book does not print (intermediate results of a computation). */
    public static final int DEFAULT_DECIMALS = 4;
    /** Significant digits of a number written in scientific notation. */
    public static final int SCIENTIFIC_DIGITS = 3;
    /** Relative difference below which two values are the same but for double arithmetic (0.8 − 1 and −0.2). */
    private static final double NOISE = 1e-12;
    /** The most digits a number gets beyond its usual ones: a double has no more to show. */
    public static final int MAX_EXTRA = 12;

    private final OptionalInt digits;
    private final int extra;
    private final Refinement refinement;

    public TraceNumbers(OptionalInt digits) {
        this(digits, 0, null);
    }

    private TraceNumbers(OptionalInt digits, int extra, Refinement refinement) {
        if (digits.isPresent() && (digits.getAsInt() < 0 || digits.getAsInt() > 15)) {
            throw new IllegalArgumentException("--digits must be between 0 and 15, got " + digits.getAsInt());
        }
        this.digits = digits;
        this.extra = extra;
        this.refinement = refinement;
    }

    /** The book's precision everywhere, no fixed digits. */
    public static TraceNumbers asPrinted() {
        return new TraceNumbers(OptionalInt.empty());
    }

    public OptionalInt digits() {
        return digits;
    }

    /**
     * The same format with {@code more} digits more on every number it writes (decimals, or significant
     * digits in scientific notation), trailing zeros dropped.
     */
    TraceNumbers finer(int more) {
        if (more < 0 || extra + more > MAX_EXTRA) {
            throw new IllegalArgumentException("a trace adds 0 to " + MAX_EXTRA + " digits, got " + (extra + more));
        }
        return more == 0 ? this : new TraceNumbers(digits, extra + more, refinement);
    }

    /** The same format, with the extra digits the refinement gives each value on top. */
    TraceNumbers refined(Refinement r) {
        return new TraceNumbers(digits, extra, r);
    }

    /** A value the book does not print: whole numbers as such, others at the default decimals, exact trailing zeros dropped. */
    public String derived(double v) {
        int more = more(v);
        String s;
        if (digits.isPresent()) {
            s = more == 0 ? fixed(v, digits.getAsInt(), 0) : withoutTrailingZeros(fixed(v, digits.getAsInt(), more), v);
        } else if (Double.isInfinite(v) || Double.isNaN(v)) {
            s = ValueText.exact(v);
        } else if (noise(Math.rint(v), v) && Math.abs(v) < 1e15) {
            s = minus(Long.toString((long) Math.rint(v)));
        } else if (Math.abs(v) < 0.001) {
            // At 4 decimals such a value keeps at most one significant digit (0.0001 for 5.02e-5): too few to work with.
            s = scientific(v, more);
        } else {
            s = withoutTrailingZeros(fixed(v, DEFAULT_DECIMALS, more), v);
        }
        return recorded(s, v);
    }

    /**
     * A value the book prints (or an input it gives) with these digits: the same form and decimals, with
     * the extra digits of a {@linkplain #finer finer} format (trailing zeros dropped).
     */
    public String like(PrintedNumber printed, double v) {
        int more = more(v);
        if (digits.isPresent()) {
            return recorded(more == 0 ? fixed(v, digits.getAsInt(), 0) : withoutTrailingZeros(fixed(v, digits.getAsInt(), more), v), v);
        }
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            return ValueText.exact(v);
        }
        if (more > 0) {
            return recorded(switch (printed.form()) {
                case INTEGER, DECIMAL -> withoutTrailingZeros(fixed(v, printed.decimals(), more), v);
                case PERCENT -> withoutTrailingZeros(fixed(v * 100, printed.decimals(), more), v * 100) + "%";
                case FRACTION, INFINITY -> derived(v);
            }, v);
        }
        String s = printed.renderLike(v);
        return recorded(allZero(s) && v != 0 ? scientific(v) : s, v);
    }

    /**
     * An exact value written beside the book's printed one, with enough digits to tell them apart: each
     * element with {@link ValueText#EXACT_DIGITS} significant digits, or with one decimal more than the book
     * printed where that shows more ("exact 0.100017652" beside a printed 0.10001765, not "exact 0.100018").
     */
    public static String exactBeside(PrintedValue printed, Value exact) {
        List<PrintedNumber> elements = switch (printed) {
            case PrintedNumber n -> List.of(n);
            case PrintedArray a -> a.elements();
            default -> List.of();
        };
        if (!(exact instanceof Numeric n) || n.size() != elements.size()) {
            return ValueText.exact(exact);
        }
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            cells.add(exactBeside(elements.get(i), n.at(i)));
        }
        return switch (n) {
            case Scalar s -> cells.getFirst();
            case Vector v -> "[" + String.join(", ", cells) + "]";
            case Matrix m -> {
                List<String> rows = new ArrayList<>();
                for (int r = 0; r < m.rows(); r++) {
                    rows.add("[" + String.join(", ", cells.subList(r * m.cols(), (r + 1) * m.cols())) + "]");
                }
                yield "[" + String.join(", ", rows) + "]";
            }
        };
    }

    private static String exactBeside(PrintedNumber printed, double v) {
        String usual = ValueText.exact(v);
        if (!Double.isFinite(v) || (printed.form() != PrintedNumber.Form.DECIMAL && printed.form() != PrintedNumber.Form.PERCENT)) {
            return usual;
        }
        int places = printed.decimals() + (printed.form() == PrintedNumber.Form.PERCENT ? 2 : 0) + 1;
        String finer = withoutTrailingZeros(fixed(v, places), v);
        return significantDigits(finer) > significantDigits(usual) ? finer : usual;
    }

    private static int significantDigits(String number) {
        String mantissa = number.split("e")[0].replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        return mantissa.length();
    }

    /** v rounded half-up to a number of decimals, in scientific notation when that would hide it. */
    public static String fixed(double v, int decimals) {
        return fixed(v, decimals, 0);
    }

    /**
     * v at {@code decimals + more} decimals; in scientific notation with {@code more} more significant
     * digits where {@code decimals} would show all zeros (3.06e-7 and 3.0590e-7, never 0.0000003059).
     */
    private static String fixed(double v, int decimals, int more) {
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            return ValueText.exact(v);
        }
        BigDecimal exact = new BigDecimal(v);
        String s = exact.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        if (allZero(s)) {
            return v == 0 ? minus(s.replace("-", "")) : scientific(v, more);
        }
        return minus(exact.setScale(decimals + more, RoundingMode.HALF_UP).toPlainString());
    }

    static String scientific(double v) {
        return scientific(v, 0);
    }

    private static String scientific(double v, int more) {
        return minus(ValueText.scientific(v, SCIENTIFIC_DIGITS + more));
    }

    private int more(double v) {
        return Math.min(MAX_EXTRA, extra + (refinement == null ? 0 : refinement.extra(v)));
    }

    private String recorded(String text, double v) {
        if (refinement != null) {
            refinement.shown(text, v);
        }
        return text;
    }

    /**
     * Trailing zeros dropped where the shorter number is v but for double arithmetic's noise (0.2500 for 0.25
     * is 0.25, −0.2000 for 0.8 − 1 = −0.19999999999999996 is −0.2), and kept where
     * they are digits of a rounding (0.9640 for 0.964028, −1.0000 for −0.9999999999999998), so the number
     * always says how precise it is.
     */
    private static String withoutTrailingZeros(String s, double v) {
        if (s.contains("e") || !s.contains(".")) {
            return s;
        }
        String shorter = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return noise(Double.parseDouble(shorter.replace('−', '-')), v) ? shorter : s;
    }

    /** Whether a and b differ by no more than double arithmetic's noise, far below any digit a trace shows. */
    private static boolean noise(double a, double b) {
        return Math.abs(a - b) <= NOISE * Math.max(1, Math.abs(b));
    }

    private static boolean allZero(String s) {
        return s.chars().filter(Character::isDigit).allMatch(c -> c == '0');
    }

    private static String minus(String s) {
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }
}
