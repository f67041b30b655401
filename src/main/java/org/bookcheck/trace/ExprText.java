package org.bookcheck.trace;

import java.util.List;
import java.util.stream.Collectors;

/** Renders expressions as plain text in the chapter's notation: {@code 0.1 − 0.1×(−0.5)}, {@code e^(−3)}, {@code √2}. */
final class ExprText {

    private ExprText() {
    }

    static String render(Expr e) {
        return switch (e) {
            case Expr.Num n -> n.text();
            case Expr.Sym s -> s.name();
            case Expr.Words w -> w.text();
            case Expr.Bin b -> binary(b);
            case Expr.Call c -> call(c);
            case Expr.Frac f -> wrap(f.numerator(), Precedence.of(f.numerator()) <= Precedence.PRODUCT) + " / "
                    + wrap(f.denominator(), Precedence.of(f.denominator()) <= Precedence.PRODUCT || negative(f.denominator()));
            case Expr.Pow p -> power(p);
            case Expr.Neg n -> "−" + wrap(n.operand(), Precedence.of(n.operand()) <= Precedence.PRODUCT || negative(n.operand()));
            case Expr.Grid g -> grid(g);
        };
    }

    static String equation(Equation eq) {
        return eq.sides().stream().map(ExprText::render).collect(Collectors.joining(" = "));
    }

    private static String binary(Expr.Bin bin) {
        Expr.Bin b = signed(bin);
        int p = Precedence.ofOp(b.op());
        String left = wrap(b.left(), Precedence.of(b.left()) < p);
        boolean rightParens = Precedence.of(b.right()) < p || (Precedence.of(b.right()) == p && !associative(b.op()))
                || (negative(b.right()) && p >= Precedence.SUM);
        String right = wrap(b.right(), rightParens);
        return switch (b.op()) {
            case "×", "·" -> left + b.op() + right;
            case "" -> left + " " + right;
            default -> left + " " + b.op() + " " + right;
        };
    }

    /**
     * A sum or difference whose right operand starts with a minus sign written as a learner writes it:
     * {@code a + −0.9×0.01} as {@code a − 0.9×0.01}, {@code a − −2} as {@code a + 2}. Other operations unchanged.
     */
    static Expr.Bin signed(Expr.Bin b) {
        if ((b.op().equals("+") || b.op().equals("−")) && startsNegative(b.right())) {
            return new Expr.Bin(b.op().equals("+") ? "−" : "+", b.left(), withoutMinus(b.right()));
        }
        return b;
    }

    /** Whether the expression, written out, starts with its own minus sign. */
    private static boolean startsNegative(Expr e) {
        return switch (e) {
            case Expr.Num n -> n.negative();
            case Expr.Neg n -> true;
            case Expr.Bin b -> (b.op().equals("×") || b.op().equals("·")) && startsNegative(b.left());
            case Expr.Frac f -> startsNegative(f.numerator());
            default -> false;
        };
    }

    private static Expr withoutMinus(Expr e) {
        return switch (e) {
            case Expr.Num n -> new Expr.Num(n.text().substring(1));
            case Expr.Neg n -> n.operand();
            case Expr.Bin b -> new Expr.Bin(b.op(), withoutMinus(b.left()), b.right());
            case Expr.Frac f -> new Expr.Frac(withoutMinus(f.numerator()), f.denominator());
            default -> throw new IllegalArgumentException("no leading minus to take from " + e);
        };
    }

    private static boolean associative(String op) {
        return op.equals("+") || op.equals("×") || op.equals("·") || op.equals("");
    }

    private static String call(Expr.Call c) {
        String args = c.args().stream().map(ExprText::render).collect(Collectors.joining(", "));
        return switch (c.function()) {
            case "" -> "(" + args + ")";
            case "√" -> "√" + (c.args().size() == 1 && Precedence.of(c.args().get(0)) == Precedence.ATOM && !negative(c.args().get(0))
                    ? args : "(" + args + ")");
            case "⌈⌉" -> "⌈" + args + "⌉";
            case "| |" -> "|" + args + "|";
            default -> c.function() + "(" + args + ")";
        };
    }

    private static String power(Expr.Pow p) {
        String base = wrap(p.base(), Precedence.of(p.base()) < Precedence.ATOM || negative(p.base()));
        if (p.exponent() instanceof Expr.Sym s && s.name().equals("T")) {
            return base + "ᵀ";
        }
        if (p.exponent() instanceof Expr.Num n && n.text().equals("2")) {
            return base + "²";
        }
        if (p.exponent() instanceof Expr.Num n && n.text().equals("3")) {
            return base + "³";
        }
        String exponent = render(p.exponent());
        boolean simple = (p.exponent() instanceof Expr.Num || p.exponent() instanceof Expr.Sym) && !negative(p.exponent());
        return base + "^" + (simple ? exponent : "(" + exponent + ")");
    }

    private static String grid(Expr.Grid g) {
        String moreCols = g.moreCols() > 0 ? ", … " + g.moreCols() + " more" : "";
        List<String> rows = g.rows().stream()
                .map(r -> "[" + r.stream().map(ExprText::render).collect(Collectors.joining(", ")) + moreCols + "]")
                .toList();
        return g.vector() ? rows.get(0) : "[" + String.join(", ", rows) + (g.moreRows() > 0 ? ", … " + g.moreRows() + " more rows" : "") + "]";
    }

    private static String wrap(Expr e, boolean parens) {
        return parens ? "(" + render(e) + ")" : render(e);
    }

    static boolean negative(Expr e) {
        return e instanceof Expr.Num n && n.negative();
    }

    /** Binding strength, for deciding parentheses. */
    static final class Precedence {
        static final int RELATION = 0;
        static final int SUM = 1;
        static final int PRODUCT = 2;
        static final int UNARY = 3;
        static final int POWER = 4;
        static final int ATOM = 5;

        private Precedence() {
        }

        static int ofOp(String op) {
            return switch (op) {
                case "=", "<", ">" -> RELATION;
                case "+", "−" -> SUM;
                default -> PRODUCT;
            };
        }

        static int of(Expr e) {
            return switch (e) {
                case Expr.Bin b -> ofOp(b.op());
                case Expr.Frac f -> PRODUCT;
                case Expr.Neg n -> UNARY;
                case Expr.Pow p -> POWER;
                case Expr.Num n -> ATOM;
                case Expr.Sym s -> ATOM;
                case Expr.Words w -> ATOM;
                case Expr.Call c -> ATOM;
                case Expr.Grid g -> ATOM;
            };
        }
    }
}
