package org.bookcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookcheck.check.Book;
import org.bookcheck.check.BookChecker;
import org.bookcheck.check.BookReport;
import org.bookcheck.check.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fix} on a corpus of planted mistakes (src/test/resources/books/planted): a wrong result, a
 * result equal to an operand, three equal numbers on a line, a result whose digits start a longer
 * number, a tiny value, a matrix printed one row per line, a line that works from the book's own rounded
 * input, a wrong value and one that follows from it, and an illustrative fixture. The diff, applied by
 * the small patch applier below, must leave exactly the hand-written chapter: every fixed value ok and
 * no other byte changed.
 */
class FixCorpusTest {

    /** The chapter as it must read after the fix; each change is worked out by hand in the comment above it. */
    private static String expected(String before) {
        return before
                .replace("a = 2 + 3 = 6", "a = 2 + 3 = 5")
                // p = 0.2507, so p − 0 at three decimals is 0.251; the equal operand 0.250 is not the fixture's value and stays.
                .replace("d = 0.250 - 0 = 0.250", "d = 0.250 - 0 = 0.251")
                .replace("c = 0.25 + 0.25 = 0.25", "c = 0.25 + 0.25 = 0.50")
                // 0.0498 × 2 = 0.0996, 0.1 at one decimal; the 0.0 inside 0.0498 stays.
                .replace("z = 0.0498 × 2 = 0.0", "z = 0.0498 × 2 = 0.1")
                // 0.00004 at the printed four decimals is 0.0000: five decimals keep its first significant digit.
                .replace("g = 0.00004 × 1 = 0.0001", "g = 0.00004 × 1 = 0.00004")
                .replace("    [0.3, 0.5]", "    [0.3, 0.4]")
                // From the line's own 0.251: −ln 0.251 = 1.38230, 1.382 (the exact chain's −ln 0.25068 = 1.38358 would be 1.384).
                .replace("L = -log(0.251) ≈ 1.383", "L = -log(0.251) ≈ 1.382")
                // 0.1 × 3 = 0.3 and 0.3 × 2 = 0.6; the operand 0.4 of q is left to the author (a note says so).
                .replace("first p = 0.1 × 3 = 0.4, then q = 0.4 × 2 = 0.8.", "first p = 0.1 × 3 = 0.3, then q = 0.4 × 2 = 0.6.");
    }

    @Test
    void applyingTheDiffFixesEveryPlantedMistakeAndChangesNothingElse(@TempDir Path dir) throws Exception {
        Path root = copyOfCorpus(dir);
        Path chapter = root.resolve("chapters/planted.md");
        String before = Files.readString(chapter);
        Cli.Run run = Cli.run("fix", "--root", root.toString());
        assertEquals(0, run.exit(), run::toString);
        assertEquals(before, Files.readString(chapter), "fix must never edit a chapter");

        String after = apply(run.out(), before);
        assertEquals(expected(before), after);
        assertTrue(after.contains("Made up for illustration: 1 + 1 = 3."), "an illustrative value is not corrected unless asked");
        assertTrue(run.err().contains("0.00004 is written with 5 decimals, not the printed 4, which would show it as 0.0000"), run.err());
        assertTrue(run.err().contains("1.382 is what the line gives from the book's own printed inputs"), run.err());
        assertTrue(run.err().contains("the line also prints the wrong 0.4 (step \"p\") as an operand"), run.err());

        // The author takes the fixed values into the fixtures (their quotes and printed values), then checks again.
        Files.writeString(chapter, after);
        updateFixtures(root);
        BookReport report = BookChecker.check(new Book(root));
        assertTrue(report.passed(), () -> String.join("\n", report.results().stream().flatMap(r -> r.failures().stream()).map(org.bookcheck.check.Failure::text).toList()));
        List<Finding> findings = report.results().stream().flatMap(r -> r.findings().stream()).toList();
        assertEquals(11, findings.size(), "every planted value is checked again, none lost with its quote");
        List<String> notOk = findings.stream().filter(f -> !f.verdict().isOk() && !f.fixtureId().equals("illustrative"))
                .map(f -> f.fixtureId() + " › " + f.step() + ": " + f.explanation()).toList();
        assertEquals(List.of(), notOk);
        Finding loss = report.results().stream().flatMap(r -> r.findings().stream()).filter(f -> f.step().equals("L")).findFirst().orElseThrow();
        assertEquals("ok (rounding carried)", loss.verdict().label());
    }

    @Test
    void illustrativeValuesAreCorrectedOnlyWhenAsked(@TempDir Path dir) throws Exception {
        Path root = copyOfCorpus(dir);
        String before = Files.readString(root.resolve("chapters/planted.md"));
        Cli.Run run = Cli.run("fix", "--root", root.toString(), "--include-illustrative");
        assertEquals(0, run.exit(), run::toString);
        assertEquals(expected(before).replace("1 + 1 = 3.", "1 + 1 = 2."), apply(run.out(), before));
    }

