package org.bookcheck.check;

import static org.bookcheck.check.TempBook.assertContains;
import static org.bookcheck.check.TempBook.holds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.bookcheck.fixture.PrintedValueParser;
import org.bookcheck.fixture.Tolerance;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small parts of the check: printed shapes, a verdict's label, origins in a report, a fixture's chapter when unreadable. */
class SmallPartsTest {

    @TempDir
    Path dir;

    private static Optional<String> mismatch(String printed, double[][] rows) {
        return PrintedShapes.mismatch(PrintedValueParser.parse(printed), Matrix.of(rows));
    }

    @Test
    void aFlatListStandsForAOneRowOrOneColumnMatrixOnly() {
        assertEquals(Optional.empty(), mismatch("[1, 2, 3]", new double[][] {{1, 2, 3}}));
        assertEquals(Optional.empty(), mismatch("[1, 2, 3]", new double[][] {{1}, {2}, {3}}));
        assertTrue(mismatch("[1, 2]", new double[][] {{1}, {2}, {3}}).isPresent(), "two elements for three");
        assertTrue(mismatch("[1, 2, 3, 4]", new double[][] {{1, 2}, {3, 4}}).isPresent(), "a list for a 2×2 matrix");
        assertEquals(Optional.empty(), mismatch("[[1, 2], [3, 4]]", new double[][] {{1, 2}, {3, 4}}));
        // A nested one-row list is a 1×3 matrix, not a column.
        assertTrue(mismatch("[[1, 2, 3]]", new double[][] {{1}, {2}, {3}}).isPresent());
    }

    @Test
    void aPrintedValueStandsForAComputedOneOfItsShapeAtItsPrecision() {
        assertTrue(PrintedShapes.standsFor(PrintedValueParser.parse("0.33"), Scalar.of(1.0 / 3)));
        assertFalse(PrintedShapes.standsFor(PrintedValueParser.parse("0.34"), Scalar.of(1.0 / 3)));
        assertFalse(PrintedShapes.standsFor(PrintedValueParser.parse("[0.33]"), Matrix.of(new double[][] {{1.0 / 3, 1}})));
    }

    @Test
    void withinAStatedToleranceIsOk() {
        Verdict.OkWithinTolerance v = new Verdict.OkWithinTolerance(new Tolerance(0.2, "the book writes about"));
        assertTrue(v.isOk());
        assertEquals("ok (within stated tolerance ±0.2)", v.label());
    }

    @Test
    void theOriginAndTheValueThatFollowsFromIt() {
        // exact: 1 + 1 = 2 and 2·2 = 4; the book prints 3 and then, correctly from it, 6.
        TempBook book = new TempBook(dir).chapter("First 3, then 6.\n").fixture("chain", holds("chain", "First 3, then 6.",
                "{\"one\": 1, \"two\": 2}", """
                [{"name": "a", "op": "add", "args": {"a": "one", "b": "one"}, "printed": "3"},
                 {"name": "b", "op": "scale", "args": {"x": "a", "s": "two"}, "printed": "6"}]"""));
        assertTrue(book.finding("chain", "a").isOrigin());
        assertFalse(book.finding("chain", "b").isOrigin());
        String md = ErrataReport.render(book.check());
        String propagated = md.substring(md.indexOf("## Wrong only because an earlier number is wrong (propagated)"));
        assertContains(propagated, "### chapters/ch.md:1:15 — chain › b", "- **Printed:** `6`");
    }

    @Test
    void anUnreadableFixtureBelongsToTheChapterOfItsFolder() {
        FixtureResult r = new TempBook(dir).chapter("x\n").fixture("broken", "{ not json").result("broken");
        assertEquals("ch", r.chapterStem());
    }
}
