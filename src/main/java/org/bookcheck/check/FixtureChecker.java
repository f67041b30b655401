package org.bookcheck.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.chapter.QuoteLocation;
import org.bookcheck.chapter.QuoteLocator;
import org.bookcheck.fixture.Anchor;
import org.bookcheck.fixture.Argument;
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
    private final List<String> failures = new ArrayList<>();
    private final List<FixtureError> errors = new ArrayList<>();
    /** For each step, the wrong printed steps (origins) whose values flow into the book's chain there. */
    private final Map<String, Set<String>> originsOut = new HashMap<>();
    /** For each step, the printed steps nearest upstream whose values the book's chain carries. */
    private final Map<String, Set<String>> printedOut = new HashMap<>();

    private FixtureChecker(Fixture fixture, Chapter chapter, Evaluation evaluation) {
        this.fixture = fixture;
        this.chapter = chapter;
        this.evaluation = evaluation;
    }

    /** Checks a fixture whose chapter has been read. */
    public static FixtureResult check(Fixture fixture, Chapter chapter) {
        Evaluation evaluation = Evaluation.of(fixture);
        if (!evaluation.errors().isEmpty()) {
            return FixtureResult.invalid(fixture.file(), Optional.of(fixture), evaluation.errors());
        }
        return new FixtureChecker(fixture, chapter, evaluation).run().withEvaluation(evaluation);
    }

    private FixtureResult run() {
        List<FixtureResult.Given> givens = new ArrayList<>();
        for (Input input : fixture.inputs()) {
            input.anchor().flatMap(anchor -> locate(anchor, input.pointer() + "/quote", input.literal(), "input \"" + input.name() + "\"",
                            input.pointer() + "/value"))
                    .ifPresent(location -> givens.add(new FixtureResult.Given(input.name(), location, input.anchor().get().quote())));
        }
        List<Finding> findings = new ArrayList<>();
        for (Step step : fixture.steps()) {
            Set<String> origins = new LinkedHashSet<>();
            Set<String> printedUpstream = new LinkedHashSet<>();
            for (Argument arg : step.args().values()) {
                if (arg instanceof Argument.Reference r && originsOut.containsKey(r.name())) {
                    origins.addAll(originsOut.get(r.name()));
                    printedUpstream.addAll(printedOut.get(r.name()));
                }
            }
            if (step.printed().isEmpty()) {
                originsOut.put(step.name(), origins);
                printedOut.put(step.name(), printedUpstream);
                continue;
            }
            Optional<Location> location = locate(step);
            if (location.isEmpty()) {
                continue;
            }
            Finding finding = judge(step, location.get(), origins, printedUpstream);
            findings.add(finding);
            originsOut.put(step.name(), switch (finding.verdict()) {
                case Verdict.Mismatch m -> Set.of(step.name());
                case Verdict.Propagated p -> new LinkedHashSet<>(p.origins());
                default -> Set.of();
            });
            printedOut.put(step.name(), Set.of(step.name()));
        }
        if (!errors.isEmpty()) {
            return FixtureResult.invalid(fixture.file(), Optional.of(fixture), errors);
        }
        findings.stream().filter(Finding::failsClaim).forEach(f -> failures.add(FindingText.failure(f)));
        return new FixtureResult(fixture.file(), Optional.of(fixture), findings, givens, failures, List.of());
    }

    private Finding judge(Step step, Location location, Set<String> origins, Set<String> printedUpstream) {
        PrintedValue printed = step.printed().orElseThrow();
        Value exact = evaluation.exact(step.name());
        Optional<Tolerance> tolerance = fixture.toleranceOf(step);
        double allowance = tolerance.map(Tolerance::absolute).orElse(0.0);
        Comparison atPrecision = Comparison.of(printed, exact, 0);
        Comparison allowed = Comparison.of(printed, exact, allowance);
        Verdict verdict;
        if (atPrecision.consistent()) {
            verdict = new Verdict.Ok();
        } else if (allowed.consistent()) {
            verdict = new Verdict.OkWithinTolerance(tolerance.orElseThrow());
        } else {
            Optional<Value> carried = evaluation.carried(step.name());
            boolean followsBook = !printedUpstream.isEmpty() && carried.isPresent() && !carried.get().equals(exact)
                    && Comparison.of(printed, carried.get(), allowance).consistent();
            if (followsBook && !origins.isEmpty()) {
                verdict = new Verdict.Propagated(List.copyOf(origins));
            } else if (followsBook) {
                verdict = new Verdict.OkRoundingCarried(List.copyOf(printedUpstream), firstNumber(carried.get()),
                        interval(printed, allowance));
            } else {
                verdict = new Verdict.Mismatch(SlipDetector.detect(printed, exact, atPrecision));
            }
        }
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
        String calculation = step.calculation() + "   [" + step.op().opName() + ": " + step.op().formula() + "]";
        Anchor anchor = fixture.anchorOf(step);
        Finding draft = new Finding(fixture.id(), fixture.file(), fixture.title(), fixture.claim().kind(), step.name(), location,
                anchor.quote(), printed, exact, ValueText.likePrinted(printed, exact), allowed.maxDifference(),
                interval(printed, allowance), verdict, calculation, expectation, erratum, fails, "");
        return withExplanation(draft, evaluation.carried(step.name()));
    }

    private Finding withExplanation(Finding f, Optional<Value> carried) {
        String text = FindingText.explain(f, carried.map(ValueText::exact).orElse(null), this::lineOf);
        return new Finding(f.fixtureId(), f.fixtureFile(), f.title(), f.claim(), f.step(), f.location(), f.quote(), f.printed(),
                f.exact(), f.exactRounded(), f.difference(), f.interval(), f.verdict(), f.calculation(), f.expectation(),
                f.erratum(), f.failsClaim(), text);
    }

    private int lineOf(String step) {
        return fixture.step(step).flatMap(s -> {
            Anchor a = fixture.anchorOf(s);
            return QuoteLocator.locate(chapter, a.quote(), a.occurrence()) instanceof QuoteLocation.Found found
                    ? Optional.of(found.start().line()) : Optional.empty();
        }).orElse(0);
    }

    /** Where the step's printed value stands in the chapter; records why when it cannot be placed. */
    private Optional<Location> locate(Step step) {
        String where = step.anchor().isPresent() ? step.pointer() + "/quote" : "/quote";
        return locate(fixture.anchorOf(step), where, step.printed(), "step \"" + step.name() + "\"", step.pointer() + "/printed");
    }

    /**
     * Where a printed value stands: the quote's place in the chapter, at the column of the value within
     * the quote. The book's own printed values must occur in their quote; a supplementary fixture's
     * worked values are bookcheck's, so they stand at the quote of the formula they work through.
     */
    private Optional<Location> locate(Anchor anchor, String quotePointer, Optional<PrintedValue> printed, String what,
            String printedPointer) {
        switch (QuoteLocator.locate(chapter, anchor.quote(), anchor.occurrence())) {
            case QuoteLocation.Found found -> {
                boolean bookValue = !(fixture.claim() instanceof Claim.Supplementary) || printedPointer.contains("/inputs/");
                List<String> absent = bookValue ? printed.map(p -> absentFromQuote(p, anchor.quote())).orElse(List.of()) : List.of();
                if (!absent.isEmpty()) {
                    errors.add(fixture.error(printedPointer, what + ": the book's quote does not contain " + String.join(", ", absent)
                            + " of the printed value " + printed.get().text() + "; a fixture records what the book prints, so quote"
                            + " the text that prints this value (quote: \"" + anchor.quote() + "\")"));
                    return Optional.empty();
                }
                int offset = bookValue ? printed.map(p -> offsetInQuote(p, anchor.quote())).orElse(0) : 0;
                int column = found.start().column() + anchor.quote().codePointCount(0, offset);
                return Optional.of(new Location(fixture.chapter(), found.start().line(), column));
            }
            case QuoteLocation.Missing missing -> failures.add(fixture.chapterStem() + " › " + fixture.id() + ": the quote \""
                    + anchor.quote() + "\" (" + FixtureError.readable(quotePointer) + ", " + what + ") no longer occurs in chapters/"
                    + fixture.chapter() + ". The closest line is " + missing.closestLine() + ": \"" + abbreviate(missing.closestText())
                    + "\". If the text changed, update the quote (and the printed values) in " + fixture.file().getFileName() + ".");
            case QuoteLocation.Ambiguous ambiguous -> errors.add(fixture.error(quotePointer, what + ": the quote \"" + anchor.quote()
                    + "\" occurs " + ambiguous.lines().size() + " times in chapters/" + fixture.chapter() + " (lines "
                    + joinLines(ambiguous.lines()) + "); add \"occurrence\": N to say which one, or quote more of the line"));
            case QuoteLocation.TooFewOccurrences few -> failures.add(fixture.chapterStem() + " › " + fixture.id() + ": "
                    + what + " wants occurrence " + few.wanted() + " of the quote \"" + anchor.quote() + "\" but chapters/"
                    + fixture.chapter() + " has only " + few.lines().size() + " (lines " + joinLines(few.lines())
                    + "); the text changed: update the quote or its \"occurrence\".");
        }
        return Optional.empty();
    }

    /** The printed numbers or tokens that the quote does not contain; truth values are not in the text. */
    private static List<String> absentFromQuote(PrintedValue printed, String quote) {
        String q = normaliseNumbers(quote);
        List<String> parts = switch (printed) {
            case PrintedNumber n -> List.of(n.text());
            case PrintedArray a -> a.elements().stream().map(PrintedNumber::text).toList();
            case PrintedTokens t -> t.tokens();
            case PrintedBool b -> List.of();
        };
        return parts.stream().filter(p -> !q.contains(normaliseNumbers(p))).distinct().map(p -> "\"" + p + "\"").toList();
    }

    private static int offsetInQuote(PrintedValue printed, String quote) {
        int whole = quote.indexOf(printed.text());
        if (whole >= 0) {
            return whole;
        }
        String first = switch (printed) {
            case PrintedArray a when a.size() > 0 -> a.elements().get(0).text();
            case PrintedTokens t when !t.tokens().isEmpty() -> t.tokens().get(0);
            default -> printed.text();
        };
        return Math.max(0, quote.indexOf(first));
    }

    /** Unicode minus as ASCII and thousands separators dropped, so {@code 10,000} matches 10000. */
    static String normaliseNumbers(String s) {
        return s.replace('−', '-').replaceAll("(?<=\\d),(?=\\d{3}(?!\\d))", "");
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

    private static double firstNumber(Value v) {
        return v instanceof org.bookcheck.reference.Numeric n && n.size() > 0 ? n.at(0) : Double.NaN;
    }

    private static String joinLines(List<Integer> lines) {
        return String.join(", ", lines.stream().map(String::valueOf).toList());
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }
}
