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
    void leavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("report.md");
        AtomicFiles.writeString(file, "x", false);
        assertEquals(List.of(file), Files.list(dir).toList());
        assertEquals("x", Files.readString(file));
    }

    /**
     * New files get rw-r--r-- and replaced files keep their permissions whatever the umask: each case runs in a
     * child JVM started under a known umask (077 would make a new file rw-------, 000 rw-rw-rw- if the umask decided).
     */
    @Test
    void permissionsDoNotDependOnTheUmask() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh to set a umask");
        for (String umask : new String[] {"077", "000", "022"}) {
            Path folder = Files.createDirectories(dir.resolve("umask-" + umask));
            Path fresh = folder.resolve("new.txt");
            Path open = Files.writeString(folder.resolve("open.txt"), "old");
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-rw-rw-"));
            Path closed = Files.writeString(folder.resolve("closed.txt"), "old");
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rw-------"));
            String javaBinary = ProcessHandle.current().info().command().orElseThrow();
            Process child = new ProcessBuilder("/bin/sh", "-c", "umask " + umask + " && exec \"$0\" -cp \"$1\" \"$2\" \"$3\" \"$4\" \"$5\"",
                    javaBinary, System.getProperty("java.class.path"), Writer.class.getName(), fresh.toString(), open.toString(), closed.toString())
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, child.waitFor(), output);
            // The child reports the umask it ran under (its read and write bits, from a plain file it created), so the case was real.
            assertTrue(output.contains(String.format("umask %03o", Integer.parseInt(umask, 8) & 0666)), output);
            assertEquals("new", Files.readString(fresh));
            assertEquals("new", Files.readString(open));
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)), "umask " + umask);
            assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(open)), "umask " + umask);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(closed)), "umask " + umask);
        }
    }

    /** The child of {@link #permissionsDoNotDependOnTheUmask}: writes a new file and replaces two, then prints its umask. */
    static final class Writer {
        public static void main(String[] args) throws Exception {
            AtomicFiles.writeString(Path.of(args[0]), "new", false);
            AtomicFiles.writeString(Path.of(args[1]), "new", true);
            AtomicFiles.writeString(Path.of(args[2]), "new", true);
            // A plain file created here shows the umask in force: rw-rw-rw- less its bits.
            Path probe = Path.of(args[0]).resolveSibling("probe");
            Files.writeString(probe, "");
            int mode = 0;
            for (var p : Files.getPosixFilePermissions(probe)) {
                mode |= 1 << (8 - p.ordinal());
            }
            Files.delete(probe);
            System.out.printf("umask %03o%n", 0666 & ~mode);
        }
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
