package org.bookcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bookcheck trace-model}: the tiny model's pass in the layout of {@code trace} (text, Markdown,
 * LaTeX), every result checked. What the checks themselves catch is tested in ModelTraceBuilderTest.
 */
class TraceModelCommandTest {

    @Test
    void theForwardPassAndTheTrainingStepAreWorkedInTheLayoutOfTrace() {
        Cli.Run r = Cli.run("trace-model", "--train-step");
        assertEquals(0, r.exit(), r.err() + r.out());
        String out = r.out();
        assertTrue(out.startsWith("Trace of tiny: the model reads \"The cat sat\": one forward pass and one gradient-descent step\n"), out);
        for (String heading : new String[] {"\nGiven:\n", "\nEquation to solve:\n", "\nComputation:\n", "\nResult:\n"}) {
            assertTrue(out.contains(heading), heading);
        }
        // 39 steps of the forward pass (tokens to loss), then the gradient at the logits and its average, 28 weight updates, the loss after.
        assertTrue(out.contains("\nStep 70 of 70: L′ = cross_entropy(p = p′, target = targets)\n"), out);
        long reference = out.lines().filter(l -> l.startsWith("  ✓ checked against the reference ") || l.startsWith("  ✓ the same as the reference ")).count();
        assertEquals(70 - 3, reference, "every step but the two embedding lookups and the gradient before its averaging");
        assertFalse(out.contains("✗"), out);
        assertTrue(out.contains("  ✓ the model's own forward pass (the code that trains) gives L = ") && out.contains("bit for bit"), out);
        assertTrue(out.contains("lower than L = "), out);
        assertTrue(out.endsWith("\n✓ all 69 checks of the 70 steps hold: every number agrees with the reference ops in double precision\n"), out);
    }

    @Test
    void markdownParsesWithItsMathInParagraphs() {
        Cli.Run r = Cli.run("trace-model", "--format", "markdown");
        assertEquals(0, r.exit(), r.err());
        String md = r.out();
        assertTrue(md.startsWith("### Trace of `tiny`: the model reads \"The cat sat\": one forward pass\n"), md);
        LatexAssertions.assertBalanced(md);
        MarkdownDocument doc = MarkdownDocument.parse(md);
        assertEquals(1 + 39, doc.headings(), "the title and the 39 steps of the forward pass");
        String paragraphs = doc.paragraphs();
        // The display math is paragraph text (not a code block), so MathJax renders it; a 2×16 result shows ⋯ and its shape.
        assertTrue(paragraphs.contains("$$\\begin{aligned}"), paragraphs);
        assertTrue(paragraphs.contains("\\end{aligned}$$"), paragraphs);
        assertTrue(md.contains(" & \\cdots \\end{bmatrix}_{2 \\times 16}$"), md);
    }

    @Test
    void latexIsBalanced() {
        Cli.Run r = Cli.run("trace-model", "--train-step", "--format", "latex");
        assertEquals(0, r.exit(), r.err());
        LatexAssertions.assertBalanced(r.out());
        assertTrue(r.out().contains("\\begin{align*}"), r.out());
        // wte′ is 11×16: 8 rows and 8 columns shown, then ⋯, ⋮ and ⋱.
        assertTrue(r.out().contains("\\vdots & \\ddots \\end{bmatrix}_{11 \\times 16}$"), r.out());
        // What the model's trace adds to the catalogue's words (∂L/∂logits, wte′, ∇wte, wteᵀ, |Δ|, …) is written as LaTeX.
        assertFalse(r.out().matches("(?s).*[∂′∇ᵀΔ…].*"), r.out());
    }

    @Test
    void digitsAndShowChangeOnlyWhatIsPrinted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trace.txt");
        Cli.Run r = Cli.run("trace-model", "--digits", "6", "--show", "2", "-o", file.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("wrote " + file, r.err().strip());
        String out = Files.readString(file);
        assertTrue(out.matches("(?s).*\n  L = \\d\\.\\d{6}\n.*"), out);
        // x0 is 2×16: 2 columns shown, 14 more in each row.
        assertTrue(out.matches("(?s).*\n  x0 = \\[\\[\\S+, \\S+, … 14 more], \\[\\S+, \\S+, … 14 more]]\n.*"), out);
        assertTrue(out.contains("\n✓ all "), out);
    }

    @Test
    void whatTheReferenceRefusesIsAFailedCheckNotACrash() {
        // η = 1000 throws the weights so far that a target's float32 probability underflows to 0 after the step: the kernel's loss
        // (from the logits) stays finite, the reference refuses −ln 0.
        Cli.Run r = Cli.run("trace-model", "--train-step", "--lr", "1000");
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("  ✗ the reference cross_entropy refuses the same inputs: cross_entropy: the probability of the target must be"),
                r.out());
        assertTrue(r.out().contains("\n✗ 1 of the 70 steps fail a check (marked ✗): L′\n"), r.out());
    }

    @Test
    void badInputIsOneMessageAndExitCode2() {
        Cli.Run zebra = Cli.run("trace-model", "--text", "The zebra");
        assertEquals(2, zebra.exit());
        assertTrue(zebra.err().contains("the word \"zebra\" is not in the model's vocabulary"), zebra.err());
        Cli.Run shortText = Cli.run("trace-model", "--text", "The");
        assertEquals(2, shortText.exit());
        assertTrue(shortText.err().contains("the text needs 2 to 9 tokens"), shortText.err());
        Cli.Run show = Cli.run("trace-model", "--show", "1");
        assertEquals(2, show.exit());
        assertEquals("bookcheck trace-model: --show must be a whole number of at least 2, got 1", show.err().strip());
        Cli.Run digits = Cli.run("trace-model", "--digits", "16");
        assertEquals(2, digits.exit());
        assertEquals("bookcheck trace-model: --digits must be between 0 and 15, got 16", digits.err().strip());
        Cli.Run format = Cli.run("trace-model", "--format", "html");
        assertEquals(2, format.exit());
        assertTrue(format.err().contains("--format"), format.err());
    }
}
