package org.bookcheck.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that nothing is half-written or silently replaced: the content goes to a temporary
 * file beside the target and is moved into place in one step; an existing file is replaced only when
 * the caller says so.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes text, refusing to replace an existing file unless {@code overwrite}. */
    public static void writeString(Path target, String content, boolean overwrite) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8), overwrite);
    }

    /** Writes bytes, refusing to replace an existing file unless {@code overwrite}. */
    public static void write(Path target, byte[] content, boolean overwrite) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        if (!overwrite && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            Files.write(temp, content);
            keepOrDefaultPermissions(temp, absolute);
            if (!overwrite) {
                // A hard link fails if the target appeared meanwhile, so a concurrent writer is never clobbered.
                try {
                    Files.createLink(absolute, temp);
                    return;
                } catch (UnsupportedOperationException | IOException e) {
                    if (e instanceof FileAlreadyExistsException) {
                        throw e;
                    }
                }
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Temporary files are created owner-only; the file put in place gets the permissions of the file it
     * replaces, or the usual rw-r--r-- of a new file.
     */
    private static void keepOrDefaultPermissions(Path temp, Path target) throws IOException {
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }
}