    @Test
    void aLineWhoseOwnInputLeavesTheDomainIsNotEditedButNamed(@TempDir Path dir) throws Exception {
        // The line works −ln from the book's 0.0 (exactly 0.00004): no edit of its result makes it true.
        Path root = Cli.toyBook(dir, "p = 0.0\n\n```\nL = -log(0.0) = 9.9\n```\n", "domain", """
                {"id": "domain", "title": "−ln p from a printed 0.0", "chapter": "toy.md", "quote": "L = -log(0.0) = 9.9", "claim": "holds",
                 "inputs": {"x": 0.00004, "minus": -1},
                 "steps": [{"name": "p", "op": "restate", "args": {"x": "x"}, "printed": "0.0", "quote": "p = 0.0"},
                           {"name": "lnp", "op": "ln", "args": {"x": "p"}},
                           {"name": "L", "op": "scale", "args": {"x": "lnp", "s": "minus"}, "printed": "9.9"}]}
                """);
        Cli.Run run = Cli.run("fix", "--root", root.toString());
        assertEquals(0, run.exit(), run::toString);
        assertEquals("", run.out());
        assertTrue(run.err().contains("domain › L (chapters/toy.md:4:17): this line needs rewriting"), run.err());
        assertTrue(!run.err().contains("could be placed"), run.err());
    }

    /** The fixtures' quotes and printed values as the author updates them after the fix, fixture by fixture. */
    private static void updateFixtures(Path root) throws IOException {
        Map<String, List<String[]>> edits = Map.of(
                "result-wrong", List.of(new String[] {"3 = 6", "3 = 5"}, new String[] {"\"printed\": \"6\"", "\"printed\": \"5\""}),
                "equal-operand", List.of(new String[] {"0 = 0.250", "0 = 0.251"}, new String[] {"\"printed\": \"0.250\"", "\"printed\": \"0.251\""}),
                "two-equal-numbers", List.of(new String[] {"0.25 = 0.25\"", "0.25 = 0.50\""},
                        new String[] {"\"printed\": \"0.25\"", "\"printed\": \"0.50\""}),
                "inside-longer-number", List.of(new String[] {"2 = 0.0\"", "2 = 0.1\""}, new String[] {"\"printed\": \"0.0\"", "\"printed\": \"0.1\""}),
                "tiny-value", List.of(new String[] {"1 = 0.0001\"", "1 = 0.00004\""},
                        new String[] {"\"printed\": \"0.0001\"", "\"printed\": \"0.00004\""}),
                "multi-line-matrix", List.<String[]>of(new String[] {"[0.3, 0.5]", "[0.3, 0.4]"}),
                "book-input", List.of(new String[] {"≈ 1.383\"", "≈ 1.382\""}, new String[] {"\"printed\": \"1.383\"", "\"printed\": \"1.382\""}),
                "chained", List.of(new String[] {"3 = 0.4", "3 = 0.3"}, new String[] {"2 = 0.8", "2 = 0.6"},
                        new String[] {"\"printed\": \"0.4\"", "\"printed\": \"0.3\""}, new String[] {"\"printed\": \"0.8\"", "\"printed\": \"0.6\""}));
        for (var e : edits.entrySet()) {
            Path file = root.resolve("fixtures/planted/" + e.getKey() + ".json");
            String json = Files.readString(file);
            for (String[] edit : e.getValue()) {
                assertTrue(json.contains(edit[0]), () -> file + " has no " + edit[0]);
                json = json.replace(edit[0], edit[1]);
            }
            Files.writeString(file, json);
        }
    }

    private static Path copyOfCorpus(Path dir) throws Exception {
        Path root = dir.resolve("planted");
        Cli.copy(Path.of(FixCorpusTest.class.getResource("/books/planted").toURI()), root);
        return root;
    }

    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+),(\\d+) \\+(\\d+),(\\d+) @@");

    /**
     * Applies a unified diff of one file to its text, checking every context and removed line against the
     * text, as {@code git apply} does without fuzz; fails on anything it does not understand.
     */
    static String apply(String diff, String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        boolean finalNewline = text.endsWith("\n");
        if (finalNewline) {
            lines.removeLast();
        }
        List<String> patch = List.of(diff.split("\n", -1));
        int offset = 0;
        for (int i = 0; i < patch.size(); i++) {
            Matcher m = HUNK.matcher(patch.get(i));
            if (!m.lookingAt()) {
                continue;
            }
            int at = Integer.parseInt(m.group(1)) - 1 + offset;
            int oldCount = Integer.parseInt(m.group(2));
            int newCount = Integer.parseInt(m.group(4));
            List<String> replacement = new ArrayList<>();
            int cursor = at;
            int seenOld = 0;
            // A hunk runs to the next hunk, the next file or the end; every line of it starts with ' ', '-', '+' or '\'.
            while (i + 1 < patch.size() && !patch.get(i + 1).startsWith("@@") && !patch.get(i + 1).startsWith("diff ")
                    && !patch.get(i + 1).isEmpty()) {
                String p = patch.get(++i);
                if (p.startsWith("\\")) {
                    continue;
                }
                char kind = p.charAt(0);
                String body = p.substring(1);
                switch (kind) {
                    case ' ', '-' -> {
                        assertEquals(lines.get(cursor), body, "line " + (cursor + 1) + " does not match the diff");
                        cursor++;
                        seenOld++;
                        if (kind == ' ') {
                            replacement.add(body);
                        }
                    }
                    case '+' -> replacement.add(body);
                    default -> throw new AssertionError("unexpected diff line: " + p);
                }
            }
            assertEquals(oldCount, seenOld, "hunk at line " + (at + 1) + " removes or keeps a wrong number of lines");
            assertEquals(newCount, replacement.size(), "hunk at line " + (at + 1) + " adds a wrong number of lines");
            lines.subList(at, at + oldCount).clear();
            lines.addAll(at, replacement);
            offset += newCount - oldCount;
        }
        return String.join("\n", lines) + (finalNewline ? "\n" : "");
    }
}
