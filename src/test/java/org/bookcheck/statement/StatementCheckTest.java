package org.bookcheck.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.check.ElementVerdict;
import org.bookcheck.check.Finding;
import org.bookcheck.check.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The test book {@code books/statements}, written for the statement checker: every expected verdict below is worked
 * out by hand in the comments, never taken from the checker.
 */
class StatementCheckTest {

    private static final Path BOOK = Path.of("src/test/resources/books/statements");
    private static final Path EXCEPTIONS = BOOK.resolve("fixtures/statements-worksheet/statements.json");

    private static StatementCheck.Result check() throws Exception {
        Chapter chapter = Chapter.read("statements-worksheet.md", BOOK.resolve("chapters/statements-worksheet.md"));
        StatementExceptions.Read read = StatementExceptions.read(EXCEPTIONS);
        assertEquals(List.of(), read.exceptions().errors());
        return StatementCheck.check(chapter, EXCEPTIONS, read.exceptions());
    }

    private static String word(Verdict v) {
        return switch (v) {
            case Verdict.Ok o -> "ok";
            case Verdict.OkWithinTolerance t -> "ok within tolerance";
            case Verdict.OkRoundingCarried c -> "ok rounding carried";
            case Verdict.Mismatch m -> "mismatch";
            case Verdict.Propagated p -> "propagated";
        };
    }

    @Test
    void everyStatementHasItsHandWorkedVerdict() throws Exception {
        StatementCheck.Result result = check();
        Map<String, String> verdicts = new TreeMap<>();
        for (Finding f : result.findings()) {
            verdicts.put(result.statementOf(f).orElseThrow().text(), word(f.verdict()));
        }
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("z = 0.5×2 + 0.25×4 = 2.0", "ok"),                  // 1 + 1 = 2
                Map.entry("h = z × 0.5 = 2.0 × 0.5 = 1.0", "ok"),              // over three lines: 2 × 0.5 = 1
                Map.entry("y = 0.3 × 4 = 1.1", "mismatch"),                    // 0.3 × 4 = 1.2, not 1.1
                Map.entry("u = y + 1 = 2.1", "propagated"),                    // exact 2.2; 2.1 follows from the printed 1.1
                Map.entry("\\frac{3}{4} = 0.75", "ok"),
                Map.entry("\\sqrt{16} + 2^{3} = 12", "ok"),                    // 4 + 8
                Map.entry("0.9929 + 1.0 = 1.9929", "ok"),
                Map.entry("2/3 ≈ 0.667", "ok"),                                // 0.6667 at three decimals
                Map.entry("\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix} + \\begin{bmatrix} 1 & 1 \\\\ 1 & 1 \\end{bmatrix}"
                        + " = \\begin{bmatrix} 2 & 3 \\\\ 4 & 5 \\end{bmatrix}", "ok"),
                Map.entry("[exp(0.0), exp(1.0)] ≈ [1.0, 2.718]", "ok"),        // e = 2.71828
                Map.entry("[0.1 × 2, 0.3 × 3] = [0.2, 0.8]", "mismatch"),      // 0.3 × 3 = 0.9
                Map.entry("0.2 × 100% = 20%", "ok"),                           // 100% is 1, 20% is 0.2
                Map.entry("m = 5 × 5 = 24", "mismatch")));                     // the known erratum
        assertEquals(expected, verdicts);
    }

    @Test
    void aWrongElementIsTheOnlyOneFlaggedAndItsPropagationNamesItsOrigin() throws Exception {
        StatementCheck.Result result = check();
        Finding scale = result.findings().stream().filter(f -> result.statementOf(f).orElseThrow().text().startsWith("[0.1 × 2"))
                .findFirst().orElseThrow();
        assertEquals(List.of("ok", "mismatch"), scale.elements().stream().map(ElementVerdict::verdict).map(StatementCheckTest::word).toList());
        Finding u = result.findings().stream().filter(f -> result.statementOf(f).orElseThrow().text().startsWith("u ="))
                .findFirst().orElseThrow();
        assertEquals(List.of("y"), ((Verdict.Propagated) u.verdict()).origins());
        assertTrue(u.failsClaim());
    }

    @Test
    void theErratumIsKnownTheIllustrationLeftOutAndTheUncomputableNotUnderstood() throws Exception {
        StatementCheck.Result result = check();
        Finding m = result.findings().stream().filter(f -> f.step().equals("m")).findFirst().orElseThrow();
        assertFalse(m.failsClaim());
        assertEquals("25", m.erratum().orElseThrow().corrected().text());
        assertEquals(List.of("7 × 6 = 40"), result.outcomes().stream().filter(o -> o instanceof StatementCheck.Outcome.Exempt)
                .map(o -> o.statement().text()).toList());
        Map<String, String> notUnderstood = result.notUnderstood().stream().collect(Collectors.toMap(n -> n.statement().text(),
                StatementCheck.Outcome.NotUnderstood::reason));
        assertEquals(List.of("q = frobnicate(2, 3) = 5", "r = k × 2 = 6"), notUnderstood.keySet().stream().sorted().toList());
        assertTrue(notUnderstood.get("q = frobnicate(2, 3) = 5").contains("unknown function \"frobnicate\""));
        assertTrue(notUnderstood.get("r = k × 2 = 6").contains("unknown name \"k\""));
        assertEquals(16, result.statements().size());
    }

    @Test
    void aMarkedErratumThatIsRightFailsAndAQuoteOfNoStatementIsALocatedError() throws Exception {
        // the chapter now prints the right 25: an erratum mark on it must fail, as an erratum fixture the book has fixed
        Chapter chapter = new Chapter("c.md", Path.of("c.md"), "```\nm = 5 × 5 = 25\n```\n", List.of("```", "m = 5 × 5 = 25", "```"));
        StatementExceptions marked = new StatementExceptions(EXCEPTIONS, List.of(new StatementExceptions.Entry("5 × 5", java.util.Optional.empty(),
                "erratum", "thought wrong", java.util.Optional.of(org.bookcheck.fixture.PrintedValueParser.parse("25")), "/exceptions/0")),
                List.of());
        StatementCheck.Result result = StatementCheck.check(chapter, EXCEPTIONS, marked);
        assertEquals(List.of(), result.fixture().orElseThrow().errors(), result.outcomes().toString());
        assertTrue(result.findings().get(0).failsClaim());
        StatementExceptions.Read read = StatementExceptions.read(EXCEPTIONS);
        var errors = read.exceptions().unmatched(StatementFinder.find(chapter), read.json());
        // neither entry of the test book's file names a statement of this one-line chapter
        assertEquals(List.of("/exceptions/0/quote", "/exceptions/1/quote"), errors.stream().map(e -> e.pointer()).toList());
        // the entries' quotes stand on lines 5 and 10 of the file
        assertEquals(List.of(5, 10), errors.stream().map(e -> e.position().line()).toList());
        assertTrue(errors.get(0).message().contains("is in no statement"));
    }
}
