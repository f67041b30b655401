package org.bookcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** {@code bookcheck verify}: the report of the repository's chapter in every format, exit codes and error messages. */
class VerifyCommandTest {

    /*
     * The report tests read the test book src/test/resources/books/report, written for them, so that editing the
     * repository's chapter never forces re-recording. Its arithmetic, worked by hand:
     *   line 3, "w_new = [0.4, 0.45]" (holds): w − rate·g = [0.5 − 0.5×0.2, 0.4 − 0.5×(−0.1)] = [0.4, 0.45];
     *           "[0.4, 0.45]" opens at column 69, so its elements stand at 70–72 and 75–78.
     *   line 5, "probabilities [0.5, 0.5]" (a known erratum): softmax([2, 0]) = [e²/(e² + 1), 1/(e² + 1)]
     *           = [7.389056/8.389056, 1/8.389056] = [0.880797, 0.119203], [0.9, 0.1] at one decimal, 0.380797 off;
     *           "[0.5, 0.5]" opens at column 34, its elements at 35–37 and 40–42.
     *   line 7, a + b with a = 2 and b = 3 is 5 (supplementary: bookcheck's own worked example, not a printed value).
     * So: 2 printed values, 1 ok and 1 wrong that the erratum claim accounts for; 1 supplementary value; 3 fixtures.
     */
    private static final String SUMMARY =
            "Book: 2 printed values: 1 ok, 1 wrong (1 known erratum); 1 supplementary value: 1 ok, 0 wrong; 3 fixtures, all as claimed";

    /** A copy of the test book src/test/resources/books/report in dir. */
    private static Path reportBook(Path dir) throws Exception {
        Cli.copy(Path.of(VerifyCommandTest.class.getResource("/books/report").toURI()), dir);
        return dir;
    }

    @Test
    void textReportListsEveryClaimWithItsLineOriginsFirst(@TempDir Path dir) throws Exception {
        Path root = reportBook(dir);
        Cli.Run run = Cli.run("verify", "--root", root.toString());
        assertEquals(0, run.exit(), run::toString);
        java.util.List<String> lines = run.out().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertEquals("chapters/report.md — 2 printed values: 1 ok, 1 wrong (1 known erratum); 1 supplementary value: 1 ok, 0 wrong",
                lines.get(0), run.out());
        assertEquals("Wrong numbers (origins first):", lines.get(1), run.out());
        assertEquals("! 5:35      pie › p: mismatch (known erratum)", lines.get(2), run.out());
        assertEquals("printed [0.5, 0.5]  exact [0.880797, 0.119203]  → [0.9, 0.1] at the printed precision", lines.get(3), run.out());
        assertTrue(lines.get(4).contains("difference 0.380797"), run.out());
        // Then every checked value by line and column, each once, in the chapter's order.
        int claims = lines.indexOf("Claims by line:");
        assertEquals(5, claims, run.out());
        assertEquals(java.util.List.of("✓ 3:70      update › w_new: ok",
                "! 5:35      pie › p: mismatch (known erratum) — printed [0.5, 0.5], exact [0.9, 0.1]",
                "✓ 7:1       sum › s: ok"), lines.subList(claims + 1, lines.size() - 1), run.out());
        assertEquals(SUMMARY, lines.getLast());
    }

