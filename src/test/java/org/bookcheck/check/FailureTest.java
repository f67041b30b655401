package org.bookcheck.check;

import static org.bookcheck.check.TempBook.fixtureJson;
import static org.bookcheck.check.TempBook.holds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why a fixture fails, as data of each kind, and each kind in words. */
class FailureTest {

    private static final String SUM = "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"5\"}]";

    private final TempBook book;

    FailureTest(@TempDir Path dir) {
        book = new TempBook(dir);
    }

    private Failure onlyFailure(String id) {
        List<Failure> failures = book.result(id).failures();
        assertEquals(1, failures.size(), failures::toString);
        return failures.get(0);
    }

    @Test
    void aWrongValueIsTheFindingWithItsFullRecord() {
        // 2 + 2 = 4, the chapter prints 5 at column 14.
        book.chapter("Sum: 2 + 2 = 5.\n").fixture("sum", holds("sum", "2 + 2 = 5", "{\"a\": 2, \"b\": 2}", SUM));
        Failure.WrongValue wrong = assertInstanceOf(Failure.WrongValue.class, onlyFailure("sum"));
        assertEquals("s", wrong.finding().step());
        assertEquals(wrong.finding(), wrong.checkedValue().orElseThrow());
        assertEquals("""
                ch › sum › s at chapters/ch.md:1:14: mismatch: %s.
                    quote:       2 + 2 = 5
                    printed:     5
                    exact:       4
                    rounded:     4
                    calculation: %s""".formatted(wrong.finding().explanation(), wrong.finding().calculation()), wrong.text());
        assertTrue(wrong.finding().explanation().startsWith("printed 5 but the exact value is 4"), wrong.finding().explanation());
    }

    @Test
    void aFixedErratumAsksToDropTheMark() {
        book.chapter("Sum: 2 + 2 = 4.\n").fixture("sum", fixtureJson("sum", "2 + 2 = 4", """
                "claim": "erratum", "errata": [{"step": "s", "explanation": "two and two make four", "corrected": "4"}]""",
                "{\"a\": 2, \"b\": 2}", SUM.replace("\"5\"", "\"4\"")));
        Failure fixed = onlyFailure("sum");
        assertInstanceOf(Failure.ErratumFixed.class, fixed);
        assertTrue(fixed.text().startsWith("ch › sum › s at chapters/ch.md:1:14: this value is marked as an erratum, but the book now"
                + " prints the right value (4 stands for the exact 4). Drop the erratum mark for step \"s\" from sum.json (claim \"holds\""
                + " if nothing else is wrong).\n    quote:       2 + 2 = 4\n"), fixed.text());
    }

    @Test
    void aQuoteThatMovedNamesTheClosestLine() {
        book.chapter("# Sums\n\nTwo and two: 2 + 2 = 4 exactly.\n").fixture("sum", holds("sum", "2 + 2 = 5 exactly", "{\"a\": 2, \"b\": 2}", SUM));
        Failure.QuoteMoved moved = assertInstanceOf(Failure.QuoteMoved.class, onlyFailure("sum"));
        assertEquals(3, moved.closestLine());
        assertTrue(moved.checkedValue().isEmpty());
        assertEquals("ch › sum: the quote \"2 + 2 = 5 exactly\" (quote, step \"s\") no longer occurs in chapters/ch.md. The closest line"
                + " is 3: \"Two and two: 2 + 2 = 4 exactly.\". If the text changed, update the quote (and the printed values) in sum.json.",
                moved.text());
    }

    @Test
    void anOccurrenceThatIsGoneNamesTheLinesThatAreLeft() {
        // The quote occurs on lines 1 and 2; the fixture wants the third.
        book.chapter("x = 5\nand x = 5\n").fixture("sum", holds("sum", "x = 5", "{\"a\": 2, \"b\": 2}", SUM)
                .replace("\"claim\"", "\"occurrence\": 3, \"claim\""));
        Failure.OccurrenceGone gone = assertInstanceOf(Failure.OccurrenceGone.class, onlyFailure("sum"));
        assertEquals(List.of(1, 2), gone.lines());
        assertEquals("ch › sum: step \"s\" wants occurrence 3 of the quote \"x = 5\" but chapters/ch.md has only 2 (lines 1, 2); the text"
                + " changed: update the quote or its \"occurrence\".", gone.text());
    }
}
