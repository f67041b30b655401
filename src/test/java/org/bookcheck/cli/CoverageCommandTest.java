package org.bookcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bookcheck coverage}: every number of a chapter as covered, waived or uncovered, with --fail-under for a CI. */
class CoverageCommandTest {

    @Test
    void reportsTheChaptersNumbersWithWhatAccountsForThem() {
        Cli.Run run = Cli.run("coverage");
        assertEquals(0, run.exit(), run::toString);
        String out = run.out();
        assertTrue(out.contains("  57:86     32         list       waived    Typical batch sizes named as common practice, not a calculation."), out);
        assertTrue(out.contains("  37:231    0.15       math       covered   weight-update › W_new (holds)"), out);
        assertTrue(out.contains("  191:827   0.7        list       covered   softmax-pie › probabilities (known erratum)"), out);
        assertTrue(out.contains("  30:63     0.1        math       covered   weight-update › given W_old (given)"), out);
        // Headings ("## Chapter 4") and link text ("Chapter 6: Embeddings" on line 71) are not numbers of the chapter.
        assertFalse(out.contains("\n  1:"), out);
        assertFalse(out.contains("\n  71:"), out);
        assertTrue(out.contains("chapters/04-training-neural-networks.md: "), out);
    }

    @Test
    void numbersInCodeBlocksCountAndAreCoveredByTheirFixtures(@TempDir Path dir) {
        Path root = Cli.copyOfWorksheet(dir);
        // what the fixtures cover (the worksheet's written-out statements are StatementVerifyTest's)
        Cli.Run run = Cli.run("coverage", "--statements=off", "--root", root.toString());
        assertEquals(0, run.exit(), run::toString);
        String out = run.out();
        // The multi-line matrix Y of lines 27–28 is one printed value; the indices of Y[0][0] on line 25 are no numbers.
        assertTrue(out.contains("  27:6      0.5        code       covered   product › Y (holds)"), out);
        assertTrue(out.contains("  28:11     0.4        code       covered   product › Y (holds)"), out);
        assertTrue(out.contains("  12:9      1          code       covered   product › given X (given)"), out);
        assertTrue(out.contains("  29:17     0.7        code       UNCOVERED"), out);
        assertFalse(out.contains("\n  25:3 "), out);
        // 28 numbers: 26 in code blocks and the p = 0.4 of line 36; lines 26 and 29 and line 36 are unchecked.
        assertTrue(out.contains("chapters/worksheet.md: 28 numbers: 19 covered, 0 waived, 9 uncovered"), out);
    }

    @Test
    void failUnderFailsAChapterBelowThePercentage(@TempDir Path dir) throws Exception {
        Path root = dir;
        Files.createDirectories(root.resolve("chapters"));
        Files.createDirectories(root.resolve("fixtures/toy"));
        Files.writeString(root.resolve("chapters/toy.md"), "# Toy 1\n\nWe add $1 + 1 = 2$ and wait 3 days.\n");
        // fixtures and waivers only: the written-out 1 + 1 = 2 would be covered by its statement (StatementVerifyTest)
        Cli.Run below = Cli.run("coverage", "--statements=off", "--root", root.toString(), "--fail-under", "50");
        assertEquals(1, below.exit(), below::toString);
        assertTrue(below.out().contains("chapters/toy.md: 4 numbers: 0 covered, 0 waived, 4 uncovered — 0.0% covered or waived"), below.out());
        assertEquals("bookcheck coverage: chapters/toy.md has 0.0% covered or waived, under --fail-under 50.0%", below.err().strip());

        Files.writeString(root.resolve("fixtures/toy/waivers.json"), """
                {"chapter": "toy.md", "waivers": [
                  {"quote": "wait 3 days", "numbers": ["3"], "reason": "a duration in an anecdote"},
                  {"quote": "$1 + 1 = 2$", "numbers": ["1", "2"], "reason": "arithmetic too small to need a fixture"}]}
                """);
        Cli.Run waived = Cli.run("coverage", "--statements=off", "--root", root.toString(), "--fail-under", "100", "--format", "json");
        assertEquals(0, waived.exit(), waived::toString);
        JsonNode chapter = new ObjectMapper().readTree(waived.out()).get("chapters").get(0);
        assertEquals(4, chapter.get("waived").asInt());
        assertEquals(100.0, chapter.get("coveredOrWaivedPercent").asDouble());
        assertEquals("a duration in an anecdote", chapter.get("items").get(3).get("reason").asText());
    }

    @Test
    void badPercentagesAndNonMarkdownChaptersAreClearMessages(@TempDir Path dir) throws Exception {
        Cli.Run percent = Cli.run("coverage", "--fail-under", "150");
        assertEquals(2, percent.exit(), percent::toString);
        assertEquals("bookcheck coverage: --fail-under is a percentage between 0 and 100, got 150.0", percent.err().strip());
        Path root = Cli.copyOfBook(dir);
        Path text = Files.writeString(root.resolve("chapters/notes.txt"), "42\n");
        Cli.Run notMarkdown = Cli.run("coverage", text.toString());
        assertEquals(2, notMarkdown.exit(), notMarkdown::toString);
        assertEquals("bookcheck coverage: " + text + " is not a Markdown chapter (chapters are .md files)", notMarkdown.err().strip());
    }
}
