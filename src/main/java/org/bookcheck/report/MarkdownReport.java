package org.bookcheck.report;

import java.util.List;
import org.bookcheck.check.ErrataReport;
import org.bookcheck.check.Finding;
import org.bookcheck.check.FindingText;
import org.bookcheck.check.ValueText;

/** The verify report as Markdown: a table of every claim per chapter, then the errata report (origins first). */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(ReportView view) {
        StringBuilder md = new StringBuilder("# bookcheck verify\n\n").append(view.report().summaryLine()).append("\n\n");
        for (String chapter : view.allChapters()) {
            md.append("## chapters/").append(chapter).append("\n\n");
            md.append("| | line:col | fixture › step | verdict | printed | exact at printed precision |\n");
            md.append("|---|---|---|---|---|---|\n");
            List<Finding> findings = view.findings(chapter);
            for (Finding f : findings) {
                md.append("| ").append(FindingText.mark(f)).append(" | ").append(f.location().line()).append(':').append(f.location().column())
                        .append(" | ").append(f.fixtureId()).append(" › ").append(cell(f.step())).append(" | ").append(cell(FindingText.label(f)))
                        .append(" | ").append(code(f.printed().text())).append(" | ")
                        .append(f.verdict().isOk() ? "" : code(f.exactRounded()) + " (exact " + code(ValueText.exact(f.exact())) + ")")
                        .append(" |\n");
            }
            md.append('\n');
        }
        String errata = ErrataReport.render(view.report());
        md.append(errata.substring(errata.indexOf("\n## ") + 1).replace("\n## ", "\n### ").replaceFirst("^## ", "### ")
                .replace("\n### chapters/", "\n#### chapters/"));
        return md.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("_", "\\_");
    }

    private static String code(String s) {
        return "`" + s.replace("|", "\\|").replace("`", "'") + "`";
    }
}
