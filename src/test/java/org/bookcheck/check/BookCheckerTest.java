package org.bookcheck.check;

import static org.bookcheck.check.TempBook.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the book check makes of files that are not where, or not what, they should be. */
class BookCheckerTest {

    @TempDir
    Path dir;
    private TempBook book;

    @BeforeEach
    void setUp() {
        book = new TempBook(dir);
    }

    private static final String SUM = "[{\"name\": \"s\", \"op\": \"add\", \"args\": {\"a\": \"a\", \"b\": \"b\"}, \"printed\": \"4\"}]";

    @Test
    void aSelectedFixtureFileThatDoesNotExistIsUnusable() throws IOException {
        book.chapter("Sum: 2 + 2 = 4.\n");
        Path missing = dir.resolve("fixtures/ch/missing.json");
        BookReport report = BookChecker.check(new Book(dir), List.of(missing));
        assertEquals(1, report.results().size());
        FixtureResult r = report.results().get(0);
        assertEquals(1, r.errors().size());
        assertEquals("the fixture file does not exist", r.errors().get(0).message());
        assertFalse(report.passed());
    }

    @Test
    void aWaiverFileOutsideAChaptersFolderWaivesNothing() {
        book.chapter("Sum: 2 + 2 = 4.\n").file("fixtures/waivers.json", "{\"chapter\": \"ch.md\", \"waivers\": []}");
        WaiverResult w = book.check().waivers().get(0);
        assertEquals(1, w.errors().size());
        assertContains(w.errors().get(0).message(), "a waiver file belongs in fixtures/<chapter-stem>/waivers.json",
                "this one is fixtures/waivers.json, so it waives nothing");
    }

    @Test
    void aWaiverFileThatIsADanglingLinkIsUnusable() throws IOException {
        book.chapter("Sum: 2 + 2 = 4.\n");
        Files.createDirectories(dir.resolve("fixtures/ch"));
        Files.createSymbolicLink(dir.resolve("fixtures/ch/waivers.json"), dir.resolve("fixtures/ch/gone.json"));
        WaiverResult w = book.check().waivers().get(0);
        assertEquals(1, w.errors().size());
        assertContains(w.errors().get(0).message(), "the waiver file is a symbolic link to", "which does not exist");
    }

    @Test
    void anImportOfANameTheFixtureLacksListsItsInputsAndSteps() {
        book.chapter("Sum: 2 + 2 = 4.\nTwice: 8.\n")
                .fixture("first", TempBook.holds("first", "Sum: 2 + 2 = 4.", "{\"a\": 2, \"b\": 2}", SUM))
                .fixture("second", """
                        {"id": "second", "title": "t", "chapter": "ch.md", "quote": "Twice: 8.", "claim": "holds",
                         "imports": {"x": "first/zz"}, "steps": [{"name": "d", "expr": "x × 2", "printed": "8"}]}
                        """);
        assertContains(book.result("second").errors().get(0).message(), "the fixture \"first\" has no input or step \"zz\"; it has a, b, s");
    }
}
