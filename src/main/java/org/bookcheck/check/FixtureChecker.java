package org.bookcheck.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.chapter.NumberTokens;
import org.bookcheck.chapter.QuoteLocation;
import org.bookcheck.chapter.QuoteLocator;
import org.bookcheck.chapter.Span;
import org.bookcheck.chapter.ValuePlacement;
import org.bookcheck.fixture.Anchor;
import org.bookcheck.fixture.Claim;
import org.bookcheck.fixture.ErratumEntry;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.FixtureError;
import org.bookcheck.fixture.Input;
import org.bookcheck.fixture.PrintedArray;
import org.bookcheck.fixture.PrintedBool;
import org.bookcheck.fixture.PrintedNumber;
import org.bookcheck.fixture.PrintedTokens;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.fixture.Step;
import org.bookcheck.fixture.StepForm;
import org.bookcheck.fixture.Tolerance;
import org.bookcheck.reference.Value;

/**
 * Checks one fixture against its chapter: anchors every printed value, compares it with the exact
 * chain at its printed precision, tells carried rounding and propagated errors from new ones, and
 * decides whether the fixture's claim holds.
 */
public final class FixtureChecker {

    private final Fixture fixture;
    private final Chapter chapter;
    private final Evaluation evaluation;
    private final List<Failure> failures = new ArrayList<>();
    private final List<FixtureError> errors = new ArrayList<>();
    private final Provenance provenance = new Provenance();

    private FixtureChecker(Fixture fixture, Chapter chapter, Evaluation evaluation) {
        this.fixture = fixture;
        this.chapter = chapter;
        this.evaluation = evaluation;
    }

    /** Checks a fixture whose chapter has been read. */
    public static FixtureResult check(Fixture fixture, Chapter chapter) {
        return check(fixture, chapter, Upstream.none());
    }

    /**
     * Checks a fixture whose chapter has been read, with its imports taken from the book's fixtures checked
     * before it; then exports its own values to {@code upstream} for the fixtures that import them.
     */
    public static FixtureResult check(Fixture fixture, Chapter chapter, Upstream upstream) {
        Evaluation evaluation = Evaluation.of(fixture, upstream);
        if (!evaluation.errors().isEmpty()) {
            return FixtureResult.invalid(fixture.file(), Optional.of(fixture), evaluation.errors());
        }
        FixtureChecker checker = new FixtureChecker(fixture, chapter, evaluation);
        FixtureResult result = checker.run().withEvaluation(evaluation);
        if (result.errors().isEmpty()) {
            checker.export(upstream, result);
        }
        return result;
    }

    private void export(Upstream upstream, FixtureResult result) {
        for (Input input : fixture.inputs()) {
            Optional<Location> given = result.givens().stream().filter(g -> g.input().equals(input.name())).findFirst()
                    .map(FixtureResult.Given::location);
            upstream.export(fixture.id() + "/" + input.name(), new Upstream.Exported(input.value(), Optional.of(input.value()),
                    provenance.exported(input.name(), fixture.id()), input.literal(), given));
        }
        for (Step step : fixture.steps()) {
            Optional<Location> printedAt = result.findings().stream().filter(f -> f.step().equals(step.name())).findFirst()
                    .map(Finding::location);
            upstream.export(fixture.id() + "/" + step.name(), new Upstream.Exported(evaluation.exact(step.name()),
                    evaluation.book(step.name()), provenance.exported(step.name(), fixture.id()), step.printed(), printedAt));
        }
    }

    private FixtureResult run() {
        List<FixtureResult.Given> givens = new ArrayList<>();
        for (Input input : fixture.inputs()) {
            input.anchor().flatMap(anchor -> locate(anchor, input.pointer() + "/quote", input.literal(), "input \"" + input.name() + "\"",
                            input.pointer() + "/value"))
                    .ifPresent(place -> givens.add(new FixtureResult.Given(input.name(), place.location(), input.anchor().get().quote(),
                            place.spans())));
        }
        for (org.bookcheck.fixture.Import i : fixture.imports()) {
            evaluation.upstream().get(i.qualified()).ifPresent(v -> provenance.imported(i.name(), v.flow()));
        }
        List<Finding> findings = new ArrayList<>();
        for (Step step : fixture.steps()) {
            Value result = evaluation.exact(step.name());
            Provenance.Flow inflow = provenance.inflow(evaluation.term(step.name()), evaluation.nodes(step.name()));
            if (step.printed().isEmpty()) {
                provenance.unprinted(step.name(), inflow);
                continue;
            }
            Optional<Place> place = locate(step);
            if (place.isEmpty()) {
                continue;
            }
            Finding finding = judge(step, place.get(), inflow);
            findings.add(finding);
            provenance.printed(step.name(), result, finding.elements());
        }
        if (!errors.isEmpty()) {
            return FixtureResult.invalid(fixture.file(), Optional.of(fixture), errors);
        }
        findings.stream().filter(Finding::failsClaim).forEach(f -> failures.add(Failure.of(f)));
        return new FixtureResult(fixture.file(), Optional.of(fixture), findings, givens, failures, List.of());
    }

