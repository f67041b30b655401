package org.bookcheck.check;

import java.util.List;
import org.bookcheck.fixture.FixtureError;

/**
 * The book's errata as Markdown: the wrong numbers that are origins first (fix these), then those
 * that only propagate an origin, then failing claims and unusable fixtures. Each entry is the complete
 * finding: where, the quote, printed, exact, the correction at the printed precision and the calculation.
 */
public final class ErrataReport {

    private ErrataReport() {
    }

    public static String render(BookReport report) {
        StringBuilder md = new StringBuilder("# bookcheck errata report\n\n").append(report.summaryLine()).append("\n\n");
        List<Finding> origins = report.origins();
        List<Finding> propagated = report.propagated();
        md.append("## Wrong numbers to fix (origins)\n\n");
        if (origins.isEmpty()) {
            md.append("None: every printed value checked stands for its exact value (or follows from carried rounding).\n\n");
        }
        origins.forEach(f -> entry(md, f));
        md.append("## Wrong only because an earlier number is wrong (propagated)\n\n");
        if (propagated.isEmpty()) {
            md.append("None.\n\n");
        }
        propagated.forEach(f -> entry(md, f));
        // A wrong value already has its entry above; a fixed erratum and a quote that moved do not.
        List<Failure> failures = report.results().stream().flatMap(r -> r.failures().stream())
                .filter(f -> !(f instanceof Failure.WrongValue)).toList();
        if (!failures.isEmpty()) {
            md.append("## Failing claims\n\n");
            failures.forEach(f -> md.append("```\n").append(f.text()).append("\n```\n\n"));
        }
        List<FixtureError> errors = java.util.stream.Stream.concat(report.results().stream().flatMap(r -> r.errors().stream()),
                report.waivers().stream().flatMap(w -> w.errors().stream())).toList();
        if (!errors.isEmpty()) {
            md.append("## Unusable fixtures\n\n");
            errors.forEach(e -> md.append("- ").append(e.render(report.root())).append('\n'));
            md.append('\n');
        }
        if (!report.notes().isEmpty()) {
            md.append("## Notes\n\n");
            report.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    private static void entry(StringBuilder md, Finding f) {
        md.append("### chapters/").append(f.location()).append(" — ").append(f.fixtureId()).append(" › ").append(f.step()).append("\n\n");
        md.append("- **Claim:** ").append(f.claim().jsonName()).append('\n');
        md.append("- **Quote:** ").append(code(f.quote())).append('\n');
        md.append("- **Printed:** ").append(code(f.printed().text())).append('\n');
        md.append("- **Exact:** ").append(code(ValueText.exact(f.exact()))).append('\n');
        md.append("- **At the printed precision:** ").append(code(f.exactRounded())).append('\n');
        md.append("- **Verdict:** ").append(FindingText.label(f)).append(" — ").append(f.explanation()).append('\n');
        f.erratum().ifPresent(e -> md.append("- **Known erratum:** ").append(e.explanation())
                .append(" Corrected: ").append(code(e.corrected().text())).append('\n'));
        md.append("- **Calculation:** ").append(code(f.calculation())).append("\n\n");
    }

    private static String code(String s) {
        String fence = s.contains("`") ? "``" : "`";
        return fence + (fence.length() > 1 ? " " : "") + s + (fence.length() > 1 ? " " : "") + fence;
    }
}
