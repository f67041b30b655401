package org.bookcheck.trace;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The extra digits each computed value of one step's computation is shown with, found by trying: the
 * values shown as operands on a line that is not true as displayed get one digit more, until every
 * line holds or no value can get more. A value is known by its exact double, so it reads the same on
 * every line of the step.
 */
final class Refinement {

    private final Map<Double, Integer> extra = new HashMap<>();
    /** The exact values behind each displayed text of the current rendering, for texts that round them. */
    private final Map<String, Set<Double>> shown = new HashMap<>();

    int extra(double v) {
        return extra.getOrDefault(v, 0);
    }

    /** Notes that {@code text} was written for {@code v} (cheaply: whether it rounds v is asked only of false lines). */
    void shown(String text, double v) {
        shown.computeIfAbsent(text, t -> new LinkedHashSet<>()).add(v);
    }

    /** Forgets the texts of a rendering, before the next one. */
    void clearShown() {
        shown.clear();
    }

    /**
     * One digit more for every rounded value shown as an operand (any side but the last) of the given
     * lines; whether any value got one (false when all are exact or already at {@link TraceNumbers#MAX_EXTRA}).
     */
    boolean refine(List<Equation> falseLines) {
        Set<Double> values = new LinkedHashSet<>();
        for (Equation line : falseLines) {
            for (Expr side : line.sides().subList(0, line.sides().size() - 1)) {
                collect(side, values);
            }
        }
        boolean more = false;
        for (double v : values) {
            int e = extra(v);
            if (e < TraceNumbers.MAX_EXTRA) {
                extra.put(v, e + 1);
                more = true;
            }
        }
        return more;
    }

    /** The values written as {@code text} that it rounds; a text that is its value exactly needs no more digits. */
    private void rounded(String text, Set<Double> values) {
        OptionalDouble d = DisplayedArithmetic.number(text);
        for (double v : shown.getOrDefault(text, Set.of())) {
            if (d.isEmpty() || d.getAsDouble() != v) {
                values.add(v);
            }
        }
    }

    private void collect(Expr e, Set<Double> values) {
        switch (e) {
            case Expr.Num n -> {
                // A value may be shown negated (e^(−x) with x = −2.79 shows e^2.79), so its text is looked up with either sign.
                String t = n.text();
                rounded(t, values);
                rounded(t.startsWith("−") ? t.substring(1) : "−" + t, values);
            }
            case Expr.Sym s -> {
            }
            case Expr.Words w -> {
            }
            case Expr.Grid g -> g.rows().forEach(r -> r.forEach(x -> collect(x, values)));
            case Expr.Bin b -> {
                collect(b.left(), values);
                collect(b.right(), values);
            }
            case Expr.Call c -> c.args().forEach(x -> collect(x, values));
            case Expr.Frac f -> {
                collect(f.numerator(), values);
                collect(f.denominator(), values);
            }
            case Expr.Pow p -> {
                collect(p.base(), values);
                collect(p.exponent(), values);
            }
            case Expr.Neg n -> collect(n.operand(), values);
        }
    }
}
