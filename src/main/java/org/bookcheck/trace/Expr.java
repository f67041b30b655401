package org.bookcheck.trace;

import java.util.List;

/**
 * A small expression tree for worked arithmetic, so one computation renders both as plain text
 * ({@code 0.1 − 0.1×(−0.5) = 0.15}) and as LaTeX ({@code 0.1 - 0.1 \times (-0.5) = 0.15}). Numbers
 * arrive already formatted at the precision the trace shows them.
 */
public sealed interface Expr {

    /** A number as shown, e.g. {@code 0.15}, {@code −0.5}, {@code 3.1e-7}, {@code −∞}, {@code 75%}. */
    record Num(String text) implements Expr {
        boolean negative() {
            return text.startsWith("−") || text.startsWith("-");
        }
    }

    /** A name: a fixture's input or step, possibly with indices ({@code W_new[0][1]}), or a symbol such as μ. */
    record Sym(String name) implements Expr {
    }

    /** A binary operation: {@code +}, {@code −}, {@code ×}, {@code ·}, {@code ÷}, {@code =}, {@code >}, {@code <}. */
    record Bin(String op, Expr left, Expr right) implements Expr {
    }

    /** A function applied to arguments: exp, ln, √, max, erf, tanh, ⌈⌉, or an operation's name. */
    record Call(String function, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** A fraction a / b. */
    record Frac(Expr numerator, Expr denominator) implements Expr {
    }

    /** A power, such as e^x. */
    record Pow(Expr base, Expr exponent) implements Expr {
    }

    /** Unary minus. */
    record Neg(Expr operand) implements Expr {
    }

    /**
     * A vector (one row; LaTeX writes it as a column, as the book does) or a matrix of elements. A large
     * one shows its first rows and columns: {@code moreRows} and {@code moreCols} count those left out.
     */
    record Grid(List<List<Expr>> rows, boolean vector, int moreRows, int moreCols) implements Expr {
        public Grid {
            rows = rows.stream().map(List::copyOf).toList();
            if (moreRows < 0 || moreCols < 0 || (vector && moreRows > 0)) {
                throw new IllegalArgumentException("a grid cannot leave out " + moreRows + " rows and " + moreCols + " columns"
                        + (vector ? " (a vector has one row)" : ""));
            }
        }

        public Grid(List<List<Expr>> rows, boolean vector) {
            this(rows, vector, 0, 0);
        }

        /** Whether rows or columns are left out. */
        public boolean elided() {
            return moreRows > 0 || moreCols > 0;
        }
    }

    /** Words, such as a token list or a truth value. */
    record Words(String text) implements Expr {
    }

    static Expr sym(String name) {
        return new Sym(name);
    }

    static Expr num(String text) {
        return new Num(text);
    }

    static Expr bin(String op, Expr a, Expr b) {
        return new Bin(op, a, b);
    }

    static Expr call(String f, Expr... args) {
        return new Call(f, List.of(args));
    }

    /** a₀ op a₁ op ... folded to the left; a single term stands alone. */
    static Expr chain(String op, List<Expr> terms) {
        Expr e = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            e = new Bin(op, e, terms.get(i));
        }
        return e;
    }
}
