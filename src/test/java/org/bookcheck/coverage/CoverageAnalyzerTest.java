package org.bookcheck.coverage;

import static org.bookcheck.check.TempBook.fixtureJson;
import static org.bookcheck.check.TempBook.holds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.check.BookReport;
import org.bookcheck.check.TempBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A printed value's mark: a wrong value of a holds claim is wrong, a value an erratum claim marks is a known erratum. */
class CoverageAnalyzerTest {

    /** Line 1: 2 + 2 printed 5 under holds (wrong). Line 2: 3 + 3 printed 7, a claimed erratum. Line 3: 2 × 3 = 6, right. */
    private static final String CHAPTER = "Sum: 2 + 2 = 5.\nOther: 3 + 3 = 7.\nProduct: 2 × 3 = 6.\n";

    private static BookReport book(Path dir) {
        String add = "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"%s\"}]";
        return new TempBook(dir).chapter(CHAPTER)
                .fixture("sum", holds("sum", "2 + 2 = 5", "{\"a\": 2, \"b\": 2}", add.formatted("5")))
                .fixture("other", fixtureJson("other", "3 + 3 = 7", """
                        "claim": "erratum", "errata": [{"step": "s", "explanation": "three and three make six", "corrected": "6"}]""",
                        "{\"a\": 3, \"b\": 3}", add.formatted("7")))
                .fixture("product", holds("product", "2 × 3 = 6", "{\"a\": 2, \"b\": 3}",
                        "[{\"name\": \"p\", \"op\": \"elementwise_product\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"6\"}]"))
                .check();
    }

    private static NumberCoverage number(ChapterCoverage coverage, int line, String text) {
        return coverage.numbers().stream().filter(n -> n.number().line() == line && n.number().text().equals(text)).findFirst().orElseThrow();
    }

    private static ChapterCoverage coverage(Path dir) throws Exception {
        BookReport report = book(dir);
        return CoverageAnalyzer.analyze(Chapter.read("ch.md", dir.resolve("chapters/ch.md")), report);
    }

    @Test
    void aFailingHoldsValueIsWrongAndAClaimedErratumIsAKnownErratum(@TempDir Path dir) throws Exception {
        ChapterCoverage coverage = coverage(dir);
        assertEquals(Mark.WRONG, number(coverage, 1, "5").mark());
        assertEquals(Mark.ERRATUM, number(coverage, 2, "7").mark());
        assertEquals(Mark.HOLDS, number(coverage, 3, "6").mark());
        assertEquals("wrong", Mark.WRONG.label());
        assertEquals("known erratum", Mark.ERRATUM.label());
        assertEquals("erratum", Mark.ERRATUM.word());
    }
}
