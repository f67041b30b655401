package org.bookcheck.report;

import static org.bookcheck.check.TempBook.fixtureJson;
import static org.bookcheck.check.TempBook.holds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bookcheck.check.Book;
import org.bookcheck.check.BookChecker;
import org.bookcheck.check.BookReport;
import org.bookcheck.check.FixtureResult;
import org.bookcheck.check.TempBook;
import org.bookcheck.report.Correction.Replacement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corrections {@code fix} proposes, read off {@link Correction} itself: the value to print, the exact
 * characters replaced on each line and the notes for the author. The planted book
 * (src/test/resources/books/planted) has one worked-out mistake per fixture; the columns below are
 * counted by hand on its lines (0-based offsets, end exclusive).
 */
class CorrectionTest {

    private static List<Correction> planted(boolean includeIllustrative) throws IOException, URISyntaxException {
        Book book = new Book(Path.of(CorrectionTest.class.getResource("/books/planted").toURI()));
        BookReport report = BookChecker.check(book);
        return Correction.all(report.results(), book::chapter, includeIllustrative);
    }

    private static Correction of(List<Correction> all, String fixture, String step) {
        return all.stream().filter(c -> c.finding().fixtureId().equals(fixture) && c.finding().step().equals(step)).findFirst()
                .orElseThrow(() -> new AssertionError("no correction of " + fixture + " › " + step + " in " + all));
    }

    private static void assertCorrection(Correction c, String from, String to, List<Replacement> replacements, List<String> notes) {
        assertEquals(from, c.from(), c::toString);
        assertEquals(to, c.to(), c::toString);
        assertEquals(replacements, c.replacements(), c::toString);
        assertEquals(notes, c.notes(), c::toString);
    }

    @Test
    void everyPlantedMistakeIsCorrectedOnItsOwnCharacters() throws Exception {
        List<Correction> all = planted(false);
        // "a = 2 + 3 = 6": the 6 at offset 12.
        assertCorrection(of(all, "result-wrong", "a"), "6", "5", List.of(new Replacement(7, 12, 13, "6", "5")), List.of());
        // "d = 0.250 - 0 = 0.250": the result at 16–21, not the equal operand at 4–9.
        assertCorrection(of(all, "equal-operand", "d"), "0.250", "0.251", List.of(new Replacement(8, 16, 21, "0.250", "0.251")), List.of());
        assertCorrection(of(all, "two-equal-numbers", "c"), "0.25", "0.50", List.of(new Replacement(9, 18, 22, "0.25", "0.50")), List.of());
        assertCorrection(of(all, "inside-longer-number", "z"), "0.0", "0.1", List.of(new Replacement(10, 17, 20, "0.0", "0.1")), List.of());
        // Line 18 "    [0.3, 0.5]": only element [1][1], at 10–13.
        assertCorrection(of(all, "multi-line-matrix", "IW"), "[[0.5, 0.2], [0.3, 0.5]]", "[[0.5, 0.2], [0.3, 0.4]]",
                List.of(new Replacement(18, 10, 13, "0.5", "0.4")), List.of());
        assertEquals(9, all.size(), all::toString);
    }

    @Test
    void aValueThatWouldPrintAsZerosGetsTheDecimalsOfItsFirstDigit() throws Exception {
        // 0.00004 at four decimals is 0.0000; five decimals show its 4.
        assertCorrection(of(planted(false), "tiny-value", "g"), "0.0001", "0.00004", List.of(new Replacement(11, 18, 24, "0.0001", "0.00004")),
                List.of("tiny-value › g (chapters/planted.md:11:19): 0.00004 is written with 5 decimals, not the printed 4,"
                        + " which would show it as 0.0000"));
    }

    @Test
    void aLineThatPrintsTheBooksOwnRoundedInputGetsTheValueFromThatInput() throws Exception {
        // −ln 0.251 = 1.38230 → 1.382; the exact −ln 0.25068 = 1.38358 → 1.384.
        assertCorrection(of(planted(false), "book-input", "L"), "1.383", "1.382", List.of(new Replacement(24, 18, 23, "1.383", "1.382")),
                List.of("book-input › L (chapters/planted.md:24:19): 1.382 is what the line gives from the book's own printed inputs,"
                        + " so the line stays true (the exact chain gives 1.384)"));
    }

