package org.bookcheck.trace;

import java.util.List;

/** A chain of equal expressions, {@code W_new[0][0] = 0.1 − 0.1×(−0.5) = 0.15}; the first is the left-hand side. */
public record Equation(List<Expr> sides) {

    public Equation {
        sides = List.copyOf(sides);
        if (sides.isEmpty()) {
            throw new IllegalArgumentException("an equation needs at least one side");
        }
    }

    public static Equation of(Expr... sides) {
        return new Equation(List.of(sides));
    }
}
