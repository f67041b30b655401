package org.bookcheck.check;

import static org.bookcheck.check.TempBook.assertContains;
import static org.bookcheck.check.TempBook.fixtureJson;
import static org.bookcheck.check.TempBook.holds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bookcheck.chapter.Span;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verdicts at the printed precision, carried rounding, propagation, slips, claims and anchoring,
 * each on a tiny chapter whose exact values are worked out by hand in the comments.
 */
class FixtureCheckerTest {

    @TempDir
    Path dir;
    private TempBook book;

    @BeforeEach
    void setUp() {
        book = new TempBook(dir);
    }

    private Finding onlyFinding(String id) {
        FixtureResult r = book.result(id);
        assertTrue(r.errors().isEmpty(), () -> "unexpected errors: " + r.errors());
        assertEquals(1, r.findings().size(), () -> "findings: " + r.findings());
        return r.findings().get(0);
    }

    private Finding finding(String id, String step) {
        return book.finding(id, step);
    }

    @Test
    void valueWithinHalfAUnitIsOkAndLocatedAtItsColumn() {
        // 1 / 3 = 0.3333..., printed 0.33: |0.3333 − 0.33| = 0.0033 ≤ 0.005.
        book.chapter("# T\n\nA third is 1/3 = 0.33 here.\n")
                .fixture("third", holds("third", "1/3 = 0.33", "{\"a\": 1, \"b\": 3}",
                        "[{\"name\": \"q\", \"op\": \"divide\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"0.33\"}]"));
        Finding f = onlyFinding("third");
        assertInstanceOf(Verdict.Ok.class, f.verdict());
        assertEquals(new Location("ch.md", 3, 18), f.location());
        assertTrue(book.check().passed());
    }

    @Test
    void wrongValueIsAMismatchWithTheFullRecord() {
        // 2 + 2 = 4, the chapter prints 5.
        book.chapter("Sum: 2 + 2 = 5.\n")
                .fixture("sum", holds("sum", "2 + 2 = 5", "{\"a\": 2, \"b\": 2}",
                        "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"5\"}]"));
        FixtureResult r = book.result("sum");
        assertFalse(r.passed());
        Finding f = r.findings().get(0);
        assertInstanceOf(Verdict.Mismatch.class, f.verdict());
        assertTrue(f.failsClaim());
        assertEquals(1.0, f.difference(), 1e-12);
        String failure = r.failures().get(0).text();
        assertContains(failure, "ch › sum › s at chapters/ch.md:1:14", "mismatch", "printed 5 but the exact value is 4",
                "quote:       2 + 2 = 5", "exact:       4", "calculation: s = add(a = a, b = b)");
        assertFalse(book.check().passed());
    }

    @Test
    void slipsAreNamed() {
        // exact 0.4978: rounds to 0.50, truncates to 0.49.
        book.chapter("Values: 0.49, -0.25, 2.5, 0.25.\n")
                .fixture("slips", holds("slips", "Values: 0.49, -0.25, 2.5, 0.25.", "{\"t\": 0.4978, \"s\": 0.25, \"p\": 0.25}", """
                        [{"name": "truncated", "op": "restate", "args": {"x": "t"}, "printed": "0.49"},
                         {"name": "sign", "op": "restate", "args": {"x": "s"}, "printed": "-0.25"},
                         {"name": "power", "op": "restate", "args": {"x": "p"}, "printed": "2.5"}]"""));
        assertEquals(List.of(new Slip.Truncated("0.50")), slips("slips", "truncated"));
        assertEquals(List.of(new Slip.SignDropped()), slips("slips", "sign"));
        assertEquals(List.of(new Slip.PowerOfTen(1)), slips("slips", "power"));
        assertContains(finding("slips", "truncated").explanation(), "truncated instead of rounded (rounding gives 0.50)");
        // −0.25 printed for 0.25; 2.5 printed for 0.25 = 2.5 / 10¹.
        assertContains(finding("slips", "sign").explanation(), "sign dropped (the exact value has the opposite sign)");
        assertContains(finding("slips", "power").explanation(), "off by a factor of 10^1 (a misplaced decimal point)");
    }

