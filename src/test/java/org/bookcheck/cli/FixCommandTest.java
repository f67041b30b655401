package org.bookcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bookcheck fix}: a unified diff of the corrections that git apply accepts; the chapter itself is never edited. */
class FixCommandTest {

    @Test
    void theDiffOfTheBooksErrataAppliesWithGit(@TempDir Path dir) throws Exception {
        Path chapter = Cli.BOOK.resolve("chapters/" + Cli.CHAPTER);
        String before = Files.readString(chapter);
        Path diff = dir.resolve("fix.diff");
        Cli.Run run = Cli.run("fix", "--output", diff.toString());
        assertEquals(0, run.exit(), run::toString);
        assertEquals(before, Files.readString(chapter), "fix must never edit a chapter");

        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve("chapters"));
        Files.writeString(repo.resolve("chapters/" + Cli.CHAPTER), before);
        git(repo, "init", "-q");
        git(repo, "apply", "--check", diff.toString());
        git(repo, "apply", diff.toString());
        String line191 = Files.readString(repo.resolve("chapters/" + Cli.CHAPTER)).lines().toList().get(190);
        // The errata's own corrections replace the wrong elements; the rest of the line stays as written.
        assertTrue(line191.contains("If you have scores [5, 2, 1], softmax converts them to probabilities [0.94, 0.05, 0.02]."), line191);
        assertTrue(line191.contains("You might have raw scores [85, 90, 75, 80], and after applying the curve (softmax), you get probabilities"
                + " [0.007, 0.993, 0.000, 0.000]."), line191);
    }

    @Test
    void theWrongResultIsEditedNeverAnEqualOperandAndAMatrixRowOnItsOwnLine(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("book");
        Files.createDirectories(root.resolve("fixtures/toy"));
        Files.createDirectories(root.resolve("chapters"));
        Files.writeString(root.resolve("chapters/toy.md"), "# Toy\n\n```\nrelu = max(0, 0.01498) = 0.01498\nY = [0.5, 0.2]\n    [0.3, 0.5]\n```\n");
        // relu(0.01502) = 0.01502: the printed result 0.01498 is wrong, the operand is the fixture's business, not fix's.
        Files.writeString(root.resolve("fixtures/toy/relu.json"), """
                {"id": "relu", "title": "relu", "chapter": "toy.md", "quote": "relu = max(0, 0.01498) = 0.01498", "claim": "holds",
                 "inputs": {"x": 0.01502}, "steps": [{"name": "r", "op": "relu", "args": {"x": "x"}, "printed": "0.01498"}]}
                """);
        // I × W = W, whose element [1][1] is 0.4: the 0.5 of the second row is wrong, the 0.5 of the first row right.
        Files.writeString(root.resolve("fixtures/toy/y.json"), """
                {"id": "y", "title": "Y", "chapter": "toy.md", "quote": "Y = [0.5, 0.2]\\n    [0.3, 0.5]", "claim": "holds",
                 "inputs": {"i": [[1, 0], [0, 1]], "w": [[0.5, 0.2], [0.3, 0.4]]},
                 "steps": [{"name": "y", "op": "matmul", "args": {"a": "i", "b": "w"}, "printed": "[[0.5, 0.2], [0.3, 0.5]]"}]}
                """);
        Cli.Run run = Cli.run("fix", "--root", root.toString());
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("\n-relu = max(0, 0.01498) = 0.01498\n+relu = max(0, 0.01498) = 0.01502\n Y = [0.5, 0.2]\n"
                + "-    [0.3, 0.5]\n+    [0.3, 0.4]\n"), run.out());
    }

    @Test
    void aWrongBmatrixElementIsReplacedInPlaceKeepingTheSpacing(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("book");
        Files.createDirectories(root.resolve("chapters"));
        Files.createDirectories(root.resolve("fixtures/toy"));
        String chapter = "# Toy\n\nIntro.\n\n$$\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix} + \\begin{bmatrix} 1 & 1 \\\\ 1 & 1 \\end{bmatrix}"
                + " = \\begin{bmatrix} 2 & 3 \\\\ 4 &  6 \\end{bmatrix}$$\n\nThe end.";
        Files.writeString(root.resolve("chapters/toy.md"), chapter);
        Files.writeString(root.resolve("fixtures/toy/toy-sum.json"), """
                {"id": "toy-sum", "title": "a sum", "chapter": "toy.md", "quote": "= \\\\begin{bmatrix} 2 & 3 \\\\\\\\ 4 &  6 \\\\end{bmatrix}$$",
                 "claim": "holds", "inputs": {"a": [[1, 2], [3, 4]], "b": [[1, 1], [1, 1]]},
                 "steps": [{"name": "c", "op": "add", "args": {"a": "a", "b": "b"},
                            "printed": "\\\\begin{bmatrix} 2 & 3 \\\\\\\\ 4 &  6 \\\\end{bmatrix}"}]}
                """);
        Cli.Run verify = Cli.run("verify", "--root", root.toString());
        assertEquals(1, verify.exit(), verify::toString);
        Cli.Run run = Cli.run("fix", "--root", root.toString());
        assertEquals(0, run.exit(), run::toString);
        // 4 + 1 = 5, not 6; the double space before it is kept; the file has no final newline.
        assertTrue(run.out().contains("\n+$$\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix} + \\begin{bmatrix} 1 & 1 \\\\ 1 & 1 \\end{bmatrix}"
                + " = \\begin{bmatrix} 2 & 3 \\\\ 4 &  5 \\end{bmatrix}$$\n"), run.out());
        Files.writeString(dir.resolve("toy.diff"), run.out());
        Path repo = Files.createDirectories(dir.resolve("repo/chapters"));
        Files.writeString(repo.resolve("toy.md"), chapter);
        git(repo.getParent(), "init", "-q");
        git(repo.getParent(), "apply", dir.resolve("toy.diff").toString());
        assertEquals(chapter.replace("4 &  6", "4 &  5"), Files.readString(repo.resolve("toy.md")));
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "git did not finish");
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + ": " + output);
    }
}
