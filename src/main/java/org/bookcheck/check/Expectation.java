package org.bookcheck.check;

/** What the fixture's claim demands of one checked value. */
public enum Expectation {
    /** It must be right (claims holds and supplementary, and unmarked steps of an erratum). */
    MUST_HOLD,
    /** A known erratum: it must still be wrong. */
    MUST_BE_WRONG,
    /** Illustrative: reported, never fatal. */
    REPORT_ONLY
}