    @Test
    void copiedRowsAndTransposesAreNamed() {
        // W − 0.1·G: [[0.15, 0.23], [0.32, 0.41]]; the chapter copies row 1 into row 2, or transposes.
        String w = "\\\\begin{bmatrix} 0.1 & 0.2 \\\\\\\\ 0.3 & 0.4 \\\\end{bmatrix}";
        String g = "\\\\begin{bmatrix} -0.5 & -0.3 \\\\\\\\ -0.2 & -0.1 \\\\end{bmatrix}";
        book.chapter("""
                Copied: \\begin{bmatrix} 0.15 & 0.23 \\\\ 0.15 & 0.23 \\end{bmatrix}
                Swapped: \\begin{bmatrix} 0.15 & 0.32 \\\\ 0.23 & 0.41 \\end{bmatrix}
                """)
                .fixture("copy", holds("copy", "Copied:", "{\"W\": {\"printed\": \"" + w + "\"}, \"G\": {\"printed\": \"" + g + "\"}, \"eta\": 0.1}", """
                        [{"name": "copied", "op": "weight_update", "args": {"w": "W", "grad": "G", "lr": "eta"},
                          "printed": "\\\\begin{bmatrix} 0.15 & 0.23 \\\\\\\\ 0.15 & 0.23 \\\\end{bmatrix}",
                          "quote": "Copied: \\\\begin{bmatrix} 0.15 & 0.23 \\\\\\\\ 0.15 & 0.23 \\\\end{bmatrix}"},
                         {"name": "swapped", "op": "weight_update", "args": {"w": "W", "grad": "G", "lr": "eta"},
                          "printed": "\\\\begin{bmatrix} 0.15 & 0.32 \\\\\\\\ 0.23 & 0.41 \\\\end{bmatrix}",
                          "quote": "Swapped: \\\\begin{bmatrix} 0.15 & 0.32 \\\\\\\\ 0.23 & 0.41 \\\\end{bmatrix}"}]"""));
        assertEquals(List.of(new Slip.RowCopied(2, 1)), slips("copy", "copied"));
        assertEquals(List.of(new Slip.Transposed()), slips("copy", "swapped"));
        assertContains(finding("copy", "copied").explanation(), "row 2 is a copy of row 1");
        assertContains(finding("copy", "swapped").explanation(), "rows and columns swapped (the printed matrix is the transpose)");
        assertEquals("\\begin{bmatrix} 0.15 & 0.23 \\\\ 0.32 & 0.41 \\end{bmatrix}", finding("copy", "copied").exactRounded());
    }

    private List<Slip> slips(String id, String step) {
        return assertInstanceOf(Verdict.Mismatch.class, finding(id, step).verdict()).slips();
    }

    @Test
    void roundingCarriedForwardIsOkAndSaidSo() {
        // exact: 1/3 · 3 = 1.00; the book rounds 1/3 to 0.33 and carries it: 0.33 · 3 = 0.99.
        book.chapter("Third 0.33, times three 0.99.\n")
                .fixture("carry", holds("carry", "Third 0.33, times three 0.99.", "{\"one\": 1, \"three\": 3}", """
                        [{"name": "third", "op": "divide", "args": {"a": "one", "b": "three"}, "printed": "0.33"},
                         {"name": "back", "op": "scale", "args": {"x": "third", "s": "three"}, "printed": "0.99"}]"""));
        Finding back = finding("carry", "back");
        Verdict.OkRoundingCarried v = assertInstanceOf(Verdict.OkRoundingCarried.class, back.verdict());
        assertEquals(List.of("third"), v.carriedFrom());
        assertEquals(0.99, v.carriedValue(), 1e-12);
        assertEquals("ok (rounding carried)", v.label());
        assertContains(back.explanation(), "the exact chain gives 1", "[0.985, 0.995]", "rounded step \"third\" (line 1)", "gives 0.99",
                "rounding carried forward");
        assertTrue(book.check().passed());
    }

