package org.bookcheck.expr;

/**
 * A node of a term could not be evaluated: a name the environment lacks, arguments its operation does not
 * take, or values outside the operation's domain. Names the node, so the message can point at its span.
 */
public final class TermException extends RuntimeException {

    private final transient Term term;

    public TermException(Term term, String message) {
        super(message, null, false, false);
        this.term = term;
    }

    /** The node that failed. */
    public Term term() {
        return term;
    }
}
