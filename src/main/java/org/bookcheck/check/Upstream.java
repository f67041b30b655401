package org.bookcheck.check;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.reference.Value;

/**
 * The values of the book's checked fixtures as other fixtures import them, by qualified name
 * ({@code fixture-id/name}): the exact value, the book's value (printed, or carried from printed ones),
 * where each element comes from, and where the book prints it — so an import brings both chains and
 * the provenance along, and an origin in another chapter is named by chapter and line.
 */
public final class Upstream {

    /** One exported input or step. */
    record Exported(Value exact, Optional<Value> book, Provenance.Flow flow, Optional<PrintedValue> printed, Optional<Location> location) {
    }

    private final Map<String, Exported> values = new HashMap<>();

    /** An empty registry: a fixture with no imports needs nothing else. */
    public static Upstream none() {
        return new Upstream();
    }

    void export(String qualified, Exported value) {
        values.put(qualified, value);
    }

    Optional<Exported> get(String qualified) {
        return Optional.ofNullable(values.get(qualified));
    }

    /** Where a qualified value is printed, as a report names it: {@code chapters/a.md line 6}; empty when it is not printed. */
    String place(String qualified) {
        return get(qualified).flatMap(Exported::location).map(l -> "chapters/" + l.chapter() + " line " + l.line()).orElse("");
    }
}
