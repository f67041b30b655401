package org.bookcheck.coverage;

import java.util.List;
import java.util.Optional;
import org.bookcheck.check.Finding;
import org.bookcheck.fixture.Fixture;

/**
 * A quote of a fixture placed in its chapter: the span of one line it covers, what uses it (a printed
 * step value with its finding, or a given input), and where the printed value's numbers stand in it.
 *
 * @param start    first character of the quote in the line (0-based)
 * @param end      one past its last character
 * @param elements the printed value's elements placed on the line, in element order (empty for inputs)
 */
public record Anchored(Fixture fixture, String name, Optional<Finding> finding, int line, int start, int end,
        List<PrintedPlacement.Placed> elements) {

    public Anchored {
        elements = List.copyOf(elements);
    }

    /** Whether this anchors an input the book gives, rather than a printed step value. */
    public boolean isGiven() {
        return finding.isEmpty();
    }

    public boolean contains(int lineNumber, int from, int to) {
        return line == lineNumber && from >= start && to <= end;
    }
}
