package org.bookcheck.check;

import static org.bookcheck.check.TempBook.fixtureJson;
import static org.bookcheck.check.TempBook.holds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdict with what the claim makes of it, for every claim: the one wording every report uses. */
class FindingTextTest {

    private static final String SUM = "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"%s\"}]";
    private static final String ERRATUM = """
            "claim": "erratum", "errata": [{"step": "s", "explanation": "two and two make four", "corrected": "4"}]""";

    private final TempBook book;

    FindingTextTest(@TempDir Path dir) {
        book = new TempBook(dir);
    }

    private String label(String chapter, String fixture, String step) {
        book.chapter(chapter).fixture("sum", fixture);
        return FindingText.label(book.result("sum").findings().stream().filter(f -> f.step().equals(step)).findFirst().orElseThrow());
    }

    @Test
    void aRightValueIsOk() {
        assertEquals("ok", label("2 + 2 = 4\n", holds("sum", "2 + 2 = 4", "{\"a\": 2, \"b\": 2}", SUM.formatted("4")), "s"));
    }

    @Test
    void aWrongValueThatShouldHoldFails() {
        assertEquals("mismatch (FAILS)", label("2 + 2 = 5\n", holds("sum", "2 + 2 = 5", "{\"a\": 2, \"b\": 2}", SUM.formatted("5")), "s"));
    }

    @Test
    void aClaimedErratumIsAKnownErratum() {
        assertEquals("mismatch (known erratum)", label("2 + 2 = 5\n", fixtureJson("sum", "2 + 2 = 5", ERRATUM, "{\"a\": 2, \"b\": 2}",
                SUM.formatted("5")), "s"));
    }

    @Test
    void aValueThatFollowsFromAKnownErratumSaysSo() {
        // t = s + 1 printed 6: exact 5, but 6 from the book's wrong 5.
        String steps = SUM.formatted("5").replace("}]", "}, {\"name\": \"t\", \"op\": \"add\", \"args\": {\"a\": \"s\", \"b\": \"c\"},"
                + " \"printed\": \"6\"}]");
        assertEquals("propagated (follows from a known erratum)", label("2 + 2 = 5, plus 1 is 6\n", fixtureJson("sum",
                "2 + 2 = 5, plus 1 is 6", ERRATUM, "{\"a\": 2, \"b\": 2, \"c\": 1}", steps), "t"));
    }

    @Test
    void aFixedErratumAsksToDropTheMark() {
        assertEquals("ok (marked as an erratum, but the book is now right: drop the mark)", label("2 + 2 = 4\n",
                fixtureJson("sum", "2 + 2 = 4", ERRATUM, "{\"a\": 2, \"b\": 2}", SUM.formatted("4")), "s"));
    }

    @Test
    void anIllustrativeValueIsReportedOnly() {
        assertEquals("mismatch (illustrative, reported only)", label("2 + 2 = 5\n", fixtureJson("sum", "2 + 2 = 5",
                "\"claim\": \"illustrative\", \"note\": \"made up\"", "{\"a\": 2, \"b\": 2}", SUM.formatted("5")), "s"));
    }
}
