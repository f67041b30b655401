package org.bookcheck.check;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bookcheck.reference.Value;

/** Findings in words: the verdict with what the claim makes of it, the one-sentence explanation, and the full record of a failure. */
public final class FindingText {

    private FindingText() {
    }

    /**
     * What the verdict means for this printed value, with the numbers that decide it: values beside the
     * printed one carry enough digits to tell them from it and from each other; what the book's own printed
     * inputs give is said where it differs from the exact chain; a list or matrix with right and wrong
     * elements is described element by element.
     */
    static String explain(Finding f, Optional<Value> carried, Optional<BookInputs> book, Function<String, String> placeOfStep) {
        String printed = f.printed().text();
        int digits = ValueText.digitsBeside(f.printed());
        // The carried value is shown beside the exact one only where the verdict rests on the two differing.
        boolean beside = f.verdict() instanceof Verdict.OkRoundingCarried || f.verdict() instanceof Verdict.Propagated;
        int apart = carried.filter(c -> beside).map(c -> ValueText.digitsApart(f.exact(), c, digits)).orElse(digits);
        String exact = ValueText.exact(f.exact(), apart);
        String fromBook = carried.map(c -> ValueText.exact(c, apart)).orElse(null);
        String text = switch (f.verdict()) {
            case Verdict.Ok ok -> "printed " + printed + " stands for the exact " + exact + " (" + f.interval() + ")"
                    + book.map(b -> "; but from the book's own " + inputs(b) + " the calculation gives "
                            + ValueText.exact(b.fromBook(), ValueText.digitsApart(b.fromBook(), b.exact(), digits))
                            + " (" + b.fromBookAtPrecision() + " at the printed precision), which " + printed + " does not stand for"
                            + (b.shownOnLine() ? ": the line is not true as written" : "")).orElse("");
            case Verdict.OkWithinTolerance t -> "printed " + printed + " is within the stated tolerance ±"
                    + ValueText.exact(t.tolerance().absolute()) + " of the exact " + exact + " (" + t.tolerance().reason() + ")";
            case Verdict.OkRoundingCarried c -> "the exact chain gives " + exact + ", which printed " + printed
                    + " does not stand for (" + c.interval() + "); computed from the book's own rounded " + steps(c.carriedFrom(), placeOfStep)
                    + " it gives " + fromBook + ", which it does: the difference is rounding carried forward, not an error";
            case Verdict.Mismatch m -> "printed " + printed + " but the exact value is " + exact + " (" + f.exactRounded()
                    + " at the printed precision; difference " + ValueText.exact(f.difference()) + "; the printed value needs "
                    + f.interval() + ")"
                    + book.map(b -> "; from the book's own " + inputs(b) + " it gives "
                            + ValueText.exact(b.fromBook(), ValueText.digitsApart(b.fromBook(), b.exact(), digits))
                            + " (" + b.fromBookAtPrecision() + " at the printed precision)"
                            + (b.shownOnLine() ? ", which the line shows" : "")).orElse("")
                    + (m.slips().isEmpty() ? "" : "; likely slip: " + String.join("; ", m.slips().stream().map(Slip::describe).toList()));
            case Verdict.Propagated p -> "printed " + printed + " is wrong (exact " + exact + ", " + f.exactRounded()
                    + " at the printed precision) but follows correctly from the book's wrong " + steps(p.origins(), placeOfStep)
                    + elementsOf(p.from()) + " (giving " + fromBook + "): fix that first";
        };
        return text + byElement(f.elements());
    }

    /** The inputs that are off, with their exact values, or the printed inputs in general when none is named. */
    private static String inputs(BookInputs b) {
        if (b.off().isEmpty()) {
            return "printed inputs";
        }
        return String.join(", ", b.off().stream().limit(3).map(o -> o.printed() + " (step " + o.ref()
                + (o.line() > 0 ? " on line " + o.line() : "") + ", exactly " + ValueText.exact(o.exact(),
                        ValueText.digitsApart(o.exact(), o.printedValue(), ValueText.EXACT_DIGITS)) + ")").toList())
                + (b.off().size() > 3 ? " and " + (b.off().size() - 3) + " more" : "");
    }

    private static String elementsOf(List<ElementRef> from) {
        List<ElementRef> placed = from.stream().filter(r -> !r.position().isEmpty()).toList();
        return placed.isEmpty() ? "" : " (element" + (placed.size() == 1 ? " " : "s ") + String.join(", ",
                placed.stream().limit(6).map(ElementRef::toString).toList()) + (placed.size() > 6 ? ", ..." : "") + ")";
    }

    /** For a list or matrix whose elements are not all judged alike: the verdict of each element. */
    private static String byElement(List<ElementVerdict> elements) {
        if (elements.size() < 2 || elements.stream().map(e -> e.verdict().getClass()).distinct().count() < 2) {
            return "";
        }
        return "; by element: " + String.join(", ", elements.stream().map(e -> e.position() + " " + e.verdict().label()
                + (e.verdict() instanceof Verdict.Propagated p ? " from " + String.join(", ", p.from().stream().map(ElementRef::toString).toList())
                        : "")).toList());
    }

    /** The complete record of a failing finding, as a test failure shows it: what is wrong, then every number of it. */
    static String failure(Finding f, String why) {
        String head = f.location().chapter().replaceFirst("\\.md$", "") + " › " + f.fixtureId() + " › " + f.step()
                + " at chapters/" + f.location() + ": ";
        return head + why + "\n    quote:       " + f.quote()
                + "\n    printed:     " + f.printed().text()
                + "\n    exact:       " + ValueText.exact(f.exact(), ValueText.digitsBeside(f.printed()))
                + "\n    rounded:     " + f.exactRounded()
                + "\n    calculation: " + f.calculation();
    }

    /**
     * The verdict with what the fixture's claim makes of it — {@code ok}, {@code mismatch (known erratum)},
     * {@code mismatch (FAILS)} — worded here only, for every report, trace and test name.
     */
    public static String label(Finding f) {
        return f.verdict().label() + switch (f.expectation()) {
            case MUST_BE_WRONG -> f.failsClaim() ? " (marked as an erratum, but the book is now right: drop the mark)" : " (known erratum)";
            case REPORT_ONLY -> " (illustrative, reported only)";
            case MUST_HOLD -> f.failsClaim() ? " (FAILS)" : f.verdict().isOk() ? "" : " (follows from a known erratum)";
        };
    }

    /** One line for a report: {@code ✓ p (line 191): ok — printed ... }. */
    public static String line(Finding f) {
        return mark(f) + " " + f.step() + " (line " + f.location().line() + "): " + label(f) + " — " + f.explanation();
    }

    /** ✓ for a value that is as claimed, ✗ for one that fails its claim, ! for a confirmed erratum, ~ for reported-only. */
    public static String mark(Finding f) {
        if (f.failsClaim()) {
            return "✗";
        }
        return switch (f.expectation()) {
            case MUST_BE_WRONG -> "!";
            case REPORT_ONLY -> f.verdict().isOk() ? "✓" : "~";
            case MUST_HOLD -> f.verdict().isOk() ? "✓" : "!";
        };
    }

    /** Steps by name with where the book prints them: {@code "p" (line 12)}, or {@code "ctx/c0" (chapters/a.md line 6)} for an imported one. */
    private static String steps(List<String> steps, Function<String, String> placeOfStep) {
        return (steps.size() == 1 ? "step " : "steps ") + String.join(", ", steps.stream()
                .map(s -> "\"" + s + "\"" + (placeOfStep.apply(s).isEmpty() ? "" : " (" + placeOfStep.apply(s) + ")")).toList());
    }

}
