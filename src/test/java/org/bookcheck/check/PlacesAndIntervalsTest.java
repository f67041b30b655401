package org.bookcheck.check;

import static org.bookcheck.check.TempBook.assertContains;
import static org.bookcheck.check.TempBook.fixtureJson;
import static org.bookcheck.check.TempBook.holds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where printed tokens stand, what a printed list stands for, and an imported input: each on a tiny chapter
 * whose positions and values are worked out by hand in the comments.
 */
class PlacesAndIntervalsTest {

    @TempDir
    Path dir;
    private TempBook book;

    @BeforeEach
    void setUp() {
        book = new TempBook(dir);
    }

    private static String tokenFixture(String printed) {
        return fixtureJson("tok", "becomes [\"The\", \"cat\"]", "\"claim\": \"holds\"",
                "{\"text\": {\"value\": \"The cat\", \"quote\": \"So \\\"The cat\\\" becomes\"}}",
                "[{\"name\": \"t\", \"op\": \"tokenize\", \"args\": {\"text\": \"text\"}, \"printed\": " + TempBook.jsonString(printed) + "}]");
    }

    @Test
    void printedTokensStandAtTheirFirstToken() {
        // The quote starts at column 14 of line 1 (after 'So "The cat" ', 13 characters); its first token "The"
        // is 10 characters into the quote (after 'becomes ["'): column 24.
        book.chapter("So \"The cat\" becomes [\"The\", \"cat\"] after tokenization.\n").fixture("tok", tokenFixture("[\"The\", \"cat\"]"));
        Finding t = book.onlyFinding("tok");
        assertInstanceOf(Verdict.Ok.class, t.verdict());
        assertEquals(new Location("ch.md", 1, 24), t.location());
    }

    @Test
    void printedTokensTheQuoteLacksAreNamed() {
        book.chapter("So \"The cat\" becomes [\"The\", \"cat\"] after tokenization.\n").fixture("tok", tokenFixture("[\"The\", \"dog\"]"));
        FixtureResult r = book.result("tok");
        assertEquals(1, r.errors().size(), () -> r.errors().toString());
        assertContains(r.errors().get(0).message(), "step \"t\": the book's quote does not contain \"dog\" of the printed value");
        assertTrue(!r.errors().get(0).message().contains("contain \"The\""), r.errors().get(0).message());
    }

    @Test
    void aPrintedListStandsForEachElementWithinItsPrecision() {
        // [1, 2] / 4 = [0.25, 0.5], printed [0.26, 0.5]: 0.26 stands for [0.255, 0.265].
        book.chapter("Quarters [0.26, 0.5].\n").fixture("q", holds("q", "Quarters [0.26, 0.5].", "{\"x\": [1, 2], \"four\": 4}",
                "[{\"name\": \"q\", \"op\": \"divide\", \"args\": {\"a\": \"x\", \"b\": \"four\"}, \"printed\": \"[0.26, 0.5]\"}]"));
        Finding q = book.onlyFinding("q");
        assertInstanceOf(Verdict.Mismatch.class, q.verdict());
        assertEquals("each element within its printed precision (first: [0.255, 0.265])", q.interval());
    }

    @Test
    void aPrintedListWithAToleranceStandsForEachElementWithinIt() {
        // As above, with a stated tolerance of 0.005 (too small to accept 0.26: |0.26 − 0.25| = 0.01).
        book.chapter("Quarters [0.26, 0.5].\n").fixture("q", holds("q", "Quarters [0.26, 0.5].", "{\"x\": [1, 2], \"four\": 4}", """
                [{"name": "q", "op": "divide", "args": {"a": "x", "b": "four"}, "printed": "[0.26, 0.5]",
                  "tolerance": {"abs": 0.005, "why": "the book rounds loosely"}}]"""));
        Finding q = book.onlyFinding("q");
        assertInstanceOf(Verdict.Mismatch.class, q.verdict());
        assertContains(q.interval(), "each element within its printed precision or ±0.005 (first: ");
    }

    @Test
    void anImportedInputChecksLikeAnImportedStep() {
        // first: one = 1 and three = 3 (given on line 1), third = 1/3 printed 0.33 (line 2). second imports both:
        // back = third × three: exact 1.00, from the book's 0.33 × 3 = 0.99, as printed: rounding carried.
        book.chapter("three = 3\nThird 0.33\nTimes three 0.99\n")
                .fixture("first", fixtureJson("first", "Third 0.33", "\"claim\": \"holds\"",
                        "{\"one\": 1, \"three\": {\"printed\": \"3\", \"quote\": \"three = 3\"}}",
                        "[{\"name\": \"third\", \"op\": \"divide\", \"args\": {\"a\": \"one\", \"b\": \"three\"}, \"printed\": \"0.33\"}]"))
                .fixture("second", """
                        {"id": "second", "title": "t", "chapter": "ch.md", "quote": "Times three 0.99", "claim": "holds",
                         "imports": {"t": "first/third", "n": "first/three"},
                         "steps": [{"name": "back", "op": "scale", "args": {"x": "t", "s": "n"}, "printed": "0.99"}]}
                        """);
        Finding back = book.finding("second", "back");
        assertInstanceOf(Verdict.OkRoundingCarried.class, back.verdict());
        assertTrue(book.result("second").errors().isEmpty());
        assertContains(back.explanation(), "computed from the book's own rounded step \"first/third\" (chapters/ch.md line 2) it gives 0.99");
    }
}
