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

/**
 * {@code bookcheck new CHAPTER:FIRST-LAST} on the test book {@code books/chains}, whose arithmetic was worked by hand:
 * s[0] = 1.5×0.2 + 0.25×0.4 = 0.3 + 0.1 = 0.4, s[1] = 1.5×0.6 + 0.25×(−0.2) = 0.9 − 0.05 = 0.85, t = 1.25, m = 0.625,
 * m_new = 0.625 − 0.0625 = 0.5625, and the planted slip d = 0.625 − 0.4 = 0.225, printed 0.235.
 */
class NewCommandChainTest {

    private static final String FIXTURE = "fixtures/chains/chain.json";

    private static Path chapter(Path root) {
        return root.resolve("chapters/chains.md");
    }

    @Test
    void aRangeOfLinesBecomesOneStepPerPrintedResult(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfTestBook(dir, "chains");
        Cli.Run run = Cli.run("new", chapter(root) + ":5-32", "--yes", "--id", "chain");
        assertEquals(0, run.exit(), run::toString);
        String out = run.out();
        // Given lines are inputs; a matrix printed one row per line is one value.
        assertTrue(out.contains("  6      input q   printed [1.5, 0.25]"), out);
        assertTrue(out.contains("  11-12  input W   printed [[0.2, 0.4], [0.6, -0.2]]"), out);
        // Numbers of two or more significant digits that an input prints are bound to it (1.5 is q[0], 0.25 is q[1]).
        assertTrue(out.contains("  18     step  s_0 = q[0] × 0.2 + q[1] × 0.4   printed 0.4"), out);
        // A vector printed after its elements is built from their steps; s[0] names the step s_0.
        assertTrue(out.contains("  20     step  s = [s_0, s_1]   printed [0.4, 0.85]"), out);
        assertTrue(out.contains("  26     step  t = s_0 + s_1   printed 1.25"), out);
        // A chain continued on lines that start with = is one step, its first readable side the expression.
        assertTrue(out.contains("  27-29  step  m = t / 2   printed 0.625"), out);
        assertTrue(out.contains("  32     step  m_new = m − η × m   printed 0.5625"), out);
        // The two elements of s, worked out on consecutive lines, are gathered into one step; later steps use its elements.
        assertTrue(out.contains("  18-19  gathered s_0, s_1 into one step: s = [q[0] × 0.2 + q[1] × 0.4, q[0] × 0.6 + q[1] × -0.2]   printed [0.4, 0.85]"), out);
        assertTrue(out.contains("  20     step  s_2 = s   printed [0.4, 0.85]   (restates the gathered s)"), out);
        assertTrue(out.contains("wrote " + FIXTURE + " (5 steps and 3 inputs from 9 calculations: 9 as proposed, 0 edited, 0 left out; 0 lines not read)"), out);
        assertTrue(out.contains("✓ s (line 18): ok — printed [0.4, 0.85] stands for the exact [0.4, 0.85]"), out);
        assertTrue(out.contains("✓ m (line 29): ok"), out);
        assertTrue(out.contains("  (q[1] × -0.2) = 0.25×(−0.2) = −0.05"), out);
        JsonNode json = new ObjectMapper().readTree(root.resolve(FIXTURE).toFile());
        assertEquals("s[0] + s[1]", json.at("/steps/2/expr").asText());
        assertEquals("t / 2", json.at("/steps/3/expr").asText());
        assertEquals("m = t / 2\n  = 1.25 / 2\n  = 0.625", json.at("/steps/3/quote").asText());
        assertEquals("s[0] = 1.5 × 0.2 + 0.25 × 0.4 = 0.4\ns[1] = 1.5 × 0.6 + 0.25 × -0.2 = 0.85", json.at("/steps/0/quote").asText());
        assertEquals("W = [0.2, 0.4]\n    [0.6, -0.2]", json.at("/inputs/W/quote").asText());
        Cli.Run verify = Cli.run("verify", "--root", root.toString());
        // Every step of the new fixture holds; the one failure is the planted slip of line 34, which the fixture leaves out.
        assertEquals(1, verify.exit(), verify::toString);
        assertTrue(verify.out().contains("✓ 32:63     chain › m_new: ok"), verify.out());
        assertTrue(verify.out().contains("✗ 34:27     statements › d: mismatch (FAILS) — printed 0.235, exact 0.225"), verify.out());
    }

