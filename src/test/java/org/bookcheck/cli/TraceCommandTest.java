package org.bookcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code bookcheck trace}: the chapter's worked computations reproduced element by element, in text, Markdown and LaTeX. */
class TraceCommandTest {

    @Test
    void weightUpdateIsWorkedElementByElementAsInTheChapter() {
        Cli.Run run = Cli.run("trace", "weight-update");
        assertEquals(0, run.exit(), run::toString);
        String out = run.out();
        for (String heading : new String[] {"Given:", "Equation to solve:", "Computation:", "Result:"}) {
            assertTrue(out.contains(heading), heading);
        }
        assertTrue(out.contains("  W_old = [[0.1, 0.2], [0.3, 0.4]]   (line 30)"), out);
        // W_new = W_old − η·∇W L with η = 0.1, worked by hand: 0.1 + 0.05, 0.2 + 0.03, 0.3 + 0.02, 0.4 + 0.01.
        assertTrue(out.contains("W_new_computation[0][0] = 0.1 − 0.1×(−0.5) = 0.15"), out);
        assertTrue(out.contains("W_new_computation[0][1] = 0.2 − 0.1×(−0.3) = 0.23"), out);
        assertTrue(out.contains("W_new_computation[1][0] = 0.3 − 0.1×(−0.2) = 0.32"), out);
        assertTrue(out.contains("W_new_computation[1][1] = 0.4 − 0.1×(−0.1) = 0.41"), out);
        assertTrue(out.contains("✓ the book prints \\begin{bmatrix} 0.15 & 0.23 \\\\ 0.32 & 0.41 \\end{bmatrix} (line 43): ok"), out);
    }

    @Test
    void softmaxShowsMaxShiftedScoresExponentialsSumAndDivision() {
        Cli.Run run = Cli.run("trace", "softmax-pie");
        assertEquals(0, run.exit(), run::toString);
        String out = run.out();
        assertTrue(out.contains("m = max(5, 2, 1) = 5"), out);
        assertTrue(out.contains("scores[1] − m = 2 − 5 = −3"), out);
        // e^−3 = 0.049787, e^−4 = 0.018316: at four decimals 0.0498 and 0.0183; 1 + 0.049787 + 0.018316 = 1.068103.
        assertTrue(out.contains("e^(scores[1] − m) = e^(−3) = 0.0498"), out);
        assertTrue(out.contains("Σ = 1 + 0.0498 + 0.0183 = 1.0681"), out);
        assertTrue(out.contains("probabilities[0] = 1 / 1.0681 = 0.9"), out);
        assertTrue(out.contains("✗ the book prints [0.7, 0.2, 0.1] (line 191): mismatch (known erratum); exact [0.93624, 0.0466126, 0.0171478]"),
                out);
    }

    @Test
    void aChainWalksEveryStepAndMatrixProductsShowEachElement() {
        Cli.Run run = Cli.run("trace", "forward-pass");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("Step 11 of 11: predicted_index = argmax(x = probabilities)"), run.out());
        // Q = X W_Q with W_Q the identity: row 0 of X is [0.1, 0.2].
        assertTrue(run.out().contains("Q[0][0] = 0.1×1 + 0.2×0 = 0.1"), run.out());
        assertTrue(run.out().contains("scores[0][1] = masked (1 > 0) = −∞"), run.out());
    }

    @Test
    void tinyValuesAreWrittenInScientificNotationNotAsZero() {
        // softmax([85, 90, 75, 80])[2] = e^−15 / (1 + e^−5 + e^−10 + e^−15) = 3.0590e-7 / 1.0067837 = 3.038e-7; the book
        // prints one decimal. The sum 0.006738 + 1 + 3.059e-7 + 4.54e-5 = 1.0067837 shows at 1.00678: at 1.0068 (4 decimals,
        // as before) 0.0067 + 1 + 3.06e-7 + 4.54e-5 = 1.0067457 would not round to it.
        Cli.Run run = Cli.run("trace", "softmax-test-scores");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("    e^(scores[2] − m) = e^(−15) = 3.059e-7\n"), run.out());
        assertTrue(run.out().contains("    Σ = 0.006738 + 1 + 3.059e-7 + 4.54e-5 = 1.00678\n"), run.out());
        assertTrue(run.out().contains("    probabilities[2] = 3.059e-7 / 1.00678 = 3.04e-7\n"), run.out());
    }

    @Test
    void digitsOptionFixesTheDecimals() {
        Cli.Run run = Cli.run("trace", "weight-update", "--digits", "3");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("W_new_computation[0][0] = 0.100 − 0.100×(−0.500) = 0.150"), run.out());
    }

    @Test
    void markdownParsesAndCarriesBmatrixAndAlignedMath() {
        Cli.Run run = Cli.run("trace", "weight-update", "--format", "markdown");
        assertEquals(0, run.exit(), run::toString);
        String md = run.out();
        assertTrue(md.contains("\\begin{bmatrix} 0.15 & 0.23 \\\\ 0.32 & 0.41 \\end{bmatrix}"), md);
        assertTrue(md.contains("\\mathrm{W\\_new\\_computation}[0][0] &= 0.1 - 0.1 \\times \\left(-0.5\\right) = 0.15 \\\\"), md);
        MarkdownDocument doc = MarkdownDocument.parse(md);
        assertEquals(4, doc.headings(), md);
        // The display math is paragraph text (not a code block), so the chapter's MathJax renders it.
        assertTrue(doc.paragraphs().contains("$$\\begin{aligned}"), doc.paragraphs());
        assertTrue(doc.paragraphs().contains("\\end{aligned}$$"), doc.paragraphs());
    }

    @Test
    void latexIsBalanced() {
        for (String id : new String[] {"weight-update", "forward-pass", "z-score", "layer-norm", "token-encoding"}) {
            Cli.Run run = Cli.run("trace", id, "--format", "latex");
            assertEquals(0, run.exit(), run::toString);
            LatexAssertions.assertBalanced(run.out());
            assertTrue(run.out().contains("\\begin{align*}"), run.out());
        }
    }

    @Test
    void everyFixtureOfTheBookTracesInEveryFormat() throws Exception {
        for (var file : new org.bookcheck.check.Book(Cli.BOOK).fixtureFiles()) {
            String id = file.getFileName().toString().replace(".json", "");
            for (String format : new String[] {"text", "markdown", "latex"}) {
                Cli.Run run = Cli.run("trace", id, "--format", format);
                assertEquals(0, run.exit(), run::toString);
                assertTrue(run.out().contains(id), run::toString);
            }
        }
    }

    @Test
    void anUnknownIdNamesTheNearestIds() {
        Cli.Run run = Cli.run("trace", "weight-updat");
        assertEquals(2, run.exit(), run::toString);
        assertEquals("bookcheck trace: no fixture has the id \"weight-updat\"; did you mean weight-update?", run.err().strip());
    }

    @Test
    void traceWritesToAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("trace.md");
        Cli.Run run = Cli.run("trace", "odds-of-rain", "--format", "markdown", "-o", file.toString());
        assertEquals(0, run.exit(), run::toString);
        // odds = 0.75 / (1 − 0.75) = 0.75 / 0.25 = 3
        assertTrue(java.nio.file.Files.readString(file).contains("\\frac{0.75}{0.25} = 3"), java.nio.file.Files.readString(file));
    }
}
