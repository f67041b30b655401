package org.bookcheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bookcheck.check.Book;
import org.bookcheck.fixture.FixtureLoad;
import org.bookcheck.text.EditDistance;

/** The book's fixtures by id, for commands that name a fixture; an unknown id is answered with the nearest ids. */
final class FixtureIndex {

    private FixtureIndex() {
    }

    /** The fixture with this id, read; a {@link UserError} naming the nearest ids when there is none. */
    static FixtureLoad find(Book book, String id) throws IOException {
        Map<String, FixtureLoad> byId = new TreeMap<>();
        for (Path file : book.fixtureFiles()) {
            FixtureLoad load = book.loadFixture(file);
            String key = load instanceof FixtureLoad.Loaded l ? l.fixture().id() : file.getFileName().toString().replaceFirst("\\.json$", "");
            FixtureLoad first = byId.putIfAbsent(key, load);
            if (first != null && key.equals(id)) {
                throw new UserError("two fixtures have the id \"" + id + "\": " + book.root().relativize(first.file()) + " and "
                        + book.root().relativize(file) + "; ids name fixtures across the whole book, so give one of them another id");
            }
        }
        FixtureLoad found = byId.get(id);
        if (found != null) {
            return found;
        }
        List<String> nearest = new ArrayList<>(EditDistance.nearest(id, byId.keySet(), 5));
        if (nearest.isEmpty()) {
            byId.keySet().stream().filter(k -> k.contains(id) || id.contains(k)).limit(5).forEach(nearest::add);
        }
        String hint = nearest.isEmpty()
                ? (byId.isEmpty() ? "the book has no fixtures under " + book.fixturesDir() : "the fixtures are: " + String.join(", ", byId.keySet()))
                : "did you mean " + String.join(", ", nearest) + "?";
        throw new UserError("no fixture has the id \"" + id + "\"; " + hint);
    }
}
