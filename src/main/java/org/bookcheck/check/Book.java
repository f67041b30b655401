package org.bookcheck.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.bookcheck.chapter.Chapter;

/**
 * A book's repository layout: Markdown chapters under {@code chapters/} and their fixtures under
 * {@code fixtures/<chapter-stem>/<id>.json}, with a JSON Schema and per-chapter waiver files.
 */
public final class Book {

    /** The schema file in fixtures/, which is not a fixture. */
    public static final String SCHEMA_FILE = "fixture.schema.json";
    /** The per-chapter list of numbers deliberately left unchecked, which is not a fixture. */
    public static final String WAIVERS_FILE = "waivers.json";

    private final Path root;
    private final Map<String, Optional<Chapter>> chapters = new ConcurrentHashMap<>();

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

    /** The chapter at a path relative to chapters/, read once; empty if there is no such file. */
    public Optional<Chapter> chapter(String name) {
        return chapters.computeIfAbsent(name, n -> {
            Path path = chaptersDir().resolve(n).normalize();
            if (!path.startsWith(chaptersDir()) || !Files.isRegularFile(path)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Chapter.read(n, path));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** The Markdown chapters, by name relative to chapters/, sorted. */
    public List<String> chapterNames() throws IOException {
        if (!Files.isDirectory(chaptersDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(chaptersDir())) {
            return files.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".md"))
                    .map(p -> chaptersDir().relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /** Every file under fixtures/ that should be a fixture, sorted; the schema and waiver files excepted. */
    public List<Path> fixtureFiles() throws IOException {
        if (!Files.isDirectory(fixturesDir())) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(fixturesDir())) {
            files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !(p.getParent().equals(fixturesDir()) && p.getFileName().toString().equals(SCHEMA_FILE)))
                    .filter(p -> !p.getFileName().toString().equals(WAIVERS_FILE))
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
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().endsWith(".json") && !p.toString().endsWith(".md"))
                    .sorted()
                    .toList();
        }
    }

    /** The waiver files of all chapters, sorted. */
    public List<Path> waiverFiles() throws IOException {
        if (!Files.isDirectory(fixturesDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(fixturesDir(), 2)) {
            return files.filter(p -> p.getFileName().toString().equals(WAIVERS_FILE) && Files.isRegularFile(p)).sorted().toList();
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
