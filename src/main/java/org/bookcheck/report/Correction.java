package org.bookcheck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.chapter.Span;
import org.bookcheck.check.Finding;
import org.bookcheck.check.FixtureResult;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.PrintedArray;
import org.bookcheck.fixture.PrintedNumber;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.reference.Numeric;

/**
 * The suggested correction of one wrong printed value: the value the book should print (the erratum's
 * correction where the fixture gives one, else the exact value at the printed precision) and the
 * element-by-element replacements on the chapter line, leaving everything else on the line as written.
 */
public record Correction(Finding finding, String from, String to, List<Replacement> replacements) {

    /** Characters [start, end) of a 1-based line replaced by {@code to}. */
    public record Replacement(int line, int start, int end, String from, String to) {
    }

    public Correction {
        replacements = List.copyOf(replacements);
    }

    /** The corrections of every wrong printed value (mismatches and propagated ones) of the results. */
    public static List<Correction> all(List<FixtureResult> results, java.util.function.Function<String, Optional<Chapter>> chapters) {
        List<Correction> out = new ArrayList<>();
        for (FixtureResult r : results) {
            if (r.fixture().isEmpty()) {
                continue;
            }
            Fixture fixture = r.fixture().get();
            Optional<Chapter> chapter = chapters.apply(fixture.chapter());
            for (Finding f : r.findings()) {
                if (!f.verdict().isOk()) {
                    of(f, fixture, chapter).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /** The correction of a wrong printed value; element replacements need the chapter. */
    public static Optional<Correction> of(Finding f, Fixture fixture, Optional<Chapter> chapter) {
        if (f.verdict().isOk() || !(f.exact() instanceof Numeric exact)) {
            return Optional.empty();
        }
        PrintedValue printed = f.printed();
        Optional<PrintedValue> corrected = f.erratum().map(e -> e.corrected());
        String to = corrected.map(PrintedValue::text).orElse(f.exactRounded());
        List<Replacement> replacements = new ArrayList<>();
        if (chapter.isPresent() && !(fixture.claim() instanceof org.bookcheck.fixture.Claim.Supplementary)) {
            List<PrintedNumber> printedElements = elements(printed);
            List<PrintedNumber> correctedElements = corrected.map(Correction::elements).orElse(List.of());
            // The checker placed every element on its own tokens: edit exactly those characters.
            for (int e = 0; e < f.spans().size() && e < printedElements.size(); e++) {
                Span span = f.spans().get(e);
                PrintedNumber element = printedElements.get(e);
                double value = exact.at(e);
                if (span.column() == span.endColumn() || element.admits(value, 0)) {
                    continue;
                }
                String line = chapter.get().line(span.line());
                String old = span.text(line);
                String text = correctedElements.size() == printedElements.size()
                        ? correctedElements.get(e).text().strip() : element.renderLike(value);
                replacements.add(new Replacement(span.line(), span.start(line), span.end(line), old, styled(text, old)));
            }
        }
        return Optional.of(new Correction(f, printed.text(), to, replacements));
    }

    private static List<PrintedNumber> elements(PrintedValue printed) {
        return switch (printed) {
            case PrintedNumber n -> List.of(n);
            case PrintedArray a -> a.elements();
            default -> List.of();
        };
    }

    /** The new number written the way the old one was: the same minus sign, \% where the chapter escapes it. */
    static String styled(String number, String original) {
        String s = original.contains("−") ? number.replace('-', '−') : number.replace('−', '-');
        if (original.endsWith("\\%") && s.endsWith("%") && !s.endsWith("\\%")) {
            s = s.substring(0, s.length() - 1) + "\\%";
        }
        return s;
    }
}
