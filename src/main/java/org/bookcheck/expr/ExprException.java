package org.bookcheck.expr;

/**
 * An expression that cannot be read or compiled, located in its source: the message says what is wrong
 * and what was expected, then shows the source with a caret under the place ({@code ^} for one
 * character, {@code ^^^} under a longer part such as an unknown name).
 */
public final class ExprException extends RuntimeException {

    private final String source;
    private final String problem;
    private final Span span;

    ExprException(String source, Span span, String problem) {
        super(problem, null, false, false);
        this.source = source;
        this.problem = problem;
        this.span = span;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }

    /** The characters the problem is about. */
    public Span span() {
        return span;
    }

    /** The column (from 1) where the problem starts, counting characters of the source. */
    public int column() {
        return source.codePointCount(0, span.start()) + 1;
    }

    /** The problem, the column, the source and a caret line under the place. */
    @Override
    public String getMessage() {
        return problem + at(source, span);
    }

    /** Where a span stands in its source: {@code " (column c)"}, then the source and a caret line under the span. */
    public static String at(String source, Span span) {
        StringBuilder caret = new StringBuilder();
        source.substring(0, span.start()).codePoints().forEach(c -> caret.append(c == '\t' ? '\t' : ' '));
        int width = Math.max(1, source.codePointCount(span.start(), Math.min(span.end(), source.length())));
        caret.append("^".repeat(width));
        return " (column " + (source.codePointCount(0, span.start()) + 1) + ")\n  " + source + "\n  " + caret;
    }
}