    @Test
    void anErrorThatFollowsFromAnEarlierWrongValueIsPropagated() {
        // exact: 1 + 1 = 2 and 2·2 = 4; the book prints 3 and then, correctly from it, 6.
        book.chapter("First 3, then 6.\n")
                .fixture("chain", holds("chain", "First 3, then 6.", "{\"one\": 1, \"two\": 2}", """
                        [{"name": "a", "op": "add", "args": {"a": "one", "b": "one"}, "printed": "3"},
                         {"name": "b", "op": "scale", "args": {"x": "a", "s": "two"}, "printed": "6"}]"""));
        assertInstanceOf(Verdict.Mismatch.class, finding("chain", "a").verdict());
        Verdict.Propagated p = assertInstanceOf(Verdict.Propagated.class, finding("chain", "b").verdict());
        assertEquals(List.of("a"), p.origins());
        BookReport report = book.check();
        assertEquals(List.of("a"), report.origins().stream().map(Finding::step).toList());
        assertEquals(List.of("b"), report.propagated().stream().map(Finding::step).toList());
        assertContains(finding("chain", "b").explanation(), "follows correctly from the book's wrong step \"a\"", "fix that first");
    }

    @Test
    void knownErratumPassesWhileTheBookIsStillWrong() {
        book.chapter("Sum: 2 + 2 = 5.\n").fixture("sum", erratum("5"));
        FixtureResult r = book.result("sum");
        assertTrue(r.passed(), () -> r.failures().toString());
        assertEquals(Expectation.MUST_BE_WRONG, r.findings().get(0).expectation());
    }

    @Test
    void fixedErratumFailsAndAsksToDropTheMark() {
        book.chapter("Sum: 2 + 2 = 4.\n").fixture("sum", erratum("4").replace("= 5", "= 4"));
        FixtureResult r = book.result("sum");
        assertFalse(r.passed());
        assertContains(r.failures().get(0).text(), "marked as an erratum, but the book now prints the right value", "Drop the erratum mark for step \"s\"");
    }

    private static String erratum(String printed) {
        return fixtureJson("sum", "2 + 2 = 5", """
                "claim": "erratum", "errata": [{"step": "s", "explanation": "two and two make four", "corrected": "4"}]""",
                "{\"a\": 2, \"b\": 2}",
                "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"" + printed + "\"}]");
    }

    @Test
    void aWrongCorrectionIsAnError() {
        book.chapter("Sum: 2 + 2 = 5.\n").fixture("sum", erratum("5").replace("\"corrected\": \"4\"", "\"corrected\": \"3\""));
        FixtureResult r = book.result("sum");
        assertTrue(r.invalid());
        assertContains(r.errors().get(0).render(dir), "field errata[0].corrected", "the correction 3 for step \"s\" is itself wrong",
                "the exact value is 4");
    }

    @Test
    void illustrativeMismatchesAreReportedNotFatal() {
        book.chapter("Sum: 2 + 2 = 5.\n").fixture("sum", fixtureJson("sum", "2 + 2 = 5",
                "\"claim\": \"illustrative\", \"note\": \"the book says the numbers are made up\"", "{\"a\": 2, \"b\": 2}",
                "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"5\"}]"));
        FixtureResult r = book.result("sum");
        assertTrue(r.passed());
        assertInstanceOf(Verdict.Mismatch.class, r.findings().get(0).verdict());
        assertEquals("~", FindingText.mark(r.findings().get(0)));
    }

    @Test
    void statedToleranceAcceptsWhatThePrecisionDoesNot() {
        // 1000/32 = 31.25 written as "about 31.4": |31.25 − 31.4| = 0.15 > 0.05, but within the stated 0.2.
        book.chapter("About 31.4 batches.\n").fixture("approx", holds("approx", "About 31.4 batches.", "{\"n\": 1000, \"b\": 32}", """
                [{"name": "q", "op": "divide", "args": {"a": "n", "b": "b"}, "printed": "31.4",
                  "tolerance": {"abs": 0.2, "why": "the book writes about"}}]"""));
        Verdict.OkWithinTolerance v = assertInstanceOf(Verdict.OkWithinTolerance.class, onlyFinding("approx").verdict());
        assertEquals(0.2, v.tolerance().absolute());
    }

