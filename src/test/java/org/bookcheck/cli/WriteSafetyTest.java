package org.bookcheck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing bookcheck writes can damage anything: --output, new, schema --write never replace a file of
 * the book, a link or a special file, and create no folders outside the book (the red-team list of
 * issue 7, each refusal with exit code 2 and one message).
 */
class WriteSafetyTest {

    private static final String FIXTURES = "fixtures/04-training-neural-networks/";

    private static void assertRefused(Cli.Run run, String messagePart) {
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().contains(messagePart), () -> "should say \"" + messagePart + "\": " + run);
        assertFalse(run.err().contains("Exception") || run.err().contains("internal error"), run::toString);
        assertEquals(1, run.err().strip().lines().count(), () -> "one message: " + run);
    }

    @Test
    void noReportCommandWritesOverAFileOfTheBook(@TempDir Path dir) throws IOException {
        Path root = Cli.copyOfBook(dir);
        List<Path> targets = List.of(root.resolve("chapters").resolve(Cli.CHAPTER), root.resolve(FIXTURES + "weight-update.json"),
                root.resolve(FIXTURES + "waivers.json"), root.resolve("fixtures/fixture.schema.json"),
                root.resolve(FIXTURES + "new-report.json"));
        List<List<String>> commands = List.of(List.of("verify"), List.of("verify", "--format", "html"), List.of("fix"),
                List.of("coverage"), List.of("trace", "weight-update"));
        int refused = 0;
        for (List<String> command : commands) {
            for (Path target : targets) {
                byte[] before = Files.exists(target) ? Files.readAllBytes(target) : null;
                List<String> args = new ArrayList<>(command);
                args.addAll(List.of("--root", root.toString(), "--output", target.toString()));
                assertRefused(Cli.run(args.toArray(String[]::new)), "which bookcheck reads and never writes over");
                if (before == null) {
                    assertFalse(Files.exists(target), target::toString);
                } else {
                    assertArrayEquals(before, Files.readAllBytes(target), target::toString);
                }
                refused++;
            }
        }
        assertEquals(25, refused);
    }

    @Test
    void aCommandWithoutABookStillNeverWritesOverTheBookAroundTheWorkingDirectory(@TempDir Path dir) {
        Path root = Cli.copyOfBook(dir);
        // trace-model reads no book; its --output is checked against the book it is run in.
        UserError e = assertThrows(UserError.class, () -> OutputOption.check(root.resolve(FIXTURES + "weight-update.json"),
                Set.of(root.toAbsolutePath())));
        assertTrue(e.getMessage().contains("in the fixtures/ folder of the book"), e.getMessage());
        Cli.Run run = Cli.run("trace-model", "--output", Cli.BOOK.resolve("chapters").resolve("trace.txt").toString());
        assertRefused(run, "in the chapters/ folder of the book");
        assertFalse(Files.exists(Cli.BOOK.resolve("chapters").resolve("trace.txt")));
    }

    @Test
    void linksFifosDevicesAndFoldersAreRefused(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfBook(dir.resolve("book"));
        Path toStdout = Files.createSymbolicLink(dir.resolve("out.txt"), Path.of("/proc/self/fd/1"));
        assertRefused(Cli.run("verify", "--root", root.toString(), "--output", toStdout.toString()), "it is a symbolic link");
        assertTrue(Files.isSymbolicLink(toStdout));
        assertRefused(Cli.run("verify", "--root", root.toString(), "--output", "/dev/null"), "it is a character device, not a plain file");
        assertRefused(Cli.run("verify", "--root", root.toString(), "--output", dir.toString()), "it is a folder");

        Path fifo = dir.resolve("pipe");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        assertRefused(Cli.run("fix", "--root", root.toString(), "--output", fifo.toString()), "it is a FIFO (named pipe), not a plain file");
        assertFalse(Files.isRegularFile(fifo));
    }

    @Test
    void aDashIsStandardOutput(@TempDir Path dir) {
        Path root = Cli.copyOfBook(dir);
        Cli.Run run = Cli.run("verify", "--root", root.toString(), "--output", "-");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("all as claimed"), run.out());
        assertFalse(Files.exists(Path.of("-")), "no file named -");
    }

    @Test
    void foldersAreCreatedOnlyInsideTheBook(@TempDir Path dir) throws IOException {
        Path root = Cli.copyOfBook(dir.resolve("book"));
        Path outside = dir.resolve("elsewhere/deep/report.txt");
        assertRefused(Cli.run("verify", "--root", root.toString(), "--output", outside.toString()),
                "bookcheck creates folders for its output only inside the book");
        assertFalse(Files.exists(dir.resolve("elsewhere")));

        Path inside = root.resolve("target/reports/report.txt");
        Cli.Run run = Cli.run("verify", "--root", root.toString(), "--output", inside.toString());
        assertEquals(0, run.exit(), run::toString);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(inside)));

        Path missingBook = dir.resolve("nonexistent/book");
        assertRefused(Cli.run("schema", "--write", "--root", missingBook.toString()), "does not exist");
        assertFalse(Files.exists(dir.resolve("nonexistent")));
        assertRefused(Cli.run("schema", "--write", "--root", dir.toString()), "is not a book (it has no chapters/ folder)");
        assertFalse(Files.exists(dir.resolve("fixtures")));
    }

    @Test
    void schemaWriteRefusesALinkInPlaceOfTheSchema(@TempDir Path dir) throws IOException {
        Path root = Cli.copyOfBook(dir.resolve("book"));
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me");
        Path schema = root.resolve("fixtures/fixture.schema.json");
        Files.delete(schema);
        Files.createSymbolicLink(schema, victim);
        assertRefused(Cli.run("schema", "--write", "--root", root.toString()), "symbolic link");
        assertEquals("keep me", Files.readString(victim));
    }

    @Test
    void rootAppliesToThePathArgumentsOfNew(@TempDir Path dir) throws IOException {
        Path root = Cli.copyOfBook(dir);
        Cli.Run run = Cli.run("new", "--root", root.toString(), "chapters/" + Cli.CHAPTER + ":37", "--id", "update-37",
                "--op", "weight_update", "--arg", "w=v1", "--arg", "grad=v3", "--arg", "lr=v2");
        assertEquals(0, run.exit(), run::toString);
        Path written = root.resolve(FIXTURES + "update-37.json");
        assertTrue(Files.exists(written));
        assertFalse(Files.exists(Cli.BOOK.resolve(FIXTURES + "update-37.json")), "the repository's book is untouched");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(written)));
    }

    @Test
    void rootAppliesToThePathArgumentsOfVerify(@TempDir Path dir) throws IOException {
        Path root = Cli.copyOfBook(dir);
        Path fixture = root.resolve(FIXTURES + "dot-product.json");
        Files.writeString(fixture, Files.readString(fixture).replace("\"printed\": \"23\"", "\"printed\": \"24\""));
        // The same relative path names a right fixture in the repository's book and a wrong one in the copy.
        Cli.Run run = Cli.run("verify", "--root", root.toString(), FIXTURES + "dot-product.json");
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.out().contains("dot-product › dot: mismatch"), run.out());
    }

    @Test
    void newRefusesOptionsItWouldOtherwiseIgnore(@TempDir Path dir) {
        Path root = Cli.copyOfBook(dir);
        assertRefused(Cli.run("new", Cli.chapterPath(root), "--quote", "0.15", "--occurrence", "0", "--op", "sum"),
                "--occurrence counts from 1");
        assertRefused(Cli.run("new", Cli.chapterPath(root) + ":37", "--op", "weight_update", "--arg", "w=v1", "--arg", "w=v2",
                "--arg", "grad=v3", "--arg", "lr=v2"), "--arg w is given more than once");
        try (var files = Files.list(root.resolve(FIXTURES))) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().startsWith("weight-update-line")).count(), "nothing written");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
