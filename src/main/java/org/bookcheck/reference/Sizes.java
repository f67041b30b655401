package org.bookcheck.reference;

/**
 * The largest value an operation may compute. A worked example that a reader redoes by hand never
 * holds a million numbers; a size beyond that is a typo or a crafted fixture, and is refused before
 * anything is allocated, so it cannot exhaust memory or take minutes.
 */
public final class Sizes {

    /** Most elements of one computed value. */
    public static final long MAX_ELEMENTS = 1_000_000;

    private Sizes() {
    }

    /** Refuses a result of more than {@link #MAX_ELEMENTS} elements, naming the op and what sets the size. */
    static void require(String op, long elements, String what) {
        if (elements > MAX_ELEMENTS) {
            throw new OpException(op + ": " + what + " gives " + elements + " elements; more than " + MAX_ELEMENTS
                    + " is not a worked example");
        }
    }
}
