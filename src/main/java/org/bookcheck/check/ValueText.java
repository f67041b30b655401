package org.bookcheck.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.bookcheck.fixture.PrintedArray;
import org.bookcheck.fixture.PrintedBool;
import org.bookcheck.fixture.PrintedNumber;
import org.bookcheck.fixture.PrintedTokens;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.reference.Bool;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.Text;
import org.bookcheck.reference.TokenBatch;
import org.bookcheck.reference.Tokens;
import org.bookcheck.reference.Value;
import org.bookcheck.reference.Vector;
import org.bookcheck.reference.Vocabulary;

/**
 * Values as text: exact values with enough significant digits to judge them, and exact values
 * written the way the book wrote its printed value (same layout, same decimals), which is what a
 * correction must look like.
 */
public final class ValueText {

    /** Significant digits shown for an exact value. */
    public static final int EXACT_DIGITS = 6;

    /** Significant digits a double holds. */
    private static final int MAX_DIGITS = 17;

    private ValueText() {
    }

    /** One number with {@link #EXACT_DIGITS} significant digits; tiny and huge numbers in scientific notation. */
    public static String exact(double v) {
        return exact(v, EXACT_DIGITS);
    }

    /** One number with the given significant digits (trailing zeros dropped); tiny and huge ones in scientific notation. */
    public static String exact(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v < 0 ? "−∞" : "∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return minus(Long.toString((long) v));
        }
        double abs = Math.abs(v);
        if (abs < 1e-4 || abs >= 1e9) {
            return minus(scientific(v, digits));
        }
        return minus(new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString());
    }

    /**
     * The significant digits that tell a value from the printed one in a sentence: two more than the
     * printed number has, and never fewer than {@link #EXACT_DIGITS} (printed 0.10001765 has 8, so an exact
     * value beside it is shown with 10: 0.1000176498, not 0.100018).
     */
    public static int digitsBeside(PrintedValue printed) {
        int most = 0;
        for (PrintedNumber n : switch (printed) {
            case PrintedNumber n -> List.of(n);
            case PrintedArray a -> a.elements();
            default -> List.<PrintedNumber>of();
        }) {
            if (n.decimal() != null) {
                most = Math.max(most, n.decimal().precision());
            }
        }
        return Math.min(MAX_DIGITS, Math.max(EXACT_DIGITS, most + 2));
    }

    /**
     * The fewest significant digits, at least {@code atLeast}, at which two different values read
     * differently, so a sentence never shows "gives 0.100018 … it gives 0.100018".
     */
    public static int digitsApart(double a, double b, int atLeast) {
        int digits = atLeast;
        while (a != b && digits < MAX_DIGITS && exact(a, digits).equals(exact(b, digits))) {
            digits++;
        }
        return digits;
    }

    /** A whole value with the given significant digits per element. */
    public static String exact(Value value, int digits) {
        return switch (value) {
            case Scalar s -> exact(s.value(), digits);
            case Vector v -> list(v.toArray(), digits);
            case Matrix m -> {
                List<String> rows = new ArrayList<>();
                for (int r = 0; r < m.rows(); r++) {
                    rows.add(list(m.row(r).toArray(), digits));
                }
                yield "[" + String.join(", ", rows) + "]";
            }
            default -> exact(value);
        };
    }

    /** The fewest digits, at least {@code atLeast}, at which two values of one shape read differently element by element. */
    public static int digitsApart(Value a, Value b, int atLeast) {
        int digits = atLeast;
        if (a instanceof Numeric x && b instanceof Numeric y && x.size() == y.size()) {
            for (int i = 0; i < x.size(); i++) {
                if (x.at(i) != y.at(i)) {
                    digits = Math.max(digits, digitsApart(x.at(i), y.at(i), atLeast));
                }
            }
        }
        return digits;
    }

    /** v as mantissa and power of ten with the given significant digits, trailing zeros dropped: 3.03841e-7. */
    public static String scientific(double v, int digits) {
        String s = String.format(java.util.Locale.ROOT, "%." + (digits - 1) + "e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + "e" + Integer.parseInt(s.substring(e + 1));
    }

    /** A whole value at full judging precision. */
    public static String exact(Value value) {
        return switch (value) {
            case Scalar s -> exact(s.value());
            case Vector v -> list(v.toArray());
            case Matrix m -> {
                List<String> rows = new ArrayList<>();
                for (int r = 0; r < m.rows(); r++) {
                    rows.add(list(m.row(r).toArray()));
                }
                yield "[" + String.join(", ", rows) + "]";
            }
            case Tokens t -> tokens(t.tokens());
            case TokenBatch b -> "[" + String.join(", ", b.sequences().stream().map(t -> tokens(t.tokens())).toList()) + "]";
            case Text t -> "\"" + t.text() + "\"";
            case Vocabulary v -> v.ids().toString();
            case Bool b -> Boolean.toString(b.value());
        };
    }

    /**
     * The exact value written like the printed one: each element at its printed element's form and
     * decimals, in the printed layout. This is the correction an author pastes into the chapter.
     */
    public static String likePrinted(PrintedValue printed, Value exact) {
        return switch (printed) {
            case PrintedNumber n -> n.renderLike(((Numeric) exact).at(0));
            case PrintedBool b -> exact instanceof Bool e ? Boolean.toString(e.value()) : exact(exact);
            case PrintedTokens t -> exact instanceof Tokens e ? tokens(e.tokens()) : exact(exact);
            case PrintedArray a -> array(a, (Numeric) exact);
        };
    }

    private static String array(PrintedArray a, Numeric exact) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            cells.add(a.elements().get(i).renderLike(exact.at(i)));
        }
        return switch (a.layout()) {
            case LIST -> "[" + String.join(", ", cells) + "]";
            case NESTED -> {
                List<String> rows = new ArrayList<>();
                for (int r = 0; r < a.rows(); r++) {
                    rows.add("[" + String.join(", ", cells.subList(r * a.cols(), (r + 1) * a.cols())) + "]");
                }
                yield "[" + String.join(", ", rows) + "]";
            }
            case BMATRIX -> {
                List<String> rows = new ArrayList<>();
                for (int r = 0; r < a.rows(); r++) {
                    rows.add(String.join(" & ", cells.subList(r * a.cols(), (r + 1) * a.cols())).replace('−', '-'));
                }
                yield "\\begin{bmatrix} " + String.join(" \\\\ ", rows) + " \\end{bmatrix}";
            }
        };
    }

    private static String list(double[] values) {
        return list(values, EXACT_DIGITS);
    }

    private static String list(double[] values, int digits) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(exact(v, digits));
        }
        return "[" + String.join(", ", out) + "]";
    }

    private static String tokens(List<String> tokens) {
        return "[" + String.join(", ", tokens.stream().map(t -> "\"" + t + "\"").toList()) + "]";
    }

    private static String minus(String s) {
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }
}