    private Finding judge(Step step, Place place, Provenance.Flow inflow) {
        PrintedValue printed = step.printed().orElseThrow();
        Value exact = evaluation.exact(step.name());
        Optional<Tolerance> tolerance = fixture.toleranceOf(step);
        double allowance = tolerance.map(Tolerance::absolute).orElse(0.0);
        Comparison allowed = Comparison.of(printed, exact, allowance);
        Optional<Value> carried = evaluation.carried(step.name());
        ElementJudge elementJudge = new ElementJudge(step, printed, exact, carried, tolerance, inflow, evaluation);
        List<ElementVerdict> elements = elementJudge.verdicts();
        Verdict verdict = elementJudge.overall(elements, interval(printed, allowance));
        Optional<ErratumEntry> erratum = fixture.claim() instanceof Claim.Erratum e
                ? e.entries().stream().filter(x -> x.step().equals(step.name())).findFirst()
                : Optional.empty();
        Expectation expectation = switch (fixture.claim()) {
            case Claim.Illustrative i -> Expectation.REPORT_ONLY;
            case Claim.Erratum e -> erratum.isPresent() ? Expectation.MUST_BE_WRONG : Expectation.MUST_HOLD;
            case Claim.Holds h -> Expectation.MUST_HOLD;
            case Claim.Supplementary s -> Expectation.MUST_HOLD;
        };
        boolean consequenceOfErratum = verdict instanceof Verdict.Propagated p && fixture.claim() instanceof Claim.Erratum e
                && p.origins().stream().allMatch(e::covers);
        boolean fails = switch (expectation) {
            case MUST_HOLD -> !verdict.isOk() && !consequenceOfErratum;
            case MUST_BE_WRONG -> verdict.isOk();
            case REPORT_ONLY -> false;
        };
        String calculation = switch (step.form()) {
            case StepForm.Call call -> step.calculation() + "   [" + call.op().opName() + ": " + call.op().formula() + "]";
            case StepForm.Expression e -> step.calculation();
        };
        Anchor anchor = fixture.anchorOf(step);
        Finding draft = new Finding(fixture.id(), fixture.file(), fixture.title(), fixture.claim().kind(), step.name(), place.location(),
                anchor.quote(), printed, exact, ValueText.likePrinted(printed, exact), allowed.maxDifference(),
                interval(printed, allowance), verdict, calculation, expectation, erratum, fails, "", place.spans(), elements);
        return withExplanation(draft, carried, elementJudge.bookInputs(elements, this::lineOf));
    }

    private Finding withExplanation(Finding f, Optional<Value> carried, Optional<BookInputs> bookInputs) {
        String text = FindingText.explain(f, carried, bookInputs, this::placeOf);
        return new Finding(f.fixtureId(), f.fixtureFile(), f.title(), f.claim(), f.step(), f.location(), f.quote(), f.printed(),
                f.exact(), f.exactRounded(), f.difference(), f.interval(), f.verdict(), f.calculation(), f.expectation(),
                f.erratum(), f.failsClaim(), text, f.spans(), f.elements());
    }

    /** Where the book prints a step: {@code line 12} here, {@code chapters/a.md line 6} for one imported from another fixture. */
    private String placeOf(String step) {
        if (step.contains("/")) {
            return evaluation.upstream().place(step);
        }
        int line = lineOf(step);
        return line > 0 ? "line " + line : "";
    }

    private int lineOf(String step) {
        if (step.contains("/")) {
            return evaluation.upstream().get(step).flatMap(Upstream.Exported::location).map(Location::line).orElse(0);
        }
        return fixture.step(step).flatMap(s -> {
            Anchor a = fixture.anchorOf(s);
            return QuoteLocator.locate(chapter, a.quote(), a.occurrence()) instanceof QuoteLocation.Found found
                    ? Optional.of(found.start().line()) : Optional.empty();
        }).orElse(0);
    }

    /** Where a printed value stands: its first element's line and column, and one span per element. */
    private record Place(Location location, List<Span> spans) {
    }

    /** Where the step's printed value stands in the chapter; records why when it cannot be placed. */
    private Optional<Place> locate(Step step) {
        String where = step.anchor().isPresent() ? step.pointer() + "/quote" : "/quote";
        return locate(fixture.anchorOf(step), where, step.printed(), "step \"" + step.name() + "\"", step.pointer() + "/printed");
    }

