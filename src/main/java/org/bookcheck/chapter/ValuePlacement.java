package org.bookcheck.chapter;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a printed value stands among the number tokens of its quote, or why it stands nowhere. The
 * value's numbers must be a run of consecutive tokens of the quote, in order, compared as written
 * ({@link NumberTokens#normal}); never a part of a longer number. When the run occurs more than once,
 * the one at the result position — after the last {@code =}, {@code ≈} or {@code →} of the quote — is
 * taken; when that does not decide, the placement is ambiguous and names the candidates. A list worked out one element
 * per line ({@code x[0] = … = 0.4} then {@code x[1] = … = 0.85}) stands element by element at the lines' result positions.
 */
public sealed interface ValuePlacement {

    /** The value is here: one span per element, in element order (an element without digits, −∞, gets an empty span). */
    record Placed(List<Span> elements) implements ValuePlacement {

        public Placed {
            elements = List.copyOf(elements);
        }
    }

    /**
     * The quote does not hold the value: {@code missing} are the elements (by index) none of whose
     * numbers is a token of the quote; when empty, every element occurs but not as one run in order.
     */
    record Absent(List<Integer> missing, List<String> quoteNumbers) implements ValuePlacement {

        public Absent {
            missing = List.copyOf(missing);
            quoteNumbers = List.copyOf(quoteNumbers);
        }
    }

    /** The run occurs several times and the result position does not tell which is meant: the candidates' first spans. */
    record Ambiguous(List<Span> candidates) implements ValuePlacement {

        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /** The characters that mark a result: what follows the last of them is the result position. */
    List<String> RESULT_MARKS = List.of("=", "≈", "→", "\\approx", "\\rightarrow", "\\to");

    /** Places a value, given by each element's number texts, in a located quote of the chapter. */
    static ValuePlacement in(Chapter chapter, QuoteLocation.Found quote, List<List<String>> elements) {
        List<String> lines = quote.spans().stream().map(s -> chapter.line(s.line())).toList();
        List<ChapterNumber> tokens = ChapterNumbers.scan(chapter).within(quote.spans());
        ValuePlacement whole = place(tokens, elements, resultPosition(quote.spans(), lines));
        if (whole instanceof Absent && elements.size() > 1 && quote.spans().size() > 1) {
            return onePerLine(tokens, quote.spans(), lines, elements).orElse(whole);
        }
        return whole;
    }

    /**
     * A list worked out one element per calculation ({@code x[0] = … = 0.4}, then {@code x[1] = … = 0.85}): each element,
     * in order, is the first number(s) after the last result mark of a later line of the quote than the one before.
     */
    static java.util.Optional<ValuePlacement> onePerLine(List<ChapterNumber> tokens, List<Span> spans, List<String> lines,
            List<List<String>> elements) {
        List<Span> placed = new ArrayList<>();
        int line = 0;
        for (List<String> element : elements) {
            List<String> want = element.stream().map(NumberTokens::normal).toList();
            if (want.isEmpty()) {
                return java.util.Optional.empty();
            }
            java.util.Optional<Span> found = java.util.Optional.empty();
            for (; line < spans.size() && found.isEmpty(); line++) {
                java.util.Optional<Span> result = resultPosition(List.of(spans.get(line)), List.of(lines.get(line)));
                if (result.isEmpty()) {
                    continue;
                }
                Span at = result.get();
                List<ChapterNumber> after = tokens.stream()
                        .filter(t -> t.span().line() == at.line() && t.span().startsAtOrAfter(at.line(), at.column())).toList();
                if (after.size() >= want.size()
                        && after.subList(0, want.size()).stream().map(t -> NumberTokens.normal(t.text())).toList().equals(want)) {
                    Span first = after.getFirst().span();
                    found = java.util.Optional.of(new Span(first.line(), first.column(), after.get(want.size() - 1).span().endColumn()));
                }
            }
            if (found.isEmpty()) {
                return java.util.Optional.empty();
            }
            placed.add(found.get());
        }
        return java.util.Optional.of(new Placed(placed));
    }

    /**
     * Places a value on the quote's tokens.
     *
     * @param quoteTokens the number tokens inside the quote, in reading order ({@link ChapterNumbers.Scan#within})
     * @param elements    each element's number texts as printed ({@link NumberTokens#texts}); 2/6 has two
     * @param resultAfter where the result position starts: the span just after the quote's last result mark, if any
     */
    static ValuePlacement place(List<ChapterNumber> quoteTokens, List<List<String>> elements, java.util.Optional<Span> resultAfter) {
        List<String> want = new ArrayList<>();
        elements.forEach(e -> e.forEach(t -> want.add(NumberTokens.normal(t))));
        List<String> have = quoteTokens.stream().map(t -> NumberTokens.normal(t.text())).toList();
        List<Integer> runs = new ArrayList<>();
        for (int k = 0; k + want.size() <= have.size() && !want.isEmpty(); k++) {
            if (have.subList(k, k + want.size()).equals(want)) {
                runs.add(k);
            }
        }
        if (runs.isEmpty()) {
            if (want.isEmpty()) {
                return new Placed(List.of());
            }
            List<Integer> missing = new ArrayList<>();
            for (int e = 0; e < elements.size(); e++) {
                List<String> texts = elements.get(e).stream().map(NumberTokens::normal).toList();
                if (!texts.isEmpty() && !have.containsAll(texts)) {
                    missing.add(e);
                }
            }
            return new Absent(missing, quoteTokens.stream().map(ChapterNumber::text).toList());
        }
        int chosen;
        if (runs.size() == 1) {
            chosen = runs.get(0);
        } else {
            List<Integer> atResult = resultAfter.map(r -> runs.stream()
                    .filter(k -> quoteTokens.get(k).span().startsAtOrAfter(r.line(), r.column())).toList()).orElse(List.of());
            if (atResult.size() != 1) {
                return new Ambiguous(runs.stream().map(k -> quoteTokens.get(k).span()).toList());
            }
            chosen = atResult.get(0);
        }
        List<Span> spans = new ArrayList<>();
        int k = chosen;
        Span previous = quoteTokens.get(chosen).span();
        for (List<String> element : elements) {
            if (element.isEmpty()) {
                spans.add(new Span(previous.line(), previous.endColumn(), previous.endColumn()));
                continue;
            }
            Span first = quoteTokens.get(k).span();
            Span last = quoteTokens.get(k + element.size() - 1).span();
            previous = last.line() == first.line() ? new Span(first.line(), first.column(), last.endColumn()) : first;
            spans.add(previous);
            k += element.size();
        }
        return new Placed(spans);
    }

    /**
     * Where the result position of a quote starts: just after its last result mark ({@code =}, {@code ≈},
     * {@code →}, {@code \approx}, {@code \rightarrow}, {@code \to}), or empty when it has none.
     *
     * @param lines the text of each line the quote covers, in the order of {@code spans}
     */
    static java.util.Optional<Span> resultPosition(List<Span> spans, List<String> lines) {
        for (int i = spans.size() - 1; i >= 0; i--) {
            Span s = spans.get(i);
            String line = lines.get(i);
            int from = s.start(line);
            int to = s.end(line);
            int best = -1;
            for (String mark : RESULT_MARKS) {
                int at = line.lastIndexOf(mark, to - mark.length());
                while (at >= from && mark.startsWith("\\") && at + mark.length() < line.length()
                        && Character.isLetter(line.charAt(at + mark.length()))) {
                    at = line.lastIndexOf(mark, at - 1);
                }
                if (at >= from) {
                    best = Math.max(best, at + mark.length());
                }
            }
            if (best >= 0) {
                return java.util.Optional.of(Span.of(line, s.line(), best, best));
            }
        }
        return java.util.Optional.empty();
    }
}
