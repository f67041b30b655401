package org.bookcheck.chapter;

import java.util.ArrayList;
import java.util.List;
import org.bookcheck.text.EditDistance;

/** Finds a quote in a chapter, line by line, and the closest line when it is gone. */
public final class QuoteLocator {

    private QuoteLocator() {
    }

    /**
     * Locates a quote. {@code occurrence} counts from 1; 0 means the quote must occur exactly once.
     */
    public static QuoteLocation locate(Chapter chapter, String quote, int occurrence) {
        List<ChapterPosition> hits = new ArrayList<>();
        for (int i = 0; i < chapter.lines().size(); i++) {
            String line = chapter.lines().get(i);
            for (int at = line.indexOf(quote); at >= 0; at = line.indexOf(quote, at + 1)) {
                hits.add(new ChapterPosition(i + 1, column(line, at)));
            }
        }
        if (hits.isEmpty()) {
            return closest(chapter, quote);
        }
        List<Integer> lines = hits.stream().map(ChapterPosition::line).toList();
        if (occurrence == 0) {
            return hits.size() == 1 ? found(chapter, hits.get(0)) : new QuoteLocation.Ambiguous(lines);
        }
        if (occurrence > hits.size()) {
            return new QuoteLocation.TooFewOccurrences(occurrence, lines);
        }
        return found(chapter, hits.get(occurrence - 1));
    }

    /** The 1-based column (in code points) of a character index of a line. */
    public static int column(String line, int index) {
        return line.codePointCount(0, index) + 1;
    }

    private static QuoteLocation found(Chapter chapter, ChapterPosition at) {
        return new QuoteLocation.Found(at, chapter.line(at.line()));
    }

    private static QuoteLocation.Missing closest(Chapter chapter, String quote) {
        int bestLine = 1;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < chapter.lines().size(); i++) {
            String line = chapter.lines().get(i);
            if (line.isBlank()) {
                continue;
            }
            int d = EditDistance.distanceToBestSubstring(quote, line);
            if (d < bestDistance) {
                bestDistance = d;
                bestLine = i + 1;
            }
        }
        return new QuoteLocation.Missing(bestLine, chapter.lines().isEmpty() ? "" : chapter.line(bestLine));
    }
}
