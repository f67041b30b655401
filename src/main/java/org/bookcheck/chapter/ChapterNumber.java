package org.bookcheck.chapter;

/**
 * One number token a reader reads in a chapter: where it stands ({@code span} in line and columns;
 * {@code start} inclusive and {@code end} exclusive as 0-based character offsets within the line), its
 * text as printed (sign, exponent and percent sign included), and the context that makes it a claim.
 */
public record ChapterNumber(Span span, int start, int end, String text, Context context) {

    /** Where the number stands, which is why coverage counts it (see {@link ChapterNumbers} for the rule). */
    public enum Context {
        /** Inside inline or display math ({@code $...$}, {@code $$...$$}). */
        MATH,
        /** Inside a fenced or indented code block (a mermaid diagram too). */
        CODE,
        /** Inside a bracketed or parenthesised list of numbers ({@code [85, 90, 75]}, {@code (0.3, 0.7)}). */
        LIST,
        /** Next to =, ÷, ≈, ×, +, − or / with another number: part of a written calculation. */
        EXPRESSION,
        /** Anywhere else in the prose ("a batch size of 32", "Epoch 1", "1944"). */
        PROSE;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The 1-based line. */
    public int line() {
        return span.line();
    }

    /** 1-based column in code points, as chapter locations are given. */
    public int column() {
        return span.column();
    }

    /** The number's value, read from its text (thousands separators dropped, a percentage as a fraction of one). */
    public double value() {
        return NumberTokens.valueOf(text);
    }
}
