package org.bookcheck.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files so that nothing is half-written or silently replaced: the content goes to a temporary
 * file beside the target, is forced to disk and moved into place in one step; an existing file is
 * replaced only when the caller says so, and only when it is a plain file (never a link, a FIFO or a
 * device). Parent folders are never created here: callers create them inside the book only.
 */
public final class AtomicFiles {

    /** Temporary files carry the writer's process id, so a later start can remove those of a writer that died. */
    static final String TEMP_SUFFIX = ".bookcheck-tmp";
    private static final Pattern TEMP = Pattern.compile("\\..+\\.(\\d+)\\.[^.]+" + Pattern.quote(TEMP_SUFFIX));

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes text, refusing to replace an existing file unless {@code overwrite}. */
    public static void writeString(Path target, String content, boolean overwrite) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8), overwrite);
    }

    /** Writes bytes, refusing to replace an existing file unless {@code overwrite}. */
    public static void write(Path target, byte[] content, boolean overwrite) throws IOException {
        write(target, overwrite, out -> out.write(content));
    }

    /** Writes what {@code content} produces, refusing to replace an existing file unless {@code overwrite}. */
    public static void write(Path target, boolean overwrite, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        refuseSpecial(absolute);
        Path dir = absolute.getParent();
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString());
        }
        if (!overwrite && Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        cleanStaleTemporaries(dir);
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".", TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
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
            refuseSpecial(absolute);
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
     * Why bookcheck must not write at this path, if it must not: a link (the write would land elsewhere),
     * or something that exists and is not a plain file (a folder, FIFO, device or socket).
     */
    public static java.util.Optional<String> refusal(Path target) {
        Path absolute = target.toAbsolutePath();
        if (Files.isSymbolicLink(absolute)) {
            return java.util.Optional.of("it is a symbolic link; bookcheck writes only plain files, never through a link");
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            return java.util.Optional.of("it is " + FileKinds.describe(absolute) + ", not a plain file");
        }
        return java.util.Optional.empty();
    }

    private static void refuseSpecial(Path absolute) throws IOException {
        java.util.Optional<String> why = refusal(absolute);
        if (why.isPresent()) {
            throw new WriteRefusedException(absolute.toString(), why.get());
        }
    }

    /**
     * Removes the temporary files in a folder whose writer is no longer running (killed before it could
     * clean up); those of running writers are left alone.
     */
    public static void cleanStaleTemporaries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + TEMP_SUFFIX)) {
            for (Path p : files) {
                Matcher m = TEMP.matcher(p.getFileName().toString());
                if (m.matches() && !alive(m.group(1)) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Cleaning is a courtesy; a folder we cannot list is reported by whoever reads it.
        }
    }

    /** Whether a file name is one of bookcheck's temporary files. */
    public static boolean isTemporary(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(TEMP_SUFFIX);
    }

    private static boolean alive(String pid) {
        try {
            long id = Long.parseLong(pid);
            return id == ProcessHandle.current().pid() || ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Temporary files are created owner-only; the file put in place gets the permissions of the file it
     * replaces, or the usual rw-r--r-- of a new file (set explicitly, so the umask does not decide).
     */
    private static void keepOrDefaultPermissions(Path temp, Path target) throws IOException {
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                ? Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }
}
