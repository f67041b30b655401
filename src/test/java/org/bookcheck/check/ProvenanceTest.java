package org.bookcheck.check;

import static org.bookcheck.check.TempBook.assertContains;
import static org.bookcheck.check.TempBook.holds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bookcheck.coverage.CoverageAnalyzer;
import org.bookcheck.coverage.Mark;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-element provenance and what the book's own printed inputs make of a value, each on a tiny chapter
 * whose exact values are worked out by hand in the comments.
 */
class ProvenanceTest {

    @TempDir
    Path dir;
    private TempBook book;

    @BeforeEach
    void setUp() {
        book = new TempBook(dir);
    }

    private Finding finding(String id, String step) {
        return book.finding(id, step);
    }

    /**
     * Q and K all zeros, so every score is 0 and each query weighs the three values equally: every
     * element of softmax(QKᵀ/√2)V with V = [[1, 0], [0, 1], [0, 0]] is 1/3. The book prints row 0 as
     * [0.5, 0.33] (0.5 is wrong) and row 1 as [0.33, 0.33] (right).
     */
    private void attentionBook() {
        book.chapter("""
                O = [[0.5, 0.33], [0.33, 0.33]]
                Row 1 sums to 0.66.
                Row 0 sums to 0.83.
                """).fixture("attn", holds("attn", "O = [[0.5, 0.33], [0.33, 0.33]]",
                "{\"Q\": [[0, 0], [0, 0]], \"K\": [[0, 0], [0, 0], [0, 0]], \"V\": [[1, 0], [0, 1], [0, 0]], \"one\": 1, \"zero\": 0}", """
                [{"name": "O", "op": "attention", "args": {"q": "Q", "k": "K", "v": "V"}, "printed": "[[0.5, 0.33], [0.33, 0.33]]"},
                 {"name": "r1", "op": "row", "args": {"a": "O", "index": "one"}},
                 {"name": "s1", "op": "sum", "args": {"x": "r1"}, "printed": "0.66", "quote": "Row 1 sums to 0.66."},
                 {"name": "r0", "op": "row", "args": {"a": "O", "index": "zero"}},
                 {"name": "s0", "op": "sum", "args": {"x": "r0"}, "printed": "0.83", "quote": "Row 0 sums to 0.83."}]"""));
    }

    @Test
    void aSumOfTheRightRowIsNotBlamedOnTheWrongRow() {
        attentionBook();
        // Exact 2/3 = 0.667; from the printed row 1, 0.33 + 0.33 = 0.66: rounding carried, no error.
        Verdict.OkRoundingCarried v = assertInstanceOf(Verdict.OkRoundingCarried.class, finding("attn", "s1").verdict());
        assertEquals(List.of("O"), v.carriedFrom());
        assertEquals(0.66, v.carriedValue(), 1e-12);
    }

    @Test
    void aSumOfTheWrongRowFollowsFromItsWrongElement() {
        attentionBook();
        // From the printed row 0, 0.5 + 0.33 = 0.83, which is printed: it follows from O[0][0] alone.
        Verdict.Propagated p = assertInstanceOf(Verdict.Propagated.class, finding("attn", "s0").verdict());
        assertEquals(List.of("O"), p.origins());
        assertEquals(List.of(new ElementRef("O", 0, "[0][0]")), p.from());
        assertContains(finding("attn", "s0").explanation(), "follows correctly from the book's wrong step \"O\"", "\"O\"[0][0]");
    }

    @Test
    void aMatrixWithRightAndWrongElementsIsReportedElementByElement() {
        attentionBook();
        Finding o = finding("attn", "O");
        assertInstanceOf(Verdict.Mismatch.class, o.verdict());
        assertEquals(List.of("[0][0]", "[0][1]", "[1][0]", "[1][1]"), o.elements().stream().map(ElementVerdict::position).toList());
        assertEquals(List.of("mismatch", "ok", "ok", "ok"), o.elements().stream().map(e -> e.verdict().label()).toList());
        assertContains(o.explanation(), "by element: [0][0] mismatch, [0][1] ok, [1][0] ok, [1][1] ok");
    }

