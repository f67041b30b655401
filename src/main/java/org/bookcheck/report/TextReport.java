package org.bookcheck.report;

import java.util.List;
import org.bookcheck.check.BookReport;
import org.bookcheck.check.Failure;
import org.bookcheck.check.Finding;
import org.bookcheck.check.FindingText;
import org.bookcheck.check.ValueText;
import org.bookcheck.fixture.FixtureError;

/** The verify report for a terminal: per chapter the wrong numbers first (origins), then every claim by line; the book's summary last. */
public final class TextReport {

    private TextReport() {
    }

    public static String render(ReportView view) {
        StringBuilder out = new StringBuilder();
        for (String chapter : view.allChapters()) {
            List<Finding> findings = view.findings(chapter);
            out.append("chapters/").append(chapter).append(" — ").append(BookReport.ValueCounts.clause(findings)).append('\n');
            List<Finding> wrong = findings.stream().filter(f -> !f.verdict().isOk()).sorted(
                    java.util.Comparator.comparing((Finding f) -> !f.isOrigin())).toList();
            if (!wrong.isEmpty()) {
                out.append("\n  Wrong numbers (origins first):\n");
                for (Finding f : wrong) {
                    out.append("  ").append(FindingText.mark(f)).append(' ').append(where(f)).append("  ").append(f.fixtureId())
                            .append(" › ").append(f.step()).append(": ").append(FindingText.label(f)).append('\n');
                    out.append("        printed ").append(f.printed().text()).append("  exact ").append(ValueText.exact(f.exact()))
                            .append("  → ").append(f.exactRounded()).append(" at the printed precision\n");
                    out.append("        ").append(f.explanation()).append('\n');
                }
            }
            out.append("\n  Claims by line:\n");
            for (Finding f : findings) {
                out.append("  ").append(FindingText.mark(f)).append(' ').append(where(f)).append("  ").append(f.fixtureId()).append(" › ")
                        .append(f.step()).append(": ").append(FindingText.label(f));
                if (!f.verdict().isOk()) {
                    out.append(" — printed ").append(f.printed().text()).append(", exact ").append(f.exactRounded());
                }
                out.append('\n');
            }
            out.append('\n');
        }
        List<Failure> failures = view.failures();
        if (!failures.isEmpty()) {
            out.append("Failing claims:\n");
            failures.forEach(f -> out.append("  ✗ ").append(f.text().replace("\n", "\n    ")).append('\n'));
            out.append('\n');
        }
        List<FixtureError> errors = view.errors();
        if (!errors.isEmpty()) {
            // verify says each on standard error, once.
            out.append("Unusable fixtures: ").append(errors.size()).append(errors.size() == 1 ? " problem" : " problems")
                    .append(", on standard error.\n\n");
        }
        view.report().notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        out.append(view.report().summaryLine()).append('\n');
        return out.toString();
    }

    private static String where(Finding f) {
        String s = f.location().line() + ":" + f.location().column();
        return s + " ".repeat(Math.max(0, 8 - s.length()));
    }
}
