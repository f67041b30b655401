package org.bookcheck.coverage;

import static org.bookcheck.check.TempBook.fixtureJson;
import static org.bookcheck.check.TempBook.holds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.check.BookReport;
import org.bookcheck.check.FixtureResult;
import org.bookcheck.check.TempBook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a number of a chapter is accounted for, on one small book whose marks are worked out by hand:
 * an element of a printed value (right or wrong, in a value that is wrong elsewhere), an operand inside a
 * quote, an input the book gives, a number inside only an input's quote, a waived number (the waiver's
 * quote starting or ending at it), and uncovered ones, including numbers that a fixture or waiver of
 * another chapter with the same line would account for.
 */
class CoverageBookTest {

    /** 23 numbers: 17 covered, 2 waived (line 6), 4 uncovered (12; the second 3 of line 6; 11; 13). */
    private static final String CHAPTER = """
            Start from a = 2 and b = 3 of 10.
            Then $2 + 3 = 5$ and $2 \\times 3 = 7$.
            Scores [0.5, 0.7] and errata [1.5, 2.5].
            With c = 4, and 12 more.
            Made up: 8 + 9 = 18.
            🙂 Rest 3 days, then wait 3 more, 9 hours.
            Nothing checks 11 or 13.
            """;

    private static final String ADD = "[{\"name\": \"%s\", \"op\": \"add\", \"args\": {\"a\": \"%s\", \"b\": \"%s\"}, \"printed\": \"%s\"}]";

    @TempDir
    Path dir;

    private ChapterCoverage coverage;

