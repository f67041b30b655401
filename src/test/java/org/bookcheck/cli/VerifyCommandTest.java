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

    @Test
    void textReportOfTheRepositoryListsEveryClaimWithItsLineOriginsFirst() {
        Cli.Run run = Cli.run("verify");
        assertEquals(0, run.exit(), run::toString);
        String out = run.out();
        assertTrue(out.startsWith("chapters/04-training-neural-networks.md"), out);
        assertTrue(out.contains("37:231    weight-update › W_new: ok"), out);
        // The two known errata of line 191 are listed as wrong numbers, with printed and exact values, before the claims by line.
        int wrong = out.indexOf("Wrong numbers (origins first):");
        int claims = out.indexOf("Claims by line:");
        assertTrue(wrong >= 0 && wrong < claims, out);
        String errata = out.substring(wrong, claims);
        assertTrue(errata.contains("softmax-pie › probabilities: mismatch (known erratum)"), errata);
        assertTrue(errata.contains("printed [0.7, 0.2, 0.1]  exact [0.93624, 0.0466126, 0.0171478]  → [0.9, 0.0, 0.0]"), errata);
        String summary = out.strip().lines().reduce((first, second) -> second).orElseThrow();
        assertTrue(summary.matches("Book: \\d+ printed values: \\d+ ok, 2 wrong \\(2 known errata\\); \\d+ supplementary values: \\d+ ok, 0 wrong;"
                + " \\d+ fixtures, all as claimed"), summary);
    }

    @Test
    void jsonReportHasOneRecordPerFindingInTheDocumentedShape() throws Exception {
        Cli.Run run = Cli.run("verify", "--format", "json");
        assertEquals(0, run.exit(), run::toString);
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("bookcheck-verify/1", root.get("format").asText());
        assertTrue(root.get("passed").asBoolean());
        JsonNode pie = null;
        JsonNode update = null;
        for (JsonNode f : root.get("findings")) {
            for (String field : new String[] {"fixture", "file", "step", "chapter", "line", "column", "location", "quote", "printed",
                    "exact", "exactAtPrintedPrecision", "verdict", "label", "claim", "failsClaim", "origin", "origins", "calculation",
                    "explanation", "suggestedFix", "spans"}) {
                assertTrue(f.has(field), () -> "missing " + field + " in " + f);
            }
            if (f.get("fixture").asText().equals("softmax-pie") && f.get("step").asText().equals("probabilities")) {
                pie = f;
            }
            if (f.get("fixture").asText().equals("weight-update") && f.get("step").asText().equals("W_new")) {
                update = f;
            }
        }
        assertEquals(191, pie.get("line").asInt());
        assertEquals("[0.7, 0.2, 0.1]", pie.get("printed").asText());
        assertEquals("mismatch", pie.get("verdict").asText());
        assertEquals("[0.94, 0.05, 0.02]", pie.get("suggestedFix").get("to").asText());
        // "[0.7, 0.2, 0.1]" opens at column 826: its elements stand at 827–829, 832–834 and 837–839.
        assertEquals("[{\"line\":191,\"column\":827,\"endColumn\":830},{\"line\":191,\"column\":832,\"endColumn\":835},"
                + "{\"line\":191,\"column\":837,\"endColumn\":840}]", pie.get("spans").toString());
        assertEquals(37, update.get("line").asInt());
        assertEquals("ok", update.get("verdict").asText());
        assertEquals("[[0.15, 0.23], [0.32, 0.41]]", update.get("exact").asText());
        assertTrue(update.get("suggestedFix").isNull());
        assertEquals("W_new = W_old − eta × grad", update.get("calculation").asText());
        // The summary's value counts agree with the findings, counted here by claim and verdict.
        int printed = 0;
        int ok = 0;
        int knownErrata = 0;
        for (JsonNode f : root.get("findings")) {
            if (!f.get("claim").asText().equals("supplementary")) {
                printed++;
                ok += f.get("verdict").asText().startsWith("ok") ? 1 : 0;
                knownErrata += f.get("label").asText().equals("mismatch (known erratum)") ? 1 : 0;
            }
        }
        JsonNode summary = root.get("summary");
        assertEquals(printed, summary.get("printed").get("values").asInt());
        assertEquals(ok, summary.get("printed").get("ok").asInt());
        assertEquals(knownErrata, summary.get("printed").get("knownErrata").asInt());
        assertEquals(root.get("findings").size() - printed, summary.get("supplementaryValues").get("values").asInt());
        assertTrue(summary.get("line").asText().startsWith("Book: " + printed + " printed values: " + ok + " ok, " + (printed - ok)
                + " wrong (" + knownErrata + " known errata)"), summary.get("line").asText());
        assertTrue(summary.get("line").asText().endsWith(summary.get("fixtures").asInt() + " fixtures, all as claimed"),
                summary.get("line").asText());
    }

    @Test
    void junitReportShowsEveryCheckedValueAsATestCase() throws Exception {
        Cli.Run run = Cli.run("verify", "--format", "junit");
        assertEquals(0, run.exit(), run::toString);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(run.out())));
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertEquals(Cli.CHAPTER, suite.getAttribute("name"));
        assertEquals("0", suite.getAttribute("failures"));
        NodeList cases = xml.getElementsByTagName("testcase");
        boolean found = false;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            found |= c.getAttribute("classname").equals("04-training-neural-networks.weight-update")
                    && c.getAttribute("name").startsWith("W_new (line 37)");
        }
        assertTrue(found, run.out());
        assertEquals(0, xml.getElementsByTagName("failure").getLength());
    }

    @Test
    void markdownReportTabulatesTheClaims() {
        Cli.Run run = Cli.run("verify", "--format", "markdown");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("| | line:col | fixture › step | verdict | printed | exact at printed precision |"), run.out());
        assertTrue(run.out().contains("| ! | 191:827 | softmax-pie › probabilities | mismatch (known erratum) | `[0.7, 0.2, 0.1]` |"), run.out());
    }

    @Test
    void aWrongNumberFailsWithExitOneAndShowsPrintedAndExact(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfBook(dir);
        Path chapter = root.resolve("chapters").resolve(Cli.CHAPTER);
        Path fixture = root.resolve("fixtures/04-training-neural-networks/weight-update.json");
        // The book and the fixture both print 0.16 where the exact value is 0.1 − 0.1×(−0.5) = 0.15.
        Files.writeString(chapter, Files.readString(chapter).replace("0.15 & 0.23", "0.16 & 0.23"));
        Files.writeString(fixture, Files.readString(fixture).replace("0.15 & 0.23", "0.16 & 0.23"));
        Cli.Run run = Cli.run("verify", chapter.toString());
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.out().contains("✗ 37:231    weight-update › W_new: mismatch (FAILS)"), run.out());
        // Two wrong printed values (W_new and its worked computation, both 0.16), one failing fixture; the known errata stay as claimed.
        assertTrue(run.out().strip().lines().reduce((first, second) -> second).orElseThrow().matches(
                "Book: \\d+ printed values: \\d+ ok, 4 wrong \\(2 known errata\\); .*; \\d+ fixtures, 1 failing"), run.out());
        assertTrue(run.out().contains("printed \\begin{bmatrix} 0.16 & 0.23 \\\\ 0.32 & 0.41 \\end{bmatrix}  exact [[0.15, 0.23], [0.32, 0.41]]"),
                run.out());
    }

    @Test
    void aBadFixtureIsReportedWithItsPositionAndExitTwo(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfBook(dir);
        Path fixture = root.resolve("fixtures/04-training-neural-networks/dot-product.json");
        Files.writeString(fixture, Files.readString(fixture).replace("\"op\": \"dot\"", "\"op\": \"dott\""));
        Cli.Run run = Cli.run("verify", "--root", root.toString());
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().startsWith("bookcheck verify: fixtures/04-training-neural-networks/dot-product.json:"), run.err());
        assertTrue(run.err().contains("unknown op \"dott\""), run.err());
        // One message per mistake: on standard error only, the report counts it.
        assertFalse(run.out().contains("dott"), run.out());
        assertTrue(run.out().contains("Unusable fixtures: 1 problem, on standard error."), run.out());
        assertTrue(run.out().strip().matches("(?s).*; \\d+ fixtures, 1 unusable"), run.out());
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
        for (String command : new String[] {"verify", "trace", "new", "coverage", "fix", "schema"}) {
            Cli.Run run = Cli.run(command, "--help");
            assertEquals(0, run.exit(), run::toString);
            assertTrue(run.out().startsWith("Usage: bookcheck " + command), run.out());
        }
        Cli.Run unknown = Cli.run("verfy");
        assertEquals(2, unknown.exit(), unknown::toString);
        assertTrue(unknown.err().contains("Did you mean: bookcheck verify"), unknown.err());
    }
}