    @Test
    void percentagesFractionsAndQualitativeClaims() {
        // 1/4 = 25% = 2/8; "it decreased" from 2 to 3 is false.
        book.chapter("A quarter is 25% or 2/8, and it decreased.\n").fixture("forms", holds("forms",
                "A quarter is 25% or 2/8, and it decreased.", "{\"one\": 1, \"four\": 4, \"before\": 2, \"after\": 3}", """
                [{"name": "q", "op": "divide", "args": {"a": "one", "b": "four"}, "printed": "25%"},
                 {"name": "f", "op": "restate", "args": {"x": "q"}, "printed": "2/8"},
                 {"name": "d", "op": "less", "args": {"a": "after", "b": "before"}, "printed": "true"}]"""));
        assertInstanceOf(Verdict.Ok.class, finding("forms", "q").verdict());
        assertInstanceOf(Verdict.Ok.class, finding("forms", "f").verdict());
        assertInstanceOf(Verdict.Mismatch.class, finding("forms", "d").verdict());
    }

    @Test
    void shapeMismatchNamesBothShapesAndTheStep() {
        book.chapter("Product [1, 2].\n").fixture("shape", holds("shape", "Product [1, 2].",
                "{\"A\": [[1, 2, 3], [4, 5, 6]], \"B\": [[1, 0], [0, 1]]}",
                "[{\"name\": \"C\", \"op\": \"matmul\", \"args\": {\"a\": \"A\", \"b\": \"B\"}, \"printed\": \"[1, 2]\"}]"));
        FixtureResult r = book.result("shape");
        assertTrue(r.invalid());
        assertContains(r.errors().get(0).render(dir), "fixtures/ch/shape.json:8:", "field steps[0]", "step \"C\" (C = matmul(a = A, b = B))",
                "matmul: A is 2×3, B is 2×2: columns of A must equal rows of B");
    }

    @Test
    void wrongKindOfArgumentIsNamed() {
        book.chapter("Scores [1, 2].\n").fixture("kind", holds("kind", "Scores [1, 2].", "{\"x\": [1, 2]}",
                "[{\"name\": \"t\", \"op\": \"transpose\", \"args\": {\"a\": \"x\"}, \"printed\": \"[1, 2]\"}]"));
        assertContains(book.result("kind").errors().get(0).render(dir), "field steps[0].args",
                "transpose: argument \"a\" must be a matrix, but it is a vector (vector of length 2)");
    }

    @Test
    void printedShapeMustMatchTheComputedOne() {
        book.chapter("Probabilities [[0.5, 0.5], [0.5, 0.5]].\n").fixture("printed", holds("printed", "Probabilities",
                "{\"x\": [1, 2, 3]}",
                "[{\"name\": \"p\", \"op\": \"softmax\", \"args\": {\"x\": \"x\"}, \"printed\": \"[[0.5, 0.5], [0.5, 0.5]]\"}]"));
        assertContains(book.result("printed").errors().get(0).render(dir), "field steps[0].printed",
                "the book prints a 2×2 matrix ([[0.5, 0.5], [0.5, 0.5]]) but the step computes a vector (vector of length 3)");
    }

    @Test
    void printedValueMustBeInTheQuote() {
        book.chapter("Sum: 2 + 2 = 4.\n").fixture("sum", holds("sum", "Sum:", "{\"a\": 2, \"b\": 2}",
                "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"4\"}]"));
        assertContains(book.result("sum").errors().get(0).render(dir), "field steps[0].printed",
                "the book's quote does not contain \"4\" of the printed value 4");
    }

    @Test
    void vanishedQuoteFailsWithTheClosestLine() {
        book.chapter("# Sums\n\nTwo and two: 2 + 2 = 4 exactly.\n\nOther text.\n")
                .fixture("sum", holds("sum", "2 + 2 = 5 exactly", "{\"a\": 2, \"b\": 2}",
                        "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"5\"}]"));
        FixtureResult r = book.result("sum");
        assertFalse(r.passed());
        assertContains(r.failures().get(0).text(), "ch › sum: the quote \"2 + 2 = 5 exactly\"", "no longer occurs in chapters/ch.md",
                "The closest line is 3: \"Two and two: 2 + 2 = 4 exactly.\"", "update the quote");
    }

