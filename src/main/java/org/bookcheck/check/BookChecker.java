package org.bookcheck.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.FixtureError;
import org.bookcheck.fixture.FixtureLoad;
import org.bookcheck.fixture.FixtureReader;

/** Checks a book: reads every fixture, rejects unusable ones with their reasons, and checks the rest against their chapters. */
public final class BookChecker {

    private BookChecker() {
    }

    /** Checks every fixture of the book. */
    public static BookReport check(Book book) throws IOException {
        return check(book, book.fixtureFiles());
    }

    /** Checks the given fixture files of the book (ids are still compared with the whole book's). */
    public static BookReport check(Book book, List<Path> files) throws IOException {
        Map<String, Path> firstFileOfId = new HashMap<>();
        for (Path file : book.fixtureFiles()) {
            if (FixtureReader.read(file) instanceof FixtureLoad.Loaded loaded) {
                firstFileOfId.putIfAbsent(loaded.fixture().id(), file);
            }
        }
        List<FixtureResult> results = new ArrayList<>();
        for (Path file : files) {
            results.add(checkFile(book, file, firstFileOfId));
        }
        List<String> notes = new ArrayList<>();
        for (Path stray : book.strayFiles()) {
            notes.add("ignored " + book.root().relativize(stray) + ": not a fixture (fixtures are .json files)");
        }
        return new BookReport(book.root(), results, notes);
    }

    private static FixtureResult checkFile(Book book, Path file, Map<String, Path> firstFileOfId) {
        return switch (FixtureReader.read(file)) {
            case FixtureLoad.Rejected rejected -> FixtureResult.invalid(file, Optional.empty(), rejected.errors());
            case FixtureLoad.Loaded loaded -> {
                Fixture fixture = loaded.fixture();
                Path first = firstFileOfId.get(fixture.id());
                if (first != null && !first.equals(file)) {
                    yield FixtureResult.invalid(file, Optional.of(fixture), List.of(fixture.error("/id", "duplicate id \""
                            + fixture.id() + "\": " + book.root().relativize(first) + " already uses it; ids name fixtures"
                            + " across the whole book (bookcheck trace <id>), so give this one another id")));
                }
                Optional<Chapter> chapter = book.chapter(fixture.chapter());
                if (chapter.isEmpty()) {
                    yield FixtureResult.invalid(file, Optional.of(fixture), List.of(missingChapter(book, fixture)));
                }
                yield FixtureChecker.check(fixture, chapter.get());
            }
        };
    }

    private static FixtureError missingChapter(Book book, Fixture fixture) {
        String available;
        try {
            List<String> names = book.chapterNames();
            available = names.isEmpty() ? "the chapters folder is empty" : "chapters here: " + String.join(", ", names);
        } catch (IOException e) {
            available = "the chapters folder cannot be read";
        }
        return fixture.error("/chapter", "the chapter chapters/" + fixture.chapter() + " does not exist (" + available + ")");
    }
}
