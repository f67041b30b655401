package org.bookcheck.coverage;

import java.util.Locale;

/** How a number of the chapter stands, as the HTML report marks it. */
public enum Mark {
    /** A fixture checks it and it is right. */
    HOLDS,
    /** A fixture checks it and it is wrong (a known erratum, or a failing claim). */
    ERRATUM,
    /** The book says the numbers are made up: reported, never fatal. */
    ILLUSTRATIVE,
    /** An input of a fixture, given by the book at this place. */
    GIVEN,
    /** Not a calculation, waived with a reason. */
    WAIVED,
    /** Nothing checks it. */
    NOT_COVERED;

    /** The name in reports and CSS classes: {@code holds}, {@code not-covered}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
