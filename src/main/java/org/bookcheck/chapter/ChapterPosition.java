package org.bookcheck.chapter;

/** A 1-based line and column (in characters) of a chapter. */
public record ChapterPosition(int line, int column) {

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
