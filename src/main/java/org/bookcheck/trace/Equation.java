package org.bookcheck.trace;

import java.util.List;

/**
 * A chain of equal expressions, {@code W_new[0][0] = 0.1 − 0.1×(−0.5) = 0.15}; the first is the left-hand side. A side
 * that repeats the one before it (a step over literals reads the same with its values put in) is written once.
 */
public record Equation(List<Expr> sides) {

    public Equation {
        List<Expr> distinct = new java.util.ArrayList<>();
        for (Expr side : sides) {
            if (distinct.isEmpty() || !distinct.getLast().equals(side)) {
                distinct.add(side);
            }
        }
        sides = List.copyOf(distinct);
        if (sides.isEmpty()) {
            throw new IllegalArgumentException("an equation needs at least one side");
        }
    }

    public static Equation of(Expr... sides) {
        return new Equation(List.of(sides));
    }
}
