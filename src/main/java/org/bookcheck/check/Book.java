package org.bookcheck.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.fixture.FixtureError;
import org.bookcheck.fixture.FixtureLoad;
import org.bookcheck.fixture.FixtureReader;
import org.bookcheck.fixture.JsonPosition;
import org.bookcheck.io.AtomicFiles;
import org.bookcheck.io.FileKinds;
import org.bookcheck.io.Utf8;

/**
 * A book's repository layout: Markdown chapters under {@code chapters/} and their fixtures under
 * {@code fixtures/<chapter-stem>/<id>.json}, with a JSON Schema and per-chapter waiver files.
 */
public final class Book {

    /** The schema file in fixtures/, which is not a fixture. */
    public static final String SCHEMA_FILE = "fixture.schema.json";
    /** The per-chapter list of numbers deliberately left unchecked, which is not a fixture. */
    public static final String WAIVERS_FILE = "waivers.json";

    /** A chapter's statement exceptions, beside its waivers (read by {@code org.bookcheck.statement}): not a fixture. */
    public static final String STATEMENTS_FILE = "statements.json";
    /** The id of a chapter's statements checked as one in-memory fixture; no fixture file may take it. */
    public static final String STATEMENTS_ID = "statements";

    private final Path root;
    private final Map<String, Optional<Chapter>> chapters = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();

    public Book(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path chaptersDir() {
        return root.resolve("chapters");
    }

    public Path fixturesDir() {
        return root.resolve("fixtures");
    }

    /** The chapter at a path relative to chapters/, read once; empty if it cannot be read ({@link #chapterProblem} says why). */
    public Optional<Chapter> chapter(String name) {
        return chapters.computeIfAbsent(name, n -> {
            Path path = chaptersDir().resolve(n).normalize();
            if (!path.startsWith(chaptersDir())) {
                problems.put(n, "chapters/" + n + " lies outside the book's chapters folder");
                return Optional.empty();
            }
            Optional<String> problem = problemOf(path, chaptersDir());
            if (problem.isPresent()) {
                problems.put(n, "chapters/" + n + " " + problem.get());
                return Optional.empty();
            }
            try {
                return Optional.of(Chapter.read(n, path));
            } catch (java.nio.charset.CharacterCodingException e) {
                problems.put(n, "chapters/" + n + " is not UTF-8 text (" + Utf8.firstBadByte(path)
                        + "); save the chapter as UTF-8");
            } catch (IOException e) {
                problems.put(n, "chapters/" + n + " cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
            return Optional.empty();
        });
    }

    /** Why a chapter could not be read: missing, not UTF-8, a link out of the book, not a plain file. */
    public String chapterProblem(String name) {
        chapter(name);
        return problems.getOrDefault(name, "chapters/" + name + " does not exist");
    }

    /**
     * Why a file of the book cannot be read as one, if it cannot: it does not exist, is a dangling link,
     * a link (or lies under one) whose real path leaves {@code folder}, or is not a plain file (a FIFO
     * would block the reader forever, a device would never end). Checked without opening the file.
     */
    public Optional<String> problemOf(Path file, Path folder) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("does not exist");
        }
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            return Optional.of("is " + FileKinds.describe(file));
        }
        try {
            Path real = file.toRealPath();
            Path realFolder = folder.toRealPath();
            if (!real.startsWith(realFolder)) {
                return Optional.of("is a link to " + real + ", outside the book's " + folder.getFileName()
                        + "/ folder; bookcheck reads only files inside the book (copy the file in instead)");
            }
            if (!Files.isRegularFile(real)) {
                return Optional.of("is " + FileKinds.describe(real) + ", not a plain file");
            }
        } catch (IOException e) {
            return Optional.of("cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    /** Reads a fixture file of the book, refusing links out of the book and special files before opening them. */
    public FixtureLoad loadFixture(Path file) {
        Optional<String> problem = problemOf(file, fixturesDir());
        if (problem.isPresent()) {
            return new FixtureLoad.Rejected(file, List.of(new FixtureError(file, JsonPosition.START, "",
                    "the fixture file " + problem.get())));
        }
        return FixtureReader.read(file);
    }

    /** The Markdown chapters, by name relative to chapters/, sorted. */
    public List<String> chapterNames() throws IOException {
        if (!Files.isDirectory(chaptersDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(chaptersDir())) {
            return files.filter(p -> !Files.isDirectory(p) && p.toString().endsWith(".md"))
                    .map(p -> chaptersDir().relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Every entry under fixtures/ that should be a fixture, sorted, whatever it is (a FIFO or a dangling
     * link is reported by {@link #loadFixture}, never skipped); the schema and waiver files excepted.
     * Temporary files of writers that died are removed on the way.
     */
    public List<Path> fixtureFiles() throws IOException {
        if (!Files.isDirectory(fixturesDir())) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(fixturesDir())) {
            files.filter(p -> {
                        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                            AtomicFiles.cleanStaleTemporaries(p);
                            return false;
                        }
                        return true;
                    })
                    .filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !(p.getParent().equals(fixturesDir()) && p.getFileName().toString().equals(SCHEMA_FILE)))
                    .filter(p -> !p.getFileName().toString().equals(WAIVERS_FILE))
                    .filter(p -> !p.getFileName().toString().equals(STATEMENTS_FILE))
                    .sorted()
                    .forEach(out::add);
        }
        return out;
    }

    /** Files under fixtures/ that are neither fixtures, the schema, waivers nor documentation: reported, not silently skipped. */
    public List<Path> strayFiles() throws IOException {
        if (!Files.isDirectory(fixturesDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(fixturesDir())) {
            return files.filter(p -> !Files.isDirectory(p))
                    .filter(p -> !p.toString().endsWith(".json") && !p.toString().endsWith(".md") && !AtomicFiles.isTemporary(p))
                    .sorted()
                    .toList();
        }
    }

    /** The waiver files under fixtures/, sorted, at any depth: one in the wrong folder is reported, not ignored. */
    public List<Path> waiverFiles() throws IOException {
        if (!Files.isDirectory(fixturesDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(fixturesDir())) {
            return files.filter(p -> p.getFileName().toString().equals(WAIVERS_FILE) && !Files.isDirectory(p)).sorted().toList();
        }
    }

    /**
     * Creates a folder of the book (and the folders between), never outside it: the book's root must
     * exist and the folder must lie inside it.
     */
    public void createFolder(Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root) || !target.startsWith(root)) {
            throw new java.nio.file.NoSuchFileException(target.toString(), null, "bookcheck creates folders only inside an existing book");
        }
        Path real = root.toRealPath();
        Path existing = target;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!existing.toRealPath().startsWith(real)) {
            throw new java.nio.file.FileSystemException(target.toString(), null, "it lies outside the book at " + root + " (through a link)");
        }
        Files.createDirectories(target);
    }

    /** The waiver file of a chapter stem. */
    public Path waiversFile(String chapterStem) {
        return fixturesDir().resolve(chapterStem).resolve(WAIVERS_FILE);
    }
}
