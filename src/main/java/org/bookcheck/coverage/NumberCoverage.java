package org.bookcheck.coverage;

import java.util.List;
import java.util.Optional;
import org.bookcheck.chapter.ChapterNumber;
import org.bookcheck.fixture.Waiver;

/**
 * One number of a chapter and what accounts for it: the fixture quotes that cover it (the one that
 * prints it first, if any), or the waiver that leaves it out on purpose, or nothing.
 *
 * @param by      every fixture quote whose span holds the number
 * @param best    the quote that decides the mark: the one printing this very element, else a given, else any
 * @param element the index of the number within the printed (or given) value of {@code best}, or −1
 */
public record NumberCoverage(ChapterNumber number, Mark mark, List<Anchored> by, Optional<Anchored> best, int element,
        Optional<Waiver> waiver) {

    public NumberCoverage {
        by = List.copyOf(by);
    }

    public boolean covered() {
        return !by.isEmpty();
    }

    public boolean waived() {
        return by.isEmpty() && waiver.isPresent();
    }

    public boolean uncovered() {
        return by.isEmpty() && waiver.isEmpty();
    }

    /** What accounts for the number, in words: {@code weight-update › W_new}, the waiver's reason, or {@code uncovered}. */
    public String explanation() {
        if (best.isPresent()) {
            Anchored a = best.get();
            return a.fixture().id() + " › " + (a.isGiven() ? "given " : "") + a.name();
        }
        return waiver.map(w -> "waived: " + w.reason()).orElse("uncovered");
    }
}
