package org.bookcheck.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bookcheck.check.ValueText;
import org.bookcheck.fixture.PrintedArray;
import org.bookcheck.fixture.PrintedBool;
import org.bookcheck.fixture.PrintedNumber;
import org.bookcheck.fixture.PrintedTokens;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.Value;
import org.bookcheck.reference.Vector;

/**
 * A value as a trace shows it: its name, its exact value, and the digits to show each element with.
 * An input keeps the digits it was written with; a step the book prints is shown at the printed
 * precision; anything else at the trace's default precision.
 */
public final class Shown {

    private final String name;
    private final Value value;
    private final List<PrintedNumber> digits;
    private final boolean verbatim;
    private final TraceNumbers numbers;

    private Shown(String name, Value value, List<PrintedNumber> digits, boolean verbatim, TraceNumbers numbers) {
        this.name = name;
        this.value = value;
        this.digits = digits;
        this.verbatim = verbatim;
        this.numbers = numbers;
    }

    /** An input or literal, written with its own digits. */
    public static Shown given(String name, Value value, Optional<PrintedValue> literal, TraceNumbers numbers) {
        return new Shown(name, value, elements(literal), true, numbers);
    }

    /** A computed value, shown like the book's printed value where there is one. */
    public static Shown computed(String name, Value value, Optional<PrintedValue> printed, TraceNumbers numbers) {
        return new Shown(name, value, elements(printed), false, numbers);
    }

    /**
     * This value as an operand of a computation: an input as written (it is exact); a result the book
     * prints at its printed precision plus one digit, since arithmetic on numbers rounded like the result
     * would not give the result; any other value at the trace's digits; each with the extra digits the
     * refinement gives it.
     */
    Shown operand(Refinement r) {
        if (verbatim && numbers.digits().isEmpty()) {
            return this;
        }
        boolean printed = !verbatim && digits.size() == size() && size() > 0;
        return new Shown(name, value, digits, verbatim, numbers.refined(r).finer(printed ? 1 : 0));
    }

    private static List<PrintedNumber> elements(Optional<PrintedValue> printed) {
        return printed.map(p -> switch (p) {
            case PrintedNumber n -> List.of(n);
            case PrintedArray a -> a.elements();
            case PrintedTokens t -> List.<PrintedNumber>of();
            case PrintedBool b -> List.<PrintedNumber>of();
        }).orElse(List.of());
    }

    public String name() {
        return name;
    }

    public Value value() {
        return value;
    }

    public Numeric numeric() {
        return (Numeric) value;
    }

    public int size() {
        return value instanceof Numeric n ? n.size() : 0;
    }

    public double at(int i) {
        return numeric().at(i);
    }

    /** Element i (row-major) as shown. */
    public String text(int i) {
        double v = at(i);
        if (i < digits.size() && digits.size() == size()) {
            PrintedNumber p = digits.get(i);
            if (verbatim && numbers.digits().isEmpty()) {
                String t = p.text().strip();
                return t.startsWith("-") ? "−" + t.substring(1) : t;
            }
            return numbers.like(p, v);
        }
        return numbers.derived(v);
    }

    /** Element i as an expression. */
    public Expr element(int i) {
        return new Expr.Num(text(i));
    }

    /** Element (r, c) of a matrix. */
    public Expr element(int r, int c) {
        return element(r * ((Matrix) value).cols() + c);
    }

    /** The name of element i: {@code W[0][1]} for a matrix, {@code p[2]} for a vector, the name itself for a scalar. */
    public String elementName(int i) {
        return elementName(name, value, i);
    }

    public static String elementName(String name, Value value, int i) {
        return switch (value) {
            case Matrix m -> name + "[" + i / m.cols() + "][" + i % m.cols() + "]";
            case Vector v -> name + "[" + i + "]";
            default -> name;
        };
    }

    /** The whole value as an expression: a number, a vector, a matrix or words. */
    public Expr whole() {
        return switch (value) {
            case Scalar s -> element(0);
            case Vector v -> {
                List<Expr> row = new ArrayList<>();
                for (int i = 0; i < v.size(); i++) {
                    row.add(element(i));
                }
                yield new Expr.Grid(List.of(row), true);
            }
            case Matrix m -> {
                List<List<Expr>> rows = new ArrayList<>();
                for (int r = 0; r < m.rows(); r++) {
                    List<Expr> row = new ArrayList<>();
                    for (int c = 0; c < m.cols(); c++) {
                        row.add(element(r, c));
                    }
                    rows.add(row);
                }
                yield new Expr.Grid(rows, false);
            }
            default -> new Expr.Words(ValueText.exact(value));
        };
    }
}