    @Test
    void separateKeepsOneStepPerElement(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfTestBook(dir, "chains");
        Cli.Run run = Cli.run("new", chapter(root) + ":5-32", "--yes", "--id", "chain", "--separate");
        assertEquals(0, run.exit(), run::toString);
        assertFalse(run.out().contains("gathered"), run.out());
        assertTrue(run.out().contains("wrote " + FIXTURE + " (6 steps and 3 inputs from 9 calculations: 9 as proposed,"), run.out());
        JsonNode json = new ObjectMapper().readTree(root.resolve(FIXTURE).toFile());
        assertEquals("s_0", json.at("/steps/0/name").asText());
        assertEquals("[s_0, s_1]", json.at("/steps/2/expr").asText());
        assertEquals("s_0 + s_1", json.at("/steps/3/expr").asText());
    }

    @Test
    void appendingAWrongValueShowsTheSlipAndKeepsTheFixture(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfTestBook(dir, "chains");
        assertEquals(0, Cli.run("new", chapter(root) + ":5-32", "--yes", "--id", "chain").exit());
        Cli.Run run = Cli.run("new", chapter(root) + ":34-34", "--append", root.resolve(FIXTURE).toString(), "--yes");
        assertEquals(1, run.exit(), run::toString);
        // 0.625 is what m prints, so the step uses m: the slip is the book's, found at line 34.
        assertTrue(run.out().contains("  34     step  d = m - 0.4   printed 0.235"), run.out());
        assertTrue(run.out().contains("✗ d (line 34): mismatch (FAILS) — printed 0.235 but the exact value is 0.225"), run.out());
        JsonNode json = new ObjectMapper().readTree(root.resolve(FIXTURE).toFile());
        assertEquals(6, json.get("steps").size());
        assertEquals("chain", json.get("id").asText());
    }

    @Test
    void aFixtureTakesStepsOnlyFromItsOwnChapter(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfTestBook(dir, "chains");
        assertEquals(0, Cli.run("new", chapter(root) + ":5-20", "--yes", "--id", "chain").exit());
        Path other = Files.writeString(root.resolve("chapters/other.md"), "```\nx = 1 + 1 = 2\n```\n");
        String before = Files.readString(root.resolve(FIXTURE));
        Cli.Run run = Cli.run("new", other + ":2-2", "--yes", "--append", root.resolve(FIXTURE).toString());
        assertEquals(2, run.exit(), run::toString);
        assertEquals("bookcheck new: --append " + root.resolve(FIXTURE) + " is a fixture of chapters/chains.md, not of chapters/other.md;"
                + " its steps can only come from its own chapter", run.err().strip());
        assertEquals(before, Files.readString(root.resolve(FIXTURE)));
    }

    @Test
    void optionsOverrideProposalsByLineOrName(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfTestBook(dir, "chains");
        Cli.Run run = Cli.run("new", chapter(root) + ":17-32", "--id", "chain", "--input", "20", "--name", "t=total",
                "--expr", "27=(s_0 + s_1) / 2", "--skip", "m_new", "--input", "18", "--input", "19");
        assertEquals(0, run.exit(), run::toString);
        String out = run.out();
        assertTrue(out.contains("  26     step  total = s_0 + s_1   printed 1.25   (as you wrote it)"), out);
        assertTrue(out.contains("  27-29  step  m = (s_0 + s_1) / 2   printed 0.625"), out);
        assertTrue(out.contains("  32     left out (--skip): step  m_new = "), out);
        assertTrue(out.contains("(2 steps and 3 inputs from 5 calculations: 0 as proposed, 5 edited, 1 left out;"), out);
        JsonNode json = new ObjectMapper().readTree(root.resolve(FIXTURE).toFile());
        assertEquals("[0.4, 0.85]", json.at("/inputs/s/printed").asText());
    }

