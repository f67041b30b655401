package org.bookcheck.coverage;

import java.util.List;
import java.util.Optional;
import org.bookcheck.chapter.Span;
import org.bookcheck.check.Finding;
import org.bookcheck.fixture.Fixture;

/**
 * A quote of a fixture placed in its chapter: the characters it covers (one span per line), what uses
 * it (a printed step value with its finding, or a given input), and where the value's elements stand.
 *
 * @param quote    the quoted characters, one span per line the quote covers
 * @param elements the printed (or given) value's elements in element order, as the checker placed them
 *                 ({@link Finding#spans()}); empty for a supplementary fixture's own values
 */
public record Anchored(Fixture fixture, String name, Optional<Finding> finding, List<Span> quote, List<Span> elements) {

    public Anchored {
        quote = List.copyOf(quote);
        elements = List.copyOf(elements);
    }

    /** Whether this anchors an input the book gives, rather than a printed step value. */
    public boolean isGiven() {
        return finding.isEmpty();
    }

    /** Whether the span lies inside the quote. */
    public boolean contains(Span span) {
        return quote.stream().anyMatch(q -> q.contains(span));
    }

    /** The index of the element whose span holds {@code span}, or −1. */
    public int elementAt(Span span) {
        for (int e = 0; e < elements.size(); e++) {
            if (elements.get(e).contains(span)) {
                return e;
            }
        }
        return -1;
    }
}
