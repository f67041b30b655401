package org.bookcheck.chapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quotes located in a chapter: on one line, or over several lines joined by \n, with the span of each line they cover. */
class QuoteLocatorTest {

    private static Chapter chapter(String text) {
        return new Chapter("ch.md", Path.of("chapters/ch.md"), text, text.lines().toList());
    }

    @Test
    void aQuoteOverSeveralLinesHasOneSpanPerLine() {
        Chapter ch = chapter("Rows:\n\n```\nX = [1, 0]   ← A\n    [0, 1]   ← B\n```\n");
        QuoteLocation.Found found = assertInstanceOf(QuoteLocation.Found.class, QuoteLocator.locate(ch, "[1, 0]   ← A\n    [0, 1]", 0));
        assertEquals(new ChapterPosition(4, 5), found.start());
        // Line 4 from "[" at column 5 to its end (16 characters); line 5 up to "]" at column 10.
        assertEquals(List.of(new Span(4, 5, 17), new Span(5, 1, 11)), found.spans());
    }

    @Test
    void occurrencesAreCountedInReadingOrderAcrossLines() {
        Chapter ch = chapter("a = 1\nb = 2\na = 1\nb = 2 and a = 1\n");
        assertEquals(List.of(1, 3), QuoteLocator.occurrences(ch, "a = 1\nb = 2").stream().map(f -> f.start().line()).toList());
        assertInstanceOf(QuoteLocation.Ambiguous.class, QuoteLocator.locate(ch, "a = 1\nb = 2", 0));
        QuoteLocation.Found second = assertInstanceOf(QuoteLocation.Found.class, QuoteLocator.locate(ch, "a = 1", 3));
        assertEquals(List.of(new Span(4, 11, 16)), second.spans());
    }

    @Test
    void aMissingMultiLineQuoteNamesTheLineClosestToItsFirstLine() {
        Chapter ch = chapter("intro\nW = [0.5, 0.2]\n    [0.3, 0.4]\n");
        QuoteLocation.Missing missing = assertInstanceOf(QuoteLocation.Missing.class,
                QuoteLocator.locate(ch, "W = [0.5, 0.25]\n    [0.3, 0.4]", 0));
        assertEquals(2, missing.closestLine());
    }

    @Test
    void anOccurrenceBeyondTheLastIsNamedWithTheLinesThereAre() {
        Chapter ch = chapter("a = 1\nb\na = 1\n");
        QuoteLocation.TooFewOccurrences few = assertInstanceOf(QuoteLocation.TooFewOccurrences.class, QuoteLocator.locate(ch, "a = 1", 3));
        assertEquals(3, few.wanted());
        assertEquals(List.of(1, 3), few.lines());
        QuoteLocation.Found last = assertInstanceOf(QuoteLocation.Found.class, QuoteLocator.locate(ch, "a = 1", 2));
        assertEquals(new ChapterPosition(3, 1), last.start());
        assertEquals("a = 1", last.lineText());
        assertEquals(List.of(1, 3), assertInstanceOf(QuoteLocation.Ambiguous.class, QuoteLocator.locate(ch, "a = 1", 0)).lines());
    }

    @Test
    void aQuoteAtTheStartOfALineIsOnThatLine() {
        Chapter ch = chapter("a\nb\n");
        QuoteLocation.Found found = assertInstanceOf(QuoteLocation.Found.class, QuoteLocator.locate(ch, "b", 0));
        assertEquals(new ChapterPosition(2, 1), found.start());
        assertEquals(List.of(new Span(2, 1, 2)), found.spans());
    }

    @Test
    void aQuoteThatStartsWithALineBreakHasAnEmptySpanOnItsFirstLine() {
        // "a = 1" then "\nb": the quote starts after the last character of line 1 (column 6).
        Chapter ch = chapter("a = 1\nb\n");
        QuoteLocation.Found found = assertInstanceOf(QuoteLocation.Found.class, QuoteLocator.locate(ch, "\nb", 0));
        assertEquals(new ChapterPosition(1, 6), found.start());
        assertEquals(List.of(new Span(1, 6, 6), new Span(2, 1, 2)), found.spans());
        // A quote that ends with the line break covers only its line.
        QuoteLocation.Found ending = assertInstanceOf(QuoteLocation.Found.class, QuoteLocator.locate(ch, "= 1\n", 0));
        assertEquals(List.of(new Span(1, 3, 6)), ending.spans());
    }

    @Test
    void overlappingOccurrencesAreCounted() {
        assertEquals(List.of(1, 1), QuoteLocator.occurrences(chapter("aaa\n"), "aa").stream().map(f -> f.start().line()).toList());
        assertEquals(List.of(1, 2), QuoteLocator.occurrences(chapter("aaa\n"), "aa").stream().map(f -> f.start().column()).toList());
    }

    @Test
    void columnsAreCountedInCodePoints() {
        assertEquals(2, QuoteLocator.column("𝜋x", 2));
        assertEquals(1, QuoteLocator.column("𝜋x", 0));
        QuoteLocation.Found found = assertInstanceOf(QuoteLocation.Found.class, QuoteLocator.locate(chapter("𝜋 = 3.14\n"), "3.14", 0));
        assertEquals(new ChapterPosition(1, 5), found.start());
    }

    @Test
    void anEmptyQuoteIsNowhereAndTheFirstNonBlankLineIsClosest() {
        assertEquals(List.of(), QuoteLocator.occurrences(chapter("abc\n"), ""));
        QuoteLocation.Missing missing = assertInstanceOf(QuoteLocation.Missing.class, QuoteLocator.locate(chapter("\n\nabc\nabd\n"), "", 0));
        assertEquals(3, missing.closestLine());
        assertEquals("abc", missing.closestText());
    }

    @Test
    void theFirstOfEquallyCloseLinesIsNamed() {
        QuoteLocation.Missing missing = assertInstanceOf(QuoteLocation.Missing.class,
                QuoteLocator.locate(chapter("intro\nW = 0.51\nW = 0.52\n"), "W = 0.53", 0));
        assertEquals(2, missing.closestLine());
        assertEquals("W = 0.51", missing.closestText());
        QuoteLocation.Missing later = assertInstanceOf(QuoteLocation.Missing.class,
                QuoteLocator.locate(chapter("W = 9.99\nintro\nW = 0.52\n"), "W = 0.53", 0));
        assertEquals(3, later.closestLine());
    }

    @Test
    void aQuoteInAnEmptyChapterIsMissingWithNoText() {
        QuoteLocation.Missing missing = assertInstanceOf(QuoteLocation.Missing.class, QuoteLocator.locate(chapter(""), "x = 1", 0));
        assertEquals(1, missing.closestLine());
        assertEquals("", missing.closestText());
    }

    @Test
    void anEmptyLineInsideAQuoteHasNoSpan() {
        QuoteLocation.Found found = assertInstanceOf(QuoteLocation.Found.class, QuoteLocator.locate(chapter("a\n\nb\n"), "a\n\nb", 0));
        assertEquals(List.of(new Span(1, 1, 2), new Span(3, 1, 2)), found.spans());
    }
}