    @Test
    void theProposalsAreAnsweredAtThePrompt(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfTestBook(dir, "chains");
        // Line 18: keep; 19: rename, then keep; 20: leave out.
        Cli.Run run = Cli.runWithInput("\nn second\n\ns\n", "new", chapter(root) + ":18-20", "--id", "asked");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("Enter keeps it; s leaves it out; i makes it an input; n NAME, e EXPR, v VALUE change it: "), run.out());
        assertTrue(run.out().contains("  19     step  second = 1.5 × 0.6 + 0.25 × -0.2   printed 0.85   (as you wrote it)"), run.out());
        assertTrue(run.out().contains("(2 steps and 0 inputs from 2 calculations: 1 as proposed, 1 edited, 1 left out;"), run.out());
        Cli.Run ended = Cli.runWithInput("\n", "new", chapter(root) + ":18-20", "--id", "asked-again");
        assertEquals(2, ended.exit(), ended::toString);
        assertTrue(ended.err().contains("no answer (standard input ended); answer each proposal, or give --yes to accept them all"), ended.err());
        assertFalse(Files.exists(root.resolve("fixtures/chains/asked-again.json")));
    }

    @Test
    void aDryRunWritesNothingAndAnExistingFixtureIsNeverReplaced(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfTestBook(dir, "chains");
        Cli.Run dry = Cli.run("new", chapter(root) + ":26-29", "--yes", "--dry-run", "--id", "chain");
        assertEquals(0, dry.exit(), dry::toString);
        // Without lines 18-19 in range, s[0] + s[1] names nothing: line 26 is not read, and m falls back to its numeric side.
        assertTrue(dry.out().contains("  not read: line 26 \"t = s[0] + s[1] = 1.25\": no side reads over the names in scope"), dry.out());
        assertTrue(dry.out().contains("  27-29  step  m = 1.25 / 2   printed 0.625"), dry.out());
        assertTrue(dry.out().contains("(dry run: nothing written) 1 step and 0 inputs"), dry.out());
        assertFalse(Files.exists(root.resolve(FIXTURE)));
        assertEquals(0, Cli.run("new", chapter(root) + ":5-20", "--yes", "--id", "chain").exit());
        String before = Files.readString(root.resolve(FIXTURE));
        Cli.Run again = Cli.run("new", chapter(root) + ":5-20", "--yes", "--id", "chain");
        assertEquals(2, again.exit(), again::toString);
        assertEquals("bookcheck new: " + FIXTURE + " already exists; choose another --id, or add to it with --append " + FIXTURE,
                again.err().strip());
        assertEquals(before, Files.readString(root.resolve(FIXTURE)));
    }

    @Test
    void latexGivensAndADisplayedUpdateAreReadWithTheirNames(@TempDir Path dir) {
        Path root = Cli.copyOfBook(dir);
        // Lines 30-34 give W_old, ∇W L and η in inline math; line 37 is the displayed update W_new = W_old − η·∇W L written out.
        Cli.Run run = Cli.run("new", Cli.chapterPath(root) + ":28-40", "--yes", "--dry-run");
        assertEquals(0, run.exit(), run::toString);
        String out = run.out();
        assertTrue(out.contains("  30     input W_old   printed \\begin{bmatrix} 0.1 & 0.2 \\\\ 0.3 & 0.4 \\end{bmatrix}"), out);
        assertTrue(out.contains("  34     input eta   printed 0.1"), out);
        // The matrices written out in full are the givens that print them; 0.1 (one significant digit) stays a number.
        assertTrue(out.contains("  37     step  W_new = W_old - 0.1 \\times nabla_W_L   printed \\begin{bmatrix} 0.15 & 0.23"), out);
        // 0.1 − 0.1×(−0.5) = 0.15 and 0.4 − 0.1×(−0.1) = 0.41: the book's result holds.
        assertTrue(out.contains("✓ W_new (line 37): ok"), out);
    }

    @Test
    void badUsageIsOneClearMessage(@TempDir Path dir) {
        Path root = Cli.copyOfTestBook(dir, "chains");
        Cli.Run key = Cli.run("new", chapter(root) + ":17-21", "--yes", "--name", "99=x");
        assertEquals(2, key.exit(), key::toString);
        assertEquals("bookcheck new: no calculation on lines 17-21 has the line or name \"99\" given to an option; the proposals are listed above",
                key.err().strip());
        Cli.Run mixed = Cli.run("new", chapter(root) + ":17-21", "--op", "add");
        assertEquals(2, mixed.exit(), mixed::toString);
        assertTrue(mixed.err().contains("use one or the other"), mixed.err());
        Cli.Run range = Cli.run("new", chapter(root) + ":30-20", "--yes");
        assertEquals(2, range.exit(), range::toString);
        assertEquals("bookcheck new: " + chapter(root) + " has lines 1 to 34; 30-20 is not a range of them (FIRST-LAST, FIRST ≤ LAST)",
                range.err().strip());
        Cli.Run inputs = Cli.run("new", chapter(root) + ":5-12", "--yes");
        assertEquals(2, inputs.exit(), inputs::toString);
        assertEquals("bookcheck new: lines 5-12 of chapters/chains.md give inputs only, and a fixture needs a step: take in the lines"
                + " that use them, or write a step with --expr LINE=EXPR", inputs.err().strip());
        Cli.Run expr = Cli.run("new", chapter(root) + ":18-18", "--expr", "18=q[0] × * 2");
        assertEquals(2, expr.exit(), expr::toString);
        assertTrue(expr.err().startsWith("bookcheck new: line 18: the expression expected a value"), expr.err());
        assertTrue(expr.err().contains("(column 8)"), expr.err());
    }
}
