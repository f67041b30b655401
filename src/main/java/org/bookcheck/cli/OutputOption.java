package org.bookcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.bookcheck.check.Book;
import org.bookcheck.io.AtomicFiles;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --output FILE} option shared by the commands that write a report (a picocli mixin). It
 * never writes over the book: a file under chapters/ or fixtures/ of the book the command read (or of
 * the book around the working directory), a link, or anything that is not a plain file is refused.
 */
public final class OutputOption {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (atomically, replacing a plain file) instead of standard output; - is standard output."
                    + " Never a file of the book (chapters/, fixtures/), a link or a special file.")
    Path output;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** Writes the content to --output, or to {@code out} when none was given; says where it went on {@code err}. */
    void write(String content, PrintWriter out, PrintWriter err) {
        if (!toFile()) {
            out.print(content);
            out.flush();
            return;
        }
        check(output, protectedBooks());
        try {
            AtomicFiles.writeString(output, content, true);
        } catch (IOException | SecurityException e) {
            throw new UserError("cannot write " + output + " (" + reason(e) + "); choose a path in a folder you can write to");
        }
        err.println("wrote " + output);
    }

    boolean toFile() {
        return output != null && !output.toString().equals("-");
    }

    /**
     * Refuses, with one message, a target that is a file of one of the books (or their folders), a link,
     * a folder or a special file, or whose folder does not exist and lies outside the books; creates the
     * missing folders of a target inside a book (target/bookcheck/report.html).
     */
    static void check(Path target, Set<Path> books) {
        Optional<String> special = AtomicFiles.refusal(target);
        if (special.isPresent()) {
            throw new UserError("will not write " + target + ": " + special.get() + "; give the name of a new or plain file");
        }
        Path parent = target.toAbsolutePath().normalize().getParent();
        if (parent == null) {
            throw new UserError("cannot write " + target + ": give a file name");
        }
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing.toRealPath().resolve(existing.relativize(parent)).resolve(target.getFileName());
        } catch (IOException | NullPointerException e) {
            throw new UserError("cannot write " + target + " (" + (e instanceof IOException io ? reason(io) : "no such folder") + ")");
        }
        for (Path book : books) {
            for (String folder : new String[] {"chapters", "fixtures"}) {
                Path inside = book.resolve(folder);
                if (real.startsWith(inside) || real.equals(book.resolve(folder))) {
                    throw new UserError("will not write " + target + ": it is in the " + folder + "/ folder of the book at " + book
                            + ", which bookcheck reads and never writes over; choose a path outside chapters/ and fixtures/"
                            + " (e.g. target/report.txt)");
                }
            }
        }
        if (!Files.isDirectory(parent)) {
            // Folders are created for a report only inside the book (target/...), never elsewhere on the machine.
            if (books.stream().noneMatch(real::startsWith) || !Files.isDirectory(existing)) {
                throw new UserError("cannot write " + target + ": the folder " + parent + " does not exist (bookcheck creates folders"
                        + " for its output only inside the book); create it first or choose another path");
            }
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new UserError("cannot write " + target + " (" + reason(e) + ")");
            }
        }
    }

    /** The real paths of the books whose files must not be written: the one the command read, and the one around the working directory. */
    private Set<Path> protectedBooks() {
        Set<Path> books = new LinkedHashSet<>();
        if (mixee != null) {
            for (CommandSpec m : mixee.mixins().values()) {
                if (m.userObject() instanceof BookOption option && option.chosen != null) {
                    addReal(books, option.chosen.root());
                }
            }
        }
        BookRoot.nearest(BookRoot.workingDirectory()).ifPresent(b -> addReal(books, b));
        return books;
    }

    static void addReal(Set<Path> books, Path root) {
        try {
            books.add(root.toRealPath());
        } catch (IOException e) {
            books.add(root.toAbsolutePath().normalize());
        }
    }

    /** Protects a book's files from a write by a command that does not use the --root mixin. */
    static Set<Path> booksOf(Book book) {
        Set<Path> books = new LinkedHashSet<>();
        addReal(books, book.root());
        BookRoot.nearest(BookRoot.workingDirectory()).ifPresent(b -> addReal(books, b));
        return books;
    }

    static String reason(Exception e) {
        return switch (e) {
            case java.nio.file.FileAlreadyExistsException f -> "a file stands where a folder is needed: " + f.getFile();
            case java.nio.file.AccessDeniedException a -> "permission denied: " + a.getFile();
            case java.nio.file.NoSuchFileException n -> "no such folder: " + n.getFile();
            case java.nio.file.FileSystemException f -> f.getReason() != null ? f.getReason() + ": " + f.getFile() : String.valueOf(f.getFile());
            default -> e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        };
    }
}
