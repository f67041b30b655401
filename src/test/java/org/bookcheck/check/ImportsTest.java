package org.bookcheck.check;

import static org.bookcheck.check.TempBook.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.bookcheck.report.ReportView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values imported across chapters: the test book books/two-worksheets has a planted wrong score in its first
 * worksheet (score[1] = 1.0 × 0.6 + 0.5 × −0.2 is 0.5, printed 0.6) that the second worksheet imports.
 * Every expected verdict below is worked by hand in the comments.
 */
class ImportsTest {

    @TempDir
    Path dir;

    private static BookReport twoWorksheets() throws URISyntaxException {
        return new TempBook(Path.of(ImportsTest.class.getResource("/books/two-worksheets").toURI())).check();
    }

    private static Finding finding(BookReport report, String fixture, String step) {
        return report.findings().filter(f -> f.fixtureId().equals(fixture) && f.step().equals(step)).findFirst().orElseThrow();
    }

    @Test
    void theWrongScoreIsTheOriginInTheFirstWorksheet() throws URISyntaxException {
        BookReport report = twoWorksheets();
        // score[0] = 1.0 × 0.2 + 0.5 × 0.4 = 0.4: right.
        assertInstanceOf(Verdict.Ok.class, finding(report, "scores", "s0").verdict());
        // score[1] = 0.6 − 0.1 = 0.5, printed 0.6: the origin.
        Finding s1 = finding(report, "scores", "s1");
        assertInstanceOf(Verdict.Mismatch.class, s1.verdict());
        assertEquals(new Location("scores.md", 9, 37), s1.location());
        // softmax([0.4, 0.5]) = [0.475, 0.525]; the book's softmax([0.4, 0.6]) = [0.4502, 0.5498] → [0.450, 0.550]: propagated.
        Verdict.Propagated w = assertInstanceOf(Verdict.Propagated.class, finding(report, "scores", "w").verdict());
        assertEquals(List.of("s1"), w.origins());
    }

    @Test
    void aValueImportedFromTheWrongScoreIsPropagatedElementByElementAndNamesTheOriginsChapterAndLine() throws URISyntaxException {
        Finding d = finding(twoWorksheets(), "context", "d");
        // 2 × [0.4, 0.5] = [0.8, 1.0]; from the book's [0.4, 0.6]: [0.8, 1.2], as printed.
        Verdict.Propagated p = assertInstanceOf(Verdict.Propagated.class, d.verdict());
        assertEquals(List.of("scores/s1"), p.origins());
        assertInstanceOf(Verdict.Ok.class, d.elements().get(0).verdict());
        Verdict.Propagated second = assertInstanceOf(Verdict.Propagated.class, d.elements().get(1).verdict());
        assertEquals("scores/s1", second.from().get(0).step());
        assertContains(d.explanation(), "\"scores/s1\" (chapters/scores.md line 9)");
    }

    @Test
    void aProductOfImportedWeightsHasAPropagatedElementAndAnOriginOfItsOwn() throws URISyntaxException {
        Finding h = finding(twoWorksheets(), "context", "h");
        // Exact: [0.475·1 + 0.525·3, 0.475·2 + 0.525·4] = [2.05, 3.05] → [2.0, 3.0] (2.04996 rounds down).
        // From the book's weights [0.450, 0.550]: [0.45 + 1.65, 0.90 + 2.20] = [2.1, 3.1].
        // Printed [2.1, 3.2]: element 0 follows from the wrong score; element 1 is wrong from either chain.
        assertInstanceOf(Verdict.Mismatch.class, h.verdict());
        assertInstanceOf(Verdict.Propagated.class, h.elements().get(0).verdict());
        assertInstanceOf(Verdict.Mismatch.class, h.elements().get(1).verdict());
    }

    @Test
    void theReportPutsTheChapterOfTheOriginFirstThoughItsNameSortsLater() throws URISyntaxException {
        BookReport report = twoWorksheets();
        // "context" sorts before "scores", but scores.md holds the origin of context.md's propagated values.
        assertEquals(List.of("scores.md", "context.md"), new ReportView(report, List.of()).allChapters());
    }

    private TempBook chapterWithTwoFixtures(String importsOfSecond) {
        return new TempBook(dir).chapter("a = 2 + 3 = 5\n\nb = 5 × 2 = 10\n")
                .fixture("first", TempBook.holds("first", "a = 2 + 3 = 5", "{}",
                        "[{\"name\": \"a\", \"expr\": \"2 + 3\", \"printed\": \"5\"}]"))
                .fixture("second", """
                        {"id": "second", "title": "t", "chapter": "ch.md", "quote": "b = 5 × 2 = 10", "claim": "holds",
                         "imports": %s,
                         "steps": [{"name": "b", "expr": "x × 2", "printed": "10"}]}
                        """.formatted(importsOfSecond));
    }

