package org.bookcheck.expr;

/** Where a node of an expression stands in its source text: characters {@code start} (inclusive) to {@code end} (exclusive). */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a span runs from a start ≥ 0 to an end ≥ start, got " + start + ".." + end);
        }
    }

    /** The characters of the source this span covers. */
    public String in(String source) {
        return source.substring(start, end);
    }

    /** The smallest span covering both. */
    public Span union(Span other) {
        return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }
}
