package org.bookcheck.draft;

import java.util.List;
import java.util.Optional;

/**
 * One calculation as a chapter writes it out ({@code Q[0][0] = 1×0.1 + 0×0.0 = 0.1}, possibly over several lines):
 * the prose label before it, the left-hand side it defines, the sides between, and the printed result after the last
 * {@code =} or {@code ≈} (empty for a formula such as {@code K = X × WK}). {@code quote} is the chapter's exact text from
 * the first side to the end of the printed result, lines joined by {@code \n}, starting at {@code column} (1-based, in
 * code points) of {@code firstLine}.
 */
public record Written(int firstLine, int lastLine, String label, Optional<String> lhs, List<String> sides,
        Optional<String> printed, String quote, int column) {

    public Written {
        sides = List.copyOf(sides);
    }

    /** Lines {@code first–last} as the user names them. */
    public String lines() {
        return firstLine == lastLine ? String.valueOf(firstLine) : firstLine + "-" + lastLine;
    }
}
