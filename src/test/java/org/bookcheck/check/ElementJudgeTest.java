package org.bookcheck.check;

import static org.bookcheck.check.TempBook.assertContains;
import static org.bookcheck.check.TempBook.holds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corrections {@link ElementJudge} proposes, the printed inputs it names as off, the slips it looks for
 * against the book's own chain, and its verdict on a truth value: each on a tiny chapter whose values are
 * worked out by hand in the comments.
 */
class ElementJudgeTest {

    private static final String EXACT = "the exact chain";
    private static final String BOOK = "the book's own printed inputs";

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

    private List<Slip> slips(String id, String step) {
        return assertInstanceOf(Verdict.Mismatch.class, finding(id, step).verdict()).slips();
    }

    @Test
    void aWrongValueWithNoPrintedInputIsCorrectedToTheExactValue() {
        // 2 + 2 = 4, printed 5; the inputs are the fixture's own, nothing printed upstream.
        book.chapter("Sum: 2 + 2 = 5.\n").fixture("sum", holds("sum", "2 + 2 = 5", "{\"a\": 2, \"b\": 2}",
                "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"5\"}]"));
        assertEquals(List.of(new ElementVerdict(0, "", new Verdict.Mismatch(List.of()), new Proposal.Replace(4.0, EXACT))),
                finding("sum", "s").elements());
    }

    @Test
    void anOffInputTheLineDoesNotShowLeavesTheExactValueAsTheCorrection() {
        // p is exactly 0.25068, printed 0.251 on line 1 (right at three decimals). Line 2 prints only the result:
        // exact −ln 0.25068 = 1.383578 (1.384); from the printed 0.251, −ln 0.251 = 1.382302 (1.382); printed 1.380.
        book.chapter("P(C) = 0.251\nThe loss is 1.380\n").fixture("loss", holds("loss", "The loss is 1.380", "{\"x\": 0.25068, \"minus\": -1}", """
                [{"name": "p", "op": "restate", "args": {"x": "x"}, "printed": "0.251", "quote": "P(C) = 0.251"},
                 {"name": "lnp", "op": "ln", "args": {"x": "p"}},
                 {"name": "L", "op": "scale", "args": {"x": "lnp", "s": "minus"}, "printed": "1.380"}]"""));
        Finding l = finding("loss", "L");
        assertInstanceOf(Verdict.Mismatch.class, l.verdict());
        Proposal.Replace r = assertInstanceOf(Proposal.Replace.class, l.elements().get(0).proposal());
        assertEquals(1.3835781, r.value(), 1e-6);
        assertEquals(EXACT, r.basis());
        assertContains(l.explanation(), "from the book's own 0.251 (step \"p\" on line 1, exactly 0.25068) it gives 1.3823");
        assertFalse(l.explanation().contains("which the line shows"), l.explanation());
    }

    @Test
    void anInputPrintedAtItsExactValueIsNotOff() {
        // a = 4 is printed as 4 (exact); b is exactly 0.25068, printed 0.251 on its own line. The line shows
        // "4 × b": exact 4 · 0.25068 = 1.00272 (1.003), from the book 4 · 0.251 = 1.004; printed 1.010.
        // The only input that is off (0.251) is not on the line, so the correction is the exact value.
        book.chapter("a = 4\nb = 0.251\n4 × b = 1.010\n").fixture("prod", holds("prod", "4 × b = 1.010", "{\"four\": 4, \"x\": 0.25068}", """
                [{"name": "a", "op": "restate", "args": {"x": "four"}, "printed": "4", "quote": "a = 4"},
                 {"name": "b", "op": "restate", "args": {"x": "x"}, "printed": "0.251", "quote": "b = 0.251"},
                 {"name": "c", "op": "scale", "args": {"x": "b", "s": "a"}, "printed": "1.010"}]"""));
        Finding c = finding("prod", "c");
        assertInstanceOf(Verdict.Mismatch.class, c.verdict());
        Proposal.Replace r = assertInstanceOf(Proposal.Replace.class, c.elements().get(0).proposal());
        assertEquals(1.00272, r.value(), 1e-9);
        assertEquals(EXACT, r.basis());
        assertContains(c.explanation(), "from the book's own 0.251 (step \"b\" on line 2, exactly 0.25068) it gives 1.004");
        assertFalse(c.explanation().contains("(step \"a\""), c.explanation());
    }

