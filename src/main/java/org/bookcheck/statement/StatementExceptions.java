package org.bookcheck.statement;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bookcheck.fixture.FixtureError;
import org.bookcheck.fixture.JsonPosition;
import org.bookcheck.fixture.LocatedJson;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.fixture.PrintedValueParser;

/**
 * A chapter's statement exceptions, {@code fixtures/<chapter-stem>/statements.json} beside its waivers: statements that
 * are not {@code holds} claims. An {@code erratum} is a known wrong statement, with its correction: it must still be
 * wrong (the strict expected-failure rule of errata in fixtures). {@code illustrative} and {@code simplified} statements
 * are left out of the check, with the author's reason. Each entry names its statement by a quote of its text (and
 * {@code line} where the quote is in several); an entry that names no statement is an error, located in the file.
 */
public record StatementExceptions(Path file, List<Entry> entries, List<FixtureError> errors) {

    /** The kinds of exception. */
    public static final List<String> KINDS = List.of("erratum", "illustrative", "simplified");

    private static final List<String> FIELDS = List.of("$schema", "chapter", "exceptions");
    private static final List<String> ENTRY_FIELDS = List.of("quote", "line", "kind", "reason", "corrected");

    /** One exception: the statement it names, its kind, the reason, and an erratum's correction. */
    public record Entry(String quote, Optional<Integer> line, String kind, String reason, Optional<PrintedValue> corrected,
            String pointer) {

        /** Whether this is a known erratum (checked, must be wrong) rather than a statement left out. */
        public boolean isErratum() {
            return kind.equals("erratum");
        }

        /** Whether this entry names the statement. */
        public boolean names(Statement s) {
            return s.text().contains(quote) && line.map(l -> l >= s.line() && l <= s.endLine()).orElse(true);
        }
    }

    public StatementExceptions {
        entries = List.copyOf(entries);
        errors = List.copyOf(errors);
    }

    /** No exceptions (the file does not exist). */
    public static StatementExceptions none(Path file) {
        return new StatementExceptions(file, List.of(), List.of());
    }

    /** The exception that names a statement, if any. */
    public Optional<Entry> entryFor(Statement s) {
        return entries.stream().filter(e -> e.names(s)).findFirst();
    }

    /** The errors of entries that name no statement, or more than one, of the chapter's statements. */
    public List<FixtureError> unmatched(List<Statement> statements, LocatedJson json) {
        List<FixtureError> out = new ArrayList<>();
        for (Entry e : entries) {
            long n = statements.stream().filter(e::names).count();
            if (n != 1) {
                out.add(new FixtureError(file, json == null ? JsonPosition.START : json.position(e.pointer() + "/quote"), e.pointer() + "/quote",
                        n == 0 ? "\"" + e.quote() + "\" is in no statement of the chapter (a written-out calculation such as"
                                + " x = 2 × 3 = 6); quote part of one, as `bookcheck coverage` lists them"
                                : "\"" + e.quote() + "\" is in " + n + " statements; add \"line\" to say which"));
            }
        }
        return out;
    }

    /** Reads the file, or no exceptions where it does not exist. */
    public static Read read(Path file) {
        if (!Files.exists(file)) {
            return new Read(none(file), null);
        }
        List<FixtureError> errors = new ArrayList<>();
        LocatedJson json;
        try {
            json = LocatedJson.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (LocatedJson.Malformed e) {
            return new Read(new StatementExceptions(file, List.of(), List.of(new FixtureError(file, e.position(), "", e.getMessage()))), null);
        } catch (IOException e) {
            return new Read(new StatementExceptions(file, List.of(), List.of(new FixtureError(file, JsonPosition.START, "",
                    "the statement exceptions file cannot be read (" + e.getMessage() + ")"))), null);
        }
        LocatedJson at = json;
        java.util.function.BiConsumer<String, String> error = (pointer, message) ->
                errors.add(new FixtureError(file, at.position(pointer), pointer, message));
        JsonNode root = json.root();
        List<Entry> entries = new ArrayList<>();
        if (!root.isObject()) {
            error.accept("", "a statement exceptions file is an object {\"chapter\": ..., \"exceptions\": [...]}");
            return new Read(new StatementExceptions(file, entries, errors), json);
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                error.accept("/" + LocatedJson.escape(name) + "#name", "unknown field \"" + name
                        + "\" in a statement exceptions file; allowed: " + String.join(", ", FIELDS));
            }
        });
        JsonNode list = root.get("exceptions");
        if (list == null || !list.isArray()) {
            error.accept(list == null ? "" : "/exceptions", "expected \"exceptions\": a list of {\"quote\", \"kind\", \"reason\"}");
            return new Read(new StatementExceptions(file, entries, errors), json);
        }
        for (int i = 0; i < list.size(); i++) {
            String p = "/exceptions/" + i;
            JsonNode e = list.get(i);
            if (!e.isObject()) {
                error.accept(p, "an exception is an object {\"quote\", \"kind\", \"reason\"}");
                continue;
            }
            e.fieldNames().forEachRemaining(name -> {
                if (!ENTRY_FIELDS.contains(name)) {
                    error.accept(p + "/" + LocatedJson.escape(name) + "#name", "unknown field \"" + name + "\" in an exception; allowed: "
                            + String.join(", ", ENTRY_FIELDS));
                }
            });
            String quote = e.path("quote").isTextual() ? e.get("quote").textValue() : "";
            String kind = e.path("kind").isTextual() ? e.get("kind").textValue() : "";
            String reason = e.path("reason").isTextual() ? e.get("reason").textValue() : "";
            if (quote.isBlank()) {
                error.accept(e.has("quote") ? p + "/quote" : p, "expected \"quote\": part of the statement's text as the chapter writes it");
                continue;
            }
            if (!KINDS.contains(kind)) {
                error.accept(e.has("kind") ? p + "/kind" : p, "expected \"kind\": one of " + String.join(", ", KINDS));
                continue;
            }
            if (reason.isBlank()) {
                error.accept(e.has("reason") ? p + "/reason" : p, "expected \"reason\": why the statement is not a claim that holds");
                continue;
            }
            Optional<Integer> line = Optional.empty();
            if (e.has("line")) {
                if (!e.get("line").canConvertToInt() || e.get("line").intValue() < 1) {
                    error.accept(p + "/line", "expected \"line\": the chapter line (from 1) the statement is on");
                    continue;
                }
                line = Optional.of(e.get("line").intValue());
            }
            Optional<PrintedValue> corrected = Optional.empty();
            if (kind.equals("erratum")) {
                if (!e.path("corrected").isTextual()) {
                    error.accept(e.has("corrected") ? p + "/corrected" : p, "an erratum needs \"corrected\": the right result as the"
                            + " chapter should print it");
                    continue;
                }
                try {
                    corrected = Optional.of(PrintedValueParser.parse(e.get("corrected").textValue()));
                } catch (IllegalArgumentException x) {
                    error.accept(p + "/corrected", x.getMessage());
                    continue;
                }
            } else if (e.has("corrected")) {
                error.accept(p + "/corrected", "only an erratum has \"corrected\"; a " + kind + " statement is left out of the check");
                continue;
            }
            entries.add(new Entry(quote, line, kind, reason, corrected, p));
        }
        return new Read(new StatementExceptions(file, entries, errors), json);
    }

    /** A read exceptions file and its JSON with positions (null where the file is missing or unreadable). */
    public record Read(StatementExceptions exceptions, LocatedJson json) {
    }
}
