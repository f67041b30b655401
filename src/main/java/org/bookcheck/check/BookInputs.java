package org.bookcheck.check;

import java.util.List;

/**
 * What the book's own printed inputs make of a printed value, when that differs from the exact chain at
 * the printed precision: the value they give, and the printed inputs that are off from their exact values.
 *
 * @param position the element concerned ({@code ""} for a number)
 * @param shownOnLine whether the step's quote prints an off input, so that a reader redoing the line uses it
 */
record BookInputs(String position, double exact, double fromBook, String fromBookAtPrecision, List<OffInput> off,
        boolean shownOnLine) {

    /** A printed input of the step that differs from its exact value. */
    record OffInput(ElementRef ref, String printed, double printedValue, double exact, int line) {
    }

    BookInputs {
        off = List.copyOf(off);
    }
}
