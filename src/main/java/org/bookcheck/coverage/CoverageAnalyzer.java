package org.bookcheck.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.chapter.ChapterNumber;
import org.bookcheck.chapter.ChapterNumbers;
import org.bookcheck.chapter.NumberTokens;
import org.bookcheck.chapter.QuoteLocation;
import org.bookcheck.chapter.QuoteLocator;
import org.bookcheck.chapter.Span;
import org.bookcheck.check.BookReport;
import org.bookcheck.check.Finding;
import org.bookcheck.check.FixtureResult;
import org.bookcheck.check.WaiverResult;
import org.bookcheck.fixture.Anchor;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.Input;
import org.bookcheck.fixture.Waiver;

/**
 * Decides for every number of a chapter whether a fixture checks it, a waiver leaves it out, or
 * nothing accounts for it. A number is covered when it lies inside the located quote of a fixture
 * that the checker used for a printed step value (a finding) or for an input the book gives; it is
 * waived when it lies inside a waiver's quote and the waiver lists it.
 */
public final class CoverageAnalyzer {

    private CoverageAnalyzer() {
    }

    /** Coverage of a chapter from a checked book. */
    public static ChapterCoverage analyze(Chapter chapter, BookReport report) {
        List<Anchored> anchors = anchors(chapter, report.results());
        List<WaiverResult.Placed> waivers = report.waivers().stream()
                .flatMap(w -> w.waivers().stream())
                .filter(p -> p.location().chapter().equals(chapter.name()))
                .toList();
        List<NumberCoverage> out = new ArrayList<>();
        for (ChapterNumber n : ChapterNumbers.scan(chapter).numbers()) {
            out.add(cover(chapter, n, anchors, waivers));
        }
        return new ChapterCoverage(chapter, out, anchors);
    }

    /** The quotes of every checked printed value and given input of the chapter, with the spans the checker placed their values at. */
    public static List<Anchored> anchors(Chapter chapter, List<FixtureResult> results) {
        List<Anchored> out = new ArrayList<>();
        for (FixtureResult result : results) {
            if (result.fixture().isEmpty() || !result.fixture().get().chapter().equals(chapter.name())) {
                continue;
            }
            Fixture fixture = result.fixture().get();
            for (Finding finding : result.findings()) {
                fixture.step(finding.step()).ifPresent(step -> quote(chapter, fixture.anchorOf(step))
                        .ifPresent(q -> out.add(new Anchored(fixture, finding.step(), Optional.of(finding), q, finding.spans()))));
            }
            for (FixtureResult.Given given : result.givens()) {
                fixture.inputs().stream().filter(i -> i.name().equals(given.input())).findFirst().flatMap(Input::anchor)
                        .flatMap(anchor -> quote(chapter, anchor))
                        .ifPresent(q -> out.add(new Anchored(fixture, given.input(), Optional.empty(), q, given.spans())));
            }
        }
        return out;
    }

    private static Optional<List<Span>> quote(Chapter chapter, Anchor anchor) {
        return QuoteLocator.locate(chapter, anchor.quote(), anchor.occurrence()) instanceof QuoteLocation.Found found
                ? Optional.of(found.spans()) : Optional.empty();
    }

    private static NumberCoverage cover(Chapter chapter, ChapterNumber n, List<Anchored> anchors, List<WaiverResult.Placed> waivers) {
        List<Anchored> by = anchors.stream().filter(a -> a.contains(n.span())).toList();
        if (!by.isEmpty()) {
            for (Anchored a : by) {
                int element = a.elementAt(n.span());
                if (!a.isGiven() && element >= 0) {
                    return new NumberCoverage(n, elementMark(a.finding().get(), element), by, Optional.of(a), element, Optional.empty());
                }
            }
            for (Anchored a : by) {
                int element = a.elementAt(n.span());
                if (a.isGiven() && element >= 0) {
                    return new NumberCoverage(n, Mark.GIVEN, by, Optional.of(a), element, Optional.empty());
                }
            }
            Anchored first = by.stream().filter(a -> !a.isGiven()).findFirst().orElse(by.get(0));
            Mark mark = first.finding().map(CoverageAnalyzer::findingMark).orElse(Mark.GIVEN);
            return new NumberCoverage(n, mark, by, Optional.of(first), -1, Optional.empty());
        }
        Optional<Waiver> waiver = waivers.stream()
                .filter(w -> waives(chapter, w, n))
                .map(WaiverResult.Placed::waiver)
                .findFirst();
        return new NumberCoverage(n, waiver.isPresent() ? Mark.WAIVED : Mark.NOT_COVERED, List.of(), Optional.empty(), -1, waiver);
    }

    private static boolean waives(Chapter chapter, WaiverResult.Placed placed, ChapterNumber n) {
        if (placed.location().line() != n.line()) {
            return false;
        }
        String line = chapter.line(n.line());
        int start = line.offsetByCodePoints(0, placed.location().column() - 1);
        int end = start + placed.waiver().anchor().quote().length();
        return n.start() >= start && n.end() <= end
                && placed.waiver().numbers().stream().anyMatch(w -> NumberTokens.normal(w).equals(NumberTokens.normal(n.text())));
    }

    /** The mark of a whole printed value. */
    public static Mark findingMark(Finding f) {
        if (f.claim() == org.bookcheck.fixture.ClaimKind.ILLUSTRATIVE) {
            return Mark.ILLUSTRATIVE;
        }
        if (f.verdict().isOk()) {
            return Mark.HOLDS;
        }
        return f.failsClaim() ? Mark.WRONG : Mark.ERRATUM;
    }

    /** The mark of one element of a printed value: right elements of a wrong value still hold. */
    public static Mark elementMark(Finding f, int element) {
        Mark whole = findingMark(f);
        if (whole != Mark.WRONG && whole != Mark.ERRATUM) {
            return whole;
        }
        // The checker's verdict of the element itself: one that follows from the book's own rounding holds too.
        return f.elements().stream().anyMatch(e -> e.index() == element && e.verdict().isOk()) ? Mark.HOLDS : whole;
    }
}
