package org.bookcheck.check;

import static org.bookcheck.check.TempBook.fixtureJson;
import static org.bookcheck.check.TempBook.holds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.bookcheck.fixture.ClaimKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary line counts values and fixtures apart, on small books whose counts are worked out by hand
 * in each test's comment.
 */
class BookReportTest {

    /** s = 2 + 2 printed 5 (wrong: 4); t = s + 1 printed 6 (exact 5, but 6 from the book's printed 5: propagated). */
    private static final String CHAIN = """
            [{"name": "s", "op": "add", "args": {"a": "a", "b": "b"}, "printed": "5"},
             {"name": "t", "op": "add", "args": {"a": "s", "b": "c"}, "printed": "6"}]""";
    private static final String CHAIN_INPUTS = "{\"a\": 2, \"b\": 2, \"c\": 1}";

    private final TempBook book;

    BookReportTest(@TempDir Path dir) {
        book = new TempBook(dir);
    }

    @Test
    void okWrongAndPropagatedValuesAreCountedApartFromFailingFixtures() {
        // Values: 2 × 3 = 6 ok; 2 + 2 = 5 wrong; 5 + 1 = 6 follows from it. Fixtures: product passes, chain fails.
        book.chapter("Product: 2 × 3 = 6.\nSum: 2 + 2 = 5, plus 1 is 6.\n")
                .fixture("product", holds("product", "2 × 3 = 6", "{\"a\": 2, \"b\": 3}",
                        "[{\"name\": \"p\", \"op\": \"elementwise_product\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"6\"}]"))
                .fixture("chain", holds("chain", "2 + 2 = 5, plus 1 is 6", CHAIN_INPUTS, CHAIN));
        assertEquals("Book: 3 printed values: 1 ok, 1 wrong, 1 follows from a wrong value; 2 fixtures, 1 failing",
                book.check().summaryLine());
    }

    @Test
    void manyRightValuesOfAFailingFixtureAreStillCountedOk() {
        // The "0 claims ok … 2 failing" while most values were ok: here 2 of 3 values are ok, 1 wrong, in 1 fixture.
        book.chapter("Sums: 1 + 1 = 2, 2 + 1 = 3, 3 + 1 = 5.\n")
                .fixture("sums", holds("sums", "1 + 1 = 2, 2 + 1 = 3, 3 + 1 = 5", "{\"one\": 1}", """
                        [{"name": "two", "op": "add", "args": {"a": "one", "b": "one"}, "printed": "2", "quote": "1 + 1 = 2"},
                         {"name": "three", "op": "add", "args": {"a": "two", "b": "one"}, "printed": "3", "quote": "2 + 1 = 3"},
                         {"name": "four", "op": "add", "args": {"a": "three", "b": "one"}, "printed": "5", "quote": "3 + 1 = 5"}]"""));
        assertEquals("Book: 3 printed values: 2 ok, 1 wrong; 1 fixture, 1 failing", book.check().summaryLine());
    }

    @Test
    void claimedErrataAndTheirConsequencesAreSaidAsSuch() {
        // s is a known erratum (5 for 4); t = 6 follows from it, so the erratum claim accounts for it too.
        book.chapter("Sum: 2 + 2 = 5, plus 1 is 6.\n")
                .fixture("chain", fixtureJson("chain", "2 + 2 = 5, plus 1 is 6", """
                        "claim": "erratum", "errata": [{"step": "s", "explanation": "two and two make four", "corrected": "4"}]""",
                        CHAIN_INPUTS, CHAIN));
        assertEquals("Book: 2 printed values: 0 ok, 1 wrong (1 known erratum), 1 follows from a wrong value (1 from a known erratum);"
                + " 1 fixture, all as claimed", book.check().summaryLine());
    }

    @Test
    void aFixedErratumIsAnOkValueOfAFailingFixture() {
        // The book now prints 4, the fixture still marks it as an erratum.
        book.chapter("Sum: 2 + 2 = 4.\n").fixture("sum", fixtureJson("sum", "2 + 2 = 4", """
                "claim": "erratum", "errata": [{"step": "s", "explanation": "two and two make four", "corrected": "4"}]""",
                "{\"a\": 2, \"b\": 2}", "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"4\"}]"));
        assertEquals("Book: 1 printed value: 1 ok, 0 wrong; 1 fixture, 1 failing", book.check().summaryLine());
    }

    @Test
    void illustrativeWrongValuesAreReportedNotFailing() {
        book.chapter("Sum: 2 + 2 = 5.\n").fixture("sum", fixtureJson("sum", "2 + 2 = 5",
                "\"claim\": \"illustrative\", \"note\": \"the book says the numbers are made up\"", "{\"a\": 2, \"b\": 2}",
                "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"5\"}]"));
        assertEquals("Book: 1 printed value: 0 ok, 1 wrong (1 illustrative); 1 fixture, all as claimed", book.check().summaryLine());
    }

