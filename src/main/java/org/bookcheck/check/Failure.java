package org.bookcheck.check;

import java.util.List;
import java.util.Optional;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.FixtureError;

/**
 * Why a usable fixture fails its claim, as data: a printed value that is wrong, an erratum the book has
 * since fixed, a quote that is no longer in the chapter, an occurrence the chapter no longer has, a value
 * the fixture finds right although its line's own arithmetic does not give it, or two sides of a written-out
 * chain that disagree.
 * {@link #text()} words each kind, in this one place.
 */
public sealed interface Failure {

    /** A value the claim says holds is wrong (a mismatch, or propagated from a wrong value the claim does not mark). */
    record WrongValue(Finding finding) implements Failure {
    }

    /** A value marked as an erratum is now right: the book was fixed and the mark should go. */
    record ErratumFixed(Finding finding) implements Failure {
    }

    /**
     * A quote is no longer in the chapter; the closest line is the hint.
     *
     * @param pointer the JSON pointer of the quote in the fixture
     * @param what    what the quote places, e.g. {@code step "s"} or {@code input "W"}
     */
    record QuoteMoved(Fixture fixture, String quote, String pointer, String what, int closestLine, String closestText)
            implements Failure {
    }

    /** The quote wants occurrence {@code wanted} but the chapter has fewer, on these lines. */
    record OccurrenceGone(Fixture fixture, String quote, String what, int wanted, List<Integer> lines) implements Failure {

        public OccurrenceGone {
            lines = List.copyOf(lines);
        }
    }

    /**
     * The fixture finds a value right that its line's own written-out arithmetic (a statement) does not give: the
     * fixture computes something other than the line says.
     *
     * @param finding      the fixture's finding of the value
     * @param statement    the line's statement as written, e.g. {@code x = 2 × 3 = 7}
     * @param asWritten    the statement's value at the printed precision, e.g. {@code 6}
     */
    record LineDisagrees(Finding finding, String statement, String asWritten) implements Failure {
    }

    /**
     * Two sides of a written-out chain disagree: the side a statement was checked by gives the printed result, another
     * side of the same line gives a value the result does not stand for (a number miscopied on that side).
     *
     * @param place     the chapter place of the other side, e.g. {@code chapters/x.md:12:20}
     * @param statement the statement as written
     * @param side      the side that disagrees, as written
     * @param gives     what it gives, written like the printed result
     * @param checked   the side the result was checked by, as written
     * @param printed   the printed result
     */
    record SidesDisagree(String place, String statement, String side, String gives, String checked, String printed)
            implements Failure {
    }

    /** The failure of a finding that fails its claim: a fixed erratum when it was marked wrong, else a wrong value. */
    public static Failure of(Finding f) {
        return f.expectation() == Expectation.MUST_BE_WRONG ? new ErratumFixed(f) : new WrongValue(f);
    }

    /** The finding this failure is about, if it is about a checked value (not a quote that cannot be placed). */
    default Optional<Finding> checkedValue() {
        return switch (this) {
            case WrongValue w -> Optional.of(w.finding());
            case ErratumFixed e -> Optional.of(e.finding());
            case QuoteMoved q -> Optional.empty();
            case OccurrenceGone o -> Optional.empty();
            case LineDisagrees d -> Optional.empty();
            case SidesDisagree d -> Optional.empty();
        };
    }

    /** The failure in words, complete enough to act on: what fails, where, and what to change. */
    default String text() {
        return switch (this) {
            case WrongValue w -> FindingText.failure(w.finding(), w.finding().verdict().label() + ": " + w.finding().explanation() + ".");
            case ErratumFixed e -> FindingText.failure(e.finding(), "this value is marked as an erratum, but the book now prints the right"
                    + " value (" + e.finding().printed().text() + " stands for the exact " + ValueText.exact(e.finding().exact(), ValueText.digitsBeside(e.finding().printed()))
                    + "). Drop the erratum mark for step \"" + e.finding().step() + "\" from " + e.finding().fixtureFile().getFileName()
                    + " (claim \"holds\" if nothing else is wrong).");
            case QuoteMoved q -> q.fixture().chapterStem() + " › " + q.fixture().id() + ": the quote \"" + q.quote() + "\" ("
                    + FixtureError.readable(q.pointer()) + ", " + q.what() + ") no longer occurs in chapters/" + q.fixture().chapter()
                    + ". The closest line is " + q.closestLine() + ": \"" + abbreviate(q.closestText())
                    + "\". If the text changed, update the quote (and the printed values) in " + q.fixture().file().getFileName() + ".";
            case OccurrenceGone o -> o.fixture().chapterStem() + " › " + o.fixture().id() + ": " + o.what() + " wants occurrence "
                    + o.wanted() + " of the quote \"" + o.quote() + "\" but chapters/" + o.fixture().chapter() + " has only "
                    + o.lines().size() + " (lines " + String.join(", ", o.lines().stream().map(String::valueOf).toList())
                    + "); the text changed: update the quote or its \"occurrence\".";
            case LineDisagrees d -> FindingText.failure(d.finding(), "the fixture finds " + d.finding().printed().text() + " "
                    + d.finding().verdict().label() + ", but its line's own arithmetic " + d.statement() + " does not hold as written"
                    + " (it gives " + d.asWritten() + "): the fixture computes something other than the line. Make the fixture's"
                    + " steps follow the line, or correct the line.");
            case SidesDisagree d -> d.place() + ": the sides of " + d.statement() + " disagree: " + d.side() + " gives " + d.gives()
                    + ", which the printed " + d.printed() + " does not stand for, while " + d.checked() + " gives " + d.printed()
                    + ". A number on that side is likely miscopied: correct it so every side gives the result.";
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }
}
