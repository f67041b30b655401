package org.bookcheck.cli;

/** The exit codes of every bookcheck command, as scripts and a book's CI read them. */
public enum ExitCode {
    /** Everything checked holds (or, for commands that check nothing, the command did its job). */
    OK(0),
    /** A claim of the book fails: a printed number is wrong, or a known erratum was fixed. */
    CLAIM_FAILED(1),
    /** The input cannot be used: a bad fixture, a missing file, a wrong option. */
    BAD_INPUT(2),
    /** bookcheck itself failed; the message asks for a report. */
    INTERNAL_ERROR(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
