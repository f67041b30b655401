package org.bookcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bookcheck.check.Book;

/**
 * What the paths on a command line select: chapters (Markdown files under chapters/) and fixture files
 * (JSON under fixtures/). No paths select the whole book. Every path must exist and be one of these.
 */
record BookSelection(Book book, List<String> chapters, List<Path> fixtureFiles) {

    static BookSelection of(BookOption option, List<Path> givenPaths) throws IOException {
        List<Path> paths = givenPaths.stream().map(option::resolve).toList();
        Book book = option.book(paths.isEmpty() ? null : paths.get(0));
        if (book.chapterNames().isEmpty()) {
            throw new UserError("nothing to check: the book at " + book.root() + " has no chapters (chapters/*.md)");
        }
        if (paths.isEmpty()) {
            return new BookSelection(book, book.chapterNames(), book.fixtureFiles());
        }
        Set<String> chapters = new LinkedHashSet<>();
        Set<Path> files = new LinkedHashSet<>();
        List<Path> allFixtures = book.fixtureFiles();
        for (Path given : paths) {
            Path p = given.toAbsolutePath().normalize();
            if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new UserError("no such file or folder: " + given);
            }
            if (Files.isDirectory(p)) {
                List<Path> inside = allFixtures.stream().filter(f -> f.startsWith(p)).toList();
                List<String> chaptersInside = chapterNamesUnder(book, p);
                if (inside.isEmpty() && chaptersInside.isEmpty()) {
                    throw new UserError(given + " is a folder with no chapters (.md) or fixtures (.json) of the book at " + book.root());
                }
                files.addAll(inside);
                chapters.addAll(chaptersInside);
                inside.forEach(f -> chapters.add(chapterOfFolder(book, f)));
                continue;
            }
            String name = p.getFileName().toString();
            if (name.endsWith(".md")) {
                String chapter = chapterName(book, p, given);
                if (book.chapter(chapter).isEmpty()) {
                    throw new UserError("cannot check " + given + ": " + book.chapterProblem(chapter));
                }
                chapters.add(chapter);
                String stem = chapter.replaceFirst("\\.md$", "");
                allFixtures.stream().filter(f -> f.getParent().getFileName().toString().equals(stem.contains("/")
                        ? stem.substring(stem.lastIndexOf('/') + 1) : stem)).forEach(files::add);
            } else if (name.endsWith(".json")) {
                if (!p.startsWith(book.fixturesDir())) {
                    throw new UserError(given + " is not in the book's fixtures folder (" + book.fixturesDir() + ")");
                }
                if (name.equals(Book.WAIVERS_FILE) || name.equals(Book.SCHEMA_FILE) || name.equals(Book.STATEMENTS_FILE)) {
                    throw new UserError(given + " is not a fixture (it is the " + (name.equals(Book.SCHEMA_FILE) ? "schema"
                            : name.equals(Book.STATEMENTS_FILE) ? "statement exceptions" : "waiver")
                            + " file); give a fixture or a chapter");
                }
                files.add(p);
                chapters.add(chapterOfFolder(book, p));
            } else {
                throw new UserError(given + " is neither a Markdown chapter (.md) nor a fixture (.json)");
            }
        }
        chapters.removeIf(c -> c == null || book.chapter(c).isEmpty());
        return new BookSelection(book, new ArrayList<>(chapters), new ArrayList<>(files));
    }

    /** Says every unusable fixture and waiver file on standard error, one paragraph each (the report lists them too). */
    void reportUnusable(org.bookcheck.check.BookReport report, java.io.PrintWriter err, String command) {
        java.util.stream.Stream.concat(report.results().stream().filter(r -> r.invalid()).flatMap(r -> r.errors().stream()),
                report.waivers().stream().flatMap(w -> w.errors().stream()))
                .forEach(e -> err.println("bookcheck " + command + ": " + e.render(book.root())));
        err.flush();
    }

    /**
     * This selection, when it holds fixtures to check; else exit code 2 with "nothing was checked", so a
     * book's CI gate is never green for a book (or a chapter) with nothing under test.
     */
    BookSelection requireFixtures() {
        if (fixtureFiles.isEmpty()) {
            throw new UserError("nothing was checked: " + (chapters.size() == 1 ? "chapters/" + chapters.getFirst() + " has no fixtures"
                    + " (fixtures/" + chapters.getFirst().replaceFirst("\\.md$", "") + "/*.json)"
                    : "the book at " + book.root() + " has no fixtures (fixtures/<chapter>/*.json)")
                    + "; write one with bookcheck new CHAPTER:LINE (README § Adding a fixture)");
        }
        return this;
    }

    /** The chapter's name relative to chapters/, refusing files elsewhere and files that are not Markdown. */
    static String chapterName(Book book, Path p, Path given) {
        if (!p.getFileName().toString().endsWith(".md")) {
            throw new UserError(given + " is not a Markdown chapter (chapters are .md files)");
        }
        if (!p.startsWith(book.chaptersDir())) {
            throw new UserError(given + " is not in the book's chapters folder (" + book.chaptersDir() + ")");
        }
        return book.chaptersDir().relativize(p).toString().replace('\\', '/');
    }

    private static List<String> chapterNamesUnder(Book book, Path dir) throws IOException {
        return book.chapterNames().stream().filter(n -> book.chaptersDir().resolve(n).normalize().startsWith(dir)).toList();
    }

    /** The chapter a fixture file belongs to by its folder (fixtures/&lt;stem&gt;/), if that chapter exists. */
    private static String chapterOfFolder(Book book, Path fixture) {
        String stem = fixture.getParent().getFileName().toString();
        try {
            return book.chapterNames().stream().filter(n -> n.replaceFirst("\\.md$", "").endsWith(stem)).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
