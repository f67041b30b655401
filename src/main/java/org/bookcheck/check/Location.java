package org.bookcheck.check;

/** Where a checked value stands: chapter (relative to chapters/), line and column. */
public record Location(String chapter, int line, int column) {

    @Override
    public String toString() {
        return chapter + ":" + line + ":" + column;
    }
}