    @Test
    void anElementRightUpToCarriedRoundingIsMarkedAsHoldingBesideAWrongOne() {
        // [1, 1] / [3, 2] = [0.333, 0.5], printed [0.33, 0.5]; times 3: exact [1.00, 1.5]. From the printed
        // 0.33 the book gets 0.99 (rounding carried: ok), but 1.6 is wrong (exact and from the book: 1.5).
        book.chapter("Ratios [0.33, 0.5], tripled [0.99, 1.6].\n").fixture("carry", holds("carry", "Ratios [0.33, 0.5], tripled [0.99, 1.6].",
                "{\"one\": [1, 1], \"d\": [3, 2], \"three\": 3}", """
                [{"name": "r", "op": "divide", "args": {"a": "one", "b": "d"}, "printed": "[0.33, 0.5]"},
                 {"name": "t", "op": "scale", "args": {"x": "r", "s": "three"}, "printed": "[0.99, 1.6]"}]"""));
        Finding t = finding("carry", "t");
        assertEquals(List.of("ok (rounding carried)", "mismatch"), t.elements().stream().map(e -> e.verdict().label()).toList());
        assertEquals(Mark.HOLDS, CoverageAnalyzer.elementMark(t, 0));
        assertEquals(Mark.WRONG, CoverageAnalyzer.elementMark(t, 1));
    }

    @Test
    void aPrintedZeroIsNoMisplacedDecimalPoint() {
        // 0.249 printed as 0.0: 0.0 stands for [−0.05, 0.05], which holds 0.249·10⁻⁶, but a zero shows no decimal slip.
        book.chapter("Gradient 0.0 here.\n").fixture("zero", holds("zero", "Gradient 0.0 here.", "{\"g\": 0.249}",
                "[{\"name\": \"z\", \"op\": \"restate\", \"args\": {\"x\": \"g\"}, \"printed\": \"0.0\"}]"));
        Verdict.Mismatch m = assertInstanceOf(Verdict.Mismatch.class, finding("zero", "z").verdict());
        assertEquals(List.of(), m.slips());
        assertTrue(!finding("zero", "z").explanation().contains("factor"), finding("zero", "z").explanation());
    }

    /** p is exactly x; the book prints it as 0.251 on line 1 and works −ln p from that printed 0.251 on line 2. */
    private void logBook(String x) {
        book.chapter("""
                P(C) = 0.251
                L = -log(0.251) ≈ 1.383
                """).fixture("loss", holds("loss", "L = -log(0.251) ≈ 1.383", "{\"x\": " + x + ", \"minus\": -1}", """
                [{"name": "p", "op": "restate", "args": {"x": "x"}, "printed": "0.251", "quote": "P(C) = 0.251"},
                 {"name": "lnp", "op": "ln", "args": {"x": "p"}},
                 {"name": "L", "op": "scale", "args": {"x": "lnp", "s": "minus"}, "printed": "1.383"}]"""));
    }

    @Test
    void aResultRightForNeitherChainSaysBothAndNamesTheInput() {
        // Exact: −ln 0.25068 = 1.383578 (1.384); from the book's 0.251: −ln 0.251 = 1.382302 (1.382); printed 1.383.
        logBook("0.25068");
        Finding l = finding("loss", "L");
        Verdict.Mismatch m = assertInstanceOf(Verdict.Mismatch.class, l.verdict());
        // 1.383 is 1.383578 cut off, but against what the line itself computes (1.382302) it is no truncation.
        assertEquals(List.of(), m.slips());
        assertContains(l.explanation(), "the exact value is 1.38358", "1.384 at the printed precision",
                "from the book's own 0.251 (step \"p\" on line 1, exactly 0.25068) it gives 1.3823 (1.382 at the printed precision)",
                "which the line shows");
        // The correction that makes the line true is the value from the printed 0.251.
        Proposal.Replace r = assertInstanceOf(Proposal.Replace.class, l.elements().get(0).proposal());
        assertEquals(1.3823023398503531, r.value(), 1e-12);
    }

    @Test
    void aRightResultThatTheLineDoesNotShowIsSaidToBeSo() {
        // Exact: −ln 0.2508 = 1.383099 (1.383, as printed); from the printed 0.251 the line gives 1.382302 (1.382).
        logBook("0.2508");
        Finding l = finding("loss", "L");
        assertInstanceOf(Verdict.Ok.class, l.verdict());
        assertContains(l.explanation(), "stands for the exact 1.3831", "but from the book's own 0.251 (step \"p\" on line 1, exactly 0.2508)",
                "gives 1.3823 (1.382 at the printed precision)", "the line is not true as written");
    }

