package org.bookcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookcheck.model.Gpt;
import org.bookcheck.model.Presets;
import org.bookcheck.model.TrainingConfig;
import org.bookcheck.model.WordTokenizer;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.Operation;
import org.bookcheck.reference.Tokens;
import org.bookcheck.reference.Value;
import org.bookcheck.reference.Vector;
import org.junit.jupiter.api.Test;

/**
 * The model's trace is a {@link Trace} like a fixture's, and its checks mean something: every kernel
 * result is compared with the reference op, and a wrong value fed into the comparison fails it.
 */
class ModelTraceBuilderTest {

    private static final String BATCH = "The cat sat. The dog ran. A bird flew. A fish swam.";
    /** The tiny model's blocks and heads, as in the {@code tiny} preset (V=11 T=8 C=16 heads=2 layers=2). */
    private static final int LAYERS = 2;
    private static final int HEADS = 2;

    private static Trace trace(Optional<Float> learningRate, int show, BiFunction<String, Value, Value> kernelResults) {
        WordTokenizer tokenizer = WordTokenizer.fit(BATCH);
        TrainingConfig tiny = Presets.named("tiny");
        Gpt model = new Gpt(tiny.model(tokenizer.vocabSize()), 1);
        model.initialise(1);
        return ModelTraceBuilder.trace(new ModelTraceBuilder.Request("tiny", "seed 1", model, tokenizer, "The cat sat", learningRate,
                TraceNumbers.asPrinted(), show), kernelResults);
    }

    private static Trace.StepTrace step(Trace trace, String name) {
        return trace.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no step " + name));
    }

    @Test
    void everyKernelResultOfTheForwardPassIsCheckedAgainstTheReference() {
        Trace trace = trace(Optional.empty(), 8, (name, v) -> v);
        // tokens, ids, two embedding lookups, x0; per block ln1, qkv, (S, A, ctx) per head, attn, res1, ln2, fc, gelu, mlp, res2;
        // lnf, logits, p, L
        assertEquals(5 + LAYERS * (9 + 3 * HEADS) + 4, trace.steps().size());
        for (Trace.StepTrace s : trace.steps()) {
            if (s.name().equals("tok_emb") || s.name().equals("pos_emb")) {
                assertTrue(s.checks().isEmpty(), "the kernels do the lookups inside x0, which is checked");
                continue;
            }
            Trace.Check check = s.checks().getFirst();
            assertTrue(check.ok() && check.text().matches("(checked against|the same as) the reference .*"), s.name() + ": " + check);
        }
        Trace.StepTrace loss = step(trace, "L");
        assertEquals(2, loss.checks().size(), "the reference and the model's own forward pass");
        assertTrue(loss.checks().get(1).ok() && loss.checks().get(1).text().contains("bit for bit"), loss.checks().toString());
        assertTrue(trace.checks().getFirst().ok(), trace.checks().toString());
    }

    @Test
    void aWrongKernelResultFailsItsCheckAndOnlyIts() {
        // One element of the first layer normalisation moved by 10⁻³, ten times the float tolerance of 10⁻⁴ (the row's values
        // are near 1, so the tolerance stays 10⁻⁴ times the largest, about 2.5).
        Trace trace = trace(Optional.empty(), 8, (name, v) -> name.equals("h0.ln1") ? nudged((Numeric) v, 5, 1e-3) : v);
        Trace.Check check = step(trace, "h0.ln1").checks().getFirst();
        assertFalse(check.ok(), check.text());
        assertTrue(check.text().contains("h0.ln1[0][5]") && check.text().contains("NOT"), check.text());
        assertTrue(TraceRenderer.text(trace).contains("  ✗ does NOT agree with the reference layer_norm"), "shown with its ✗");
        for (Trace.StepTrace s : trace.steps()) {
            if (!s.name().equals("h0.ln1")) {
                assertTrue(s.checks().stream().allMatch(Trace.Check::ok), s.name() + " checks its own inputs: " + s.checks());
            }
        }
        assertFalse(trace.checks().getFirst().ok());
        assertTrue(trace.checks().getFirst().text().contains("h0.ln1"), trace.checks().toString());
    }

    @Test
    void aWrongTokenFailsTheTokenizersCheck() {
        Trace trace = trace(Optional.empty(), 8, (name, v) -> name.equals("tokens") ? new Tokens(List.of("The", "cat", "sat", ".")) : v);
        assertFalse(step(trace, "tokens").checks().getFirst().ok());
        assertFalse(trace.checks().getFirst().ok());
    }

