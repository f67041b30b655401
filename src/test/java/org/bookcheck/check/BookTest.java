package org.bookcheck.check;

import static org.bookcheck.check.TempBook.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bookcheck.fixture.FixtureLoad;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The book's layout on disk: which files are fixtures, which files can be read, and where folders may be made. */
class BookTest {

    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;
    private Path root;
    private Book book;

    @BeforeEach
    void setUp() throws IOException {
        root = dir.resolve("book");
        Files.createDirectories(root);
        book = new Book(root);
    }

    private Path write(String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    @Test
    void fixtureFilesAreTheJsonFilesButTheSchemaWaiversAndStatements() throws IOException {
        write("fixtures/fixture.schema.json", "{}");
        write("fixtures/ch/a.json", "{}");
        write("fixtures/ch/waivers.json", "{}");
        write("fixtures/ch/statements.json", "{}");
        // Only the schema at the top of fixtures/ is the schema; a file of that name in a chapter's folder is a fixture.
        write("fixtures/ch/fixture.schema.json", "{}");
        write("fixtures/ch/notes.md", "notes");
        // A folder whose name ends in .json is no fixture file (its contents are walked like any folder's).
        Files.createDirectories(root.resolve("fixtures/ch/old.json"));
        Path f = root.resolve("fixtures");
        assertEquals(List.of(f.resolve("ch/a.json"), f.resolve("ch/fixture.schema.json")), book.fixtureFiles());
        assertEquals(List.of(f.resolve("ch/waivers.json")), book.waiverFiles());
    }

    @Test
    void listingTheFixturesRemovesTemporariesOfWritersThatDied() throws IOException {
        // A temporary file of a writer with process id 2147483646, which no running process has.
        Path stale = write("fixtures/ch/.a.json.2147483646.123.bookcheck-tmp", "{");
        write("fixtures/ch/a.json", "{}");
        assertEquals(List.of(root.resolve("fixtures/ch/a.json")), book.fixtureFiles());
        assertFalse(Files.exists(stale), "the dead writer's temporary file is removed");
    }

    @Test
    void theWaiverFileOfAChapterIsInItsFixtureFolder() {
        assertEquals(root.resolve("fixtures/ch/waivers.json"), book.waiversFile("ch"));
    }

    @Test
    void whyAFileCannotBeRead() throws IOException {
        Path fixtures = root.resolve("fixtures");
        Path plain = write("fixtures/ch/a.json", "{}");
        assertEquals(Optional.empty(), book.problemOf(plain, fixtures));
        assertEquals(Optional.of("does not exist"), book.problemOf(fixtures.resolve("ch/b.json"), fixtures));
        Path dangling = Files.createSymbolicLink(fixtures.resolve("ch/c.json"), fixtures.resolve("ch/gone.json"));
        assertEquals(Optional.of("is a symbolic link to " + fixtures.resolve("ch/gone.json") + ", which does not exist"),
                book.problemOf(dangling, fixtures));
        // A link inside the folder to a file inside it is read like the file.
        Path inside = Files.createSymbolicLink(fixtures.resolve("ch/d.json"), plain);
        assertEquals(Optional.empty(), book.problemOf(inside, fixtures));
        Path outsideFile = Files.writeString(elsewhere.resolve("e.json"), "{}");
        Path outside = Files.createSymbolicLink(fixtures.resolve("ch/e.json"), outsideFile);
        assertEquals(Optional.of("is a link to " + outsideFile.toRealPath() + ", outside the book's fixtures/ folder; bookcheck reads only"
                + " files inside the book (copy the file in instead)"), book.problemOf(outside, fixtures));
        Files.createDirectories(fixtures.resolve("ch/f.json"));
        assertEquals(Optional.of("is a folder, not a plain file"), book.problemOf(fixtures.resolve("ch/f.json"), fixtures));
        // The folder itself must exist to tell what lies inside it.
        assertTrue(book.problemOf(plain, root.resolve("missing")).orElseThrow().startsWith("cannot be read (NoSuchFileException: "));
    }

    @Test
    void aFixtureFileThatCannotBeReadIsRejectedWithTheReason() {
        Path missing = root.resolve("fixtures/ch/a.json");
        FixtureLoad.Rejected r = (FixtureLoad.Rejected) book.loadFixture(missing);
        assertEquals(1, r.errors().size());
        assertEquals("the fixture file does not exist", r.errors().get(0).message());
    }

    @Test
    void foldersAreCreatedOnlyInsideAnExistingBook() throws IOException {
        book.createFolder(root.resolve("fixtures/ch/deeper"));
        assertTrue(Files.isDirectory(root.resolve("fixtures/ch/deeper")));
        // A folder that exists already is fine.
        book.createFolder(root.resolve("fixtures/ch"));
        NoSuchFileException outside = assertThrows(NoSuchFileException.class, () -> book.createFolder(dir.resolve("other")));
        assertContains(outside.getMessage(), "bookcheck creates folders only inside an existing book");
        assertFalse(Files.exists(dir.resolve("other")));
        Book absent = new Book(dir.resolve("no-book"));
        assertThrows(NoSuchFileException.class, () -> absent.createFolder(dir.resolve("no-book/fixtures")));
        assertFalse(Files.exists(dir.resolve("no-book")));
        // Through a link that leaves the book.
        Files.createSymbolicLink(root.resolve("out"), elsewhere);
        FileSystemException through = assertThrows(FileSystemException.class, () -> book.createFolder(root.resolve("out/x/y")));
        assertContains(through.getMessage(), "it lies outside the book at " + root + " (through a link)");
        assertFalse(Files.exists(elsewhere.resolve("x")));
    }
}