    @Test
    void aPropagatedValueWhoseLinePrintsTheWrongOperandSaysSo() throws Exception {
        List<Correction> all = planted(false);
        // "Chained: first p = 0.1 × 3 = 0.4, then q = 0.4 × 2 = 0.8.": p's 0.4 at 29–32, q's 0.8 at 53–56.
        assertCorrection(of(all, "chained", "p"), "0.4", "0.3", List.of(new Replacement(27, 29, 32, "0.4", "0.3")), List.of());
        assertCorrection(of(all, "chained", "q"), "0.8", "0.6", List.of(new Replacement(27, 53, 56, "0.8", "0.6")),
                List.of("chained › q (chapters/planted.md:27:54): the line also prints the wrong 0.4 (step \"p\") as an operand;"
                        + " fix edits results only, so correct it there by hand to the value proposed for that step"));
    }

    @Test
    void illustrativeValuesOnlyWhenAsked() throws Exception {
        assertTrue(planted(false).stream().noneMatch(c -> c.finding().fixtureId().equals("illustrative")));
        List<Correction> all = planted(true);
        assertEquals(10, all.size(), all::toString);
        // "Made up for illustration: 1 + 1 = 3.": the 3 at 34.
        assertCorrection(of(all, "illustrative", "s"), "3", "2", List.of(new Replacement(29, 34, 35, "3", "2")), List.of());
    }

    @Test
    void withoutTheChapterThereAreNoReplacementsButTheValueIsStillProposed() throws Exception {
        Book book = new Book(Path.of(CorrectionTest.class.getResource("/books/planted").toURI()));
        List<Correction> all = Correction.all(BookChecker.check(book).results(), name -> Optional.empty());
        Correction c = of(all, "result-wrong", "a");
        assertCorrection(c, "6", "5", List.of(), List.of());
    }

    private static List<Correction> corrections(TempBook book) {
        BookReport report = book.check();
        for (FixtureResult r : report.results()) {
            assertTrue(r.errors().isEmpty(), () -> r.id() + ": " + r.errors());
        }
        return Correction.all(report.results(), new Book(book.root())::chapter);
    }

    private static final String ADD = "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"%s\"}]";

    @Test
    void anErratumsOwnCorrectionReplacesOnlyItsWrongElements(@TempDir Path dir) {
        // [0.75, 1] + [0.75, 1] = [1.5, 2.0]: the book prints 2.5; the erratum corrects it to "2.00" (its own text, not 2.0).
        List<Correction> all = corrections(new TempBook(dir).chapter("Scores: [1.5, 2.5] here.\n")
                .fixture("e", fixtureJson("e", "[1.5, 2.5]", """
                        "claim": "erratum", "errata": [{"step": "s", "explanation": "1 + 1 is 2", "corrected": "[1.5, 2.00]"}]""",
                        "{\"a\": [0.75, 1.0], \"b\": [0.75, 1.0]}", ADD.formatted("[1.5, 2.5]"))));
        assertEquals(1, all.size(), all::toString);
        // "Scores: [1.5, 2.5] here.": the 2.5 at 14–17.
        assertCorrection(all.get(0), "[1.5, 2.5]", "[1.5, 2.00]", List.of(new Replacement(1, 14, 17, "2.5", "2.00")), List.of());
    }

