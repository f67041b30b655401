package org.bookcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The red-team run of issue 7 as a property: a copy of the repository's book is mutated in one of the
 * families that broke bookcheck before (truncated or mis-encoded fixtures, FIFOs and dangling links,
 * fields of the wrong type, printed values nested deep or out of range, huge op sizes, a chapter with a
 * bad byte, a printed number changed to a wrong one in chapter and fixture alike) and checked. Whatever
 * the mutation: no exception escapes (exit code 0, 1 or 2, no stack trace, no internal error); unusable
 * input is exit code 2 with a message naming the file; and a printed number made wrong never passes.
 * Bounded to a few dozen books so it adds seconds, not minutes, to {@code mvn test}.
 */
class BookFuzzProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STEM = "04-training-neural-networks";
    private static final Path FIXTURES = Cli.BOOK.resolve("fixtures").resolve(STEM);
    /** A printed number as a whole token: digits with an optional decimal part, not part of a longer number or a percentage. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,])\\d+(?:\\.\\d+)?(?![\\d%]|[.,]\\d)");

    /** What a mutated book must give. */
    enum Expect {
        /** Anything but a crash: exit code 0, 1 or 2. */
        NO_CRASH,
        /** The input is unusable: exit code 2 and a message naming the mutated file. */
        UNUSABLE,
        /** A printed number is now wrong: never exit code 0. */
        NOT_PASSING
    }

    /** One mutation of the book: what it does to a copy, which file it hits, and what bookcheck must say. */
    record Mutation(String description, Expect expect, String file, Mutator mutator) {
        @Override
        public String toString() {
            return description + " (" + file + ")";
        }
    }

    @FunctionalInterface
    interface Mutator {
        void apply(Path root) throws IOException;
    }

    @Property(tries = 40)
    void noMutationCrashesOrPassesAWrongNumberAndUnusableInputNamesItsFile(@ForAll("mutations") Mutation mutation) throws IOException {
        Path root = Files.createTempDirectory("bookcheck-fuzz");
        try {
            Cli.copyOfBook(root);
            mutation.mutator().apply(root);
            Cli.Run run = mutation.file().startsWith("chapters/")
                    ? Cli.run("verify", "--root", root.toString())
                    : Cli.run("verify", "--root", root.toString(), root.resolve(mutation.file()).toString());
            String all = run.out() + run.err();
            assertTrue(run.exit() >= 0 && run.exit() <= 2, () -> mutation + ": exit " + run);
            assertFalse(all.contains("Exception") || all.contains("internal error") || all.contains("\tat org."), () -> mutation + ": " + run);
            switch (mutation.expect()) {
                case NO_CRASH -> { }
                case UNUSABLE -> {
                    assertEquals(2, run.exit(), () -> mutation + ": " + run);
                    assertTrue(run.err().contains(mutation.file()), () -> mutation + ": the message must name the file: " + run);
                }
                case NOT_PASSING -> assertNotEquals(0, run.exit(), () -> mutation + " passed: " + run);
            }
        } finally {
            deleteTree(root);
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        List<String> fixtures = fixtureNames();
        Arbitrary<String> fixture = Arbitraries.of(fixtures);
        return Arbitraries.oneOf(
                Combinators.combine(fixture, Arbitraries.doubles().between(0.05, 0.95)).as(this::truncated),
                fixture.map(this::notUtf8),
                fixture.map(this::fifo),
                fixture.map(this::danglingLink),
                Combinators.combine(fixture, Arbitraries.of("id", "title", "chapter", "quote", "claim", "steps"),
                        Arbitraries.of("42", "[]", "null", "{}", "true")).as(this::wrongType),
                Combinators.combine(fixture, Arbitraries.of("[".repeat(5000) + "1" + "]".repeat(5000), "1e99999999999", "-1e400",
                        "[1, 2", "\\begin{bmatrix} 1 & \\end{bmatrix}", "")).as(this::printedValue),
                Combinators.combine(fixture, Arbitraries.of(2_000_000_000L, 200_000_000L, 1_000_001L)).as(this::hugeOneHot),
                Arbitraries.integers().between(1, 300).map(this::badByteInChapter),
                Arbitraries.integers().between(1, 300).map(this::lineDeleted),
                Arbitraries.of(wrongNumberCandidates()).map(this::wrongNumber));
    }

    private Mutation truncated(String fixture, double at) {
        return new Mutation("truncated at " + Math.round(at * 100) + "%", Expect.UNUSABLE, fixture, root -> {
            Path f = root.resolve(fixture);
            byte[] bytes = Files.readAllBytes(f);
            Files.write(f, java.util.Arrays.copyOf(bytes, (int) (bytes.length * at)));
        });
    }

    private Mutation notUtf8(String fixture) {
        return new Mutation("a byte that is not UTF-8", Expect.UNUSABLE, fixture, root -> {
            Path f = root.resolve(fixture);
            String text = Files.readString(f);
            int at = text.indexOf("\"title\": \"") + 10;
            byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
            byte[] tail = text.substring(at).getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[head.length + 1 + tail.length];
            System.arraycopy(head, 0, out, 0, head.length);
            out[head.length] = (byte) 0xFF;
            System.arraycopy(tail, 0, out, head.length + 1, tail.length);
            Files.write(f, out);
        });
    }

    private Mutation fifo(String fixture) {
        return new Mutation("replaced by a FIFO", Expect.UNUSABLE, fixture, root -> {
            Path f = root.resolve(fixture);
            Files.delete(f);
            try {
                if (new ProcessBuilder("mkfifo", f.toString()).start().waitFor() != 0) {
                    Files.createSymbolicLink(f, Path.of("/dev/zero"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        });
    }

    private Mutation danglingLink(String fixture) {
        return new Mutation("replaced by a dangling link", Expect.UNUSABLE, fixture, root -> {
            Path f = root.resolve(fixture);
            Files.delete(f);
            Files.createSymbolicLink(f, root.resolve("gone.json"));
        });
    }

    private Mutation wrongType(String fixture, String field, String json) {
        return new Mutation("\"" + field + "\": " + json, Expect.UNUSABLE, fixture, root -> edit(root.resolve(fixture),
                f -> f.set(field, readTree(json))));
    }

    private Mutation printedValue(String fixture, String printed) {
        String shown = printed.length() > 30 ? printed.substring(0, 20) + "… (" + printed.length() + " characters)" : printed;
        return new Mutation("first printed step printed as \"" + shown + "\"", Expect.UNUSABLE, fixture, root -> edit(root.resolve(fixture),
                f -> {
                    for (JsonNode step : f.get("steps")) {
                        if (step.has("printed")) {
                            ((ObjectNode) step).put("printed", printed);
                            return;
                        }
                    }
                }));
    }

    private Mutation hugeOneHot(String fixture, long size) {
        return new Mutation("a one_hot step of size " + size, Expect.UNUSABLE, fixture, root -> edit(root.resolve(fixture),
                f -> ((ArrayNode) f.get("steps")).addObject().put("name", "fuzz_hot").put("op", "one_hot").put("printed", "[0, 1]")
                        .putObject("args").put("index", 1).put("size", size)));
    }

    private Mutation badByteInChapter(int line) {
        String chapter = "chapters/" + Cli.CHAPTER;
        return new Mutation("byte 0xC3 0x28 at the start of line " + line, Expect.UNUSABLE, chapter, root -> {
            Path f = root.resolve(chapter);
            List<String> lines = new ArrayList<>(Files.readAllLines(f));
            int at = Math.min(line, lines.size()) - 1;
            byte[] before = (String.join("\n", lines.subList(0, at)) + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] after = String.join("\n", lines.subList(at, lines.size())).getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[before.length + 2 + after.length];
            System.arraycopy(before, 0, out, 0, before.length);
            out[before.length] = (byte) 0xC3;
            out[before.length + 1] = (byte) 0x28;
            System.arraycopy(after, 0, out, before.length + 2, after.length);
            Files.write(f, out);
        });
    }

    private Mutation lineDeleted(int line) {
        String chapter = "chapters/" + Cli.CHAPTER;
        return new Mutation("line " + line + " deleted", Expect.NO_CRASH, chapter, root -> {
            Path f = root.resolve(chapter);
            List<String> lines = new ArrayList<>(Files.readAllLines(f));
            lines.remove(Math.min(line, lines.size()) - 1);
            Files.write(f, lines);
        });
    }

    /** A printed decimal of a holds step, changed by 7 units in its last place in the fixture, its quote and the chapter alike. */
    record WrongNumber(String fixture, int step, String quoteField, String quote, int occurrence, String token, String wrong) {
        @Override
        public String toString() {
            return fixture + " steps[" + step + "]: " + token + " → " + wrong;
        }
    }

    private Mutation wrongNumber(WrongNumber w) {
        return new Mutation("printed " + w.token() + " changed to " + w.wrong() + " in steps[" + w.step() + "] and the chapter",
                Expect.NOT_PASSING, w.fixture(), root -> {
                    Path chapter = root.resolve("chapters").resolve(Cli.CHAPTER);
                    String newQuote = replaceToken(w.quote(), w.token(), w.wrong());
                    String text = Files.readString(chapter);
                    int at = -1;
                    for (int n = 0; n < w.occurrence(); n++) {
                        at = text.indexOf(w.quote(), at + 1);
                    }
                    Files.writeString(chapter, text.substring(0, at) + newQuote + text.substring(at + w.quote().length()));
                    edit(root.resolve(w.fixture()), f -> {
                        ObjectNode step = (ObjectNode) f.get("steps").get(w.step());
                        step.put("printed", replaceToken(step.get("printed").asText(), w.token(), w.wrong()));
                        ObjectNode anchor = w.quoteField().equals("step") ? step : f;
                        // The changed quote now occurs once, as no line printed the wrong number before.
                        anchor.put("quote", newQuote);
                        anchor.remove("occurrence");
                    });
                });
    }

    /**
     * Every printed decimal of a holds step (no tolerance, a quote that occurs once in the chapter and
     * holds the decimal once as a whole token) that can be made wrong consistently in fixture and chapter.
     */
    static List<WrongNumber> wrongNumberCandidates() {
        String chapter = read(Cli.BOOK.resolve("chapters").resolve(Cli.CHAPTER));
        List<WrongNumber> out = new ArrayList<>();
        for (String name : fixtureNames()) {
            JsonNode f = readTree(read(Cli.BOOK.resolve(name)));
            // Holds and supplementary values must be right; illustrative ones are reported only, errata are meant to be wrong.
            if (!List.of("holds", "supplementary").contains(f.path("claim").asText()) || f.has("tolerance")) {
                continue;
            }
            for (int i = 0; i < f.get("steps").size(); i++) {
                JsonNode step = f.get("steps").get(i);
                boolean own = step.has("quote");
                JsonNode anchor = own ? step : f;
                if (!step.path("printed").isTextual() || step.has("tolerance") || !anchor.path("quote").isTextual()) {
                    continue;
                }
                String printed = step.get("printed").asText();
                String quote = anchor.get("quote").asText();
                int occurrence = anchor.path("occurrence").asInt(1);
                if (count(chapter, quote) < occurrence || (count(chapter, quote) > 1 && !anchor.has("occurrence"))) {
                    continue;
                }
                Matcher m = NUMBER.matcher(printed);
                while (m.find()) {
                    String token = m.group();
                    if (tokens(printed, token) == 1 && tokens(quote, token) == 1) {
                        BigDecimal value = new BigDecimal(token);
                        String wrong = value.add(BigDecimal.ONE.movePointLeft(value.scale()).multiply(BigDecimal.valueOf(7))).toPlainString();
                        if (count(chapter, replaceToken(quote, token, wrong)) == 0) {
                            out.add(new WrongNumber(name, i, own ? "step" : "fixture", quote, occurrence, token, wrong));
                        }
                    }
                }
            }
        }
        assertTrue(out.size() >= 10, "the book should offer at least ten printed decimals to make wrong, found " + out);
        return out;
    }

    private static Pattern tokenPattern(String token) {
        return Pattern.compile("(?<![\\d.,])" + Pattern.quote(token) + "(?![\\d%]|[.,]\\d)");
    }

    private static int tokens(String text, String token) {
        return (int) tokenPattern(token).matcher(text).results().count();
    }

    private static String replaceToken(String text, String token, String replacement) {
        return tokenPattern(token).matcher(text).replaceFirst(Matcher.quoteReplacement(replacement));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    /** The fixtures of the repository's chapter, relative to the book (fixtures/&lt;stem&gt;/&lt;id&gt;.json). */
    static List<String> fixtureNames() {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.equals("waivers.json"))
                    .sorted().map(n -> "fixtures/" + STEM + "/" + n).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void edit(Path fixture, java.util.function.Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(fixture.toFile());
        change.accept(root);
        Files.writeString(fixture, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
