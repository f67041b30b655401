package org.bookcheck.coverage;

import java.util.ArrayList;
import java.util.List;
import org.bookcheck.chapter.ChapterNumber;
import org.bookcheck.chapter.ChapterNumbers;
import org.bookcheck.fixture.PrintedArray;
import org.bookcheck.fixture.PrintedBool;
import org.bookcheck.fixture.PrintedNumber;
import org.bookcheck.fixture.PrintedTokens;
import org.bookcheck.fixture.PrintedValue;

/**
 * Where the elements of a printed value stand on the chapter line that prints them: inside the quote,
 * the printed text itself when it occurs verbatim, else the quote from its first element on; the
 * numbers there are matched to the elements in order, by value. This is what a correction replaces,
 * element by element, so the rest of the line (a bmatrix's spacing) stays as written.
 */
public final class PrintedPlacement {

    /** One element of a printed value on its line: characters [start, end). */
    public record Placed(int element, int start, int end, String text) {
    }

    private static final double SAME = 1e-12;

    private PrintedPlacement() {
    }

    /** The elements of {@code printed} on {@code line}, whose quote starts at character {@code quoteStart}. */
    public static List<Placed> place(String line, int quoteStart, String quote, PrintedValue printed) {
        List<PrintedNumber> elements = switch (printed) {
            case PrintedNumber n -> List.of(n);
            case PrintedArray a -> a.elements();
            case PrintedTokens t -> List.of();
            case PrintedBool b -> List.of();
        };
        if (elements.isEmpty() || quoteStart < 0) {
            return List.of();
        }
        int quoteEnd = Math.min(line.length(), quoteStart + quote.length());
        int from = quoteStart;
        int to = quoteEnd;
        int whole = line.substring(quoteStart, quoteEnd).indexOf(printed.text());
        if (whole >= 0) {
            from = quoteStart + whole;
            to = from + printed.text().length();
        }
        List<ChapterNumber> numbers = ChapterNumbers.numbersIn(line, 0, from, to);
        List<Placed> out = new ArrayList<>();
        int next = 0;
        for (int e = 0; e < elements.size(); e++) {
            double want = elements.get(e).value();
            for (int k = next; k < numbers.size(); k++) {
                ChapterNumber n = numbers.get(k);
                if (Math.abs(n.value() - want) <= SAME * Math.max(1, Math.abs(want))) {
                    out.add(new Placed(e, n.start(), n.end(), n.text()));
                    next = k + 1;
                    break;
                }
            }
        }
        return out;
    }
}