    @Test
    void anInputOffByLessThanNoiseRelativeToItsSizeIsNotOff() {
        // a is 1000.0000001, printed 1000: off by 1e-7, which is below the noise 1e-9 × 1000 = 1e-6 of a number of
        // that size. b is exactly 0.25068, printed 0.251 on its own line. "1000 × b": exact 250.68001 (250.7), from
        // the book 251.0; printed 250.0. No off input on the line, so the correction is the exact value.
        book.chapter("a = 1000\nb = 0.251\n1000 × b = 250.0\n").fixture("prod", holds("prod", "1000 × b = 250.0",
                "{\"big\": 1000.0000001, \"x\": 0.25068}", """
                [{"name": "a", "op": "restate", "args": {"x": "big"}, "printed": "1000", "quote": "a = 1000"},
                 {"name": "b", "op": "restate", "args": {"x": "x"}, "printed": "0.251", "quote": "b = 0.251"},
                 {"name": "c", "op": "scale", "args": {"x": "b", "s": "a"}, "printed": "250.0"}]"""));
        Finding c = finding("prod", "c");
        Proposal.Replace r = assertInstanceOf(Proposal.Replace.class, c.elements().get(0).proposal());
        assertEquals(250.68000002507, r.value(), 1e-9);
        assertEquals(EXACT, r.basis());
        assertFalse(c.explanation().contains("(step \"a\""), c.explanation());
    }

    @Test
    void anOffInputTheLineShowsMakesTheBooksValueTheCorrection() {
        // As above, but the line shows 0.251 itself: 4 × 0.251 = 1.010, which the book's inputs make 1.004.
        book.chapter("a = 4\nb = 0.251\n4 × 0.251 = 1.010\n").fixture("prod", holds("prod", "4 × 0.251 = 1.010", "{\"four\": 4, \"x\": 0.25068}", """
                [{"name": "a", "op": "restate", "args": {"x": "four"}, "printed": "4", "quote": "a = 4"},
                 {"name": "b", "op": "restate", "args": {"x": "x"}, "printed": "0.251", "quote": "b = 0.251"},
                 {"name": "c", "op": "scale", "args": {"x": "b", "s": "a"}, "printed": "1.010"}]"""));
        Finding c = finding("prod", "c");
        Proposal.Replace r = assertInstanceOf(Proposal.Replace.class, c.elements().get(0).proposal());
        assertEquals(1.004, r.value(), 1e-9);
        assertEquals(BOOK, r.basis());
        assertContains(c.explanation(), ", which the line shows");
    }

    @Test
    void offInputsAreNamedFarthestOffFirstRelativeToTheirSize() {
        // B is exactly 10.04, printed 10.0 (off by 0.4%); A is exactly 0.0104, printed 0.01 (off by 3.8%).
        // B + A: exact 10.0504 (10.05), from the book 10.01; printed 10.09. A is named first though its
        // absolute difference (0.0004) is the smaller one.
        book.chapter("B = 10.0\nA = 0.01\nB + A = 10.09\n").fixture("sum", holds("sum", "B + A = 10.09", "{\"b\": 10.04, \"a\": 0.0104}", """
                [{"name": "B", "op": "restate", "args": {"x": "b"}, "printed": "10.0", "quote": "B = 10.0"},
                 {"name": "A", "op": "restate", "args": {"x": "a"}, "printed": "0.01", "quote": "A = 0.01"},
                 {"name": "S", "op": "add", "args": {"a": "B", "b": "A"}, "printed": "10.09"}]"""));
        String text = finding("sum", "S").explanation();
        assertContains(text, "from the book's own 0.01 (step \"A\" on line 2, exactly 0.0104), 10.0 (step \"B\" on line 1, exactly 10.04) it gives 10.01");
    }

    @Test
    void aSlipIsLookedForInTheBooksOwnChainWhenThatDiffersAtThePrintedPrecision() {
        // a is exactly 0.2441, printed 0.24 (right); 2a: exact 0.4882 (0.49), from the book 0.48. Printed −0.48:
        // the sign of the book's own 0.48 dropped (against the exact 0.49 it is no lost sign).
        book.chapter("a = 0.24\nTwice a is -0.48\n").fixture("twice", holds("twice", "Twice a is -0.48", "{\"x\": 0.2441, \"two\": 2}", """
                [{"name": "a", "op": "restate", "args": {"x": "x"}, "printed": "0.24", "quote": "a = 0.24"},
                 {"name": "b", "op": "scale", "args": {"x": "a", "s": "two"}, "printed": "-0.48"}]"""));
        assertEquals(List.of(new Slip.SignDropped()), slips("twice", "b"));
    }

