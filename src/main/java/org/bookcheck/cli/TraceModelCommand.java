package org.bookcheck.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bookcheck.kernel.LossKernels;
import org.bookcheck.model.Gpt;
import org.bookcheck.model.Optimizer;
import org.bookcheck.model.OptimizerState;
import org.bookcheck.model.ParameterTensor;
import org.bookcheck.model.Presets;
import org.bookcheck.model.TrainingConfig;
import org.bookcheck.model.WordTokenizer;
import org.bookcheck.reference.ArithmeticOps;
import org.bookcheck.reference.LossOps;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.TrainingOps;
import org.bookcheck.reference.Vector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bookcheck trace-model}: the worked trace of one forward pass of the {@code tiny} model (and
 * optionally one training step), every number checked against the reference ops.
 */
@Command(name = "trace-model", mixinStandardHelpOptions = true,
        description = {"Prints one forward pass of the tiny transformer as a worked example, every number checked.",
                "Each step shows Given, Equation, Computation and Result, and is recomputed by the double-precision",
                "reference ops; --train-step adds one gradient-descent step and the loss after it."})
public final class TraceModelCommand extends BaseCommand {

    /** The chapter's batch: its words make the tiny model's vocabulary. */
    static final String CHAPTER_BATCH = "The cat sat. The dog ran. A bird flew. A fish swam.";

    @Option(names = "--text", paramLabel = "TEXT", defaultValue = "The cat sat",
            description = "Sequence to trace, words of the chapter's batch (default: ${DEFAULT-VALUE}).")
    private String text;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the model's initial weights (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--train-step", description = "Also trace one gradient-descent step and the loss after it.")
    private boolean trainStep;

    @Option(names = "--lr", paramLabel = "η", defaultValue = "0.1", description = "Learning rate of that step (default: ${DEFAULT-VALUE}).")
    private float learningRate;

    @Option(names = "--columns", paramLabel = "N", defaultValue = "8",
            description = "Columns of each result to print (all are checked; default: ${DEFAULT-VALUE}).")
    private int columns;

    @Override
    protected ExitCode execute() {
        if (columns < 1) {
            throw new UserError("--columns must be a positive whole number, got " + columns);
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new UserError("--lr must be a positive number, got " + learningRate);
        }
        WordTokenizer tokenizer = WordTokenizer.fit(CHAPTER_BATCH);
        int[] ids;
        try {
            ids = tokenizer.encode(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + " " + tokenizer.vocabulary());
        }
        TrainingConfig tiny = Presets.named("tiny");
        if (ids.length < 2 || ids.length - 1 > tiny.contextLength()) {
            throw new UserError("the text needs 2 to " + (tiny.contextLength() + 1) + " tokens (each predicts the next), got " + ids.length);
        }
        Gpt model = new Gpt(tiny.model(tokenizer.vocabSize()), 1);
        model.initialise(seed);
        out().printf(Locale.ROOT, "# Worked trace: the tiny transformer reads \"%s\"%n%n", text);
        out().printf(Locale.ROOT, "Model: %s, %,d parameters, initialised with seed %d (GPT-2's scheme). float32 kernels;"
                + " every result is recomputed by the reference ops in double precision from the same inputs.%n",
                model.config(), model.layout().size(), seed);
        TraceText printer = new TraceText(out(), columns);
        ModelTrace.Pass pass = ModelTrace.forward(model, tokenizer, text);
        int n = 0;
        for (TraceStep step : pass.steps()) {
            printer.print(++n, step);
        }
        boolean ok = pass.allAgree();
        out().printf(Locale.ROOT, "%n%s the model's own forward pass gives loss %s, %s the trace's %s.%n",
                sameBits(pass.loss(), pass.modelLoss()) ? "✓" : "✗", pass.modelLoss(),
                sameBits(pass.loss(), pass.modelLoss()) ? "bit for bit" : "NOT", pass.loss());
        if (trainStep) {
            ok &= traceStep(model, tokenizer, ids, pass, printer, n);
        }
        out().printf(Locale.ROOT, "%n%s%n", ok ? "All numbers agree with the reference." : "Some numbers do NOT agree with the reference (marked ✗).");
        return ok ? ExitCode.OK : ExitCode.CLAIM_FAILED;
    }

