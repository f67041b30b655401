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
import org.bookcheck.fixture.Import;
import org.bookcheck.fixture.Waiver;
import org.bookcheck.fixture.WaiverFile;
import org.bookcheck.chapter.QuoteLocation;
import org.bookcheck.chapter.QuoteLocator;

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
        // Every fixture of the book is read once: ids must be unique across the book, not only the selection.
        Map<Path, FixtureLoad> loads = new HashMap<>();
        Map<String, Path> firstFileOfId = new HashMap<>();
        for (Path file : book.fixtureFiles()) {
            FixtureLoad load = book.loadFixture(file);
            loads.put(file.toAbsolutePath().normalize(), load);
            if (load instanceof FixtureLoad.Loaded loaded) {
                firstFileOfId.putIfAbsent(loaded.fixture().id(), file);
            }
        }
        List<FixtureResult> results = new ArrayList<>();
        ImportOrder order = new ImportOrder(book, loads, firstFileOfId);
        for (Path file : files) {
            results.add(order.result(file.toAbsolutePath().normalize(), new ArrayList<>()));
        }
        List<WaiverResult> waivers = new ArrayList<>();
        for (Path file : book.waiverFiles()) {
            waivers.add(checkWaivers(book, file));
        }
        List<String> notes = new ArrayList<>();
        for (Path stray : book.strayFiles()) {
            notes.add("ignored " + book.root().relativize(stray) + ": not a fixture (fixtures are .json files)");
        }
        return new BookReport(book.root(), results, waivers, notes);
    }

    /** Reads a waiver file and places each waiver's quote in its chapter. */
    public static WaiverResult checkWaivers(Book book, Path file) {
        String stem = file.getParent().getFileName().toString();
        if (!book.fixturesDir().equals(file.toAbsolutePath().normalize().getParent().getParent())) {
            return new WaiverResult(file, stem, List.of(), List.of(new FixtureError(file, org.bookcheck.fixture.JsonPosition.START, "",
                    "a waiver file belongs in fixtures/<chapter-stem>/" + Book.WAIVERS_FILE + ", beside the chapter's fixtures; this one is "
                    + book.root().relativize(file) + ", so it waives nothing: move it up or down to its chapter's folder")));
        }
        Optional<String> problem = book.problemOf(file, book.fixturesDir());
        if (problem.isPresent()) {
            return new WaiverResult(file, stem, List.of(), List.of(new FixtureError(file, org.bookcheck.fixture.JsonPosition.START, "",
                    "the waiver file " + problem.get())));
        }
        WaiverFile read = WaiverFile.read(file);
        List<FixtureError> errors = new ArrayList<>(read.errors());
        List<WaiverResult.Placed> placed = new ArrayList<>();
        if (read.chapter() != null) {
            Optional<Chapter> chapter = book.chapter(read.chapter());
            if (chapter.isEmpty()) {
                errors.add(new FixtureError(file, read.json().position("/chapter"), "/chapter", book.chapterProblem(read.chapter())));
            } else if (!chapter.get().stem().equals(stem)) {
                errors.add(new FixtureError(file, read.json().position("/chapter"), "/chapter", "the waiver file lies in "
                        + stem + "/ but names chapter " + read.chapter() + "; it belongs in fixtures/" + chapter.get().stem() + "/"));
            } else {
                for (Waiver w : read.waivers()) {
                    switch (QuoteLocator.locate(chapter.get(), w.anchor().quote(), w.anchor().occurrence())) {
                        case QuoteLocation.Found found -> placed.add(new WaiverResult.Placed(w,
                                new Location(read.chapter(), found.start().line(), found.start().column())));
                        case QuoteLocation.Missing missing -> errors.add(new FixtureError(file, read.json().position(w.pointer() + "/quote"),
                                w.pointer() + "/quote", "the quote \"" + w.anchor().quote() + "\" no longer occurs in chapters/"
                                + read.chapter() + "; the closest line is " + missing.closestLine() + ": \"" + missing.closestText() + "\""));
                        case QuoteLocation.Ambiguous ambiguous -> errors.add(new FixtureError(file,
                                read.json().position(w.pointer() + "/quote"), w.pointer() + "/quote", "the quote \""
                                + w.anchor().quote() + "\" occurs on lines " + ambiguous.lines() + "; add \"occurrence\": N"));
                        case QuoteLocation.TooFewOccurrences few -> errors.add(new FixtureError(file,
                                read.json().position(w.pointer() + "/occurrence"), w.pointer() + "/occurrence", "occurrence "
                                + few.wanted() + " of the quote is wanted but it occurs only on lines " + few.lines()));
                    }
                }
            }
        }
        return new WaiverResult(file, stem, placed, errors);
    }

    /**
     * Checks fixtures in the order their imports need: a fixture after every fixture it imports from, each
     * once, so the values it imports (exact, printed and their provenance) are there when it is checked.
     */
    private static final class ImportOrder {

        private final Book book;
        private final Map<Path, FixtureLoad> loads;
        private final Map<String, Path> firstFileOfId;
        private final Map<Path, FixtureResult> done = new HashMap<>();
        private final Upstream upstream = new Upstream();

        ImportOrder(Book book, Map<Path, FixtureLoad> loads, Map<String, Path> firstFileOfId) {
            this.book = book;
            this.loads = loads;
            this.firstFileOfId = firstFileOfId;
        }

        /** The check of a fixture file, after those it imports from; {@code path} is the chain of importers that led here. */
        FixtureResult result(Path file, List<Path> path) {
            FixtureResult known = done.get(file);
            if (known != null) {
                return known;
            }
            FixtureLoad load = loads.computeIfAbsent(file, f -> book.loadFixture(f));
            List<FixtureError> problems = new ArrayList<>();
            if (load instanceof FixtureLoad.Loaded loaded) {
                path.add(file);
                for (Import i : loaded.fixture().imports()) {
                    problem(loaded.fixture(), i, path).ifPresent(problems::add);
                }
                path.removeLast();
            }
            FixtureResult result = problems.isEmpty() ? checkFile(book, load, firstFileOfId, upstream)
                    : FixtureResult.invalid(load.file(), Optional.of(((FixtureLoad.Loaded) load).fixture()), problems);
            done.put(file, result);
            return result;
        }

        /** What stops an import: a fixture that does not exist, a cycle, an unusable fixture, or a name it does not have. */
        private Optional<FixtureError> problem(Fixture importer, Import i, List<Path> path) {
            String label = "import \"" + i.name() + "\" (" + i.qualified() + "): ";
            Path from = firstFileOfId.get(i.fixture());
            if (from == null) {
                List<String> near = org.bookcheck.text.EditDistance.nearest(i.fixture(), firstFileOfId.keySet(), 3);
                return Optional.of(importer.error(i.pointer(), label + "the book has no fixture \"" + i.fixture() + "\""
                        + (near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)")
                        + "; write the id of the fixture that computes the value, then / and the name of its input or step"));
            }
            Path normal = from.toAbsolutePath().normalize();
            int at = path.indexOf(normal);
            if (at >= 0) {
                List<String> cycle = new ArrayList<>();
                for (Path p : path.subList(at, path.size())) {
                    cycle.add(idOf(p));
                }
                cycle.add(i.fixture());
                return Optional.of(importer.error(i.pointer(), label + "the imports form a cycle " + String.join(" → ", cycle)
                        + "; a value can only come from a fixture that does not need this one"));
            }
            FixtureResult source = result(normal, path);
            if (!source.errors().isEmpty()) {
                return Optional.of(importer.error(i.pointer(), label + "the fixture \"" + i.fixture() + "\" is unusable ("
                        + book.root().relativize(from) + "; its problems are reported with it), so nothing can be imported from it"));
            }
            if (upstream.get(i.qualified()).isEmpty()) {
                Fixture f = source.fixture().orElseThrow();
                List<String> names = new ArrayList<>();
                f.inputs().forEach(x -> names.add(x.name()));
                f.steps().forEach(x -> names.add(x.name()));
                return Optional.of(importer.error(i.pointer(), label + "the fixture \"" + i.fixture() + "\" has no input or step \""
                        + i.value() + "\"; it has " + String.join(", ", names)));
            }
            return Optional.empty();
        }

        private String idOf(Path file) {
            return loads.get(file) instanceof FixtureLoad.Loaded l ? l.fixture().id() : file.getFileName().toString();
        }
    }

    private static FixtureResult checkFile(Book book, FixtureLoad load, Map<String, Path> firstFileOfId, Upstream upstream) {
        Path file = load.file();
        return switch (load) {
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
                yield FixtureChecker.check(fixture, chapter.get(), upstream);
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
        String problem = book.chapterProblem(fixture.chapter());
        return fixture.error("/chapter", problem.endsWith("does not exist") ? "the chapter " + problem + " (" + available + ")" : problem);
    }
}
