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

/** {@code bookcheck new}: a working fixture from a chapter line, by options or answered through standard input. */
class NewCommandTest {

    private static final String FIXTURES = "fixtures/04-training-neural-networks/";

    @Test
    void createsAWorkingFixtureFromAChapterLine(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfBook(dir);
        Cli.Run run = Cli.run("new", Cli.chapterPath(root) + ":37", "--id", "update-line-37", "--op", "weight_update",
                "--arg", "w=v1", "--arg", "grad=v3", "--arg", "lr=v2");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("v4  \\begin{bmatrix} 0.15 & 0.23 \\\\ 0.32 & 0.41 \\end{bmatrix}   (a matrix of 4 numbers)"), run.out());
        assertTrue(run.out().contains("wrote " + FIXTURES + "update-line-37.json"), run.out());
        assertTrue(run.out().contains("✓ result (line 37): ok"), run.out());
        assertTrue(run.out().contains("result[1][1] = 0.4 − 0.1×(−0.1) = 0.41"), run.out());
        JsonNode json = new ObjectMapper().readTree(root.resolve(FIXTURES + "update-line-37.json").toFile());
        assertEquals("\\begin{bmatrix} 0.1 & 0.2 \\\\ 0.3 & 0.4 \\end{bmatrix}", json.at("/inputs/w/printed").asText());
        assertEquals("0.1", json.at("/inputs/lr/printed").asText());
        assertEquals(1, json.get("occurrence").asInt(), "line 37 is the first of the two lines printing this equation");
        // The written fixture is part of the book now and verifies with it.
        Cli.Run verify = Cli.run("verify", "--root", root.toString());
        assertEquals(0, verify.exit(), verify::toString);
        assertTrue(verify.out().contains("update-line-37 › result: ok"), verify.out());
        // It is never overwritten without --force.
        Cli.Run again = Cli.run("new", Cli.chapterPath(root) + ":37", "--id", "update-line-37", "--op", "weight_update",
                "--arg", "w=v1", "--arg", "grad=v3", "--arg", "lr=v2");
        assertEquals(2, again.exit(), again::toString);
        assertEquals("bookcheck new: " + FIXTURES + "update-line-37.json already exists; choose another --id, or give --force to replace it",
                again.err().strip());
    }

    @Test
    void theInteractiveFlowIsAnsweredThroughStandardInput(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfBook(dir);
        // A line that names its operation in words (no arithmetic written out, so no statement to read): printed result (v3),
        // operation, the argument x (v1, the vector), then s (v2, the 2), id, title (default), claim (default).
        String answers = "v3\nscale\nv1\nv2\nvector-scaling\n\n\n";
        Path chapter = root.resolve("chapters/" + Cli.CHAPTER);
        Files.writeString(chapter, Files.readString(chapter) + "\nScaling $\\begin{bmatrix} 1 \\\\ 3 \\end{bmatrix}$ by 2 gives "
                + "$\\begin{bmatrix} 2 \\\\ 6 \\end{bmatrix}$\n");
        int line = (int) Files.readString(chapter).lines().count();
        Cli.Run run = Cli.runWithInput(answers, "new", chapter + ":" + line);
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("Printed result (a value v1..v3, or the text as printed) [v3]: "), run.out());
        assertTrue(run.out().contains("Operation (e.g. weight_update, softmax, matmul; bookcheck schema lists all): "), run.out());
        assertTrue(run.out().contains("Argument x — value to scale"), run.out());
        assertTrue(run.out().contains("result[1] = 2×3 = 6"), run.out());
        JsonNode json = new ObjectMapper().readTree(root.resolve(FIXTURES + "vector-scaling.json").toFile());
        assertEquals("scale", json.at("/steps/0/op").asText());
        assertEquals("\\begin{bmatrix} 2 \\\\ 6 \\end{bmatrix}", json.at("/steps/0/printed").asText());
    }

    @Test
    void standardInputThatEndsIsOneClearMessage(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfBook(dir);
        // line 37 writes its calculation out: new proposes the statement as a step and waits for Enter
        Cli.Run run = Cli.runWithInput("", "new", Cli.chapterPath(root) + ":37");
        assertEquals(2, run.exit(), run::toString);
        assertEquals("bookcheck new: no answer (standard input ended); answer each proposal, or give --yes to accept them all",
                run.err().strip());
        assertFalse(Files.exists(root.resolve(FIXTURES + "04-training-neural-networks-lines-37-37.json")));
        // a line with no written-out calculation is the one-operation flow, which asks for the printed result first
        Path chapter = root.resolve("chapters/" + Cli.CHAPTER);
        Files.writeString(chapter, Files.readString(chapter) + "\nThe softmax of [1, 2] is about [0.27, 0.73].\n");
        int line = (int) Files.readString(chapter).lines().count();
        Cli.Run op = Cli.runWithInput("", "new", chapter + ":" + line);
        assertEquals(2, op.exit(), op::toString);
        assertTrue(op.err().startsWith("bookcheck new: no answer to \"Printed result"), op.err());
    }

    @Test
    void aStatementsLineBecomesAStepWithOneKeystroke(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfBook(dir);
        // line 37: W_new = [[0.1, 0.2], [0.3, 0.4]] − 0.1 × [[−0.5, −0.3], [−0.2, −0.1]] = [[0.15, 0.23], [0.32, 0.41]]
        Cli.Run run = Cli.runWithInput("\n", "new", Cli.chapterPath(root) + ":37");
        assertEquals(0, run.exit(), run::toString);
        JsonNode json = new ObjectMapper().readTree(root.resolve(FIXTURES + "04-training-neural-networks-lines-37-37.json").toFile());
        assertEquals("W_new", json.at("/steps/0/name").asText());
        assertEquals("\\begin{bmatrix} 0.15 & 0.23 \\\\ 0.32 & 0.41 \\end{bmatrix}", json.at("/steps/0/printed").asText());
        assertTrue(run.out().contains("W_new[1][1] = 0.4 + 0.01 = 0.41"), run.out());
        // a matrix written as numbers is given in the trace, not computed row by row
        assertTrue(run.out().contains("W_new = [[0.1, 0.2], [0.3, 0.4]] − "), run.out());
        assertFalse(run.out().contains("(0.1 & 0.2) = "), run.out());
    }

    @Test
    void aLineWithNoNumbersIsOneClearMessage(@TempDir Path dir) {
        Path root = Cli.copyOfBook(dir);
        // Line 1 is the heading "## Chapter 4: Training Neural Networks": headings are not claims.
        Cli.Run run = Cli.run("new", Cli.chapterPath(root) + ":1", "--op", "sum");
        assertEquals(2, run.exit(), run::toString);
        assertEquals("bookcheck new: line 1 of chapters/04-training-neural-networks.md has no numbers: \"## Chapter 4: Training Neural Networks\"",
                run.err().strip());
    }

    @Test
    void aChapterThatIsNotMarkdownIsOneClearMessage(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfBook(dir);
        Path notes = Files.writeString(root.resolve("chapters/notes.txt"), "1 + 1 = 2\n");
        Cli.Run run = Cli.run("new", notes + ":1", "--op", "add");
        assertEquals(2, run.exit(), run::toString);
        assertEquals("bookcheck new: " + notes + " is not a Markdown chapter (chapters are .md files)", run.err().strip());
    }

    @Test
    void aMissingFileALineOutOfRangeAndAnUnknownOpAreClearMessages(@TempDir Path dir) {
        Path root = Cli.copyOfBook(dir);
        Cli.Run missing = Cli.run("new", root.resolve("chapters/99-none.md") + ":3", "--op", "add");
        assertEquals(2, missing.exit(), missing::toString);
        assertEquals("bookcheck new: no such file: " + root.resolve("chapters/99-none.md"), missing.err().strip());
        Cli.Run range = Cli.run("new", Cli.chapterPath(root) + ":9999", "--op", "add");
        assertEquals(2, range.exit(), range::toString);
        assertTrue(range.err().contains("there is no line 9999"), range.err());
        Cli.Run op = Cli.run("new", Cli.chapterPath(root) + ":37", "--op", "weight_updat", "--arg", "w=v1");
        assertEquals(2, op.exit(), op::toString);
        assertTrue(op.err().contains("no operation \"weight_updat\" in the catalogue (did you mean weight_update?)"), op.err());
    }

    @Test
    void aFixtureFromACodeBlockLineChecksAtOnce(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfWorksheet(dir);
        // Line 29 of the worksheet's code block: "s = 0.5 + 0.2 = 0.7".
        Cli.Run run = Cli.run("new", root.resolve("chapters/worksheet.md") + ":29", "--op", "add", "--arg", "a=v1", "--arg", "b=v2",
                "--id", "sum-line-29");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("  v1  0.5   (a number)\n  v2  0.2   (a number)\n  v3  0.7   (a number)\n"), run.out());
        assertTrue(run.out().contains("✓ result (line 29): ok"), run.out());
        JsonNode json = new ObjectMapper().readTree(root.resolve("fixtures/worksheet/sum-line-29.json").toFile());
        assertEquals("0.5 + 0.2 = 0.7", json.get("quote").asText());
        Cli.Run verify = Cli.run("verify", "--root", root.toString());
        assertEquals(0, verify.exit(), verify::toString);
        assertTrue(verify.out().contains("29:17     sum-line-29 › result: ok"), verify.out());
    }

    @Test
    void aPrintedValueThatAlsoStandsEarlierWithNoResultMarkIsQuotedAlone(@TempDir Path dir) throws Exception {
        Path root = Cli.copyOfWorksheet(dir);
        Path chapter = root.resolve("chapters/worksheet.md");
        Files.writeString(chapter, Files.readString(chapter) + "\nThe rectifier keeps it: relu(0.5) gives 0.5 here.\n");
        int line = (int) Files.readString(chapter).lines().count();
        // "0.5) gives 0.5" holds 0.5 twice and no =, ≈ or →: the fixture quotes the printed 0.5 alone, with its occurrence.
        Cli.Run run = Cli.run("new", chapter + ":" + line, "--op", "relu", "--arg", "x=v1", "--id", "kept");
        assertEquals(0, run.exit(), run::toString);
        JsonNode json = new ObjectMapper().readTree(root.resolve("fixtures/worksheet/kept.json").toFile());
        assertEquals("0.5", json.get("quote").asText());
        Cli.Run verify = Cli.run("verify", "--root", root.toString());
        // The printed 0.5 stands at column 41 of the line, after "gives ".
        assertTrue(verify.out().contains(line + ":41     kept › result: ok"), verify.out());
    }

    @Test
    void aQuoteSelectsThePartOfTheLine(@TempDir Path dir) {
        Path root = Cli.copyOfBook(dir);
        // Line 191 prints many numbers; the quote selects the raw scores and the book's (made-up) probabilities:
        // softmax([85, 90, 75, 80]) is about [0.0067, 0.99, 3e-7, 4.5e-5], so the printed list only illustrates.
        Cli.Run run = Cli.run("new", Cli.chapterPath(root), "--quote",
                "[85, 90, 75, 80], and after applying the curve (softmax), you get probabilities [0.2, 0.5, 0.1, 0.2]",
                "--op", "softmax", "--arg", "x=v1", "--claim", "illustrative", "--note", "the book says the numbers show the idea", "--id", "curve");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("  v1  [85, 90, 75, 80]   (a list of 4 numbers)\n  v2  [0.2, 0.5, 0.1, 0.2]   (a list of 4 numbers)\n"),
                run.out());
    }

    @Test
    void aPrintedValueThatIsNotAWholeNumberOfTheQuoteIsRejected(@TempDir Path dir) {
        Path root = Cli.copyOfBook(dir);
        // "1" is no number of its own in "[0.2, 0.5, 0.1, 0.2]": the 1 of 0.1 is part of a longer number.
        Cli.Run run = Cli.run("new", Cli.chapterPath(root), "--quote", "you get probabilities [0.2, 0.5, 0.1, 0.2]", "--op", "sum",
                "--arg", "x=v1", "--printed", "1", "--id", "curve-total");
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().contains("the book's quote does not contain \"1\" of the printed value 1 as a number of its own"
                + " (it holds the numbers 0.2, 0.5, 0.1, 0.2)"), run.err());
        assertFalse(Files.exists(root.resolve(FIXTURES + "curve-total.json")));
    }
}