    private boolean traceStep(Gpt model, WordTokenizer tokenizer, int[] ids, ModelTrace.Pass before, TraceText printer, int n) {
        int t = ids.length - 1;
        int v = model.config().vocabSize();
        int[] inputs = Arrays.copyOf(ids, t);
        int[] targets = Arrays.copyOfRange(ids, 1, t + 1);
        out().printf(Locale.ROOT, "%n## One training step (gradient descent, η = %s)%n", learningRate);

        TraceStep softmax = before.steps().stream().filter(s -> s.resultName().equals("p")).findFirst().orElseThrow();
        float[] weights = new float[t];
        Arrays.fill(weights, (float) (1.0 / t));
        float[] dlogits = new float[t * v];
        LossKernels.softmaxCrossEntropyBackward(dlogits, softmax.result(), targets, weights, t, v);
        Numeric reference = ArithmeticOps.scale(LossOps.softmaxCrossEntropyGradient(ModelTrace.matrix(softmax.result(), t, v),
                Vector.of(Arrays.stream(targets).asDoubleStream().toArray())), 1.0 / t);
        double max = 0;
        for (int i = 0; i < dlogits.length; i++) {
            max = Math.max(max, Math.abs(dlogits[i] - reference.at(i)));
        }
        printer.print(++n, new TraceStep("Gradient of the loss with respect to the logits", List.of("p, " + t + "×" + v,
                "targets " + Arrays.toString(targets)), "∂L/∂z = (p − y)/t  (softmax and cross-entropy together; averaged over t positions)",
                List.of("the backward pass carries this through every block back to the embeddings"), "∂L/∂z", dlogits, t, v,
                softmax.rowLabels(), new TraceStep.Verification("softmax_cross_entropy_gradient", max, ModelTrace.TOL_F32)));
        boolean ok = max <= ModelTrace.TOL_F32;

        model.forward(inputs, targets, 1, t);
        model.backward();
        List<float[]> old = new ArrayList<>();
        for (float[] p : model.parameters()) {
            old.add(p.clone());
        }
        new OptimizerState(new Optimizer.Sgd(learningRate), model.layout()).step(model);
        out().printf(Locale.ROOT, "%n### Step %d: Weight update of every parameter tensor%n%n**Equation:** W_new = W_old − η·∇W L%n%n", ++n);
        for (ParameterTensor tensor : model.layout().tensors()) {
            float[] now = model.parameters()[tensor.index()];
            Numeric expected = TrainingOps.weightUpdate(vec(old.get(tensor.index())), vec(model.gradients()[tensor.index()]), learningRate);
            double diff = 0;
            double gradNorm = 0;
            for (int i = 0; i < now.length; i++) {
                diff = Math.max(diff, Math.abs(now[i] - expected.at(i)));
                gradNorm += (double) model.gradients()[tensor.index()][i] * model.gradients()[tensor.index()][i];
            }
            boolean agrees = diff <= ModelTrace.TOL_F32;
            ok &= agrees;
            out().printf(Locale.ROOT, "- %s %-18s %-8s ‖∇‖ = %.4e, reference weight_update agrees: max |Δ| = %.1e%n", agrees ? "✓" : "✗",
                    tensor.name(), Arrays.toString(tensor.shape()).replace(", ", "×"), Math.sqrt(gradNorm), diff);
        }
        ModelTrace.Pass after = ModelTrace.forward(model, tokenizer, text);
        boolean checked = after.allAgree();
        ok &= checked;
        out().printf(Locale.ROOT, "%n### Step %d: The loss after the step%n%n%s forward pass traced again (%d steps, %s): L went from %s to %s%s%n",
                ++n, checked ? "✓" : "✗", after.steps().size(), checked ? "every number checked" : "some numbers disagree",
                TraceText.format(before.loss()), TraceText.format(after.loss()),
                after.loss() < before.loss() ? ", lower, as gradient descent promises" : " (not lower: try a smaller --lr)");
        return ok;
    }

    private static boolean sameBits(float a, float b) {
        return Float.floatToIntBits(a) == Float.floatToIntBits(b);
    }

    private static Vector vec(float[] x) {
        return Vector.of(ModelTrace.matrix(x, 1, x.length).flat());
    }
}