    @Test
    void supplementaryValuesAreBookchecksOwnAndCountedApart() {
        // The chapter prints a + b in letters; the fixture works it through with 2 + 2 = 4 (bookcheck's number, not the book's).
        book.chapter("Adding: $a + b$ is the sum.\n").fixture("sum", fixtureJson("sum", "$a + b$",
                "\"claim\": \"supplementary\", \"note\": \"a worked example of the sum\"", "{\"a\": 2, \"b\": 2}",
                "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"4\"}]"));
        assertEquals("Book: 0 printed values; 1 supplementary value: 1 ok, 0 wrong; 1 fixture, all as claimed", book.check().summaryLine());
    }

    @Test
    void unusableFixturesAndMovedQuotesAreFixturesNotValues() {
        // One file is not JSON; the other's quote is no longer in the chapter, so neither checks a value.
        book.chapter("Sum: 2 + 2 = 4.\n")
                .fixture("broken", "{ not json")
                .fixture("moved", holds("moved", "2 + 2 = 5", "{\"a\": 2, \"b\": 2}",
                        "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"5\"}]"));
        assertEquals("Book: 0 printed values; 2 fixtures, 1 failing, 1 unusable", book.check().summaryLine());
    }

    @Test
    void aBookWithoutFixturesSaysNothingWasChecked() {
        book.chapter("Sum: 2 + 2 = 4.\n");
        assertEquals("Book: 0 printed values; 0 fixtures, nothing was checked", book.check().summaryLine());
    }

    private static final String SUM = "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"%s\"}]";

    @Test
    void theCountsBehindTheSummary() {
        // good: 2 + 2 = 4 (holds, passes); bad: 2 + 3 printed 6 (holds, fails: 5); broken: not JSON (unusable);
        // sup: a + b worked as 2 + 2 = 4 (supplementary, passes); the waiver file is not JSON (unusable).
        book.chapter("Good: 2 + 2 = 4.\nBad: 2 + 3 = 6.\nAdding: $a + b$ is the sum.\n")
                .fixture("good", holds("good", "Good: 2 + 2 = 4.", "{\"a\": 2, \"b\": 2}", SUM.formatted("4")))
                .fixture("bad", holds("bad", "Bad: 2 + 3 = 6.", "{\"a\": 2, \"b\": 3}", SUM.formatted("6")))
                .fixture("broken", "{ not json")
                .fixture("sup", fixtureJson("sup", "$a + b$", "\"claim\": \"supplementary\", \"note\": \"a worked example\"",
                        "{\"a\": 2, \"b\": 2}", SUM.formatted("4")))
                .file("fixtures/ch/waivers.json", "{");
        BookReport report = book.check();
        assertFalse(report.passed());
        assertTrue(report.hasInvalidFixtures());
        assertEquals(1, report.passedWithClaim(ClaimKind.HOLDS));
        assertEquals(1, report.passedWithClaim(ClaimKind.SUPPLEMENTARY));
        assertEquals(0, report.passedWithClaim(ClaimKind.ERRATUM));
        assertEquals(1, report.failing());
        assertEquals(1, report.unusableFixtures());
        assertEquals(1, report.unusableWaiverFiles());
        assertEquals(2, report.invalid());
        assertEquals(new BookReport.ValueCounts(2, 1, 1, 0, 0, 0, 0, 0), report.printedValues());
        assertEquals(new BookReport.ValueCounts(1, 1, 0, 0, 0, 0, 0, 0), report.workedValues());
    }

    @Test
    void aBookWithAUsableWaiverFilePasses() {
        // 2 + 2 = 4 holds; the waiver leaves the "3" of "3 apples" unchecked, and the quote stands in the chapter.
        book.chapter("Good: 2 + 2 = 4.\nShe has 3 apples.\n")
                .fixture("good", holds("good", "Good: 2 + 2 = 4.", "{\"a\": 2, \"b\": 2}", SUM.formatted("4")))
                .file("fixtures/ch/waivers.json", """
                        {"chapter": "ch.md", "waivers": [{"quote": "She has 3 apples.", "numbers": ["3"], "reason": "a count in a story"}]}
                        """);
        BookReport report = book.check();
        assertTrue(report.waivers().get(0).errors().isEmpty(), () -> report.waivers().get(0).errors().toString());
        assertTrue(report.passed());
        assertFalse(report.hasInvalidFixtures());
        assertEquals(0, report.unusableWaiverFiles());
        assertEquals(0, report.invalid());
    }
}
