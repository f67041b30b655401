package org.bookcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bookcheck.check.Book;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --root} option shared by the commands that read a book (a picocli mixin). */
public final class BookOption {

    @Option(names = "--root", paramLabel = "DIR",
            description = "The book's root folder, holding chapters/ and fixtures/ (default: the folder of the paths given,"
                    + " else the nearest folder from the current one up that holds chapters/). Relative paths given"
                    + " to the command are read from DIR.")
    Path root;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The book this command read, once it has chosen one; files of this book are never written over. */
    Book chosen;

    /** The book: --root, else the book the given path lies in, else the nearest book around the working directory. */
    Book book(Path hint) {
        Path dir = root;
        if (dir == null && hint != null) {
            dir = rootOf(hint);
        }
        if (dir == null) {
            dir = BookRoot.fromEnvironment();
            if (mixee != null && !dir.equals(BookRoot.workingDirectory())) {
                PrintWriter err = mixee.commandLine().getErr();
                err.println("bookcheck " + mixee.name() + ": checking the book at " + dir + " (the nearest folder holding chapters/;"
                        + " give --root DIR for another)");
                err.flush();
            }
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError("the book's root folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir.resolve("chapters"))) {
            throw new UserError(dir + " is not a book: it has no chapters/ folder (a book holds chapters/*.md and"
                    + " fixtures/<chapter>/*.json); give --root the folder that holds them");
        }
        chosen = new Book(dir);
        return chosen;
    }

    Book book() {
        return book(null);
    }

    /**
     * A path argument as the user means it: with --root, a relative path is read from the root (unless it
     * exists only from the working directory); otherwise from the working directory.
     */
    Path resolve(Path given) {
        if (root == null || given.isAbsolute()) {
            return given;
        }
        Path inRoot = root.resolve(given);
        return Files.exists(inRoot) || !Files.exists(given) ? inRoot : given;
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
