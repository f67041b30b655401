package org.bookcheck.trace;

import java.util.List;
import java.util.Optional;

/**
 * A worked trace of one fixture in the chapter's own layout: Given (the inputs), then for every step
 * its Equation to solve (the formula with the inputs substituted), its Computation (the arithmetic of
 * every element) and its Result, with the book's printed value marked ✓ or ✗ beside it.
 */
public record Trace(String id, String title, String claim, String location, List<Given> given, List<StepTrace> steps) {

    public Trace {
        given = List.copyOf(given);
        steps = List.copyOf(steps);
    }

    /** One input: its name, its value as the book gives it, and where the book gives it ("line 30") or "". */
    public record Given(String name, Expr value, String where) {
    }

    /** A captioned group of computation lines ("shifted scores", "exponentials"); the caption may be empty. */
    public record Block(String caption, List<Equation> lines) {
        public Block {
            lines = List.copyOf(lines);
        }
    }

    /** The book's printed value for a step and the verdict on it. */
    public record BookMark(boolean ok, String printed, String exact, String atPrecision, String verdict, int line) {
    }

    /**
     * One step.
     *
     * @param calculation the step in the fixture's terms, {@code W_new = weight_update(w = W_old, ...)}
     * @param formula     the operation's formula and summary, from the catalogue
     * @param equation    name = formula in names = formula with the values substituted
     * @param result      name = the result at the shown precision
     */
    public record StepTrace(int number, String name, String calculation, String formula, Equation equation,
            List<Block> computation, Equation result, Optional<BookMark> book) {
        public StepTrace {
            computation = List.copyOf(computation);
        }
    }
}
