package org.bookcheck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.chapter.NumberTokens;
import org.bookcheck.chapter.Span;
import org.bookcheck.check.ElementVerdict;
import org.bookcheck.check.Finding;
import org.bookcheck.check.FixtureResult;
import org.bookcheck.check.Proposal;
import org.bookcheck.check.ValueText;
import org.bookcheck.check.Verdict;
import org.bookcheck.fixture.Claim;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.PrintedArray;
import org.bookcheck.fixture.PrintedNumber;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.fixture.Step;
import org.bookcheck.reference.Numeric;

/**
 * The suggested correction of one wrong printed value: the value the book should print and the
 * element-by-element replacements on the chapter, exactly on the tokens the checker placed the wrong
 * elements on, leaving everything else as written. Each wrong element gets the erratum's correction where
 * the fixture gives one, else the checker's proposal: the exact value at the printed precision, or, where
 * the line prints an input of the book's own that is off, the value from that input (which makes the line
 * true); a value that would print as zeros gets the decimals that keep its first significant digit.
 *
 * @param notes what an author should know about the edits (more decimals, the book's own inputs, a line
 *              that needs rewriting), one sentence each
 */
public record Correction(Finding finding, String from, String to, List<Replacement> replacements, List<String> notes) {

    /** Characters [start, end) of a 1-based line replaced by {@code to}. */
    public record Replacement(int line, int start, int end, String from, String to) {
    }

    public Correction {
        replacements = List.copyOf(replacements);
        notes = List.copyOf(notes);
    }

    /** The corrections of every wrong printed value (mismatches and propagated ones) of the results; illustrative fixtures left out. */
    public static List<Correction> all(List<FixtureResult> results, java.util.function.Function<String, Optional<Chapter>> chapters) {
        return all(results, chapters, false);
    }

    /**
     * The corrections of every wrong printed value of the results. The numbers of an illustrative fixture
     * are made up by the book's own word, so they are corrected only when asked.
     */
    public static List<Correction> all(List<FixtureResult> results, java.util.function.Function<String, Optional<Chapter>> chapters,
            boolean includeIllustrative) {
        List<Correction> out = new ArrayList<>();
        for (FixtureResult r : results) {
            if (r.fixture().isEmpty() || (!includeIllustrative && r.fixture().get().claim() instanceof Claim.Illustrative)) {
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
        List<PrintedNumber> printedElements = elements(printed);
        Optional<PrintedValue> corrected = f.erratum().map(e -> e.corrected());
        List<PrintedNumber> correctedElements = corrected.map(Correction::elements).orElse(List.of());
        boolean fromErratum = correctedElements.size() == printedElements.size() && !printedElements.isEmpty();
        List<String> notes = new ArrayList<>();
        String[] texts = new String[printedElements.size()];
        double[] proposed = exact.flat();
        for (ElementVerdict v : f.elements()) {
            int e = v.index();
            if (e >= texts.length) {
                continue;
            }
            PrintedNumber element = printedElements.get(e);
            switch (v.proposal()) {
                case Proposal.Keep keep -> {
                }
                case Proposal.Rewrite rewrite -> notes.add(where(f, v) + ": this line needs rewriting (" + rewrite.why()
                        + "); no single edit makes it true, so none is proposed");
                case Proposal.Replace replace -> {
                    proposed[e] = replace.value();
                    texts[e] = fromErratum ? correctedElements.get(e).text().strip() : written(element, replace.value(), notes, where(f, v));
                    if (!fromErratum && !replace.basis().startsWith("the exact")) {
                        notes.add(where(f, v) + ": " + texts[e] + " is what the line gives from " + replace.basis()
                                + ", so the line stays true (the exact chain gives " + element.renderLike(exact.at(e)) + ")");
                    }
                }
            }
        }
        if (f.verdict() instanceof Verdict.Propagated p) {
            operandsShown(f, fixture, p).ifPresent(notes::add);
        }
        String to = corrected.map(PrintedValue::text).orElse(printed instanceof PrintedNumber && texts.length == 1 && texts[0] != null
                ? texts[0] : ValueText.likePrinted(printed, exact.withFlat(proposed)));
        List<Replacement> replacements = new ArrayList<>();
        if (chapter.isPresent() && !(fixture.claim() instanceof Claim.Supplementary)) {
            // The checker placed every element on its own tokens: edit exactly those characters.
            for (int e = 0; e < f.spans().size() && e < texts.length; e++) {
                Span span = f.spans().get(e);
                if (texts[e] == null || span.column() == span.endColumn()) {
                    continue;
                }
                String line = chapter.get().line(span.line());
                String old = span.text(line);
                replacements.add(new Replacement(span.line(), span.start(line), span.end(line), old, styled(texts[e], old)));
            }
        }
        return Optional.of(new Correction(f, printed.text(), to, replacements, notes));
    }

    /**
     * A value written like the printed element; where the printed decimals would show a non-zero value as
     * zeros, with the decimals that keep its first significant digit, and a note that says so.
     */
    static String written(PrintedNumber element, double value, List<String> notes, String where) {
        String text = element.renderLike(value);
        boolean zeros = text.chars().noneMatch(c -> c >= '1' && c <= '9');
        if (!zeros || value == 0 || !Double.isFinite(value)
                || (element.form() != PrintedNumber.Form.DECIMAL && element.form() != PrintedNumber.Form.PERCENT)) {
            return text;
        }
        double shown = element.form() == PrintedNumber.Form.PERCENT ? value * 100 : value;
        int decimals = Math.max(element.decimals(), (int) -Math.floor(Math.log10(Math.abs(shown))));
        String longer = new PrintedNumber(element.text(), element.form(), element.decimal(), null, null, decimals).renderLike(value);
        notes.add(where + ": " + longer + " is written with " + decimals + " decimals, not the printed " + element.decimals()
                + ", which would show it as " + text);
        return longer;
    }

    /**
     * A propagated value whose line also prints the wrong value it follows from, as an operand: fix
     * corrects results only, so the line stays false as written until that operand is corrected by hand.
     */
    private static Optional<String> operandsShown(Finding f, Fixture fixture, Verdict.Propagated p) {
        List<String> shown = p.from().stream().filter(r -> fixture.step(r.step()).flatMap(Step::printed).map(Correction::elements)
                .filter(e -> r.index() < e.size())
                .map(e -> NumberTokens.texts(f.quote()).contains(e.get(r.index()).text()))
                .orElse(false)).map(r -> fixture.step(r.step()).flatMap(Step::printed).map(Correction::elements).orElseThrow()
                .get(r.index()).text() + " (step " + r + ")").distinct().toList();
        return shown.isEmpty() ? Optional.empty() : Optional.of(f.fixtureId() + " › " + f.step() + " (chapters/" + f.location()
                + "): the line also prints the wrong " + String.join(", ", shown) + " as an operand; fix edits results only,"
                + " so correct it there by hand to the value proposed for that step");
    }

    private static String where(Finding f, ElementVerdict v) {
        return f.fixtureId() + " › " + f.step() + v.position() + " (chapters/" + f.location() + ")";
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
