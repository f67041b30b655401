package org.bookcheck.check;

import java.nio.file.Path;
import java.util.List;
import org.bookcheck.fixture.FixtureError;
import org.bookcheck.fixture.Waiver;

/** A chapter's waiver file, checked: each waiver placed in the chapter, or the problems. */
public record WaiverResult(Path file, String chapterStem, List<Placed> waivers, List<FixtureError> errors) {

    /** A waiver and the line its quote stands on. */
    public record Placed(Waiver waiver, Location location) {
    }

    public WaiverResult {
        waivers = List.copyOf(waivers);
        errors = List.copyOf(errors);
    }

    public int numberCount() {
        return waivers.stream().mapToInt(p -> p.waiver().numbers().size()).sum();
    }
}
