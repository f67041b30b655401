package org.bookcheck.coverage;

import java.util.List;
import org.bookcheck.chapter.Chapter;

/** The numbers of one chapter with what accounts for each, and the fractions a book's CI reads. */
public record ChapterCoverage(Chapter chapter, List<NumberCoverage> numbers, List<Anchored> anchors) {

    public ChapterCoverage {
        numbers = List.copyOf(numbers);
        anchors = List.copyOf(anchors);
    }

    public long covered() {
        return numbers.stream().filter(NumberCoverage::covered).count();
    }

    public long waived() {
        return numbers.stream().filter(NumberCoverage::waived).count();
    }

    public long uncovered() {
        return numbers.stream().filter(NumberCoverage::uncovered).count();
    }

    /** Percentage of numbers a fixture checks or a waiver explains (100 for a chapter without numbers). */
    public double accountedPercent() {
        return numbers.isEmpty() ? 100 : 100.0 * (covered() + waived()) / numbers.size();
    }

    /** Percentage of numbers a fixture checks. */
    public double coveredPercent() {
        return numbers.isEmpty() ? 100 : 100.0 * covered() / numbers.size();
    }

    /** One line: {@code 180 numbers: 120 covered, 60 waived, 0 uncovered — 100.0% covered or waived (66.7% by fixtures)}. */
    public String summaryLine() {
        return "chapters/" + chapter.name() + ": " + numbers.size() + " numbers: " + covered() + " covered, " + waived() + " waived, "
                + uncovered() + " uncovered — " + percent(accountedPercent()) + " covered or waived (" + percent(coveredPercent())
                + " by fixtures)";
    }

    public static String percent(double p) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", p);
    }
}
