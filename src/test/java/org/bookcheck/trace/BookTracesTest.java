package org.bookcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bookcheck.check.Book;
import org.bookcheck.check.BookChecker;
import org.bookcheck.check.FixtureResult;
import org.junit.jupiter.api.Test;

/** Every line of the trace of every fixture of the repository's book holds at its shown digits, as a learner redoes it. */
class BookTracesTest {

    @Test
    void everyLineOfEveryFixturesTraceIsTrueAsDisplayed() throws Exception {
        List<String> failures = new ArrayList<>();
        int sides = 0;
        int traces = 0;
        for (FixtureResult r : BookChecker.check(new Book(Path.of("."))).results()) {
            if (r.fixture().isEmpty() || r.invalid()) {
                continue;
            }
            assertTrue(r.evaluation().isPresent(), r.id() + ": the check keeps its evaluation for the trace");
            String text = TraceRenderer.text(TraceBuilder.build(r.fixture().get(), Optional.of(r), TraceNumbers.asPrinted()));
            traces++;
            for (String line : text.lines().filter(l -> l.startsWith("  ") && l.contains(" = ")).toList()) {
                for (DisplayedLines.Side side : DisplayedLines.sides(line)) {
                    if (!side.holds()) {
                        failures.add(r.id() + ": " + side);
                    }
                    sides++;
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(traces >= 25 && sides > 200, traces + " traces, " + sides + " sides worked out");
    }
}
