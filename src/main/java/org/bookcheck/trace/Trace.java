package org.bookcheck.trace;

import java.util.List;
import java.util.Optional;

/**
 * A worked trace in the chapter's own layout: Given (the inputs), then for every step its Equation to
 * solve (the formula with names, and with the inputs substituted where they are small enough to read),
 * its Computation (the arithmetic of every element) and its Result. A fixture's trace marks the book's
 * printed value ✓ or ✗ beside a result ({@link BookMark}); a model's trace marks each result checked
 * against the reference ops ({@link Check}), per step and for the whole trace.
 */
public record Trace(String id, String title, String claim, String location, List<Given> given, List<StepTrace> steps,
        List<Check> checks) {

    public Trace {
        given = List.copyOf(given);
        steps = List.copyOf(steps);
        checks = List.copyOf(checks);
    }

    /** One input: its name, its value as the book gives it, and where the book gives it ("line 30") or "". */
    public record Given(String name, Expr value, String where) {
    }

    /**
     * A captioned group of computation lines ("shifted scores", "exponentials"); the caption may be
     * empty. {@code more} counts the lines left out for brevity (every one of them computed and checked).
     */
    public record Block(String caption, List<Equation> lines, int more) {
        public Block {
            lines = List.copyOf(lines);
            if (more < 0) {
                throw new IllegalArgumentException("a block cannot leave out " + more + " lines");
            }
        }

        public Block(String caption, List<Equation> lines) {
            this(caption, lines, 0);
        }
    }

    /** The book's printed value for a step and the verdict on it. */
    public record BookMark(boolean ok, String printed, String exact, String atPrecision, String verdict, int line) {
    }

    /** A check that holds (✓) or fails (✗), said in words: "checked against the reference softmax ...". */
    public record Check(boolean ok, String text) {
    }

    /**
     * One step.
     *
     * @param calculation the step in the fixture's terms, {@code W_new = weight_update(w = W_old, ...)}
     * @param formula     the operation's formula and summary, from the catalogue
     * @param note        what the step is for, in words ("block 1: layer normalisation before attention"), or ""
     * @param equation    name = formula in names [= formula with the values substituted]
     * @param result      name = the result at the shown precision
     * @param checks      the result checked against the reference, or against the model's own run
     */
    public record StepTrace(int number, String name, String calculation, String formula, String note, Equation equation,
            List<Block> computation, Equation result, Optional<BookMark> book, List<Check> checks) {
        public StepTrace {
            computation = List.copyOf(computation);
            checks = List.copyOf(checks);
        }
    }
}
