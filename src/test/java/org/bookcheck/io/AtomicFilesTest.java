package org.bookcheck.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void refusesToClobberUnlessTold() throws IOException {
        Path file = Files.createDirectories(dir.resolve("a")).resolve("b.txt");
        AtomicFiles.writeString(file, "first", false);
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.writeString(file, "second", false));
        assertEquals("first", Files.readString(file));
        AtomicFiles.writeString(file, "second", true);
        assertEquals("second", Files.readString(file));
    }

    @Test
    void leavesNoTemporaryFilesAndGivesNewFilesTheUsualPermissions() throws IOException {
        Path file = dir.resolve("report.md");
        AtomicFiles.writeString(file, "x", false);
        assertEquals(List.of(file), Files.list(dir).toList());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void replacingKeepsThePermissionsOfTheReplacedFile() throws IOException {
        Path file = dir.resolve("script.sh");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
        AtomicFiles.writeString(file, "new", true);
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void neverWritesThroughALinkOrOntoASpecialFileOrCreatesFolders() throws IOException {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), outside);
        WriteRefusedException e = assertThrows(WriteRefusedException.class, () -> AtomicFiles.writeString(link, "x", true));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals("keep", Files.readString(outside));
        assertTrue(Files.isSymbolicLink(link));

        Path device = Path.of("/dev/null");
        assertTrue(AtomicFiles.refusal(device).orElseThrow().contains("a character device"), AtomicFiles.refusal(device)::toString);
        assertTrue(AtomicFiles.refusal(dir).orElseThrow().contains("a folder"));
        assertTrue(AtomicFiles.refusal(dir.resolve("new.txt")).isEmpty());

        assertThrows(NoSuchFileException.class, () -> AtomicFiles.writeString(dir.resolve("no/such/folder/f.txt"), "x", true));
        assertFalse(Files.exists(dir.resolve("no")));
    }

    @Test
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("pipe");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        assertTrue(AtomicFiles.refusal(fifo).orElseThrow().contains("a FIFO"));
        assertThrows(WriteRefusedException.class, () -> AtomicFiles.writeString(fifo, "x", true));
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the FIFO is left as it was");
    }

    @Test
    void temporaryFilesOfADeadWriterAreRemovedThoseOfALiveOneKept() throws IOException {
        // Process ids on Linux stay below 2^22: no process has 999999999, so its writer is dead.
        Path dead = Files.writeString(dir.resolve(".report.txt.999999999.42.bookcheck-tmp"), "half");
        Path live = Files.writeString(dir.resolve(".report.txt." + ProcessHandle.current().pid() + ".42.bookcheck-tmp"), "busy");
        Path other = Files.writeString(dir.resolve("notes.tmp"), "not ours");
        AtomicFiles.writeString(dir.resolve("report.txt"), "done", true);
        assertFalse(Files.exists(dead));
        assertTrue(Files.exists(live) && Files.exists(other));
        assertEquals("done", Files.readString(dir.resolve("report.txt")));
    }
}