    @Test
    void jsonReportHasOneRecordPerFindingInTheDocumentedShape(@TempDir Path dir) throws Exception {
        Path root = reportBook(dir);
        Cli.Run run = Cli.run("verify", "--root", root.toString(), "--format", "json");
        assertEquals(0, run.exit(), run::toString);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("bookcheck-verify/1", json.get("format").asText());
        assertTrue(json.get("passed").asBoolean());
        assertEquals(0, json.get("exitCode").asInt());
        assertEquals("[\"report.md\"]", json.get("chapters").toString());
        JsonNode findings = json.get("findings");
        assertEquals(3, findings.size(), findings::toString);
        for (JsonNode f : findings) {
            for (String field : new String[] {"fixture", "file", "step", "chapter", "line", "column", "location", "spans", "quote", "printed",
                    "exact", "exactAtPrintedPrecision", "verdict", "label", "claim", "expectation", "failsClaim", "origin", "origins",
                    "elements", "calculation", "explanation", "suggestedFix"}) {
                assertTrue(f.has(field), () -> "missing " + field + " in " + f);
            }
        }
        JsonNode update = findings.get(0);
        assertEquals("update", update.get("fixture").asText());
        assertEquals("fixtures/report/update.json", update.get("file").asText());
        assertEquals("w_new", update.get("step").asText());
        assertEquals("report.md:3:70", update.get("location").asText());
        assertEquals("[{\"line\":3,\"column\":70,\"endColumn\":73},{\"line\":3,\"column\":75,\"endColumn\":79}]",
                update.get("spans").toString());
        assertEquals("[0.4, 0.45]", update.get("exact").asText());
        assertEquals("ok", update.get("verdict").asText());
        assertEquals("holds", update.get("claim").asText());
        assertEquals("must_hold", update.get("expectation").asText());
        assertFalse(update.get("failsClaim").asBoolean());
        assertEquals("w_new = w − rate × g", update.get("calculation").asText());
        assertTrue(update.get("suggestedFix").isNull());

        JsonNode pie = findings.get(1);
        assertEquals("pie", pie.get("fixture").asText());
        assertEquals(5, pie.get("line").asInt());
        assertEquals(35, pie.get("column").asInt());
        assertEquals("[{\"line\":5,\"column\":35,\"endColumn\":38},{\"line\":5,\"column\":40,\"endColumn\":43}]",
                pie.get("spans").toString());
        assertEquals("[0.5, 0.5]", pie.get("printed").asText());
        assertEquals("[0.880797, 0.119203]", pie.get("exact").asText());
        assertEquals("[0.9, 0.1]", pie.get("exactAtPrintedPrecision").asText());
        assertEquals("mismatch", pie.get("verdict").asText());
        assertEquals("mismatch (known erratum)", pie.get("label").asText());
        assertEquals("must_be_wrong", pie.get("expectation").asText());
        assertFalse(pie.get("failsClaim").asBoolean());
        assertTrue(pie.get("origin").asBoolean());
        assertEquals("mismatch", pie.get("elements").get(1).get("verdict").asText());
        assertEquals("[1]", pie.get("elements").get(1).get("position").asText());
        JsonNode fix = pie.get("suggestedFix");
        assertEquals("[0.5, 0.5]", fix.get("from").asText());
        assertEquals("[0.88, 0.12]", fix.get("to").asText());
        assertEquals("[{\"line\":5,\"column\":35,\"from\":\"0.5\",\"to\":\"0.88\"},{\"line\":5,\"column\":40,\"from\":\"0.5\",\"to\":\"0.12\"}]",
                fix.get("edits").toString());

        JsonNode sum = findings.get(2);
        assertEquals("supplementary", sum.get("claim").asText());
        assertEquals("5", sum.get("exact").asText());
        assertEquals("[]", sum.get("spans").toString());

        JsonNode summary = json.get("summary");
        assertEquals(SUMMARY, summary.get("line").asText());
        assertEquals(3, summary.get("fixtures").asInt());
        assertEquals(1, summary.get("holds").asInt());
        assertEquals(1, summary.get("errata").asInt());
        assertEquals(1, summary.get("supplementary").asInt());
        assertEquals(0, summary.get("failing").asInt());
        JsonNode printed = summary.get("printed");
        assertEquals(java.util.List.of(2, 1, 1, 1, 0), java.util.List.of(printed.get("values").asInt(), printed.get("ok").asInt(),
                printed.get("wrong").asInt(), printed.get("knownErrata").asInt(), printed.get("propagated").asInt()));
        assertEquals(1, summary.get("supplementaryValues").get("values").asInt());
        assertEquals(1, summary.get("supplementaryValues").get("ok").asInt());
    }

