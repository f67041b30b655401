package org.bookcheck.chapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a printed value stands among the number tokens of its quote: one run of whole tokens in order,
 * the one after the quote's last result mark when there are several, never a guess. Columns are counted
 * by hand in the comments (1-based, end exclusive).
 */
class ValuePlacementTest {

    private static Chapter chapter(String text) {
        return new Chapter("ch.md", Path.of("chapters/ch.md"), text, text.lines().toList());
    }

    /** Places a value (each element's number texts) in the only occurrence of the quote. */
    private static ValuePlacement place(String chapterText, String quote, List<List<String>> elements) {
        Chapter ch = chapter(chapterText);
        QuoteLocation.Found found = assertInstanceOf(QuoteLocation.Found.class, QuoteLocator.locate(ch, quote, 0));
        return ValuePlacement.in(ch, found, elements);
    }

    private static List<Span> placed(ValuePlacement placement) {
        return assertInstanceOf(ValuePlacement.Placed.class, placement).elements();
    }

    private static List<Span> ambiguous(ValuePlacement placement) {
        return assertInstanceOf(ValuePlacement.Ambiguous.class, placement).candidates();
    }

    @Test
    void aSingleRunIsPlacedOnItsTokens() {
        // "Scores are [0.7, 0.2]": 0.7 at characters 12–14 (columns 13–16), 0.2 at 17–19 (columns 18–21).
        assertEquals(List.of(new Span(1, 13, 16), new Span(1, 18, 21)),
                placed(place("Scores are [0.7, 0.2].\n", "Scores are [0.7, 0.2]", List.of(List.of("0.7"), List.of("0.2")))));
    }

    @Test
    void theRunAfterTheLastResultMarkIsTaken() {
        // "Weights 0.5 and 0.5 = 0.5 now.": 0.5 at columns 9, 17 and 23; the = at column 21.
        String line = "Weights 0.5 and 0.5 = 0.5 now.";
        assertEquals(List.of(new Span(1, 23, 26)), placed(place(line + "\n", line, List.of(List.of("0.5")))));
    }

    @Test
    void withoutAResultMarkEqualCandidatesAreAmbiguous() {
        String line = "Weights 0.5 and 0.5 now.";
        assertEquals(List.of(new Span(1, 9, 12), new Span(1, 17, 20)), ambiguous(place(line + "\n", line, List.of(List.of("0.5")))));
    }

    @Test
    void twoCandidatesAfterTheResultMarkAreAmbiguous() {
        // "x = 0.5 or 0.5": both after the =, at columns 5 and 12.
        assertEquals(List.of(new Span(1, 5, 8), new Span(1, 12, 15)),
                ambiguous(place("x = 0.5 or 0.5\n", "x = 0.5 or 0.5", List.of(List.of("0.5")))));
    }

    @Test
    void noCandidateAfterTheResultMarkIsAmbiguous() {
        assertEquals(List.of(new Span(1, 1, 4), new Span(1, 9, 12)),
                ambiguous(place("0.5 and 0.5 = 1\n", "0.5 and 0.5 = 1", List.of(List.of("0.5")))));
    }

    @Test
    void theLatestResultMarkCountsWhicheverMarkItIs() {
        // "a = 0.5, b \approx 0.5": = at column 3, \approx at 12–18; the second 0.5 (columns 20–23) follows it.
        String line = "a = 0.5, b \\approx 0.5";
        assertEquals(List.of(new Span(1, 20, 23)), placed(place(line + "\n", line, List.of(List.of("0.5")))));
        // → as the mark: "0.5 → 0.5", the second at column 7.
        assertEquals(List.of(new Span(1, 7, 10)), placed(place("0.5 → 0.5\n", "0.5 → 0.5", List.of(List.of("0.5")))));
        // \rightarrow and \to too.
        assertEquals(List.of(new Span(1, 17, 20)), placed(place("0.5 \\rightarrow 0.5\n", "0.5 \\rightarrow 0.5", List.of(List.of("0.5")))));
        assertEquals(List.of(new Span(1, 9, 12)), placed(place("0.5 \\to 0.5\n", "0.5 \\to 0.5", List.of(List.of("0.5")))));
    }

    @Test
    void aLatexMarkFollowedByALetterIsAnotherCommand() {
        // \top is not \to: no result mark, so the two 0.5 stay ambiguous.
        assertEquals(List.of(new Span(1, 1, 4), new Span(1, 10, 13)),
                ambiguous(place("0.5 \\top 0.5\n", "0.5 \\top 0.5", List.of(List.of("0.5")))));
        // \to at the very end of the line is a mark, after which nothing stands.
        assertEquals(List.of(new Span(1, 1, 4), new Span(1, 8, 11)),
                ambiguous(place("0.5 or 0.5 \\to\n", "0.5 or 0.5 \\to", List.of(List.of("0.5")))));
        // A real \to, then \to before a letter: the real one decides, the 0.5 at columns 9–12 follows it.
        String line = "0.5 \\to 0.5 \\tox 1";
        assertEquals(List.of(new Span(1, 9, 12)), placed(place(line + "\n", line, List.of(List.of("0.5")))));
    }

