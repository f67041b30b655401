package org.bookcheck.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bookcheck.chapter.Span;
import org.bookcheck.fixture.ClaimKind;
import org.bookcheck.fixture.ErratumEntry;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.reference.Value;

/**
 * The complete record of one checked value: which fixture and step, where the book prints it, what it
 * prints, the exact value, the verdict, what the claim expects and whether the claim fails on it.
 *
 * @param difference   the largest |exact − printed| over the elements (0 for tokens and truth values)
 * @param exactRounded the exact value written like the printed one (same layout and decimals)
 * @param interval     the exact values the printed value stands for, in words
 * @param calculation  the step in the fixture's terms, with the operation's formula
 * @param elements     the verdict on each element of a printed list or matrix (one entry for a number)
 * @param spans        where each element of the printed value stands in the chapter, in element order (one span
 *                     for a number, one per element of a list or matrix, empty for tokens, truth values and a
 *                     supplementary fixture's own values); {@code location} is the first one's line and column
 */
public record Finding(String fixtureId, Path fixtureFile, String title, ClaimKind claim, String step, Location location,
        String quote, PrintedValue printed, Value exact, String exactRounded, double difference, String interval,
        Verdict verdict, String calculation, Expectation expectation, Optional<ErratumEntry> erratum, boolean failsClaim,
        String explanation, List<Span> spans, List<ElementVerdict> elements) {

    public Finding {
        spans = List.copyOf(spans);
        elements = List.copyOf(elements);
    }

    /** Whether this is a wrong number that is not merely a consequence of another (an origin to fix first). */
    public boolean isOrigin() {
        return verdict instanceof Verdict.Mismatch;
    }
}
