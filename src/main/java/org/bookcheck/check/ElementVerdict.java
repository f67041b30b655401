package org.bookcheck.check;

/**
 * The verdict on one element of a printed list or matrix, so a value with some right and some wrong
 * elements is reported element by element; {@code position} is as in {@link ElementRef}, and the
 * proposal is what a correction should print there.
 */
public record ElementVerdict(int index, String position, Verdict verdict, Proposal proposal) {
}
