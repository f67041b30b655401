package org.bookcheck.chapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spans, positions and chapters: the small records every reader and report points with. */
class SpanTest {

    @Test
    void aSpanNeedsALineAColumnAndAnEndNotBeforeIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Span(0, 1, 1));
        assertTrue(e.getMessage().contains("got 0:1-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Span(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Span(1, 3, 2));
        // Line 1, column 1 and an empty span are fine.
        assertEquals("1:1-1", new Span(1, 1, 1).toString());
        assertEquals("12:5-9", new Span(12, 5, 9).toString());
    }

    @Test
    void columnsCountCodePointsAndOffsetsCountChars() {
        // "π𝜋 = 3.14": 𝜋 is two chars, one code point; 3.14 is chars 6–9, columns 6–9.
        String line = "π𝜋 = 3.14";
        Span span = Span.of(line, 5, 6, 10);
        assertEquals(new Span(5, 6, 10), span);
        assertEquals(6, span.start(line));
        assertEquals(10, span.end(line));
        assertEquals("3.14", span.text(line));
        // The 𝜋 alone: chars 1–2, column 2 only.
        assertEquals(new Span(5, 2, 3), Span.of(line, 5, 1, 3));
        assertEquals("𝜋", new Span(5, 2, 3).text(line));
    }

    @Test
    void containmentIsOnTheSameLineWithinTheColumns() {
        Span s = new Span(1, 5, 10);
        assertTrue(s.contains(new Span(1, 5, 10)));
        assertTrue(s.contains(new Span(1, 6, 9)));
        assertFalse(s.contains(new Span(1, 4, 9)));
        assertFalse(s.contains(new Span(1, 5, 11)));
        assertFalse(s.contains(new Span(2, 5, 10)));
    }

    @Test
    void startsAtOrAfterComparesLineThenColumn() {
        Span s = new Span(2, 5, 6);
        assertTrue(s.startsAtOrAfter(1, 9));
        assertTrue(s.startsAtOrAfter(2, 5));
        assertFalse(s.startsAtOrAfter(2, 6));
        assertFalse(s.startsAtOrAfter(3, 1));
    }

    @Test
    void spansSortByLineThenColumnThenEnd() {
        List<Span> spans = new ArrayList<>(List.of(new Span(2, 1, 2), new Span(1, 5, 6), new Span(1, 3, 9), new Span(1, 3, 4)));
        spans.sort(null);
        assertEquals(List.of(new Span(1, 3, 4), new Span(1, 3, 9), new Span(1, 5, 6), new Span(2, 1, 2)), spans);
        assertTrue(new Span(1, 3, 4).compareTo(new Span(1, 3, 9)) < 0);
        assertTrue(new Span(1, 3, 9).compareTo(new Span(1, 3, 4)) > 0);
        assertEquals(0, new Span(1, 3, 4).compareTo(new Span(1, 3, 4)));
        assertTrue(new Span(2, 1, 2).compareTo(new Span(1, 5, 6)) > 0);
    }

    @Test
    void aPositionPrintsAsLineColonColumn() {
        assertEquals("3:7", new ChapterPosition(3, 7).toString());
    }

    @Test
    void aChapterIsReadWithItsLinesAndNamedByItsStem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("04-training.md");
        Files.writeString(file, "# Training\n\nW = 0.5\n");
        Chapter ch = Chapter.read("04-training.md", file);
        assertEquals("04-training", ch.stem());
        assertEquals(List.of("# Training", "", "W = 0.5"), ch.lines());
        assertEquals("W = 0.5", ch.line(3));
        assertEquals("# Training", ch.line(1));
        assertEquals("notes.txt", new Chapter("notes.txt", Path.of("chapters/notes.txt"), "", List.of()).stem());
    }

    @Test
    void aChapterNumberKnowsItsValueAndColumn() {
        ChapterNumber n = new ChapterNumber(new Span(4, 7, 13), 6, 12, "10,000", ChapterNumber.Context.PROSE);
        assertEquals(10000.0, n.value());
        assertEquals(4, n.line());
        assertEquals(7, n.column());
        assertEquals(0.125, new ChapterNumber(new Span(1, 1, 6), 0, 5, "12.5%", ChapterNumber.Context.PROSE).value());
        assertEquals("expression", ChapterNumber.Context.EXPRESSION.word());
    }
}
