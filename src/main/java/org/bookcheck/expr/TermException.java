package org.bookcheck.expr;

/**
 * A node of a term could not be evaluated: a name the environment lacks, arguments its operation does not
 * take, or values outside the operation's domain. Names the node, so the message can point at its span.
 */
public final class TermException extends RuntimeException {

    /** What went wrong at the node. */
    public enum Kind {
        /** A name the environment does not bind. */
        UNBOUND,
        /** Arguments the node's operation does not take (a kind or shape it refuses). */
        ARGUMENTS,
        /** Arguments outside the operation's domain (a log of 0, a singular matrix). */
        DOMAIN
    }

    private final transient Term term;
    private final Kind kind;

    public TermException(Term term, Kind kind, String message) {
        super(message, null, false, false);
        this.term = term;
        this.kind = kind;
    }

    /** Whether a name was unbound, the arguments were refused, or a value left the domain. */
    public Kind kind() {
        return kind;
    }

    /** The node that failed. */
    public Term term() {
        return term;
    }
}
