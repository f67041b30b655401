package org.bookcheck.draft;

/**
 * What {@code new} proposes for one written calculation: a step (an expression over inputs and earlier steps, with the
 * value the book printed) or an input (a value the book gives). {@code reading} says in words how it was read, so an
 * author can judge the proposal before accepting it.
 */
public sealed interface Proposal {

    String name();

    String printed();

    Written written();

    String reading();

    /** A step {@code name = expr}, printed {@code printed}. */
    record Step(String name, String expr, String printed, Written written, String reading) implements Proposal {
    }

    /** An input the book gives, printed {@code printed}. */
    record Input(String name, String printed, Written written, String reading) implements Proposal {
    }
}
