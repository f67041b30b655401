package org.bookcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing passes silently, nothing crashes: every input of issue 7's red-team list is exit code 2 with
 * one located message on standard error (never a stack trace, never exit 0 or 3).
 */
class NothingSilentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURES = "fixtures/04-training-neural-networks/";

    @TempDir
    Path dir;

    private Path book() {
        return Cli.copyOfBook(dir.resolve("book"));
    }

    /** Exit code 2, the message parts on standard error, and no sign of a crash anywhere. */
    private static Cli.Run assertBadInput(Cli.Run run, String... parts) {
        assertEquals(2, run.exit(), run::toString);
        for (String part : parts) {
            assertTrue(run.err().contains(part), () -> "standard error should say \"" + part + "\": " + run);
        }
        String all = run.out() + run.err();
        assertFalse(all.contains("Exception") || all.contains("internal error") || all.contains("\tat org."), run::toString);
        return run;
    }

    private static void edit(Path fixture, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(fixture.toFile());
            change.accept(root);
            Files.writeString(fixture, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode step(ObjectNode fixture, int i) {
        return (ObjectNode) fixture.get("steps").get(i);
    }

    @Test
    void aFolderThatIsNoBookOrABookWithNothingToCheckIsNotAPass() throws IOException {
        assertBadInput(Cli.run("verify", "--root", "/etc"), "/etc is not a book: it has no chapters/ folder");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertBadInput(Cli.run("verify", "--root", empty.toString()), "is not a book");
        Files.createDirectories(empty.resolve("chapters"));
        assertBadInput(Cli.run("verify", "--root", empty.toString()), "nothing to check", "has no chapters");
        Files.writeString(empty.resolve("chapters/one.md"), "# One\n\nTwo apples and two more make four.\n");
        assertBadInput(Cli.run("verify", "--root", empty.toString()), "nothing was checked: chapters/one.md has no fixtures");
        // a written-out calculation is checked with no fixture; with statements off, nothing is
        Files.writeString(empty.resolve("chapters/one.md"), "# One\n\n2 + 2 = 4\n");
        Cli.Run statements = Cli.run("verify", "--root", empty.toString());
        assertEquals(0, statements.exit(), statements::toString);
        assertTrue(statements.out().contains("3:9") && statements.out().contains("ok"), statements::toString);
        assertBadInput(Cli.run("verify", "--statements=off", "--root", empty.toString()), "nothing was checked: chapters/one.md has no fixtures");
        assertBadInput(Cli.run("verify", "--statements=maybe", "--root", empty.toString()), "--statements takes off, report or check");
        assertBadInput(Cli.run("fix", "--statements=off", "--root", empty.toString()), "nothing was checked");
    }

    @Test
    void theNearestBookUpFromAFolderIsTheOneChecked() throws IOException {
        Path root = book();
        Path deep = Files.createDirectories(root.resolve("notes/drafts"));
        assertEquals(Optional.of(root.toAbsolutePath().normalize()), BookRoot.nearest(deep));
        assertEquals(Optional.of(root.toAbsolutePath().normalize()), BookRoot.nearest(root));
        assertEquals(Optional.empty(), BookRoot.nearest(Path.of("/proc/self")));
    }

    @Test
    void failUnderAcceptsOnlyAPercentage() {
        for (String bad : new String[] {"NaN", "-1", "100.5", "Infinity"}) {
            assertBadInput(Cli.run("coverage", "--fail-under", bad), "--fail-under is a percentage between 0 and 100");
        }
    }

    @Test
    @Timeout(120)
    void aFifoADanglingLinkAndBadEncodingAreEachReportedAndNothingHangs() throws Exception {
        Path root = book();
        Path fifo = root.resolve(FIXTURES + "pipe.json");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        Files.createSymbolicLink(root.resolve(FIXTURES + "gone.json"), root.resolve("nowhere.json"));
        Files.write(root.resolve(FIXTURES + "latin1.json"), "{\"id\": \"latin1\", \"title\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        Cli.Run run = assertBadInput(Cli.run("verify", "--root", root.toString()),
                FIXTURES + "pipe.json:1:1: the fixture file is a FIFO (named pipe), not a plain file",
                FIXTURES + "gone.json:1:1: the fixture file is a symbolic link to " + root.resolve("nowhere.json") + ", which does not exist",
                FIXTURES + "latin1.json:1:1: the file is not UTF-8 text");
        assertTrue(run.out().contains("3 unusable"), run.out());
        // Given by name, the FIFO is refused too, without opening it (which would block forever).
        assertBadInput(Cli.run("verify", fifo.toString()), "FIFO");
        assertBadInput(Cli.run("trace", "--root", root.toString(), "pipe"), FIXTURES + "pipe.json:1:1: the fixture file is a FIFO");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        Path root = book();
        Path fixture = root.resolve(FIXTURES + "dot-product.json");
        Files.writeString(fixture, "\uFEFF" + Files.readString(fixture));
        Path waivers = root.resolve(FIXTURES + "waivers.json");
        Files.writeString(waivers, "\uFEFF" + Files.readString(waivers));
        Cli.Run run = Cli.run("verify", "--root", root.toString());
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("dot-product › dot: ok"), run.out());
    }

    @Test
    void aChapterWithABadByteIsReportedAsSuchNotAsMissing() throws IOException {
        Path root = book();
        Path chapter = root.resolve("chapters").resolve(Cli.CHAPTER);
        byte[] bytes = Files.readAllBytes(chapter);
        int secondLine = new String(bytes, StandardCharsets.UTF_8).indexOf('\n') + 1;
        bytes[secondLine] = (byte) 0xE9;
        Files.write(chapter, bytes);
        Cli.Run run = assertBadInput(Cli.run("verify", "--root", root.toString()),
                "chapters/" + Cli.CHAPTER + " is not UTF-8 text (line 2 has the byte 0xE9, which is not UTF-8); save the chapter as UTF-8");
        assertFalse(run.err().contains("does not exist"), run.err());
        assertBadInput(Cli.run("verify", chapter.toString()), "is not UTF-8 text (line 2");
    }

    @Test
    void linksOutOfTheBookAreRejectedAndNothingOutsideIsPrinted() throws IOException {
        Path root = book();
        Path secret = Files.writeString(dir.resolve("secret.md"), "SECRET line with 0.15 and 0.23\n");
        Path chapter = root.resolve("chapters").resolve(Cli.CHAPTER);
        Files.delete(chapter);
        Files.createSymbolicLink(chapter, secret);
        Cli.Run run = assertBadInput(Cli.run("verify", "--root", root.toString()),
                "is a link to " + secret.toRealPath() + ", outside the book's chapters/ folder");
        assertFalse((run.out() + run.err()).contains("SECRET"), run::toString);

        Path root2 = Cli.copyOfBook(dir.resolve("book2"));
        Path outside = Files.copy(root2.resolve(FIXTURES + "dot-product.json"), dir.resolve("dot-product.json"));
        Files.delete(root2.resolve(FIXTURES + "dot-product.json"));
        Files.createSymbolicLink(root2.resolve(FIXTURES + "dot-product.json"), outside);
        assertBadInput(Cli.run("verify", "--root", root2.toString()), FIXTURES + "dot-product.json:1:1: the fixture file is a link to");
    }

    @Test
    void aWaiverFileOneFolderTooDeepIsReported() throws IOException {
        Path root = book();
        Path deep = Files.createDirectories(root.resolve(FIXTURES + "old"));
        Files.copy(root.resolve(FIXTURES + "waivers.json"), deep.resolve("waivers.json"));
        assertBadInput(Cli.run("verify", "--root", root.toString()), FIXTURES + "old/waivers.json",
                "a waiver file belongs in fixtures/<chapter-stem>/waivers.json");
    }

    @Test
    void limitsOnNestingSizesAndRangeAreLocatedMessages() throws IOException {
        Path root = book();
        Path fixture = root.resolve(FIXTURES + "dot-product.json");
        String original = Files.readString(fixture);

        edit(fixture, f -> step(f, 0).put("printed", "[".repeat(5000) + "1" + "]".repeat(5000)));
        assertBadInput(Cli.run("verify", fixture.toString()), "dot-product.json:", "field steps[0].printed:", "nested more than 8 deep");

        for (String size : new String[] {"2000000000", "200000000"}) {
            Files.writeString(fixture, original);
            edit(fixture, f -> ((ArrayNode) f.get("steps")).addObject().put("name", "hot").put("op", "one_hot")
                    .put("printed", "[0, 1]").putObject("args").put("index", 1).put("size", Long.parseLong(size)));
            assertBadInput(Cli.run("verify", fixture.toString()), "field steps[1]:", "one_hot: size " + size + " gives " + size
                    + " elements; more than 1000000 is not a worked example");
        }

        Files.writeString(fixture, original.replace("\"printed\": \"23\"", "\"printed\": \"1e99999999999\""));
        assertBadInput(Cli.run("verify", fixture.toString()), "field steps[0].printed:", "outside the range of double precision");
        Files.writeString(fixture, original.replace("2,\n      3", "1e99999999999,\n      3"));
        assertBadInput(Cli.run("verify", fixture.toString()), "dot-product.json:11:7:", "the number 1e99999999999 is outside the range");

        Files.writeString(fixture, original);
        edit(fixture, f -> f.put("quote", "x".repeat(100_000)));
        assertBadInput(Cli.run("verify", fixture.toString()), "field quote: the quote has 100000 characters, more than 4000");
    }

    @Test
    void traceRefusesToPickOneOfTwoFixturesWithTheSameId() throws IOException {
        Path root = book();
        Path copy = Files.createDirectories(root.resolve(FIXTURES + "copies")).resolve("dot-product.json");
        Files.copy(root.resolve(FIXTURES + "dot-product.json"), copy);
        assertBadInput(Cli.run("trace", "--root", root.toString(), "dot-product"), "two fixtures have the id \"dot-product\"",
                FIXTURES + "copies/dot-product.json and " + FIXTURES + "dot-product.json;");
    }

    @Test
    void anUnknownOpIsOneMessageWithNoFalseFollowOn() {
        Path root = book();
        Path fixture = root.resolve(FIXTURES + "softmax-pie.json");
        edit(fixture, f -> step(f, 0).put("op", "softmaxx"));
        Cli.Run run = assertBadInput(Cli.run("verify", fixture.toString()), "unknown op \"softmaxx\"");
        assertFalse(run.err().contains("is not a step of this fixture"), run.err());
        // The text report counts it; the message itself is on standard error only (one message per mistake).
        assertTrue(run.out().contains("Unusable fixtures: 1 problem"), "the report counts it: " + run.out());
        assertFalse(run.out().contains("unknown op"), "the report does not repeat it: " + run.out());
    }

    @Test
    void badFixtureMessagesGoToStandardError() {
        Path root = book();
        Path fixture = root.resolve(FIXTURES + "dot-product.json");
        edit(fixture, f -> f.remove("title"));
        assertBadInput(Cli.run("verify", "--root", root.toString()), "bookcheck verify: " + FIXTURES + "dot-product.json:1:1:");
        assertBadInput(Cli.run("fix", "--root", root.toString()), "bookcheck fix: " + FIXTURES + "dot-product.json:1:1:");
    }

    @Test
    void temporaryFilesOfAKilledWriterAreRemovedAndNeverMentioned() throws IOException {
        Path root = book();
        Path stale = Files.writeString(root.resolve(FIXTURES + ".new.json.999999999.7.bookcheck-tmp"), "{");
        Cli.Run run = Cli.run("verify", "--root", root.toString());
        assertEquals(0, run.exit(), run::toString);
        assertFalse(run.out().contains("bookcheck-tmp"), run.out());
        assertFalse(Files.exists(stale));
    }
}
