package org.bookcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bookcheck.check.Book;
import picocli.CommandLine.Option;

/** The {@code --root} option shared by the commands that read a book (a picocli mixin). */
public final class BookOption {

    @Option(names = "--root", paramLabel = "DIR",
            description = "The book's root folder, holding chapters/ and fixtures/ (default: the folder of the paths given,"
                    + " else the repository this bookcheck runs from).")
    Path root;

    /** The book: --root, else the book the given path lies in, else the launcher's repository. */
    Book book(Path hint) {
        Path dir = root;
        if (dir == null && hint != null) {
            dir = rootOf(hint);
        }
        if (dir == null) {
            dir = BookRoot.fromEnvironment();
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError("the book's root folder " + dir + " does not exist");
        }
        return new Book(dir);
    }

    Book book() {
        return book(null);
    }

    /** The folder above the chapters/ or fixtures/ folder a path lies in, if it lies in one. */
    static Path rootOf(Path path) {
        Path p = path.toAbsolutePath().normalize();
        for (Path dir = p.getParent(); dir != null; dir = dir.getParent()) {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            if ((name.equals("chapters") || name.equals("fixtures")) && dir.getParent() != null) {
                return dir.getParent();
            }
        }
        return null;
    }
}
