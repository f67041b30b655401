package org.bookcheck.draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.reference.Value;

/**
 * The names a chain being drafted can use, in the order they were defined: the inputs and steps accepted so far (and
 * those of the fixture appended to), each with the value the book printed for it, and the formulas the chapter wrote
 * without a result ({@code K = X × WK}), kept for the value printed for that name later.
 */
public final class Scope {

    /** A name in scope: an input or a step, its value, and its printed form when the book prints one. */
    public record Entry(String name, Value value, Optional<PrintedValue> printed, boolean step) {
    }

    /** The calculation accepted last: the family of its left-hand side ({@code P} of {@code P(C)}, {@code s} of {@code s[1]}) and its expression. */
    public record Previous(String family, String expression) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private Optional<Previous> previous = Optional.empty();
    private final Map<String, String> formulas = new LinkedHashMap<>();

    /** Adds an input or step; a later entry of the same name replaces the earlier one. */
    public void add(Entry entry) {
        entries.removeIf(e -> e.name().equals(entry.name()));
        entries.add(entry);
    }

    /** Remembers the calculation accepted last, so that the next one of its family can continue its pattern. */
    public void previous(Optional<Previous> calculation) {
        previous = calculation;
    }

    public Optional<Previous> previous() {
        return previous;
    }

    /** Remembers a formula the chapter writes for a name, without a printed result. */
    public void formula(String name, String expression) {
        formulas.put(name, expression);
    }

    public Optional<String> formula(String name) {
        return Optional.ofNullable(formulas.get(name));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public Optional<Entry> entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The entry of this name, or else the only one whose name differs from it in case alone. */
    public Optional<Entry> entryIgnoringCase(String name) {
        Optional<Entry> exact = entry(name);
        if (exact.isPresent()) {
            return exact;
        }
        List<Entry> near = entries.stream().filter(e -> e.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))).toList();
        return near.size() == 1 ? Optional.of(near.getFirst()) : Optional.empty();
    }

    /** The values by name, for compiling an expression over them. */
    public Map<String, Value> values() {
        Map<String, Value> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.name(), e.value()));
        return out;
    }

    /** A name not yet in scope: {@code base}, else {@code base_2}, {@code base_3}, ... */
    public String fresh(String base) {
        return Names.free(base, name -> entry(name).isPresent());
    }
}