    @Test
    void anImportedRightValueChecksAsOk() {
        Finding b = chapterWithTwoFixtures("{\"x\": \"first/a\"}").finding("second", "b");
        assertInstanceOf(Verdict.Ok.class, b.verdict());
    }

    @Test
    void anImportFromAFixtureThatDoesNotExistNamesTheNearestIds() {
        FixtureResult r = chapterWithTwoFixtures("{\"x\": \"firsst/a\"}").result("second");
        assertEquals(1, r.errors().size());
        assertContains(r.errors().get(0).message(), "import \"x\" (firsst/a): the book has no fixture \"firsst\"", "did you mean first");
        assertEquals("/imports/x", r.errors().get(0).pointer());
    }

    @Test
    void anImportOfANameTheFixtureLacksListsItsNames() {
        FixtureResult r = chapterWithTwoFixtures("{\"x\": \"first/zz\"}").result("second");
        assertContains(r.errors().get(0).message(), "the fixture \"first\" has no input or step \"zz\"; it has a");
    }

    @Test
    void importsThatFormACycleAreALocatedError() {
        TempBook book = new TempBook(dir).chapter("a = 1 + 1 = 2\n\nb = 2 + 1 = 3\n")
                .fixture("one", """
                        {"id": "one", "title": "t", "chapter": "ch.md", "quote": "a = 1 + 1 = 2", "claim": "holds",
                         "imports": {"y": "two/b"}, "steps": [{"name": "a", "expr": "y - 1", "printed": "2"}]}
                        """)
                .fixture("two", """
                        {"id": "two", "title": "t", "chapter": "ch.md", "quote": "b = 2 + 1 = 3", "claim": "holds",
                         "imports": {"x": "one/a"}, "steps": [{"name": "b", "expr": "x + 1", "printed": "3"}]}
                        """);
        BookReport report = book.check();
        FixtureResult one = report.results().stream().filter(r -> r.id().equals("one")).findFirst().orElseThrow();
        String all = report.results().stream().flatMap(r -> r.errors().stream()).map(e -> e.message()).toList().toString();
        assertContains(all, "the imports form a cycle one → two → one");
        assertFalse(one.errors().isEmpty(), "a fixture in a cycle is unusable");
        assertFalse(report.passed());
    }

    @Test
    void anImportFromAnUnusableFixtureSaysSoAndPointsToIt() {
        TempBook book = chapterWithTwoFixtures("{\"x\": \"first/a\"}");
        book.fixture("first", TempBook.holds("first", "a = 2 + 3 = 5", "{}", "[{\"name\": \"a\", \"expr\": \"2 + three\", \"printed\": \"5\"}]"));
        FixtureResult r = book.result("second");
        assertContains(r.errors().get(0).message(), "the fixture \"first\" is unusable (fixtures/ch/first.json");
    }

    @Test
    void importsAreWrittenFixtureSlashNameAndNotFromTheFixtureItself() {
        TempBook book = new TempBook(dir).chapter("a = 2 + 3 = 5\n").fixture("first", """
                {"id": "first", "title": "t", "chapter": "ch.md", "quote": "a = 2 + 3 = 5", "claim": "holds",
                 "imports": {"x": "first/a", "y": "no-slash", "z": 3},
                 "steps": [{"name": "a", "expr": "2 + 3", "printed": "5"}]}
                """);
        String errors = book.result("first").errors().stream().map(e -> e.pointer() + ": " + e.message()).toList().toString();
        assertContains(errors, "/imports/x: import \"x\": \"first\" is this fixture itself; use \"a\" directly",
                "/imports/y: import \"y\": \"imports\" maps a name to a value of another fixture, written \"fixture-id/name\"",
                "/imports/z: import \"z\"");
    }

    @Test
    void theTraceOfAnImportingFixtureGivesTheImportedValueAndWhereItComesFrom() throws Exception {
        Path root = Path.of(ImportsTest.class.getResource("/books/two-worksheets").toURI());
        FixtureResult r = new TempBook(root).result("context");
        org.bookcheck.trace.Trace t = org.bookcheck.trace.TraceBuilder.build(r.fixture().orElseThrow(), java.util.Optional.of(r),
                org.bookcheck.trace.TraceNumbers.asPrinted());
        String text = org.bookcheck.trace.TraceRenderer.text(t);
        assertContains(text, "(from scores/s)", "(from scores/w)");
        assertTrue(text.contains("d = 2 × s"), text);
    }
}
