package org.bookcheck.coverage;

import java.util.Locale;

/** How a number of the chapter stands, as the HTML report marks it. */
public enum Mark {
    /** A fixture checks it and it is right. */
    HOLDS,
    /** A fixture checks it and it is wrong, against the fixture's claim: the claim fails. */
    WRONG,
    /** A fixture checks it and it is wrong as an erratum claim says (a known erratum, or a value that follows from one). */
    ERRATUM,
    /** The book says the numbers are made up: reported, never fatal. */
    ILLUSTRATIVE,
    /** An input of a fixture, given by the book at this place. */
    GIVEN,
    /** Not a calculation, waived with a reason. */
    WAIVED,
    /** Nothing checks it. */
    NOT_COVERED;

    /** The mark in words, as the legend, hover text and coverage list say it: {@code known erratum}, {@code not covered}. */
    public String label() {
        return this == ERRATUM ? "known erratum" : word().replace('-', ' ');
    }

    /** The key in JSON and CSS classes: {@code holds}, {@code not-covered}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
