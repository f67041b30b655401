package org.bookcheck.chapter;

import java.util.List;

/** Where a fixture's quote stands in its chapter, or why it cannot be placed. */
public sealed interface QuoteLocation {

    /**
     * The quote occurs where it should; {@code start} is its first character, {@code lineText} the line
     * it starts on and {@code spans} the quoted characters of each line it covers (several for a quote
     * that spans lines).
     */
    record Found(ChapterPosition start, String lineText, List<Span> spans) implements QuoteLocation {

        public Found {
            spans = List.copyOf(spans);
        }
    }

    /**
     * The quote no longer occurs: the text changed. {@code closestLine} is the line most like the
     * quote, so the author sees what it became.
     */
    record Missing(int closestLine, String closestText) implements QuoteLocation {
    }

    /** The quote occurs on several lines and the fixture does not say which occurrence it means. */
    record Ambiguous(List<Integer> lines) implements QuoteLocation {
    }

    /** The fixture asks for an occurrence beyond the number there are. */
    record TooFewOccurrences(int wanted, List<Integer> lines) implements QuoteLocation {
    }
}
