package org.bookcheck.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What a path is, in words, for messages about files that are not plain files (a FIFO, a device, a dangling link). */
public final class FileKinds {

    private FileKinds() {
    }

    /** "a folder", "a symbolic link to X", "a FIFO or device", ... (without following links). */
    public static String describe(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                Path to = Files.readSymbolicLink(p);
                return Files.exists(p) ? "a symbolic link to " + to : "a symbolic link to " + to + ", which does not exist";
            }
            if (a.isDirectory()) {
                return "a folder";
            }
            if (a.isRegularFile()) {
                return "a plain file";
            }
            return a.isOther() ? special(p) : "not a plain file";
        } catch (IOException e) {
            return "unreadable (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static String special(Path p) {
        try {
            Object mode = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int type = ((Integer) mode) & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file (a FIFO, device or socket)";
        }
    }
}