    @Test
    void aResultMarkAfterTheQuoteDoesNotCount() {
        // The quote "0.5 = 0.5" of "0.5 = 0.5 = 2": its own = decides; the second = lies outside it.
        assertEquals(List.of(new Span(1, 7, 10)), placed(place("0.5 = 0.5 = 2\n", "0.5 = 0.5", List.of(List.of("0.5")))));
    }

    @Test
    void theResultPositionOfAQuoteOverLinesIsOnItsLastLineWithAMark() {
        // Line 2 "not = 0.5" holds the mark: the 0.5 at columns 7–10 of line 2.
        assertEquals(List.of(new Span(2, 7, 10)), placed(place("0.5 is\nnot = 0.5\n", "0.5 is\nnot = 0.5", List.of(List.of("0.5")))));
        // Only line 1 "0.5 = is" has a mark: everything on line 2 comes after it, the 0.5 at columns 5–8.
        assertEquals(List.of(new Span(2, 5, 8)), placed(place("0.5 = is\nnot 0.5\n", "0.5 = is\nnot 0.5", List.of(List.of("0.5")))));
    }

    @Test
    void resultPositionIsJustAfterTheLastMark() {
        String line = "y = 2 ≈ 3";
        // ≈ at character 6: the result position starts at character 7, column 8.
        assertEquals(java.util.Optional.of(new Span(1, 8, 8)), ValuePlacement.resultPosition(List.of(new Span(1, 1, 10)), List.of(line)));
        assertEquals(java.util.Optional.empty(), ValuePlacement.resultPosition(List.of(new Span(1, 1, 6)), List.of("y 2 3")));
    }

    @Test
    void anElementOfSeveralNumbersSpansThemAll() {
        // "p = 2/6": 2 at column 5, 6 at column 7; the fraction covers columns 5–8.
        assertEquals(List.of(new Span(1, 5, 8)), placed(place("p = 2/6\n", "p = 2/6", List.of(List.of("2", "6")))));
    }

    @Test
    void anElementWithoutDigitsGetsAnEmptySpanAfterThePreviousOne() {
        // "p = [0.5, −∞, 0.2]": 0.5 at columns 6–9, 0.2 at 15–18; −∞ gets the empty span at column 9.
        assertEquals(List.of(new Span(1, 6, 9), new Span(1, 9, 9), new Span(1, 15, 18)),
                placed(place("p = [0.5, −∞, 0.2]\n", "p = [0.5, −∞, 0.2]", List.of(List.of("0.5"), List.of(), List.of("0.2")))));
        // A value with no digits at all stands nowhere in particular.
        assertEquals(List.of(), placed(place("p = −∞\n", "p = −∞", List.of(List.of()))));
    }

    @Test
    void numbersAreComparedAsWritten() {
        // 10,000 matches 10000, −0.5 matches -0.5, 25\% matches 25%.
        assertEquals(List.of(new Span(1, 5, 11), new Span(1, 13, 17), new Span(1, 19, 23)),
                placed(place("n = 10,000, −0.5, 25\\%\n", "n = 10,000, −0.5, 25\\%", List.of(List.of("10000"), List.of("-0.5"), List.of("25%")))));
    }

    @Test
    void anAbsentValueNamesTheElementsThatAreNowhere() {
        ValuePlacement.Absent absent = assertInstanceOf(ValuePlacement.Absent.class,
                place("scores 0.7 and 0.2\n", "scores 0.7 and 0.2", List.of(List.of("0.7"), List.of("0.1"), List.of(), List.of("0.2"))));
        assertEquals(List.of(1), absent.missing());
        assertEquals(List.of("0.7", "0.2"), absent.quoteNumbers());
        // Every element occurs, but not in order: nothing is missing.
        ValuePlacement.Absent order = assertInstanceOf(ValuePlacement.Absent.class,
                place("scores 0.7 and 0.2\n", "scores 0.7 and 0.2", List.of(List.of("0.2"), List.of("0.7"))));
        assertEquals(List.of(), order.missing());
        // A part of a longer number is not the number: 0.04 is not in 0.0498.
        ValuePlacement.Absent part = assertInstanceOf(ValuePlacement.Absent.class,
                place("p = 0.0498\n", "p = 0.0498", List.of(List.of("0.04"))));
        assertEquals(List.of(0), part.missing());
        assertEquals(List.of("0.0498"), part.quoteNumbers());
    }

    @Test
    void aValueLongerThanTheQuoteIsAbsent() {
        ValuePlacement.Absent absent = assertInstanceOf(ValuePlacement.Absent.class,
                place("p = 1\n", "p = 1", List.of(List.of("1"), List.of("1"))));
        assertEquals(List.of(), absent.missing());
    }

    @Test
    void aRunAtTheEndOfTheQuoteIsFound() {
        // "a 1 2 3": 2 at column 5, 3 at column 7; the run ends with the quote's last token.
        assertEquals(List.of(new Span(1, 5, 6), new Span(1, 7, 8)), placed(place("a 1 2 3\n", "a 1 2 3", List.of(List.of("2"), List.of("3")))));
    }
}
