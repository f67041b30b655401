package org.bookcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Runs bookcheck commands in-process the way picocli's testing guide does, capturing exit code, output and errors. */
final class Cli {

    /** The repository's own book. */
    static final Path BOOK = Path.of(System.getProperty("bookcheck.root", ".")).toAbsolutePath().normalize();
    static final String CHAPTER = "04-training-neural-networks.md";

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        return runWithInput(null, args);
    }

    static Run runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Bookcheck.commandLine(new PrintWriter(out), new PrintWriter(err), stdin == null ? new StringReader("") : new StringReader(stdin))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A copy of the repository's chapters/ and fixtures/ in a folder, to change without touching the book. */
    static Path copyOfBook(Path dir) {
        copy(BOOK.resolve("chapters"), dir.resolve("chapters"));
        copy(BOOK.resolve("fixtures"), dir.resolve("fixtures"));
        return dir;
    }

    /** A copy of the test book src/test/resources/books/worksheet, whose arithmetic is printed in code blocks. */
    static Path copyOfWorksheet(Path dir) {
        try {
            copy(Path.of(Cli.class.getResource("/books/worksheet").toURI()), dir);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return dir;
    }

    /** A copy of a test book of src/test/resources/books. */
    static Path copyOfTestBook(Path dir, String name) {
        try {
            copy(Path.of(Cli.class.getResource("/books/" + name).toURI()), dir);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return dir;
    }

    /** A book of one chapter, chapters/toy.md, and its fixtures under fixtures/toy/, written into dir/book. */
    static Path toyBook(Path dir, String chapter, String... fixtureIdsAndJson) throws IOException {
        Path root = dir.resolve("book");
        Files.createDirectories(root.resolve("fixtures/toy"));
        Files.createDirectories(root.resolve("chapters"));
        Files.writeString(root.resolve("chapters/toy.md"), chapter);
        for (int i = 0; i < fixtureIdsAndJson.length; i += 2) {
            Files.writeString(root.resolve("fixtures/toy/" + fixtureIdsAndJson[i] + ".json"), fixtureIdsAndJson[i + 1]);
        }
        return root;
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String chapterPath(Path root) {
        return root.resolve("chapters").resolve(CHAPTER).toString();
    }
}
