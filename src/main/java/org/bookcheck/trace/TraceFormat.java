package org.bookcheck.trace;

/** The forms a trace can be written in: plain text for a terminal, Markdown or LaTeX to paste into a chapter. */
public enum TraceFormat {
    TEXT, MARKDOWN, LATEX
}