    @Test
    void theNewNumberKeepsTheChaptersMinusSignAndEscapedPercent(@TempDir Path dir) {
        TempBook book = new TempBook(dir).chapter("Unicode: −2 + −3 = −4. ASCII: -2 + -3 = -4. Rate: 0.25 + 0.5 = 70\\%.\n")
                .fixture("unicode", holds("unicode", "−2 + −3 = −4", "{\"a\": -2, \"b\": -3}", ADD.formatted("−4")))
                .fixture("ascii", holds("ascii", "-2 + -3 = -4", "{\"a\": -2, \"b\": -3}", ADD.formatted("-4")))
                .fixture("rate", holds("rate", "0.25 + 0.5 = 70\\%", "{\"a\": 0.25, \"b\": 0.5}", ADD.formatted("70%")));
        List<Correction> all = corrections(book);
        // "Unicode: −2 + −3 = −4.": −4 at 19–21; "ASCII: -2 + -3 = -4." starts at 23, its -4 at 40–42; 70\% at 63–67.
        assertEquals(List.of(new Replacement(1, 19, 21, "−4", "−5")), of(all, "unicode", "s").replacements());
        assertEquals(List.of(new Replacement(1, 40, 42, "-4", "-5")), of(all, "ascii", "s").replacements());
        assertEquals(List.of(new Replacement(1, 63, 67, "70\\%", "75\\%")), of(all, "rate", "s").replacements());
        assertEquals("75%", of(all, "rate", "s").to());
    }

    @Test
    void zerosAreWidenedOnlyForDecimalsAndPercentsOfANonZeroValue(@TempDir Path dir) {
        TempBook book = new TempBook(dir).chapter("P: 0.00002 + 0.00002 = 1%. Q: 0.2 + 0.1 = 1. Z: 0.5 + -0.5 = 0.1.\n")
                .fixture("p", holds("p", "0.00002 + 0.00002 = 1%", "{\"a\": 0.00002, \"b\": 0.00002}", ADD.formatted("1%")))
                .fixture("q", holds("q", "0.2 + 0.1 = 1", "{\"a\": 0.2, \"b\": 0.1}", ADD.formatted("1")))
                .fixture("z", holds("z", "0.5 + -0.5 = 0.1", "{\"a\": 0.5, \"b\": -0.5}", ADD.formatted("0.1")));
        List<Correction> all = corrections(book);
        // 0.00004 is 0.004%: "0%" at the printed 0 decimals, three decimals show its 4.
        assertCorrection(of(all, "p", "s"), "1%", "0.004%", List.of(new Replacement(1, 23, 25, "1%", "0.004%")),
                List.of("p › s (chapters/ch.md:1:24): 0.004% is written with 3 decimals, not the printed 0, which would show it as 0%"));
        // An integer is written as one: 0.3 prints as 0, no note.
        assertCorrection(of(all, "q", "s"), "1", "0", List.of(new Replacement(1, 42, 43, "1", "0")), List.of());
        // A value that is zero prints as zeros, rightly.
        assertCorrection(of(all, "z", "s"), "0.1", "0.0", List.of(new Replacement(1, 61, 64, "0.1", "0.0")), List.of());
    }

    @Test
    void aLineWhoseOwnInputLeavesTheDomainIsNamedNotEdited(@TempDir Path dir) {
        // The line works −ln from the book's 0.0 (exactly 0.00004): no edit of its result makes it true.
        TempBook book = new TempBook(dir).chapter("p = 0.0\n\nL = -log(0.0) = 9.9\n")
                .fixture("domain", holds("domain", "L = -log(0.0) = 9.9", "{\"x\": 0.00004, \"minus\": -1}", """
                        [{"name": "p", "op": "restate", "args": {"x": "x"}, "printed": "0.0", "quote": "p = 0.0"},
                         {"name": "lnp", "op": "ln", "args": {"x": "p"}},
                         {"name": "L", "op": "scale", "args": {"x": "lnp", "s": "minus"}, "printed": "9.9"}]"""));
        List<Correction> all = corrections(book);
        Correction c = of(all, "domain", "L");
        // −ln 0.00004 = 10.1266…: the value proposed is the exact one, but no replacement is made.
        assertEquals("10.1", c.to());
        assertEquals(List.of(), c.replacements());
        assertEquals(1, c.notes().size(), c::toString);
        String note = c.notes().get(0);
        assertTrue(note.startsWith("domain › L (chapters/ch.md:3:17): this line needs rewriting (the line computes from the book's own 0.0 (step \"p\")"),
                note);
        assertTrue(note.endsWith("); no single edit makes it true, so none is proposed"), note);
    }

