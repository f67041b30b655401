package org.bookcheck.trace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.bookcheck.check.FixtureResult;
import org.bookcheck.check.TempBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace of a checked fixture: where the book gives an input, the book's mark on the step that prints
 * it (not on another), a step that only names a value, literals shown with the digits they were written
 * with, inner operations worked out first. The arithmetic of every expected line is done by hand.
 */
class TraceBuilderTest {

    private static final String CHAPTER = "Given a = 2 here.\nSo a + 3 = 5 and 5 × 2 = 11.\n";

    private static String steps() {
        return "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"three\"}, \"printed\": \"5\", \"quote\": \"a + 3 = 5\"},"
                + "{\"name\": \"p\", \"op\": \"scale\", \"args\": {\"x\": \"s\", \"s\": \"two\"}, \"printed\": \"11\", \"quote\": \"5 × 2 = 11\"},"
                + "{\"name\": \"q\", \"expr\": \"p\"},"
                + "{\"name\": \"v\", \"expr\": \"[0.10, 0.2] + [a, 1]\"},"
                + "{\"name\": \"w\", \"expr\": \"(a + 3) × 2\"}]";
    }

    private static FixtureResult checked(Path dir, int three) {
        FixtureResult r = new TempBook(dir).chapter(CHAPTER).fixture("toy", TempBook.holds("toy", "a + 3 = 5",
                "{\"a\": {\"value\": 2, \"quote\": \"Given a = 2\"}, \"three\": " + three + ", \"two\": 2}", steps())).check().results().get(0);
        assertTrue(r.errors().isEmpty(), r.errors()::toString);
        return r;
    }

    private static void assertLine(String text, String line) {
        assertTrue(text.lines().anyMatch(l -> l.equals(line)), () -> "no line \"" + line + "\" in\n" + text);
    }

    @Test
    void theTraceOfACheckedFixture(@TempDir Path dir) {
        FixtureResult r = checked(dir, 3);
        String text = TraceRenderer.text(TraceBuilder.build(r.fixture().orElseThrow(), Optional.of(r), TraceNumbers.asPrinted()));
        // The first printed value is on line 2; a is given on line 1, three and two by the fixture only.
        assertLine(text, "chapters/ch.md:2 · claim: holds");
        assertLine(text, "  a = 2   (line 1)");
        assertLine(text, "  three = 3");
        assertLine(text, "  s = 2 + 3 = 5");
        // 2 + 3 = 5 is printed right, 2 × 5 = 10 printed as 11: each mark under its own step.
        assertTrue(text.contains("Result:\n  s = 5\n  ✓ the book prints 5 (line 2): ok; exact 5\n"), text);
        assertTrue(text.contains("Result:\n  p = 10\n  ✗ the book prints 11 (line 2): mismatch (FAILS); exact 10,"
                + " which at the printed precision is 10\n"), text);
        // q only names p: nothing is computed.
        assertTrue(text.contains("Step 3 of 5: q = p\n  [the value of p]\nEquation to solve:\n  q = 10\nComputation:\nResult:\n  q = 10\n"), text);
        // The literal keeps its written 0.10; the vector [a, 1] is worked out before the sum.
        assertLine(text, "  v = [0.10, 0.2] + ([a, 1]) = [0.10, 0.2] + [2, 1]");
        assertLine(text, "  ([a, 1]) = [2, 1]");
        assertLine(text, "  v[0] = 0.10 + 2 = 2.1");
        assertLine(text, "  (a + 3) = 2 + 3 = 5");
        assertLine(text, "  w = 5×2 = 10");
        assertTrue(text.contains("Step 5 of 5: w = (a + 3) × 2\n"), text);
    }

    @Test
    void aResultOfAnotherFixtureDoesNotLendItsValues(@TempDir Path dir) {
        FixtureResult three = checked(dir.resolve("three"), 3);
        FixtureResult four = checked(dir.resolve("four"), 4);
        // The trace of the fixture with three = 4, given the check of the one with three = 3: 2 + 4 = 6, from its own evaluation.
        String text = TraceRenderer.text(TraceBuilder.build(four.fixture().orElseThrow(), Optional.of(three), TraceNumbers.asPrinted()));
        assertLine(text, "  s = 2 + 4 = 6");
    }
}
