package org.bookcheck.check;

import java.util.List;
import java.util.function.ToIntFunction;

/** Findings in words: the verdict with what the claim makes of it, the one-sentence explanation, and the full record of a failure. */
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

    /** The complete record of a failing finding, as a test failure shows it: what is wrong, then every number of it. */
    static String failure(Finding f, String why) {
        String head = f.location().chapter().replaceFirst("\\.md$", "") + " › " + f.fixtureId() + " › " + f.step()
                + " at chapters/" + f.location() + ": ";
        return head + why + "\n    quote:       " + f.quote()
                + "\n    printed:     " + f.printed().text()
                + "\n    exact:       " + ValueText.exact(f.exact())
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

    private static String steps(List<String> steps, ToIntFunction<String> lineOfStep) {
        return (steps.size() == 1 ? "step " : "steps ") + String.join(", ", steps.stream()
                .map(s -> "\"" + s + "\"" + (lineOfStep.applyAsInt(s) > 0 ? " (line " + lineOfStep.applyAsInt(s) + ")" : "")).toList());
    }

}
