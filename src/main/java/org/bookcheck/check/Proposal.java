package org.bookcheck.check;

/**
 * What a correction should print for one element of a printed value: nothing (it is right), a value to
 * write at the printed precision, or nothing at all because no edit of this element alone makes its
 * line true.
 */
public sealed interface Proposal {

    /** The element is right; leave it. */
    record Keep() implements Proposal {
    }

    /**
     * Print {@code value} (at the printed precision); {@code basis} says which chain it comes from: the
     * exact one, or the book's own printed inputs when the line shows them.
     */
    record Replace(double value, String basis) implements Proposal {
    }

    /** No single-element edit makes the line true: the author has to rewrite it. */
    record Rewrite(String why) implements Proposal {
    }
}
