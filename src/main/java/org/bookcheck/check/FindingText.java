package org.bookcheck.check;

import java.util.List;
import java.util.function.ToIntFunction;
import org.bookcheck.reference.Scalar;

/** Findings in words: the one-sentence explanation of a verdict, and the full record of a failure. */
public final class FindingText {

    private FindingText() {
    }

    /** What the verdict means for this printed value, with the numbers that decide it. */
    static String explain(Finding f, String carried, ToIntFunction<String> lineOfStep) {
        String printed = f.printed().text();
        String exact = ValueText.exact(f.exact());
        return switch (f.verdict()) {
            case Verdict.Ok ok -> "printed " + printed + " stands for the exact " + exact + " (" + f.interval() + ")";
            case Verdict.OkWithinTolerance t -> "printed " + printed + " is within the stated tolerance ±"
                    + ValueText.exact(t.tolerance().absolute()) + " of the exact " + exact + " (" + t.tolerance().reason() + ")";
            case Verdict.OkRoundingCarried c -> "the exact chain gives " + exact + ", which printed " + printed
                    + " does not stand for (" + c.interval() + "); computed from the book's own rounded " + steps(c.carriedFrom(), lineOfStep)
                    + " it gives " + carried + ", which it does: the difference is rounding carried forward, not an error";
            case Verdict.Mismatch m -> "printed " + printed + " but the exact value is " + exact + " (" + f.exactRounded()
                    + " at the printed precision; difference " + ValueText.exact(f.difference()) + "; the printed value needs "
                    + f.interval() + ")" + (m.slips().isEmpty() ? "" : "; likely slip: "
                    + String.join("; ", m.slips().stream().map(Slip::describe).toList()));
            case Verdict.Propagated p -> "printed " + printed + " is wrong (exact " + exact + ", " + f.exactRounded()
                    + " at the printed precision) but follows correctly from the book's wrong " + steps(p.origins(), lineOfStep)
                    + " (giving " + carried + "): fix that first";
        };
    }

    /** The complete record of a finding that fails its claim, as a test failure shows it. */
    public static String failure(Finding f) {
        String head = f.location().chapter().replaceFirst("\\.md$", "") + " › " + f.fixtureId() + " › " + f.step()
                + " at chapters/" + f.location() + ": ";
        String why = switch (f.expectation()) {
            case MUST_BE_WRONG -> "this value is marked as an erratum, but the book now prints the right value ("
                    + f.printed().text() + " stands for the exact " + ValueText.exact(f.exact()) + "). Drop the erratum mark for step \""
                    + f.step() + "\" from " + f.fixtureFile().getFileName() + " (claim \"holds\" if nothing else is wrong).";
            case MUST_HOLD, REPORT_ONLY -> f.verdict().label() + ": " + f.explanation() + ".";
        };
        return head + why + "\n    quote:       " + f.quote()
                + "\n    printed:     " + f.printed().text()
                + "\n    exact:       " + ValueText.exact(f.exact())
                + "\n    rounded:     " + f.exactRounded()
                + "\n    calculation: " + f.calculation();
    }

    /** One line for a report: {@code ✓ p (line 191): ok — printed ... }. */
    public static String line(Finding f) {
        return mark(f) + " " + f.step() + " (line " + f.location().line() + "): " + f.verdict().label() + " — " + f.explanation();
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

    private static String steps(List<String> steps, ToIntFunction<String> lineOfStep) {
        return (steps.size() == 1 ? "step " : "steps ") + String.join(", ", steps.stream()
                .map(s -> "\"" + s + "\"" + (lineOfStep.applyAsInt(s) > 0 ? " (line " + lineOfStep.applyAsInt(s) + ")" : "")).toList());
    }

}
