package org.bookcheck.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void refusesToClobberUnlessTold() throws IOException {
        Path file = dir.resolve("a/b.txt");
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
}
