package org.bookcheck.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.check.BookReport;
import org.bookcheck.check.TempBook;
import org.bookcheck.coverage.ChapterCoverage;
import org.bookcheck.coverage.CoverageAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's marks and hover texts, without a browser: a failing holds value is wrong, a claimed erratum a known erratum. */
class HtmlReportTest {

    @Test
    void marksAndHoverTellAWrongValueFromAKnownErratum(@TempDir Path dir) throws Exception {
        String add = "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"%s\"}]";
        // Line 1: 2 + 2 printed 5 under holds. Line 2: 3 + 3 printed 7, marked as an erratum (exact 6).
        BookReport report = new TempBook(dir).chapter("Sum: 2 + 2 = 5.\n\nOther: 3 + 3 = 7.\n")
                .fixture("sum", TempBook.holds("sum", "2 + 2 = 5", "{\"a\": 2, \"b\": 2}", add.formatted("5")))
                .fixture("other", TempBook.fixtureJson("other", "3 + 3 = 7", """
                        "claim": "erratum", "errata": [{"step": "s", "explanation": "three and three make six", "corrected": "6"}]""",
                        "{\"a\": 3, \"b\": 3}", add.formatted("7")))
                .check();
        ChapterCoverage coverage = CoverageAnalyzer.analyze(Chapter.read("ch.md", dir.resolve("chapters/ch.md")), report);
        String page = HtmlReport.render(new ReportView(report, List.of("ch.md")), List.of(coverage), Map.of());

        assertTrue(page.contains("<span class=\"bc-num bc-wrong\" data-n=\"2\" title=\"wrong · line 1 · 5 — sum › s: mismatch (FAILS);"
                + " exact 4 (click for the worked trace)\">5</span>"), page);
        assertTrue(page.contains("<span class=\"bc-num bc-erratum\" data-n=\"5\" title=\"known erratum · line 3 · 7 — other › s: mismatch"
                + " (known erratum); exact 6 (click for the worked trace)\">7</span>"), page);
        assertTrue(page.contains("<span class=\"bc-num bc-wrong\">wrong</span> "), "the legend names the marks");
        assertTrue(page.contains("<span class=\"bc-num bc-erratum\">known erratum</span> "), "the legend names the marks");
        assertTrue(page.contains("Book: 2 printed values: 0 ok, 2 wrong (1 known erratum); 2 fixtures, 1 failing"), "summary line");
    }
}
