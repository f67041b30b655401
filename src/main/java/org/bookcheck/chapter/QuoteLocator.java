package org.bookcheck.chapter;

import java.util.ArrayList;
import java.util.List;
import org.bookcheck.text.EditDistance;

/**
 * Finds a quote in a chapter, and the closest line when it is gone. A quote is exact chapter text; one
 * that holds line breaks ({@code \n}) spans consecutive lines, as a matrix printed one row per line.
 */
public final class QuoteLocator {

    private QuoteLocator() {
    }

    /**
     * Locates a quote. {@code occurrence} counts from 1; 0 means the quote must occur exactly once.
     */
    public static QuoteLocation locate(Chapter chapter, String quote, int occurrence) {
        List<QuoteLocation.Found> hits = occurrences(chapter, quote);
        if (hits.isEmpty()) {
            return closest(chapter, quote);
        }
        List<Integer> lines = hits.stream().map(h -> h.start().line()).toList();
        if (occurrence == 0) {
            return hits.size() == 1 ? hits.get(0) : new QuoteLocation.Ambiguous(lines);
        }
        if (occurrence > hits.size()) {
            return new QuoteLocation.TooFewOccurrences(occurrence, lines);
        }
        return hits.get(occurrence - 1);
    }

    /** Every place the quote occurs, in the order {@code occurrence} counts them (overlapping ones too). */
    public static List<QuoteLocation.Found> occurrences(Chapter chapter, String quote) {
        List<String> lines = chapter.lines();
        String text = String.join("\n", lines);
        int[] lineStart = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            lineStart[i + 1] = lineStart[i] + lines.get(i).length() + 1;
        }
        List<QuoteLocation.Found> hits = new ArrayList<>();
        if (quote.isEmpty()) {
            return hits;
        }
        int line = 0;
        for (int at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
            while (lineStart[line + 1] <= at) {
                line++;
            }
            List<Span> spans = new ArrayList<>();
            int end = at + quote.length();
            for (int l = line; l < lines.size() && lineStart[l] < end; l++) {
                String lineText = lines.get(l);
                int from = Math.max(at, lineStart[l]) - lineStart[l];
                int to = Math.min(end, lineStart[l] + lineText.length()) - lineStart[l];
                if (to > from || l == line) {
                    spans.add(Span.of(lineText, l + 1, from, Math.max(from, to)));
                }
            }
            String first = lines.get(line);
            hits.add(new QuoteLocation.Found(new ChapterPosition(line + 1, column(first, at - lineStart[line])), first, spans));
        }
        return hits;
    }

    /** The 1-based column (in code points) of a character index of a line. */
    public static int column(String line, int index) {
        return line.codePointCount(0, index) + 1;
    }

    private static QuoteLocation.Missing closest(Chapter chapter, String quote) {
        String firstLine = quote.strip().lines().findFirst().orElse(quote);
        int bestLine = 1;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < chapter.lines().size(); i++) {
            String line = chapter.lines().get(i);
            if (line.isBlank()) {
                continue;
            }
            int d = EditDistance.distanceToBestSubstring(firstLine, line);
            if (d < bestDistance) {
                bestDistance = d;
                bestLine = i + 1;
            }
        }
        return new QuoteLocation.Missing(bestLine, chapter.lines().isEmpty() ? "" : chapter.line(bestLine));
    }
}
