package org.bookcheck.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A throwaway book on disk for tests: chapters and fixtures written from strings, then checked. */
public final class TempBook {

    static final String STEM = "ch";
    static final String CHAPTER = STEM + ".md";

    private final Path root;

    public TempBook(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Writes chapters/ch.md. */
    public TempBook chapter(String text) {
        return chapter(CHAPTER, text);
    }

    TempBook chapter(String name, String text) {
        write(root.resolve("chapters").resolve(name), text);
        return this;
    }

    /** Writes fixtures/ch/&lt;id&gt;.json. */
    public TempBook fixture(String id, String json) {
        return fixture(STEM, id, json);
    }

    TempBook fixture(String stem, String id, String json) {
        write(root.resolve("fixtures").resolve(stem).resolve(id + ".json"), json);
        return this;
    }

    TempBook file(String relative, String content) {
        write(root.resolve(relative), content);
        return this;
    }

    public BookReport check() {
        try {
            return BookChecker.check(new Book(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FixtureResult result(String id) {
        return check().results().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for fixture " + id));
    }

    /**
     * A holds fixture of chapter ch.md with the given quote, inputs and steps (JSON fragments), so
     * tests state only what they are about.
     */
    /** The finding of one step of a usable fixture. */
    Finding finding(String id, String step) {
        FixtureResult r = result(id);
        org.junit.jupiter.api.Assertions.assertTrue(r.errors().isEmpty(), () -> "unexpected errors: " + r.errors());
        return r.findings().stream().filter(f -> f.step().equals(step)).findFirst().orElseThrow();
    }

    /** Fails unless the text contains every part, showing the whole text. */
    static void assertContains(String text, String... parts) {
        for (String part : parts) {
            org.junit.jupiter.api.Assertions.assertTrue(text.contains(part), () -> "expected \"" + part + "\" in:\n" + text);
        }
    }

    Finding onlyFinding(String id) {
        FixtureResult r = result(id);
        org.junit.jupiter.api.Assertions.assertTrue(r.errors().isEmpty(), () -> "unexpected errors: " + r.errors());
        org.junit.jupiter.api.Assertions.assertEquals(1, r.findings().size(), () -> "findings: " + r.findings());
        return r.findings().get(0);
    }

    public static String holds(String id, String quote, String inputs, String steps) {
        return fixtureJson(id, quote, "\"claim\": \"holds\"", inputs, steps);
    }

    public static String fixtureJson(String id, String quote, String claim, String inputs, String steps) {
        return """
                {
                  "id": "%s",
                  "title": "test fixture",
                  "chapter": "ch.md",
                  "quote": %s,
                  %s,
                  "inputs": %s,
                  "steps": %s
                }
                """.formatted(id, jsonString(quote), claim, inputs, steps);
    }

    static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
