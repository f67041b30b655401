package org.bookcheck.cli;

import java.util.Optional;
import org.bookcheck.model.Gpt;
import org.bookcheck.model.Presets;
import org.bookcheck.model.TrainingConfig;
import org.bookcheck.model.WordTokenizer;
import org.bookcheck.trace.ModelTraceBuilder;
import org.bookcheck.trace.Trace;
import org.bookcheck.trace.TraceNumbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bookcheck trace-model}: the worked trace of one forward pass of the {@code tiny} model (and
 * optionally one training step) in the layout of a fixture's trace, every number checked against the
 * reference ops ({@link ModelTraceBuilder}).
 */
@Command(name = "trace-model", mixinStandardHelpOptions = true,
        description = {"Prints one forward pass of the tiny transformer as a worked example, every number checked.",
                "The layout is that of `trace`: Given, then per step its Equation to solve, Computation and Result;",
                "each result is recomputed by the reference ops in double precision (exit code 1 if one disagrees).",
                "--train-step adds one gradient-descent step and the loss after it."})
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

    @Option(names = {"--show", "--columns"}, paramLabel = "N", defaultValue = "8",
            description = "Rows and columns of each matrix, terms of each sum and lines of each computation to print;"
                    + " all are checked (default: ${DEFAULT-VALUE}).")
    private int show;

    @Mixin
    private TraceOptions traceOptions;

    @Mixin
    private OutputOption output;

    @Override
    protected ExitCode execute() {
        if (show < 2) {
            throw new UserError("--show must be a whole number of at least 2, got " + show);
        }
        TraceNumbers numbers = traceOptions.numbers();
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
        Trace trace = ModelTraceBuilder.trace(new ModelTraceBuilder.Request("tiny", "initialised with seed " + seed + " (GPT-2's scheme)",
                model, tokenizer, text, trainStep ? Optional.of(learningRate) : Optional.empty(), numbers, show));
        output.write(traceOptions.render(trace), out(), err());
        return trace.checks().stream().allMatch(Trace.Check::ok) ? ExitCode.OK : ExitCode.CLAIM_FAILED;
    }
}
