package org.bookcheck.report;

import java.util.Comparator;
import java.util.List;
import org.bookcheck.check.BookReport;
import org.bookcheck.check.Finding;
import org.bookcheck.check.Failure;
import org.bookcheck.fixture.FixtureError;

/** The verify report's content, arranged the way every format shows it: per chapter, origins first, then every claim by line. */
public record ReportView(BookReport report, List<String> chapters) {

    public ReportView {
        chapters = List.copyOf(chapters);
    }

    /** Every finding of the chapter, ordered by line and column. */
    public List<Finding> findings(String chapter) {
        return report.findings().filter(f -> f.location().chapter().equals(chapter))
                .sorted(Comparator.comparingInt((Finding f) -> f.location().line()).thenComparingInt(f -> f.location().column())
                        .thenComparing(Finding::fixtureId).thenComparing(Finding::step))
                .toList();
    }

    /** The chapter's wrong printed values that are not consequences of others: fix these first. */
    public List<Finding> origins(String chapter) {
        return findings(chapter).stream().filter(Finding::isOrigin).toList();
    }

    /** The chapters the report speaks about: those selected, and any chapter a finding stands in. */
    public List<String> allChapters() {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(chapters);
        report.findings().forEach(f -> all.add(f.location().chapter()));
        return all.stream().sorted().toList();
    }

    /** Failures that are not about a checked value (quotes that moved): the findings already show the others. */
    public List<Failure> failures() {
        return report.results().stream().flatMap(r -> r.failures().stream()).filter(f -> f.checkedValue().isEmpty()).toList();
    }

    public List<FixtureError> errors() {
        return java.util.stream.Stream.concat(report.results().stream().flatMap(r -> r.errors().stream()),
                report.waivers().stream().flatMap(w -> w.errors().stream())).toList();
    }

}
