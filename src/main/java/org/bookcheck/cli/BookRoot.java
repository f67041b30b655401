package org.bookcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the book lives when neither --root nor a path names it: the nearest folder, from the working
 * directory up, that holds a {@code chapters/} folder. Never the repository bookcheck was built from,
 * which would silently check another book.
 */
final class BookRoot {

    private BookRoot() {
    }

    /** The book around the working directory; a {@link UserError} when there is none. */
    static Path fromEnvironment() {
        Path cwd = workingDirectory();
        return nearest(cwd).orElseThrow(() -> new UserError("no book here: neither " + cwd
                + " nor a folder above it holds a chapters/ folder; run bookcheck inside a book or give --root DIR"));
    }

    /** The nearest folder from {@code start} up that holds chapters/, if any. */
    static Optional<Path> nearest(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("chapters"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    static Path workingDirectory() {
        return Path.of("").toAbsolutePath().normalize();
    }
}
