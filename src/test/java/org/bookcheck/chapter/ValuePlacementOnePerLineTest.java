package org.bookcheck.chapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A list worked out one element per line is found element by element, each at its own line's result. */
class ValuePlacementOnePerLineTest {

    private static final String TEXT = """
            ```
            s[0] = 1.5 × 0.2 + 0.25 × 0.4 = 0.4
            s[1] = 1.5 × 0.6 + 0.25 × -0.2 = 0.85

            c[0] = 0.498 × 0.1 + 0.502 × 0.0
                 = 0.0498
            c[1] = 0.5 × 0.4 = 0.2
            - P(A) ≈ 0.250 (25.0%)
            - P(B) ≈ 0.249 (24.9%)
            ```
            """;

    private static final Chapter CHAPTER = new Chapter("t.md", Path.of("t.md"), TEXT, TEXT.lines().toList());

    private static ValuePlacement place(int first, int last, List<List<String>> elements) {
        StringBuilder quote = new StringBuilder();
        for (int line = first; line <= last; line++) {
            quote.append(line == first ? "" : "\n").append(CHAPTER.line(line));
        }
        List<QuoteLocation.Found> found = QuoteLocator.occurrences(CHAPTER, quote.toString());
        assertEquals(1, found.size(), "the test's quote occurs once");
        return ValuePlacement.in(CHAPTER, found.getFirst(), elements);
    }

    @Test
    void eachElementStandsAtTheResultOfItsLine() {
        // Columns counted by hand: "s[0] = 1.5 × 0.2 + 0.25 × 0.4 = " is 32 characters, so 0.4 takes 33-35.
        ValuePlacement.Placed placed = assertInstanceOf(ValuePlacement.Placed.class, place(2, 3, List.of(List.of("0.4"), List.of("0.85"))));
        assertEquals(List.of(new Span(2, 33, 36), new Span(3, 34, 38)), placed.elements());
    }

    @Test
    void aCalculationContinuedOnLaterLinesGivesItsLastResult() {
        // Lines 5-7: 0.0498 is the result of line 6 ("     = 0.0498": columns 8-13); 0.2 is after the last = of line 7.
        ValuePlacement.Placed placed = assertInstanceOf(ValuePlacement.Placed.class, place(5, 7, List.of(List.of("0.0498"), List.of("0.2"))));
        assertEquals(List.of(new Span(6, 8, 14), new Span(7, 20, 23)), placed.elements());
    }

    @Test
    void theFirstNumberAfterTheMarkIsTheResultNotTheRemarkAfterIt() {
        ValuePlacement.Placed placed = assertInstanceOf(ValuePlacement.Placed.class, place(8, 9, List.of(List.of("0.250"), List.of("0.249"))));
        assertEquals(List.of(new Span(8, 10, 15), new Span(9, 10, 15)), placed.elements());
    }

    @Test
    void elementsOutOfOrderOrMissingAreNotPlaced() {
        assertInstanceOf(ValuePlacement.Absent.class, place(2, 3, List.of(List.of("0.85"), List.of("0.4"))));
        assertInstanceOf(ValuePlacement.Absent.class, place(2, 3, List.of(List.of("0.4"), List.of("0.86"))));
        // An operand is not a result: 0.25 stands on line 2 only before the last =.
        assertInstanceOf(ValuePlacement.Absent.class, place(2, 3, List.of(List.of("0.25"), List.of("0.85"))));
    }

    @Test
    void aValueThatIsOneRunIsPlacedAsBefore() {
        // 0.4 and 0.85 are not one run here, but "0.498 0.1" is: the run rule answers first.
        ValuePlacement.Placed placed = assertInstanceOf(ValuePlacement.Placed.class, place(5, 7, List.of(List.of("0.498"), List.of("0.1"))));
        assertEquals(List.of(new Span(5, 8, 13), new Span(5, 16, 19)), placed.elements());
    }
}
