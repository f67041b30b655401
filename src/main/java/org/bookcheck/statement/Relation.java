package org.bookcheck.statement;

/** What a written-out statement says between one side and the next: equal, approximately equal, or "becomes". */
public enum Relation {
    /** {@code =}: the sides are the same value (at the printed precision of a printed side). */
    EQUALS("="),
    /** {@code ≈} or {@code \approx}: the same value at the printed precision of the printed side. */
    APPROX("≈"),
    /** {@code →}, {@code \to} or {@code \rightarrow}: the left side works out to the right one. */
    ARROW("→");

    private final String symbol;

    Relation(String symbol) {
        this.symbol = symbol;
    }

    /** The relation as the report writes it. */
    public String symbol() {
        return symbol;
    }
}
