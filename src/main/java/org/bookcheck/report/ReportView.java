package org.bookcheck.report;

import java.util.Comparator;
import java.util.List;
import org.bookcheck.check.BookReport;
import org.bookcheck.check.Finding;
import org.bookcheck.check.Failure;
import org.bookcheck.check.Verdict;
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

    /**
     * The chapters the report speaks about: those selected, and any chapter a finding stands in; by name, except
     * that a chapter holding the origin of a value propagated into another (through an import) comes before it,
     * so origins come first across the whole book.
     */
    public List<String> allChapters() {
        java.util.Set<String> all = new java.util.TreeSet<>(chapters);
        report.findings().forEach(f -> all.add(f.location().chapter()));
        java.util.Map<String, String> chapterOfFixture = new java.util.HashMap<>();
        report.results().forEach(r -> r.fixture().ifPresent(x -> chapterOfFixture.put(x.id(), x.chapter())));
        java.util.Map<String, java.util.Set<String>> before = new java.util.HashMap<>();
        report.findings().forEach(f -> f.elements().forEach(e -> {
            if (e.verdict() instanceof Verdict.Propagated p) {
                p.from().stream().filter(r -> r.step().contains("/")).map(r -> chapterOfFixture.get(r.step().substring(0, r.step().indexOf('/'))))
                        .filter(c -> c != null && !c.equals(f.location().chapter()))
                        .forEach(c -> before.computeIfAbsent(f.location().chapter(), k -> new java.util.TreeSet<>()).add(c));
            }
        }));
        java.util.List<String> ordered = new java.util.ArrayList<>();
        all.forEach(c -> place(c, all, before, ordered, new java.util.HashSet<>()));
        return ordered;
    }

    /** Places a chapter after the chapters its propagated values come from (imports cannot cycle, but a visit guards anyway). */
    private static void place(String chapter, java.util.Set<String> all, java.util.Map<String, java.util.Set<String>> before,
            List<String> ordered, java.util.Set<String> visiting) {
        if (ordered.contains(chapter) || !visiting.add(chapter)) {
            return;
        }
        before.getOrDefault(chapter, java.util.Set.of()).stream().filter(all::contains).forEach(c -> place(c, all, before, ordered, visiting));
        ordered.add(chapter);
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