    @Test
    void aLineWhoseOwnInputLeavesTheDomainNeedsRewriting() {
        // p = 0.00004 prints as 0.0 (right at one decimal), but the line works −ln from that 0.0, which has no value;
        // the exact −ln 0.00004 = 10.1266 (10.1), the book prints 9.9: no edit of 9.9 alone makes the line true.
        book.chapter("p = 0.0\nL = -log(0.0) = 9.9\n").fixture("domain", holds("domain", "L = -log(0.0) = 9.9", "{\"x\": 0.00004, \"minus\": -1}", """
                [{"name": "p", "op": "restate", "args": {"x": "x"}, "printed": "0.0", "quote": "p = 0.0"},
                 {"name": "lnp", "op": "ln", "args": {"x": "p"}},
                 {"name": "L", "op": "scale", "args": {"x": "lnp", "s": "minus"}, "printed": "9.9"}]"""));
        Finding l = finding("domain", "L");
        assertInstanceOf(Verdict.Mismatch.class, l.verdict());
        Proposal.Rewrite r = assertInstanceOf(Proposal.Rewrite.class, l.elements().get(0).proposal());
        assertContains(r.why(), "0.0 (step \"p\")", "the calculation has no value", "10.1266");
    }

    @Test
    void valuesInSentencesHaveTheDigitsToTellThemApart() {
        // printed 0.10001765 has 8 significant digits, so values beside it get 10.
        org.bookcheck.fixture.PrintedNumber printed = org.bookcheck.fixture.PrintedNumber.ofDecimal("0.10001765",
                new java.math.BigDecimal("0.10001765"));
        assertEquals(10, ValueText.digitsBeside(printed));
        assertEquals("0.1000176498", ValueText.exact(0.10001764979, ValueText.digitsBeside(printed)));
        // 0.1000176490 and 0.1000176498 read alike up to 8 digits (0.10001765) and differ at the 9th.
        assertEquals(9, ValueText.digitsApart(0.1000176490, 0.1000176498, 6));
    }

    /**
     * x = [1, 2, ..., n] printed with 5 for 1 and 7 for 2; y restates x and prints the same list, so y[0] and y[1]
     * follow from the wrong x[0] and x[1].
     */
    private Finding restatedList(int n) {
        return restatedList(n, "");
    }

    private Finding restatedList(int n, String more) {
        StringBuilder exact = new StringBuilder("[");
        StringBuilder shown = new StringBuilder("[");
        for (int i = 1; i <= n; i++) {
            exact.append(i > 1 ? ", " : "").append(i);
            shown.append(i > 1 ? ", " : "").append(i == 1 ? 5 : i == 2 ? 7 : i);
        }
        String list = shown.append("]").toString();
        book.chapter("x = " + list + "\ny = " + list + "\nz = 7\n").fixture("big", holds("big", "y = " + list, "{\"v\": " + exact.append("]") + "}", """
                [{"name": "x", "op": "restate", "args": {"x": "v"}, "printed": "%s", "quote": "x = %s"},
                 {"name": "y", "op": "restate", "args": {"x": "x"}, "printed": "%s"}%s]""".formatted(list, list, list, more)));
        return finding("big", "y");
    }

    @Test
    void aValueOfUpTo250000ReadsIsFollowedElementByElement() {
        // Restating 500 elements reads 500 × 500 = 250,000 elements: y[0] follows from x[0] alone.
        Finding y = restatedList(500);
        Verdict.Propagated p = assertInstanceOf(Verdict.Propagated.class, y.elements().get(0).verdict());
        assertEquals(List.of(new ElementRef("x", 0, "[0]")), p.from());
        assertInstanceOf(Verdict.Ok.class, y.elements().get(2).verdict());
    }

    @Test
    void aLargerValueIsFollowedAsAWhole() {
        // 600 × 600 = 360,000 reads: too many to follow, so every element of y stands for every source of x.
        Finding y = restatedList(600);
        Verdict.Propagated p = assertInstanceOf(Verdict.Propagated.class, y.elements().get(0).verdict());
        assertEquals(List.of(new ElementRef("x", 0, "[0]"), new ElementRef("x", 1, "[1]")), p.from());
    }

    @Test
    void anElementOfAValueFollowedAsAWholeFollowsFromAllItsSources() {
        // z = y[1], printed 7 (exact 2): the book's y[1] is 7, and y, too large to follow, stands for x[0] and x[1].
        restatedList(600, ", {\"name\": \"z\", \"expr\": \"y[1]\", \"printed\": \"7\", \"quote\": \"z = 7\"}");
        Verdict.Propagated p = assertInstanceOf(Verdict.Propagated.class, finding("big", "z").verdict());
        assertEquals(List.of(new ElementRef("x", 0, "[0]"), new ElementRef("x", 1, "[1]")), p.from());
    }
}
