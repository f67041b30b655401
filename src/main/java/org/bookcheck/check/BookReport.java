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

    /** The book's printed values (of holds, erratum and illustrative fixtures) counted by verdict. */
    public ValueCounts printedValues() {
        return ValueCounts.of(findings().filter(f -> f.claim() != ClaimKind.SUPPLEMENTARY).toList());
    }

    /** The values of supplementary fixtures: bookcheck's own worked examples, not numbers the book prints. */
    public ValueCounts workedValues() {
        return ValueCounts.of(findings().filter(f -> f.claim() == ClaimKind.SUPPLEMENTARY).toList());
    }

    public long unusableFixtures() {
        return results.stream().filter(FixtureResult::invalid).count();
    }

    public long unusableWaiverFiles() {
        return waivers.stream().filter(w -> !w.errors().isEmpty()).count();
    }

    /**
     * The book in one line, values and fixtures counted apart:
     * {@code Book: 116 printed values: 69 ok, 14 wrong, 33 follow from a wrong value; 3 fixtures, 2 failing}.
     * Supplementary values (bookcheck's worked examples) have their own clause, only when there are any.
     */
    public String summaryLine() {
        StringBuilder line = new StringBuilder("Book: ").append(ValueCounts.clause(findings().toList()));
        List<String> trouble = new java.util.ArrayList<>();
        if (failing() > 0) {
            trouble.add(failing() + " failing");
        }
        if (unusableFixtures() > 0) {
            trouble.add(unusableFixtures() + " unusable");
        }
        if (unusableWaiverFiles() > 0) {
            trouble.add(ValueCounts.count(unusableWaiverFiles(), "unusable waiver file", "unusable waiver files"));
        }
        String state = !trouble.isEmpty() ? String.join(", ", trouble) : results.isEmpty() ? "nothing was checked" : "all as claimed";
        long statements = results.stream().filter(BookReport::ofStatements)
                .mapToLong(r -> r.fixture().map(f -> f.steps().size()).orElse(0)).sum();
        long fixtures = results.stream().filter(r -> !ofStatements(r)).count();
        line.append("; ").append(ValueCounts.count(fixtures, "fixture", "fixtures"));
        if (statements > 0) {
            line.append(" and ").append(ValueCounts.count(statements, "statement", "statements"));
        }
        return line.append(", ").append(state).toString();
    }

    /**
     * A chapter's written-out statements, checked as one in-memory fixture: counted as statements, not as a fixture (no
     * fixture file can take the id, whose file name is the exceptions file's).
     */
    private static boolean ofStatements(FixtureResult result) {
        return result.fixture().map(f -> f.id().equals(Book.STATEMENTS_ID)).orElse(false);
    }

    /**
     * Checked values by verdict: ok, wrong (mismatches) and following from a wrong value (propagated),
     * with how many of the wrong ones a claim accounts for (known errata, illustrative values).
     *
     * @param knownErrata        wrong values an erratum claim marks as wrong
     * @param wrongIllustrative  wrong values of illustrative fixtures
     * @param fromKnownErrata    propagated values that an erratum claim accounts for
     */
    public record ValueCounts(long values, long ok, long wrong, long knownErrata, long wrongIllustrative, long propagated,
            long fromKnownErrata, long propagatedIllustrative) {

        /**
         * Printed values, then supplementary ones when there are any:
         * {@code 35 printed values: 33 ok, 2 wrong (2 known errata); 55 supplementary values: 55 ok, 0 wrong}.
         */
        public static String clause(List<Finding> findings) {
            String printed = of(findings.stream().filter(f -> f.claim() != ClaimKind.SUPPLEMENTARY).toList()).words("printed value");
            ValueCounts worked = of(findings.stream().filter(f -> f.claim() == ClaimKind.SUPPLEMENTARY).toList());
            return worked.values() == 0 ? printed : printed + "; " + worked.words("supplementary value");
        }

        static ValueCounts of(List<Finding> findings) {
            List<Finding> wrong = findings.stream().filter(f -> f.verdict() instanceof Verdict.Mismatch).toList();
            List<Finding> propagated = findings.stream().filter(f -> f.verdict() instanceof Verdict.Propagated).toList();
            return new ValueCounts(findings.size(), findings.stream().filter(f -> f.verdict().isOk()).count(), wrong.size(),
                    wrong.stream().filter(f -> f.expectation() == Expectation.MUST_BE_WRONG && !f.failsClaim()).count(),
                    wrong.stream().filter(f -> f.expectation() == Expectation.REPORT_ONLY).count(), propagated.size(),
                    propagated.stream().filter(f -> f.expectation() != Expectation.REPORT_ONLY && !f.failsClaim()).count(),
                    propagated.stream().filter(f -> f.expectation() == Expectation.REPORT_ONLY).count());
        }

        /** {@code 116 printed values: 69 ok, 14 wrong (2 known errata), 33 follow from a wrong value}; zero follow-ons are left out. */
        String words(String noun) {
            StringBuilder s = new StringBuilder(count(values, noun, noun + "s"));
            if (values == 0) {
                return s.toString();
            }
            s.append(": ").append(ok).append(" ok, ").append(wrong).append(" wrong")
                    .append(accounted(knownErrata, "known erratum", "known errata", wrongIllustrative));
            if (propagated > 0) {
                s.append(", ").append(count(propagated, "follows from a wrong value", "follow from a wrong value"))
                        .append(accounted(fromKnownErrata, "from a known erratum", "from known errata", propagatedIllustrative));
            }
            return s.toString();
        }

        /** What the claims make of some wrong values, in parentheses: {@code (2 known errata, 1 illustrative)}; empty if nothing. */
        private static String accounted(long errata, String one, String many, long illustrative) {
            List<String> parts = new java.util.ArrayList<>();
            if (errata > 0) {
                parts.add(count(errata, one, many));
            }
            if (illustrative > 0) {
                parts.add(illustrative + " illustrative");
            }
            return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
        }

        static String count(long n, String one, String many) {
            return n + " " + (n == 1 ? one : many);
        }
    }
}
