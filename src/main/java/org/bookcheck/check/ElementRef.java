package org.bookcheck.check;

import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Value;
import org.bookcheck.reference.Vector;

/**
 * One element of a step's value: the step, its row-major index, and its position as an author reads it
 * ({@code ""} for a number, {@code [2]} in a list, {@code [1][0]} in a matrix; counted from 0, as the
 * fixtures' indices are).
 */
public record ElementRef(String step, int index, String position) {

    /** Element {@code index} of a value of the given shape. */
    static ElementRef of(String step, int index, Value shape) {
        String position = switch (shape) {
            case Matrix m -> "[" + index / Math.max(1, m.cols()) + "][" + index % Math.max(1, m.cols()) + "]";
            case Vector v -> "[" + index + "]";
            default -> "";
        };
        return new ElementRef(step, index, position);
    }

    /** {@code "a"[1][0]}, as the report names it. */
    @Override
    public String toString() {
        return "\"" + step + "\"" + position;
    }
}
