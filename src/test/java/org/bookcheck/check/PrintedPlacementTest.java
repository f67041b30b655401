package org.bookcheck.check;

import static org.bookcheck.check.TempBook.holds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.bookcheck.chapter.Span;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a printed value stands: on a run of whole number tokens of its quote, in order, the result
 * position preferred, never part of a longer number, never a guess. Columns are counted by hand in the
 * comments.
 */
class PrintedPlacementTest {

    @TempDir
    Path dir;
    private TempBook book;

    @BeforeEach
    void setUp() {
        book = new TempBook(dir);
    }

    private String onlyError(String id) {
        FixtureResult r = book.result(id);
        assertEquals(1, r.errors().size(), () -> "errors: " + r.errors() + ", findings: " + r.findings());
        return r.errors().get(0).render(dir);
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected \"" + part + "\" in:\n" + text);
    }

    @Test
    void theResultIsPreferredOverAnEqualOperand() {
        // "Q = 1×0.1 + 0×0.0 = 0.1": the operand 0.1 at columns 7–9, the result 0.1 after the last = at 21–23.
        book.chapter("```\nQ = 1×0.1 + 0×0.0 = 0.1\n```\n").fixture("q", holds("q", "Q = 1×0.1 + 0×0.0 = 0.1",
                "{\"a\": [1, 0], \"b\": [0.1, 0.0]}", "[{\"name\": \"q\", \"op\": \"dot\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"0.1\"}]"));
        Finding f = book.onlyFinding("q");
        assertEquals(new Location("ch.md", 2, 21), f.location());
        assertEquals(List.of(new Span(2, 21, 24)), f.spans());
    }

    @Test
    void twoEqualCandidatesWithNoResultPositionAreAnErrorNamingBoth() {
        // "Both weights are 0.5 and 0.5.": 0.5 at columns 18 and 26, no =, ≈ or → to say which is the result.
        book.chapter("Both weights are 0.5 and 0.5.\n").fixture("half", holds("half", "Both weights are 0.5 and 0.5.",
                "{\"a\": 1, \"b\": 2}", "[{\"name\": \"w\", \"op\": \"divide\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"0.5\"}]"));
        String error = onlyError("half");
        assertContains(error, "field steps[0].printed");
        assertContains(error, "the printed value 0.5 occurs 2 times in the quote (at chapters/ch.md 1:18, 1:26)");
    }

    @Test
    void aNumberIsNeverFoundInsideALongerOne() {
        book.chapter("Context = [0.0498, 0.0502] and a shift of -0.03.\n")
                .fixture("zero", holds("zero", "Context = [0.0498, 0.0502]", "{\"a\": 0, \"b\": 1}",
                        "[{\"name\": \"z\", \"op\": \"divide\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"0.0\"}]"))
                .fixture("shift", holds("shift", "a shift of -0.03", "{\"a\": 3, \"b\": 100}",
                        "[{\"name\": \"s\", \"op\": \"divide\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"0.03\"}]"));
        assertContains(onlyError("zero"), "the book's quote does not contain \"0.0\" of the printed value 0.0 as a number of its own"
                + " (it holds the numbers 0.0498, 0.0502)");
        assertContains(onlyError("shift"), "does not contain \"0.03\" of the printed value 0.03 as a number of its own"
                + " (it holds the numbers -0.03)");
    }

    @Test
    void aNumberOfAListIsItsOwnToken() {
        // "Scores [90, 80, 70]": 80 stands at columns 13–14.
        book.chapter("Scores [90, 80, 70] were given.\n").fixture("eighty", holds("eighty", "Scores [90, 80, 70]",
                "{\"a\": 90, \"b\": 10}", "[{\"name\": \"e\", \"op\": \"sub\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"80\"}]"));
        assertEquals(List.of(new Span(1, 13, 15)), book.onlyFinding("eighty").spans());
    }

    private static final String MATRIX_CHAPTER = "```\nY = [0.5, 0.2]\n    [0.3, 0.4]\n```\n";
    private static final String MATMUL = "{\"x\": [[1, 0], [0, 1]], \"w\": [[0.5, 0.2], [0.3, 0.4]]}";

    private static String matmul(String printed) {
        return "[{\"name\": \"y\", \"op\": \"matmul\", \"args\": {\"a\": \"x\", \"b\": \"w\"}, \"printed\": \"" + printed + "\"}]";
    }

    @Test
    void aMatrixPrintedOneRowPerLineIsOneValueOfAMultiLineQuote() {
        // Line 2 "Y = [0.5, 0.2]": 0.5 at 6–8, 0.2 at 11–13; line 3 "    [0.3, 0.4]" the same columns.
        book.chapter(MATRIX_CHAPTER).fixture("y", holds("y", "Y = [0.5, 0.2]\n    [0.3, 0.4]", MATMUL, matmul("[[0.5, 0.2], [0.3, 0.4]]")));
        Finding f = book.onlyFinding("y");
        assertEquals(new Location("ch.md", 2, 6), f.location());
        assertEquals(List.of(new Span(2, 6, 9), new Span(2, 11, 14), new Span(3, 6, 9), new Span(3, 11, 14)), f.spans());
    }

    @Test
    void halfAMatrixTheWrongRowAndTheWrongOrderAreRejected() {
        book.chapter(MATRIX_CHAPTER)
                .fixture("half", holds("half", "Y = [0.5, 0.2]", MATMUL, matmul("[[0.5, 0.2], [0.3, 0.4]]")))
                .fixture("row", holds("row", "    [0.3, 0.4]", MATMUL,
                        "[{\"name\": \"r\", \"op\": \"row\", \"args\": {\"a\": \"w\", \"index\": 0}, \"printed\": \"[0.5, 0.2]\"}]"))
                .fixture("order", holds("order", "Y = [0.5, 0.2]\n    [0.3, 0.4]", MATMUL, matmul("[[0.2, 0.5], [0.4, 0.3]]")));
        assertContains(onlyError("half"), "does not contain \"0.3\", \"0.4\" of the printed value [[0.5, 0.2], [0.3, 0.4]]");
        assertContains(onlyError("row"), "does not contain \"0.5\", \"0.2\" of the printed value [0.5, 0.2]");
        assertContains(onlyError("order"), "holds the numbers of the printed value [[0.2, 0.5], [0.4, 0.3]] but not one after another"
                + " in this order (it holds the numbers 0.5, 0.2, 0.3, 0.4)");
    }

    @Test
    void theWorksheetBookPlacesMultiLineValuesAndGivensInCodeBlocks() throws URISyntaxException {
        Path root = Path.of(getClass().getResource("/books/worksheet").toURI());
        BookReport report = new TempBook(root).check();
        assertTrue(report.passed(), report::summaryLine);
        FixtureResult product = report.results().stream().filter(r -> r.id().equals("product")).findFirst().orElseThrow();
        // "X = [1, 0]   ← first token" on line 11 and "    [0, 1]" on line 12: 1 and 0 at columns 6 and 9.
        assertEquals(List.of(new Span(11, 6, 7), new Span(11, 9, 10), new Span(12, 6, 7), new Span(12, 9, 10)),
                product.givens().stream().filter(g -> g.input().equals("X")).findFirst().orElseThrow().spans());
        assertEquals(List.of(new Span(27, 6, 9), new Span(27, 11, 14), new Span(28, 6, 9), new Span(28, 11, 14)),
                product.findings().get(0).spans());
        // "Y[0][0] = 1×0.5 + 0×0.3 = 0.5": the indices are no numbers, the result 0.5 stands at column 27.
        Finding first = report.findings().filter(f -> f.fixtureId().equals("first-element")).findFirst().orElseThrow();
        assertEquals(new Location("worksheet.md", 25, 27), first.location());
    }
}
