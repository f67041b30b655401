package org.bookcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The diff {@code fix} prints: hunks with three lines of context, clipped at the ends of the file, merged
 * when they touch, and the marker git needs for a last line without a newline. The expected diffs are
 * written out by hand, line numbers and counts included.
 */
class UnifiedDiffTest {

    /** Lines l1 … l12, with a final newline. */
    private static final String TWELVE = IntStream.rangeClosed(1, 12).mapToObj(i -> "l" + i + "\n").collect(Collectors.joining());

    private static final String HEADER = "diff --git a/chapters/x.md b/chapters/x.md\n--- a/chapters/x.md\n+++ b/chapters/x.md\n";

    @Test
    void aLineInTheMiddleGetsThreeLinesOfContextEachSide() {
        assertEquals(HEADER + "@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n+L5\n l6\n l7\n l8\n",
                UnifiedDiff.of("chapters/x.md", TWELVE, Map.of(5, "L5")));
    }

    @Test
    void contextIsClippedAtTheFirstAndLastLine() {
        assertEquals(HEADER + "@@ -1,4 +1,4 @@\n-l1\n+L1\n l2\n l3\n l4\n", UnifiedDiff.of("chapters/x.md", TWELVE, Map.of(1, "L1")));
        assertEquals(HEADER + "@@ -9,4 +9,4 @@\n l9\n l10\n l11\n-l12\n+L12\n", UnifiedDiff.of("chapters/x.md", TWELVE, Map.of(12, "L12")));
    }

    @Test
    void hunksThatTouchAreOneHunk() {
        // Line 2's hunk is 1–5 and line 9's is 6–12: adjacent, so git expects one hunk 1–12.
        assertEquals(HEADER + "@@ -1,12 +1,12 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n l6\n l7\n l8\n-l9\n+L9\n l10\n l11\n l12\n",
                UnifiedDiff.of("chapters/x.md", TWELVE, Map.of(2, "L2", 9, "L9")));
    }

    @Test
    void hunksWithALineBetweenThemStayApart() {
        // Line 2's hunk is 1–5 and line 10's is 7–12: line 6 is in neither.
        assertEquals(HEADER + "@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n@@ -7,6 +7,6 @@\n l7\n l8\n l9\n-l10\n+L10\n l11\n l12\n",
                UnifiedDiff.of("chapters/x.md", TWELVE, Map.of(2, "L2", 10, "L10")));
    }

    @Test
    void aLineReplacedByItselfIsNoChange() {
        assertEquals("", UnifiedDiff.of("chapters/x.md", TWELVE, Map.of(4, "l4")));
        assertEquals(HEADER + "@@ -6,7 +6,7 @@\n l6\n l7\n l8\n-l9\n+L9\n l10\n l11\n l12\n",
                UnifiedDiff.of("chapters/x.md", TWELVE, Map.of(2, "l2", 9, "L9")));
    }

    @Test
    void aLastLineWithoutNewlineIsMarkedWhetherChangedOrContext() {
        assertEquals(HEADER + "@@ -1,3 +1,3 @@\n a\n b\n-c\n\\ No newline at end of file\n+C\n\\ No newline at end of file\n",
                UnifiedDiff.of("chapters/x.md", "a\nb\nc", Map.of(3, "C")));
        assertEquals(HEADER + "@@ -1,3 +1,3 @@\n-a\n+A\n b\n c\n\\ No newline at end of file\n",
                UnifiedDiff.of("chapters/x.md", "a\nb\nc", Map.of(1, "A")));
        // With the final newline there is no marker.
        assertEquals(HEADER + "@@ -1,3 +1,3 @@\n a\n b\n-c\n+C\n", UnifiedDiff.of("chapters/x.md", "a\nb\nc\n", Map.of(3, "C")));
    }
}