    /** Checked again for every test (not once per class), so PIT sees which test runs which code. */
    @BeforeEach
    void check() throws IOException {
        TempBook book = new TempBook(dir).chapter(CHAPTER)
                // 2 + 3 = 5, right; a and b are given on line 1.
                .fixture("sum", holds("sum", "$2 + 3 = 5$",
                        "{\"a\": {\"value\": 2, \"quote\": \"a = 2\"}, \"b\": {\"value\": 3, \"quote\": \"b = 3 of 10\"}}",
                        ADD.formatted("s", "a", "b", "5")))
                // 2 × 3 is 6, not 7: wrong under holds.
                .fixture("prod", holds("prod", "$2 \\times 3 = 7$", "{\"a\": 2, \"b\": 3}",
                        "[{\"name\": \"p\", \"op\": \"elementwise_product\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"7\"}]"))
                // x + x = [0.5, 0.6]: the 0.5 holds, the 0.7 is wrong.
                .fixture("scores", holds("scores", "Scores [0.5, 0.7]", "{\"x\": [0.25, 0.3]}", ADD.formatted("d", "x", "x", "[0.5, 0.7]")))
                // y + y = [1.5, 2.0]: the 1.5 holds, the 2.5 is the claimed erratum.
                .fixture("errata", fixtureJson("errata", "errata [1.5, 2.5]", """
                        "claim": "erratum", "errata": [{"step": "e", "explanation": "0.75 + 0.75 is 1.5, 1 + 1 is 2", "corrected": "[1.5, 2.0]"}]""",
                        "{\"y\": [0.75, 1.0]}", ADD.formatted("e", "y", "y", "[1.5, 2.5]")))
                // The 4 is both the printed value of r and the given c: the printed value decides.
                .fixture("restated", holds("restated", "With c = 4", "{\"c\": {\"value\": 4, \"quote\": \"With c = 4\"}}",
                        "[{\"name\": \"r\", \"op\": \"restate\", \"args\": {\"x\": \"c\"}, \"printed\": \"4\"}]"))
                // "eight" prints nothing on this line, it gives m at the 8; "made-up" prints 18 (8 + 9 is 17) and is illustrative.
                .fixture("eight", holds("eight", "With c = 4", "{\"m\": {\"value\": 8, \"quote\": \"up: 8 + 9\"}, \"c\": 4}",
                        "[{\"name\": \"t\", \"op\": \"add\", \"args\": {\"a\": \"m\", \"b\": \"m\"}}, "
                                + "{\"name\": \"u\", \"op\": \"restate\", \"args\": {\"x\": \"c\"}, \"printed\": \"4\"}]"))
                .fixture("made-up", fixtureJson("made-up", "Made up: 8 + 9 = 18", "\"claim\": \"illustrative\", \"note\": \"the line says Made up\"", "{\"k\": 8, \"j\": 9}",
                        ADD.formatted("v", "k", "j", "18")));
        write(dir.resolve("fixtures/ch/waivers.json"), """
                {"chapter": "ch.md", "waivers": [
                  {"quote": "3 days", "numbers": ["3"], "reason": "a rest, not a calculation"},
                  {"quote": "more, 9", "numbers": ["9"], "reason": "hours of sleep"}]}
                """);
        // Another chapter with the same last line: its fixture and its waiver account for its own 11 and 13 only.
        write(dir.resolve("chapters/other.md"), "Intro.\n\n\n\n\n\nNothing checks 11 or 13.\n");
        write(dir.resolve("fixtures/other/eleven.json"), """
                {"id": "eleven", "title": "eleven", "chapter": "other.md", "quote": "checks 11", "claim": "holds",
                 "inputs": {"k": 11}, "steps": [{"name": "w", "op": "restate", "args": {"x": "k"}, "printed": "11"}]}
                """);
        write(dir.resolve("fixtures/other/waivers.json"), """
                {"chapter": "other.md", "waivers": [{"quote": "or 13", "numbers": ["13"], "reason": "a count"}]}
                """);
        BookReport report = book.check();
        for (FixtureResult r : report.results()) {
            assertTrue(r.errors().isEmpty(), () -> r.id() + ": " + r.errors());
        }
        coverage = CoverageAnalyzer.analyze(Chapter.read("ch.md", dir.resolve("chapters/ch.md")), report);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** The n-th (1-based) number with this text on the line. */
    private NumberCoverage number(int line, String text, int nth) {
        List<NumberCoverage> on = coverage.numbers().stream().filter(n -> n.number().line() == line && n.number().text().equals(text)).toList();
        assertTrue(on.size() >= nth, () -> "no number " + text + " #" + nth + " on line " + line + ": " + coverage.numbers());
        return on.get(nth - 1);
    }

    private NumberCoverage number(int line, String text) {
        return number(line, text, 1);
    }

    private static void assertCoverage(NumberCoverage n, Mark mark, int element, String explanation) {
        assertEquals(mark, n.mark(), n::toString);
        assertEquals(element, n.element(), n::toString);
        assertEquals(explanation, n.explanation(), n::toString);
    }

    @Test
    void theSummaryCountsEveryNumber() {
        assertEquals(23, coverage.numbers().size(), () -> coverage.numbers().toString());
        assertEquals(17, coverage.covered());
        assertEquals(2, coverage.waived());
        assertEquals(4, coverage.uncovered());
        // 19 / 23 = 82.61%, 17 / 23 = 73.91%
        assertEquals(100.0 * 19 / 23, coverage.accountedPercent(), 1e-9);
        assertEquals(100.0 * 17 / 23, coverage.coveredPercent(), 1e-9);
        assertEquals("chapters/ch.md: 23 numbers: 17 covered, 2 waived, 4 uncovered — 82.6% covered or waived (73.9% by fixtures)",
                coverage.summaryLine());
    }

    @Test
    void givenInputsAreGivenAndANumberOnlyInAnInputsQuoteIsGivenWithoutAnElement() {
        assertCoverage(number(1, "2"), Mark.GIVEN, 0, "sum › given a");
        assertCoverage(number(1, "3"), Mark.GIVEN, 0, "sum › given b");
        assertCoverage(number(1, "10"), Mark.GIVEN, -1, "sum › given b");
        assertTrue(number(1, "10").covered());
    }

    @Test
    void operandsTakeTheMarkOfTheValueTheirQuotePrints() {
        assertCoverage(number(2, "2", 1), Mark.HOLDS, -1, "sum › s");
        assertCoverage(number(2, "3", 1), Mark.HOLDS, -1, "sum › s");
        assertCoverage(number(2, "5"), Mark.HOLDS, 0, "sum › s");
        assertCoverage(number(2, "2", 2), Mark.WRONG, -1, "prod › p");
        assertCoverage(number(2, "7"), Mark.WRONG, 0, "prod › p");
    }

    @Test
    void theRightElementsOfAWrongValueHold() {
        assertCoverage(number(3, "0.5"), Mark.HOLDS, 0, "scores › d");
        assertCoverage(number(3, "0.7"), Mark.WRONG, 1, "scores › d");
        assertCoverage(number(3, "1.5"), Mark.HOLDS, 0, "errata › e");
        assertCoverage(number(3, "2.5"), Mark.ERRATUM, 1, "errata › e");
    }

    @Test
    void aPrintedValueComesBeforeAGivenInputAtTheSameNumber() {
        // The 4 is printed by eight › u and restated › r, and given as restated's c: the first printed value decides.
        NumberCoverage four = number(4, "4");
        assertCoverage(four, Mark.HOLDS, 0, "eight › u");
        assertEquals(3, four.by().size(), () -> four.by().toString());
    }

    @Test
    void aNumberInAGivensQuoteAndAPrintedValuesQuoteTakesThePrintedValuesMark() {
        assertCoverage(number(5, "8"), Mark.GIVEN, 0, "eight › given m");
        // The 9 is in the quotes of the given m and of the printed 18, an element of neither: the printed value decides.
        assertCoverage(number(5, "9"), Mark.ILLUSTRATIVE, -1, "made-up › v");
        assertCoverage(number(5, "18"), Mark.ILLUSTRATIVE, 0, "made-up › v");
    }

    @Test
    void aWaiverWaivesTheNumbersItListsInsideItsQuoteOnly() {
        NumberCoverage days = number(6, "3", 1);
        assertCoverage(days, Mark.WAIVED, -1, "waived: a rest, not a calculation");
        assertTrue(days.waived() && !days.covered() && !days.uncovered());
        assertCoverage(number(6, "9"), Mark.WAIVED, -1, "waived: hours of sleep");
        NumberCoverage more = number(6, "3", 2);
        assertCoverage(more, Mark.NOT_COVERED, -1, "uncovered");
        assertTrue(more.uncovered() && !more.waived() && !more.covered());
    }

    @Test
    void anotherChaptersFixturesAndWaiversDoNotCount() {
        assertCoverage(number(7, "11"), Mark.NOT_COVERED, -1, "uncovered");
        assertCoverage(number(7, "13"), Mark.NOT_COVERED, -1, "uncovered");
        assertCoverage(number(4, "12"), Mark.NOT_COVERED, -1, "uncovered");
    }

    @Test
    void aChapterWithoutNumbersIsFullyAccountedFor() {
        ChapterCoverage none = new ChapterCoverage(coverage.chapter(), List.of(), List.of());
        assertEquals(100.0, none.accountedPercent());
        assertEquals(100.0, none.coveredPercent());
        assertEquals("chapters/ch.md: 0 numbers: 0 covered, 0 waived, 0 uncovered — 100.0% covered or waived (100.0% by fixtures)",
                none.summaryLine());
    }

    @Test
    void aNumberInAWaiversQuoteThatItDoesNotListIsNotWaived(@TempDir Path other) throws IOException {
        TempBook book = new TempBook(other).chapter("Rest 3 days and 4 nights.\n");
        write(other.resolve("fixtures/ch/waivers.json"), """
                {"chapter": "ch.md", "waivers": [{"quote": "3 days and 4", "numbers": ["3"], "reason": "a rest"}]}
                """);
        ChapterCoverage rest = CoverageAnalyzer.analyze(Chapter.read("ch.md", other.resolve("chapters/ch.md")), book.check());
        assertEquals(List.of(Mark.WAIVED, Mark.NOT_COVERED), rest.numbers().stream().map(NumberCoverage::mark).toList());
    }
}
