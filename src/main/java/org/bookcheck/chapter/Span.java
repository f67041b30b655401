package org.bookcheck.chapter;

/**
 * Where a piece of a chapter stands on one line: the 1-based line, the 1-based column (in code points,
 * as chapter locations are given) of its first character, and {@code endColumn} one past its last. A
 * number token, an element of a printed value and each line of a quote have one; a finding, a fix and
 * an HTML mark point at the same characters through it.
 */
public record Span(int line, int column, int endColumn) implements Comparable<Span> {

    public Span {
        if (line < 1 || column < 1 || endColumn < column) {
            throw new IllegalArgumentException("a span needs line ≥ 1 and 1 ≤ column ≤ endColumn, got " + line + ":" + column + "-" + endColumn);
        }
    }

    /** The span of characters [start, end) (0-based UTF-16 offsets, as {@link String#substring} takes them) of a line. */
    public static Span of(String lineText, int line, int start, int end) {
        int column = lineText.codePointCount(0, start) + 1;
        return new Span(line, column, column + lineText.codePointCount(start, end));
    }

    /** The 0-based offset of the first character in the line's text, for {@link String#substring}. */
    public int start(String lineText) {
        return lineText.offsetByCodePoints(0, column - 1);
    }

    /** The 0-based offset one past the last character in the line's text. */
    public int end(String lineText) {
        return lineText.offsetByCodePoints(0, endColumn - 1);
    }

    /** The characters of the span in the line's text. */
    public String text(String lineText) {
        return lineText.substring(start(lineText), end(lineText));
    }

    /** Whether {@code other} lies inside this span (same line, within the columns). */
    public boolean contains(Span other) {
        return other.line == line && other.column >= column && other.endColumn <= endColumn;
    }

    /** Whether this span starts at or after the given line and column. */
    public boolean startsAtOrAfter(int otherLine, int otherColumn) {
        return line > otherLine || (line == otherLine && column >= otherColumn);
    }

    @Override
    public int compareTo(Span o) {
        return line != o.line ? Integer.compare(line, o.line)
                : column != o.column ? Integer.compare(column, o.column) : Integer.compare(endColumn, o.endColumn);
    }

    /** {@code 12:5-9}: line, column, end column. */
    @Override
    public String toString() {
        return line + ":" + column + "-" + endColumn;
    }
}
