package org.bookcheck.statement;

import java.util.List;
import org.bookcheck.chapter.Span;

/**
 * One side of a written-out statement: its text (continuation lines joined with one space), where it stands
 * in the chapter (one span per line it covers) and what kind of side it is.
 */
public record Side(String text, List<Span> spans, Kind kind) {

    /** What a side is, read from the grammar's tokens. */
    public enum Kind {
        /** A name the chapter defines: {@code Q[0][0]}, {@code context[1]}, {@code L1}, {@code P(C)}. */
        NAME,
        /** A printed value: a number, a list of numbers or a matrix of them ({@code 0.0498}, {@code [0.9929, 1.0]}). */
        VALUE,
        /** Arithmetic: an operator or a function call ({@code 0.498 × 0.1 + 0.502 × 0.0}, {@code -log(0.251)}). */
        EXPRESSION,
        /** Anything else the grammar reads: no arithmetic, no printed value, not a reusable name ({@code [A, B]}). */
        OTHER
    }

    public Side {
        spans = List.copyOf(spans);
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("a side stands somewhere in the chapter: no spans for \"" + text + "\"");
        }
    }

    /** The first line the side stands on. */
    public int line() {
        return spans.get(0).line();
    }
}