    @Test
    void theCheckComparesEveryElementWithinTheFloatTolerance() {
        // Tolerance 10⁻⁴ times the largest reference value, at least 1: here 2 × 10⁻⁴.
        assertTrue(ModelTraceBuilder.check(Operation.ADD, "x", Vector.of(1, 2.00015), Vector.of(1, 2)).ok());
        assertFalse(ModelTraceBuilder.check(Operation.ADD, "x", Vector.of(1, 2.00025), Vector.of(1, 2)).ok());
        assertFalse(ModelTraceBuilder.check(Operation.ADD, "x", Vector.of(1.00025, 2), Vector.of(1, 2)).ok(), "not only the last element");
        assertTrue(ModelTraceBuilder.check(Operation.SOFTMAX, "S", Vector.of(Double.NEGATIVE_INFINITY, 1), Vector.of(Double.NEGATIVE_INFINITY, 1))
                .ok(), "a masked score is −∞ in both");
        assertFalse(ModelTraceBuilder.check(Operation.SOFTMAX, "S", Vector.of(Double.POSITIVE_INFINITY, 1),
                Vector.of(Double.NEGATIVE_INFINITY, 1)).ok());
        assertFalse(ModelTraceBuilder.check(Operation.SOFTMAX, "S", Vector.of(Double.NaN, 1), Vector.of(0, 1)).ok());
        assertFalse(ModelTraceBuilder.check(Operation.ADD, "x", Vector.of(1, 2, 3), Vector.of(1, 2)).ok(), "a missing element");
    }

    @Test
    void theTrainingStepChecksEveryWeightUpdateAndTheLossFalls() {
        Trace trace = trace(Optional.of(0.1f), 8, (name, v) -> v);
        List<Trace.StepTrace> updates = trace.steps().stream().filter(s -> s.calculation().contains("= weight_update(")).toList();
        // wte, wpe; per block 12 tensors (ln1 γ β, qkv w b, proj w b, ln2 γ β, fc w b, proj w b); lnf γ β
        assertEquals(2 + 12 * LAYERS + 2, updates.size());
        assertTrue(updates.stream().allMatch(s -> s.checks().size() == 1 && s.checks().getFirst().ok()), updates.toString());
        Trace.StepTrace after = trace.steps().getLast();
        assertEquals("L′", after.name());
        assertTrue(after.note().contains("lower than L"), after.note());
        assertTrue(after.checks().stream().allMatch(Trace.Check::ok) && after.checks().get(1).text().contains("traced again"), after.checks().toString());
        assertTrue(trace.checks().getFirst().ok());
    }

    @Test
    void theIdsFollowTheBatchAndTheFirstPositionAttendsOnlyToItself() {
        String text = TraceRenderer.text(trace(Optional.empty(), 8, (name, v) -> v));
        // The chapter's batch gives the ids in order of first appearance: The 0, cat 1, sat 2.
        assertTrue(text.contains("  ids = [0, 1, 2]\n"), text);
        // Causal attention: position 0 sees only itself, so its weights are [1, 0] whatever the model's weights.
        for (int l = 0; l < LAYERS; l++) {
            for (int h = 0; h < HEADS; h++) {
                assertTrue(text.contains("  h" + l + ".A" + h + " = [[1, 0], ["), text);
                assertTrue(text.contains("h" + l + ".S" + h + "[0][1] = masked (1 > 0) = −∞"), text);
            }
        }
    }

    @Test
    void everyShownLineIsTrueAtItsDigits() {
        String text = TraceRenderer.text(trace(Optional.of(0.1f), 8, (name, v) -> v));
        int sides = 0;
        List<String> failures = new java.util.ArrayList<>();
        for (String line : text.lines().filter(l -> l.startsWith("    ") || l.startsWith("  ") && l.contains(" = ")).toList()) {
            if (line.contains("…")) {
                continue; // a sum shortened for the page cannot be worked out by hand
            }
            for (DisplayedLines.Side side : DisplayedLines.sides(line)) {
                if (!side.holds()) {
                    failures.add(side.toString());
                }
                sides++;
            }
        }
        assertEquals(List.of(), failures);
        // Hand-checked on one residual: h0.res1[0][0] is the sum of x0[0][0] and h0.attn[0][0], two numbers.
        assertTrue(text.matches("(?s).*\n  h0\\.res1\\[0]\\[0] = \\S+ [+−] \\S+ = \\S+\n.*"), text);
        assertTrue(sides > 300, "only " + sides + " sides worked out");
    }

    @Test
    void largeValuesShowTheirFirstRowsAndColumns() {
        String text = TraceRenderer.text(trace(Optional.of(0.1f), 3, (name, v) -> v));
        // x0 is 2×16: 3 columns shown, 13 more per row; wte′ is 11×16: 3 rows and 3 columns shown.
        assertTrue(text.matches("(?s).*\n  x0 = \\[\\[\\S+, \\S+, \\S+, … 13 more], \\[\\S+, \\S+, \\S+, … 13 more]]\n.*"), text);
        assertTrue(text.matches("(?s).*\n  wte′ = \\[(\\[\\S+, \\S+, \\S+, … 13 more], ){3}… 8 more rows]\n.*"), text);
        // A sum of 16 products plus the bias shows its first 2 terms, an ellipsis and the bias.
        assertTrue(text.matches("(?s).*\n  h0\\.qkv\\[0]\\[0] = \\S+×\\S+ [+−] \\S+×\\S+ [+−] … [+−] \\S+ = \\S+\n.*"), text);
    }

    private static double number(String shown) {
        return Double.parseDouble(shown.replace('−', '-'));
    }

    private static Numeric nudged(Numeric v, int index, double by) {
        double[] values = new double[v.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = v.at(i) + (i == index ? by : 0);
        }
        return v instanceof Matrix m ? Matrix.of(m.rows(), m.cols(), values) : Vector.of(values);
    }
}
