package org.bookcheck.report;

/** The forms of the verify report: a terminal's text, Markdown, JSON for a book's CI, an HTML page of the chapter, JUnit XML. */
public enum VerifyFormat {
    TEXT, MARKDOWN, JSON, HTML, JUNIT
}