    @Test
    void ambiguousQuoteAsksForAnOccurrence() {
        book.chapter("x = 4\nand again x = 4\n").fixture("sum", holds("sum", "x = 4", "{\"a\": 2, \"b\": 2}",
                "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"4\"}]"));
        assertContains(book.result("sum").errors().get(0).render(dir), "field quote", "occurs 2 times", "lines 1, 2",
                "add \"occurrence\": N");
        book.fixture("sum", holds("sum", "x = 4", "{\"a\": 2, \"b\": 2}",
                "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"4\"}]").replace(
                "\"claim\"", "\"occurrence\": 2, \"claim\""));
        assertEquals(2, onlyFinding("sum").location().line());
    }

    @Test
    void missingChapterAndDuplicateIdsAreErrors() {
        book.chapter("Sum: 2 + 2 = 4.\n")
                .fixture("sum", holds("sum", "2 + 2 = 4", "{\"a\": 2, \"b\": 2}",
                        "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"4\"}]"))
                .chapter("other.md", "Sum: 2 + 2 = 4.\n")
                .fixture("other", "sum", holds("sum", "2 + 2 = 4", "{\"a\": 2, \"b\": 2}",
                        "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"4\"}]")
                        .replace("\"ch.md\"", "\"other.md\""))
                .fixture("gone", "lost", holds("lost", "2 + 2 = 4", "{\"a\": 2, \"b\": 2}",
                        "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"4\"}]")
                        .replace("\"ch.md\"", "\"gone.md\""));
        BookReport report = book.check();
        String all = String.join("\n", report.results().stream().flatMap(r -> r.errors().stream()).map(e -> e.render(dir)).toList());
        assertContains(all, "fixtures/other/sum.json:2:", "duplicate id \"sum\": fixtures/ch/sum.json already uses it",
                "fixtures/gone/lost.json", "the chapter chapters/gone.md does not exist (chapters here: ch.md, other.md)");
        assertEquals(2, report.invalid());
    }

    @Test
    void strayFilesAreNotedNotSkippedSilently() {
        book.chapter("Sum: 2 + 2 = 4.\n").fixture("sum", holds("sum", "2 + 2 = 4", "{\"a\": 2, \"b\": 2}",
                        "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"4\"}]"))
                .file("fixtures/ch/sum.jsn", "{}");
        assertEquals(List.of("ignored fixtures/ch/sum.jsn: not a fixture (fixtures are .json files)"), book.check().notes());
    }

    @Test
    void anchoredInputsAreLocatedAndChecked() {
        book.chapter("Given x = 2.\nThen x + x = 4.\n").fixture("given", holds("given", "x + x = 4",
                "{\"x\": {\"value\": 2, \"quote\": \"Given x = 2.\"}}",
                "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"x\", \"b\": \"x\"}, \"printed\": \"4\"}]"));
        FixtureResult r = book.result("given");
        assertEquals(List.of(new FixtureResult.Given("x", new Location("ch.md", 1, 11), "Given x = 2.",
                List.of(new Span(1, 11, 12)))), r.givens());
        book.fixture("given", holds("given", "x + x = 4", "{\"x\": {\"value\": 3, \"quote\": \"Given x = 2.\"}}",
                "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"x\", \"b\": \"x\"}, \"printed\": \"4\"}]"));
        assertContains(book.result("given").errors().get(0).render(dir), "input \"x\": the book's quote does not contain \"3\" of the printed value 3 as a number of its own (it holds the numbers 2)");
    }

    @Test
    void waiversMustStandInTheChapter() {
        book.chapter("Typically 32, 64, or 128.\n")
                .file("fixtures/ch/waivers.json", """
                        {"chapter": "ch.md", "waivers": [
                          {"quote": "Typically 32, 64, or 128.", "numbers": ["32", "64", "128"], "reason": "typical sizes"},
                          {"quote": "Typically 32, 64, or 256.", "numbers": ["256"], "reason": "gone"},
                          {"quote": "Typically 32", "numbers": ["99"], "reason": "not in the quote"}
                        ]}""");
        WaiverResult w = book.check().waivers().get(0);
        assertEquals(3, w.numberCount());
        String all = String.join("\n", w.errors().stream().map(e -> e.render(dir)).toList());
        assertContains(all, "fixtures/ch/waivers.json:4:", "no longer occurs", "the closest line is 1",
                "the waived number \"99\" does not occur in the quote");
        assertFalse(book.check().passed());
    }
}
