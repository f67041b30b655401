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
}
