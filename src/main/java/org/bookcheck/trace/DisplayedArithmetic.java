package org.bookcheck.trace;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.special.Erf;

/**
 * A computation line read back as a learner redoing it by hand reads it: every number as displayed,
 * every operator as written. A line holds when each side that is arithmetic on numbers, worked out
 * from the displayed numbers, rounds to the number on its right end at that number's displayed digits
 * ({@code 0.0067 + 1 = 1.0067} holds, {@code 0.0067 + 1 + 4.54e-5 = 1.0068} does not). The trace
 * uses it to choose how many digits its intermediate numbers need; it computes no value it shows.
 */
final class DisplayedArithmetic {

    /** Room for binary floating point when the displayed numbers are added up: far below any displayed digit. */
    private static final double NOISE = 1e-12;

    private DisplayedArithmetic() {
    }

    /** The lines of the blocks that do not hold at their displayed digits. */
    static List<Equation> falseLines(List<Trace.Block> blocks) {
        return blocks.stream().flatMap(b -> b.lines().stream()).filter(line -> !holds(line)).toList();
    }

    /** Whether every side that is arithmetic on displayed numbers rounds to the line's last side, a displayed number. */
    static boolean holds(Equation line) {
        List<Expr> sides = line.sides();
        if (!(sides.getLast() instanceof Expr.Num last)) {
            return true;
        }
        OptionalDouble target = number(last.text());
        if (target.isEmpty()) {
            return true;
        }
        for (Expr side : sides.subList(0, sides.size() - 1)) {
            OptionalDouble v = value(side);
            if (v.isPresent() && !roundsTo(v.getAsDouble(), target.getAsDouble(), halfUnit(last.text()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean roundsTo(double v, double shown, double halfUnit) {
        if (Double.isInfinite(shown) || Double.isInfinite(v)) {
            return v == shown;
        }
        return Math.abs(v - shown) <= halfUnit + NOISE * Math.max(1, Math.abs(shown));
    }

    /** The value of an expression worked out from its displayed numbers, or empty where it is not arithmetic on numbers. */
    static OptionalDouble value(Expr e) {
        return switch (e) {
            case Expr.Num n -> number(n.text());
            case Expr.Sym s -> s.name().equals("e") ? OptionalDouble.of(Math.E) : s.name().equals("π") ? OptionalDouble.of(Math.PI)
                    : OptionalDouble.empty();
            case Expr.Words w -> OptionalDouble.empty();
            case Expr.Grid g -> OptionalDouble.empty();
            case Expr.Neg n -> map(value(n.operand()), v -> -v);
            case Expr.Frac f -> both(value(f.numerator()), value(f.denominator()), (a, b) -> a / b);
            case Expr.Pow p -> both(value(p.base()), value(p.exponent()), Math::pow);
            case Expr.Bin b -> switch (b.op()) {
                case "+" -> both(value(b.left()), value(b.right()), Double::sum);
                case "−" -> both(value(b.left()), value(b.right()), (x, y) -> x - y);
                case "×", "·" -> both(value(b.left()), value(b.right()), (x, y) -> x * y);
                case "÷" -> both(value(b.left()), value(b.right()), (x, y) -> x / y);
                default -> OptionalDouble.empty();
            };
            case Expr.Call c -> call(c);
        };
    }

    private static OptionalDouble call(Expr.Call c) {
        double[] args = new double[c.args().size()];
        for (int i = 0; i < args.length; i++) {
            OptionalDouble v = value(c.args().get(i));
            if (v.isEmpty()) {
                return OptionalDouble.empty();
            }
            args[i] = v.getAsDouble();
        }
        if (args.length == 0) {
            return OptionalDouble.empty();
        }
        return switch (c.function()) {
            case "" -> args.length == 1 ? OptionalDouble.of(args[0]) : OptionalDouble.empty();
            case "√" -> OptionalDouble.of(Math.sqrt(args[0]));
            case "ln" -> OptionalDouble.of(Math.log(args[0]));
            case "exp" -> OptionalDouble.of(Math.exp(args[0]));
            case "tanh" -> OptionalDouble.of(Math.tanh(args[0]));
            case "erf" -> OptionalDouble.of(Erf.erf(args[0]));
            case "| |" -> OptionalDouble.of(Math.abs(args[0]));
            case "⌈⌉" -> OptionalDouble.of(Math.ceil(args[0]));
            case "max" -> OptionalDouble.of(java.util.Arrays.stream(args).max().orElseThrow());
            case "min" -> OptionalDouble.of(java.util.Arrays.stream(args).min().orElseThrow());
            default -> OptionalDouble.empty();
        };
    }

    /** A displayed number's value: {@code −0.5}, {@code 3.06e-7}, {@code 75%}, {@code 1/3}, {@code −∞}; empty if it is not one. */
    static OptionalDouble number(String text) {
        String t = text.strip().replace('−', '-');
        if (t.equals("∞") || t.equals("-∞")) {
            return OptionalDouble.of(t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        try {
            if (t.endsWith("%")) {
                return OptionalDouble.of(new BigDecimal(t.substring(0, t.length() - 1)).movePointLeft(2).doubleValue());
            }
            int slash = t.indexOf('/');
            if (slash > 0) {
                return OptionalDouble.of(new BigDecimal(t.substring(0, slash)).doubleValue() / new BigDecimal(t.substring(slash + 1)).doubleValue());
            }
            return OptionalDouble.of(new BigDecimal(t).doubleValue());
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** Half a unit in the last displayed digit: 0.00005 for 0.0067, 0.005e-7 for 3.06e-7; 0 for 15, 1/3 and ∞. */
    static double halfUnit(String text) {
        String t = text.strip().replace('−', '-');
        if (t.contains("∞") || t.contains("/")) {
            return 0;
        }
        boolean percent = t.endsWith("%");
        if (percent) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            BigDecimal d = new BigDecimal(t);
            // A whole number stands for itself, as the book's printed integers do; a decimal for the interval of its last digit.
            return !percent && !t.contains(".") && !t.contains("e") ? 0 : 0.5 * Math.pow(10, -d.scale() - (percent ? 2 : 0));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static OptionalDouble map(OptionalDouble v, java.util.function.DoubleUnaryOperator f) {
        return v.isPresent() ? OptionalDouble.of(f.applyAsDouble(v.getAsDouble())) : v;
    }

    private static OptionalDouble both(OptionalDouble a, OptionalDouble b, java.util.function.DoubleBinaryOperator f) {
        return a.isPresent() && b.isPresent() ? OptionalDouble.of(f.applyAsDouble(a.getAsDouble(), b.getAsDouble())) : OptionalDouble.empty();
    }
}
