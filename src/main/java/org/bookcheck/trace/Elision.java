package org.bookcheck.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Shortens what a trace shows of large values, so that a model's trace reads like a fixture's: a matrix
 * shows its first rows and columns, a long sum or argument list its first terms and its last, a block of
 * computation its first lines. What is left out is counted where it is left out ("… 40 more"), never
 * dropped silently; every element is still computed and checked by the trace's producer.
 */
final class Elision {

    private final int show;

    /** At most {@code show} rows, columns, terms and lines of each. */
    Elision(int show) {
        if (show < 2) {
            throw new IllegalArgumentException("a trace shows at least 2 elements of each value, got " + show);
        }
        this.show = show;
    }

    Equation equation(Equation e) {
        return new Equation(e.sides().stream().map(this::expr).toList());
    }

    /** The first {@code show} lines of each block, each shortened; the rest counted. */
    List<Trace.Block> blocks(List<Trace.Block> blocks) {
        List<Trace.Block> out = new ArrayList<>();
        for (Trace.Block b : blocks) {
            int kept = Math.min(show, b.lines().size());
            out.add(new Trace.Block(b.caption(), b.lines().subList(0, kept).stream().map(this::equation).toList(),
                    b.more() + b.lines().size() - kept));
        }
        return out;
    }

    Expr expr(Expr e) {
        return switch (e) {
            case Expr.Num n -> n;
            case Expr.Sym s -> s;
            case Expr.Words w -> w;
            case Expr.Bin b when b.op().equals("+") -> Expr.chain("+", terms(sumTerms(b)));
            case Expr.Bin b -> new Expr.Bin(b.op(), expr(b.left()), expr(b.right()));
            case Expr.Call c -> new Expr.Call(c.function(), terms(c.args()));
            case Expr.Frac f -> new Expr.Frac(expr(f.numerator()), expr(f.denominator()));
            case Expr.Pow p -> new Expr.Pow(expr(p.base()), expr(p.exponent()));
            case Expr.Neg n -> new Expr.Neg(expr(n.operand()));
            case Expr.Grid g -> grid(g);
        };
    }

    /** The terms of a left-folded sum a + b + c (a sum inside parentheses on the right stays one term). */
    private static List<Expr> sumTerms(Expr.Bin sum) {
        List<Expr> terms = new ArrayList<>();
        Expr e = sum;
        while (e instanceof Expr.Bin b && b.op().equals("+")) {
            terms.add(0, b.right());
            e = b.left();
        }
        terms.add(0, e);
        return terms;
    }

    /** The first show − 1 terms, an ellipsis and the last term, when there are more than {@code show}. */
    private List<Expr> terms(List<Expr> terms) {
        List<Expr> out = new ArrayList<>();
        if (terms.size() <= show) {
            terms.forEach(t -> out.add(expr(t)));
            return out;
        }
        terms.subList(0, show - 1).forEach(t -> out.add(expr(t)));
        out.add(Expr.sym("…"));
        out.add(expr(terms.get(terms.size() - 1)));
        return out;
    }

    private Expr grid(Expr.Grid g) {
        int rows = Math.min(show, g.rows().size());
        List<List<Expr>> kept = new ArrayList<>();
        int moreCols = g.moreCols();
        for (List<Expr> row : g.rows().subList(0, rows)) {
            int cols = Math.min(show, row.size());
            kept.add(row.subList(0, cols).stream().map(this::expr).toList());
            moreCols = g.moreCols() + row.size() - cols;
        }
        return new Expr.Grid(kept, g.vector(), g.moreRows() + g.rows().size() - rows, moreCols);
    }
}