    /**
     * Where a printed value stands: the run of number tokens of its quote that prints it ({@link
     * ValuePlacement}). The book's own printed values must occur in their quote; a supplementary
     * fixture's worked values are bookcheck's, so they stand at the quote of the formula they work through.
     */
    private Optional<Place> locate(Anchor anchor, String quotePointer, Optional<PrintedValue> printed, String what,
            String printedPointer) {
        switch (QuoteLocator.locate(chapter, anchor.quote(), anchor.occurrence())) {
            case QuoteLocation.Found found -> {
                boolean bookValue = !(fixture.claim() instanceof Claim.Supplementary) || printedPointer.contains("/inputs/");
                Location start = new Location(fixture.chapter(), found.start().line(), found.start().column());
                if (!bookValue || printed.isEmpty()) {
                    return Optional.of(new Place(start, List.of()));
                }
                return place(found, anchor, printed.get(), what, printedPointer, start);
            }
            case QuoteLocation.Missing missing -> failures.add(new Failure.QuoteMoved(fixture, anchor.quote(), quotePointer, what,
                    missing.closestLine(), missing.closestText()));
            case QuoteLocation.Ambiguous ambiguous -> errors.add(fixture.error(quotePointer, what + ": the quote \"" + anchor.quote()
                    + "\" occurs " + ambiguous.lines().size() + " times in chapters/" + fixture.chapter() + " (lines "
                    + joinLines(ambiguous.lines()) + "); add \"occurrence\": N to say which one, or quote more of the line"));
            case QuoteLocation.TooFewOccurrences few -> failures.add(new Failure.OccurrenceGone(fixture, anchor.quote(), what,
                    few.wanted(), few.lines()));
        }
        return Optional.empty();
    }

    /** The printed value's numbers among the quote's number tokens; tokens and truth values by their text. */
    private Optional<Place> place(QuoteLocation.Found found, Anchor anchor, PrintedValue printed, String what, String printedPointer,
            Location start) {
        List<PrintedNumber> elements = switch (printed) {
            case PrintedNumber n -> List.of(n);
            case PrintedArray a -> a.elements();
            case PrintedTokens t -> List.of();
            case PrintedBool b -> List.of();
        };
        if (printed instanceof PrintedTokens t) {
            List<String> absent = t.tokens().stream().filter(p -> !anchor.quote().contains(p)).distinct().map(p -> "\"" + p + "\"").toList();
            if (!absent.isEmpty()) {
                errors.add(fixture.error(printedPointer, what + ": the book's quote does not contain " + String.join(", ", absent)
                        + " of the printed value " + printed.text() + "; a fixture records what the book prints, so quote"
                        + " the text that prints this value (quote: \"" + anchor.quote() + "\")"));
                return Optional.empty();
            }
            int offset = t.tokens().isEmpty() ? 0 : Math.max(0, anchor.quote().indexOf(t.tokens().get(0)));
            return Optional.of(new Place(new Location(fixture.chapter(), start.line(), start.column()
                    + anchor.quote().codePointCount(0, offset)), List.of()));
        }
        if (elements.isEmpty()) {
            return Optional.of(new Place(start, List.of()));
        }
        List<List<String>> texts = elements.stream().map(e -> NumberTokens.texts(e.text())).toList();
        switch (ValuePlacement.in(chapter, found, texts)) {
            case ValuePlacement.Placed placed -> {
                Span first = placed.elements().isEmpty() ? null : placed.elements().get(0);
                Location location = first == null ? start : new Location(fixture.chapter(), first.line(), first.column());
                return Optional.of(new Place(location, placed.elements()));
            }
            case ValuePlacement.Absent absent -> {
                String numbers = absent.quoteNumbers().isEmpty() ? "no numbers" : "the numbers " + String.join(", ", absent.quoteNumbers());
                String problem = absent.missing().isEmpty()
                        ? "the book's quote holds the numbers of the printed value " + printed.text() + " but not one after another in"
                        + " this order (it holds " + numbers + "); quote the text that prints the whole value, and write its"
                        + " elements in the book's order"
                        : "the book's quote does not contain " + String.join(", ", absent.missing().stream()
                        .map(e -> "\"" + elements.get(e).text() + "\"").distinct().toList()) + " of the printed value " + printed.text()
                        + " as a number of its own (it holds " + numbers + "); a fixture records what the book prints, so quote"
                        + " the text that prints this value";
                errors.add(fixture.error(printedPointer, what + ": " + problem + " (quote: \"" + anchor.quote() + "\")"));
            }
            case ValuePlacement.Ambiguous ambiguous -> errors.add(fixture.error(printedPointer, what + ": the printed value "
                    + printed.text() + " occurs " + ambiguous.candidates().size() + " times in the quote (at chapters/" + fixture.chapter()
                    + " " + String.join(", ", ambiguous.candidates().stream().map(s -> s.line() + ":" + s.column()).toList())
                    + ") and the result position, after the quote's last =, ≈ or →, does not tell which one is meant; quote less"
                    + " of the line so that it occurs once (quote: \"" + anchor.quote() + "\")"));
        }
        return Optional.empty();
    }

    private static String interval(PrintedValue printed, double allowance) {
        return switch (printed) {
            case PrintedNumber n -> n.interval(allowance);
            case PrintedArray a -> "each element within its printed precision"
                    + (allowance > 0 ? " or ±" + ValueText.exact(allowance) : "") + " (first: " + a.elements().get(0).interval(allowance) + ")";
            case PrintedTokens t -> "exactly these tokens";
            case PrintedBool b -> "exactly " + b.text();
        };
    }

    private static String joinLines(List<Integer> lines) {
        return String.join(", ", lines.stream().map(String::valueOf).toList());
    }
}
