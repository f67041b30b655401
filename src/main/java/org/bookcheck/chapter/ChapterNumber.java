package org.bookcheck.chapter;

/**
 * One number a reader reads in a chapter: where it stands (1-based line, 0-based character offsets
 * {@code start} inclusive and {@code end} exclusive within the line), its text as printed (sign and
 * percent sign included), and the context that makes it a claim.
 */
public record ChapterNumber(int line, int start, int end, String text, Context context) {

    /** Where the number stands, which is why coverage counts it (see {@link ChapterNumbers} for the rule). */
    public enum Context {
        /** Inside inline or display math ({@code $...$}, {@code $$...$$}). */
        MATH,
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

    /** 1-based column in code points, as chapter locations are given. */
    public int column(String lineText) {
        return lineText.codePointCount(0, start) + 1;
    }

    /** The number's value, read from its text (thousands separators dropped, a percentage as a fraction of one). */
    public double value() {
        return ChapterNumbers.valueOf(text);
    }
}