    @Test
    void aSlipIsLookedForInTheExactChainWhenTheBooksOwnGivesTheSameAtThePrintedPrecision() {
        // a is exactly 0.2489, printed 0.25; 2a: exact 0.4978 and from the book 0.50, both 0.50 at two decimals.
        // Printed 0.49 is the exact 0.4978 truncated (it is no truncation of the book's 0.50).
        book.chapter("a = 0.25\nTwice a is 0.49\n").fixture("twice", holds("twice", "Twice a is 0.49", "{\"x\": 0.2489, \"two\": 2}", """
                [{"name": "a", "op": "restate", "args": {"x": "x"}, "printed": "0.25", "quote": "a = 0.25"},
                 {"name": "b", "op": "scale", "args": {"x": "a", "s": "two"}, "printed": "0.49"}]"""));
        assertEquals(List.of(new Slip.Truncated("0.50")), slips("twice", "b"));
    }

    @Test
    void slipsAreLookedForOnlyInTheWrongElements() {
        // [1, 1] / [3, 2] printed [0.33, 0.5]; times 3: exact [1.00, 1.5], from the book [0.99, 1.5]. Printed
        // [0.99, -1.5]: element 0 is rounding carried, element 1 has lost its sign. Element 0 (0.99 against 1.00)
        // shows no lost sign, so it must not be part of the slip search.
        book.chapter("Ratios [0.33, 0.5], tripled [0.99, -1.5].\n").fixture("carry", holds("carry", "Ratios [0.33, 0.5], tripled [0.99, -1.5].",
                "{\"one\": [1, 1], \"d\": [3, 2], \"three\": 3}", """
                [{"name": "r", "op": "divide", "args": {"a": "one", "b": "d"}, "printed": "[0.33, 0.5]"},
                 {"name": "t", "op": "scale", "args": {"x": "r", "s": "three"}, "printed": "[0.99, -1.5]"}]"""));
        assertEquals(List.of(new Slip.SignDropped()), slips("carry", "t"));
    }

    @Test
    void aTruthValueThatFollowsFromAWrongPrintedNumberIsPropagated() {
        // a = 3 is printed as 2 (wrong). a < 2.5: exact 3 < 2.5 is false; from the printed 2, 2 < 2.5 is true,
        // which the book prints.
        book.chapter("a = 2\nSo a < 2.5 is true\n").fixture("less", holds("less", "So a < 2.5 is true", "{\"x\": 3, \"bound\": 2.5}", """
                [{"name": "a", "op": "restate", "args": {"x": "x"}, "printed": "2", "quote": "a = 2"},
                 {"name": "d", "op": "less", "args": {"a": "a", "b": "bound"}, "printed": "true"}]"""));
        assertInstanceOf(Verdict.Mismatch.class, finding("less", "a").verdict());
        Finding d = finding("less", "d");
        Verdict.Propagated p = assertInstanceOf(Verdict.Propagated.class, d.verdict());
        assertEquals(List.of("a"), p.origins());
        assertEquals(List.of(new ElementVerdict(0, "", p, new Proposal.Keep())), d.elements());
    }

    @Test
    void aTruthValueFromARightlyRoundedNumberIsStillWrong() {
        // a is exactly 2.96, printed 3.0 (right at one decimal). a > 2.98: exact false; from the printed 3.0 true,
        // which the book prints. No wrong value upstream to blame, so it is a mismatch.
        book.chapter("a = 3.0\nSo a > 2.98 is true\n").fixture("greater", holds("greater", "So a > 2.98 is true", "{\"x\": 2.96, \"bound\": 2.98}", """
                [{"name": "a", "op": "restate", "args": {"x": "x"}, "printed": "3.0", "quote": "a = 3.0"},
                 {"name": "d", "op": "greater", "args": {"a": "a", "b": "bound"}, "printed": "true"}]"""));
        assertInstanceOf(Verdict.Ok.class, finding("greater", "a").verdict());
        assertInstanceOf(Verdict.Mismatch.class, finding("greater", "d").verdict());
        assertTrue(finding("greater", "d").failsClaim());
    }
}