    @Test
    void junitReportShowsEveryCheckedValueAsATestCase(@TempDir Path dir) throws Exception {
        Path root = reportBook(dir);
        Cli.Run run = Cli.run("verify", "--root", root.toString(), "--format", "junit");
        assertEquals(0, run.exit(), run::toString);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(run.out())));
        NodeList suites = xml.getElementsByTagName("testsuite");
        assertEquals(1, suites.getLength(), run.out());
        Element suite = (Element) suites.item(0);
        assertEquals("report.md", suite.getAttribute("name"));
        assertEquals("0", suite.getAttribute("failures"));
        NodeList cases = xml.getElementsByTagName("testcase");
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            names.add(c.getAttribute("classname") + " " + c.getAttribute("name"));
        }
        assertEquals(3, names.size(), run.out());
        assertTrue(names.get(0).startsWith("report.update w_new (line 3): ok"), names::toString);
        assertTrue(names.get(1).startsWith("report.pie p (line 5): mismatch"), names::toString);
        assertTrue(names.get(2).startsWith("report.sum s (line 7): ok"), names::toString);
        // The known erratum is as claimed: no failure.
        assertEquals(0, xml.getElementsByTagName("failure").getLength());
    }

    @Test
    void markdownReportTabulatesTheClaims(@TempDir Path dir) throws Exception {
        Path root = reportBook(dir);
        Cli.Run run = Cli.run("verify", "--root", root.toString(), "--format", "markdown");
        assertEquals(0, run.exit(), run::toString);
        java.util.List<String> lines = run.out().lines().toList();
        assertTrue(lines.contains(SUMMARY), run.out());
        int header = lines.indexOf("| | line:col | fixture › step | verdict | printed | exact at printed precision |");
        assertTrue(header > 0, run.out());
        assertEquals("| ✓ | 3:70 | update › w\\_new | ok | `[0.4, 0.45]` |  |", lines.get(header + 2));
        assertEquals("| ! | 5:35 | pie › p | mismatch (known erratum) | `[0.5, 0.5]` | `[0.9, 0.1]` (exact `[0.880797, 0.119203]`) |",
                lines.get(header + 3));
        assertEquals("| ✓ | 7:1 | sum › s | ok | `5` |  |", lines.get(header + 4));
        // The errata report follows: the origin with its correction.
        assertTrue(lines.contains("#### chapters/report.md:5:35 — pie › p"), run.out());
        assertTrue(lines.contains("- **At the printed precision:** `[0.9, 0.1]`"), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("- **Known erratum:**") && l.endsWith("Corrected: `[0.88, 0.12]`")), run.out());
    }

    @Test
    void aWrongNumberFailsWithExitOneAndShowsPrintedAndExact(@TempDir Path dir) throws Exception {
        Path root = reportBook(dir);
        Path chapter = root.resolve("chapters/report.md");
        Path fixture = root.resolve("fixtures/report/update.json");
        // The book and the fixture both print 0.46 where the exact value is 0.4 − 0.5×(−0.1) = 0.45.
        Files.writeString(chapter, Files.readString(chapter).replace("w_new = [0.4, 0.45]", "w_new = [0.4, 0.46]"));
        Files.writeString(fixture, Files.readString(fixture).replace("[0.4, 0.45]\"", "[0.4, 0.46]\""));
        Cli.Run run = Cli.run("verify", chapter.toString());
        assertEquals(1, run.exit(), run::toString);
        java.util.List<String> lines = run.out().lines().map(String::strip).toList();
        assertTrue(lines.contains("✗ 3:70      update › w_new: mismatch (FAILS)"), run.out());
        assertTrue(lines.contains("printed [0.4, 0.46]  exact [0.4, 0.45]  → [0.4, 0.45] at the printed precision"), run.out());
        // Now both printed values are wrong: one fails its claim, one is the known erratum; one fixture fails.
        assertEquals("Book: 2 printed values: 0 ok, 2 wrong (1 known erratum); 1 supplementary value: 1 ok, 0 wrong; 3 fixtures, 1 failing",
                lines.getLast());
    }

    @Test
    void aBadFixtureIsReportedWithItsPositionAndExitTwo(@TempDir Path dir) throws Exception {
        Path root = reportBook(dir);
        Path fixture = root.resolve("fixtures/report/pie.json");
        Files.writeString(fixture, Files.readString(fixture).replace("\"op\": \"softmax\"", "\"op\": \"dott\""));
        Cli.Run run = Cli.run("verify", "--root", root.toString());
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().startsWith("bookcheck verify: fixtures/report/pie.json:"), run.err());
        assertTrue(run.err().contains("unknown op \"dott\""), run.err());
        // One message per mistake: on standard error only, the report counts it.
        assertFalse(run.out().contains("dott"), run.out());
        assertTrue(run.out().contains("Unusable fixtures: 1 problem, on standard error."), run.out());
        assertTrue(run.out().strip().endsWith("; 3 fixtures, 1 unusable"), run.out());
    }

    @Test
    void outputGoesToTheFileAtomically(@TempDir Path dir) throws Exception {
        Path file = Files.createDirectories(dir.resolve("reports")).resolve("verify.json");
        Cli.Run run = Cli.run("verify", "--format", "json", "--output", file.toString());
        assertEquals(0, run.exit(), run::toString);
        assertEquals("", run.out());
        assertTrue(new ObjectMapper().readTree(file.toFile()).get("passed").asBoolean());
    }

    @Test
    void anUnwritableOutputPathIsOneClearMessage(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "x");
        Cli.Run run = Cli.run("verify", "--output", blocker.resolve("report.txt").toString());
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().startsWith("bookcheck verify: cannot write " + blocker.resolve("report.txt")), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void aPathThatDoesNotExistIsOneClearMessage() {
        Cli.Run run = Cli.run("verify", "chapters/99-no-such-chapter.md");
        assertEquals(2, run.exit(), run::toString);
        assertEquals("bookcheck verify: no such file or folder: chapters/99-no-such-chapter.md", run.err().strip());
    }

    @Test
    void aChapterThatIsNotMarkdownIsOneClearMessage(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfBook(dir);
        Path text = Files.writeString(root.resolve("chapters/notes.txt"), "The answer is 42.\n");
        Cli.Run run = Cli.run("verify", text.toString());
        assertEquals(2, run.exit(), run::toString);
        assertEquals("bookcheck verify: " + text + " is neither a Markdown chapter (.md) nor a fixture (.json)", run.err().strip());
    }

    @Test
    void badUsageExitsTwoWithTheUsage() {
        Cli.Run run = Cli.run("verify", "--format", "pdf");
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().contains("Invalid value for option '--format'"), run.err());
        assertTrue(run.err().contains("Usage: bookcheck verify"), run.err());
    }

    @Test
    void everyCommandHasHelp() {
        // Every command of picocli's command tree, so a new command cannot be missed; "help" is picocli's own.
        java.util.Set<String> commands = Bookcheck.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter())).getSubcommands().keySet();
        assertTrue(commands.containsAll(java.util.Set.of("verify", "trace", "new", "coverage", "fix", "schema", "train", "generate",
                "trace-model", "bench", "help")), commands::toString);
        for (String command : commands) {
            Cli.Run run = Cli.run(command, "--help");
            assertEquals(0, run.exit(), run::toString);
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith("Usage: bookcheck " + command + " ")), run.out());
            // "bookcheck help COMMAND" shows the same help.
            Cli.Run help = Cli.run("help", command);
            assertEquals(0, help.exit(), help::toString);
            assertEquals(run.out(), help.out());
        }
        Cli.Run unknown = Cli.run("verfy");
        assertEquals(2, unknown.exit(), unknown::toString);
        assertTrue(unknown.err().contains("Did you mean: bookcheck verify"), unknown.err());
    }
}
