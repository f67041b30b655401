package org.bookcheck.check;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.bookcheck.fixture.ClaimKind;

/** The result of checking a book: every fixture's result, and notes about files that were not checked. */
public record BookReport(Path root, List<FixtureResult> results, List<WaiverResult> waivers, List<String> notes) {

    public BookReport {
        results = results.stream()
                .sorted(Comparator.comparing(FixtureResult::chapterStem).thenComparing(FixtureResult::id))
                .toList();
        waivers = List.copyOf(waivers);
        notes = List.copyOf(notes);
    }

    /** Every claim holds as claimed and every fixture is usable. */
    public boolean passed() {
        return results.stream().allMatch(FixtureResult::passed) && waivers.stream().allMatch(w -> w.errors().isEmpty());
    }

    public boolean hasInvalidFixtures() {
        return results.stream().anyMatch(FixtureResult::invalid);
    }

    public Stream<Finding> findings() {
        return results.stream().flatMap(r -> r.findings().stream());
    }

    /** Wrong printed values that are not consequences of others: the numbers to fix first. */
    public List<Finding> origins() {
        return findings().filter(f -> f.verdict() instanceof Verdict.Mismatch).toList();
    }

    /** Wrong printed values that follow from an origin. */
    public List<Finding> propagated() {
        return findings().filter(f -> f.verdict() instanceof Verdict.Propagated).toList();
    }

    /** Fixtures by claim kind that passed. */
    public long passedWithClaim(ClaimKind kind) {
        return results.stream().filter(r -> r.passed() && r.claim().orElse(null) == kind).count();
    }

    public long failing() {
        return results.stream().filter(r -> !r.passed() && !r.invalid()).count();
    }

    public long invalid() {
        return results.stream().filter(FixtureResult::invalid).count() + waivers.stream().filter(w -> !w.errors().isEmpty()).count();
    }

    /** The book in one line: how many claims are ok, errata, illustrative and supplementary, and how many fail. */
    public String summaryLine() {
        String state = passed() ? "all as claimed"
                : failing() + " failing, " + invalid() + " unusable";
        return "Book: " + results.size() + " fixtures, " + findings().count() + " values checked: "
                + passedWithClaim(ClaimKind.HOLDS) + " claims ok, "
                + passedWithClaim(ClaimKind.ERRATUM) + " errata, "
                + passedWithClaim(ClaimKind.ILLUSTRATIVE) + " illustrative, "
                + passedWithClaim(ClaimKind.SUPPLEMENTARY) + " supplementary; " + state;
    }
}
