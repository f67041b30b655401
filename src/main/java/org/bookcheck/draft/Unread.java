package org.bookcheck.draft;

/** A chapter line that holds arithmetic {@code new} could not turn into a step or an input, and why. */
public record Unread(int line, String text, String reason) {
}