    @Test
    void onlyWrongNumbersAreCorrected(@TempDir Path dir) {
        TempBook book = new TempBook(dir).chapter("Right: 1 + 2 = 3. Tokens: [\"The\", \"dog\", \"sat\", \".\"].\n")
                .fixture("right", holds("right", "1 + 2 = 3", "{\"a\": 1, \"b\": 2}", ADD.formatted("3")))
                // "The cat sat." is tokenized to The, cat, sat, "." : the book's "dog" is wrong, but tokens have no number to write.
                .fixture("tokens", holds("tokens", "[\"The\", \"dog\", \"sat\", \".\"]", "{\"text\": \"The cat sat.\"}",
                        "[{\"name\": \"t\", \"op\": \"tokenize\", \"args\": {\"text\": \"text\"}, \"printed\": \"[\\\"The\\\", \\\"dog\\\", \\\"sat\\\", \\\".\\\"]\"}]"));
        BookReport report = book.check();
        FixtureResult tokens = report.results().stream().filter(r -> r.id().equals("tokens")).findFirst().orElseThrow();
        assertTrue(!tokens.findings().get(0).verdict().isOk(), () -> tokens.findings().toString());
        assertEquals(List.of(), Correction.all(report.results(), new Book(book.root())::chapter));
        FixtureResult right = report.results().stream().filter(r -> r.id().equals("right")).findFirst().orElseThrow();
        assertEquals(Optional.empty(), Correction.of(right.findings().get(0), right.fixture().orElseThrow(), new Book(book.root()).chapter("ch.md")));
        assertEquals(Optional.empty(), Correction.of(tokens.findings().get(0), tokens.fixture().orElseThrow(), new Book(book.root()).chapter("ch.md")));
    }

    @Test
    void aSupplementaryValueIsProposedButNotPlaced(@TempDir Path dir) {
        // bookcheck's own worked value, not printed by the book: 1 + 2 is 3, not 4; there is nothing in the chapter to edit.
        List<Correction> all = corrections(new TempBook(dir).chapter("We add one and two.\n")
                .fixture("extra", fixtureJson("extra", "We add one and two.", "\"claim\": \"supplementary\", \"note\": \"our own example\"",
                        "{\"a\": 1, \"b\": 2}", ADD.formatted("4"))));
        assertEquals(1, all.size(), all::toString);
        assertCorrection(all.get(0), "4", "3", List.of(), List.of());
    }

    @Test
    void aPropagatedValueWhoseLineDoesNotPrintTheWrongOperandHasNoNote(@TempDir Path dir) {
        // p = 0.1 × 3 printed 0.4 (0.3); q = p × 2 follows from it (0.8 from 0.4), but q's line names p, not 0.4.
        List<Correction> all = corrections(new TempBook(dir).chapter("First p = 0.1 × 3 = 0.4.\nThen q = p × 2 = 0.8.\n")
                .fixture("chained", holds("chained", "p = 0.1 × 3 = 0.4", "{\"tenth\": 0.1, \"three\": 3, \"two\": 2}", """
                        [{"name": "p", "op": "scale", "args": {"x": "tenth", "s": "three"}, "printed": "0.4", "quote": "p = 0.1 × 3 = 0.4"},
                         {"name": "q", "op": "scale", "args": {"x": "p", "s": "two"}, "printed": "0.8", "quote": "q = p × 2 = 0.8"}]""")));
        // "Then q = p × 2 = 0.8.": the 0.8 at 17–20.
        assertCorrection(of(all, "chained", "q"), "0.8", "0.6", List.of(new Replacement(2, 17, 20, "0.8", "0.6")), List.of());
    }

    @Test
    void aNineIsNotAZero(@TempDir Path dir) {
        // 0.4 + 0.5 = 0.9, printed 0.8: the 9 is a significant digit, no widening and no note.
        List<Correction> all = corrections(new TempBook(dir).chapter("N: 0.4 + 0.5 = 0.8.\n")
                .fixture("n", holds("n", "0.4 + 0.5 = 0.8", "{\"a\": 0.4, \"b\": 0.5}", ADD.formatted("0.8"))));
        assertCorrection(of(all, "n", "s"), "0.8", "0.9", List.of(new Replacement(1, 15, 18, "0.8", "0.9")), List.of());
    }
}
