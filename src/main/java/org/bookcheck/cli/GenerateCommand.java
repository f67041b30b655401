package org.bookcheck.cli;

import java.nio.file.Path;
import org.bookcheck.model.Checkpoint;
import org.bookcheck.model.CheckpointException;
import org.bookcheck.model.CheckpointFile;
import org.bookcheck.model.Sampler;
import org.bookcheck.model.Tokenizer;
import org.bookcheck.model.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bookcheck generate}: samples text from a checkpoint written by {@code bookcheck train}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Continues a prompt with text sampled from a trained checkpoint.")
public final class GenerateCommand extends BaseCommand {

    @Option(names = "--checkpoint", paramLabel = "FILE", defaultValue = "bookcheck-train/" + TrainingRun.CHECKPOINT,
            description = "Checkpoint to sample from (default: ${DEFAULT-VALUE}).")
    private Path checkpoint;

    @Option(names = "--prompt", paramLabel = "TEXT", defaultValue = "The", description = "Text to continue (default: ${DEFAULT-VALUE}).")
    private String prompt;

    @Option(names = "--tokens", paramLabel = "N", defaultValue = "40", description = "Tokens to generate (default: ${DEFAULT-VALUE}).")
    private int tokens;

    @Option(names = "--temperature", paramLabel = "τ", defaultValue = "0.8",
            description = "Sampling temperature; 0 always takes the most likely token (default: ${DEFAULT-VALUE}).")
    private double temperature;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the sampling (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    protected ExitCode execute() {
        if (tokens < 1) {
            throw new UserError("--tokens must be a positive whole number, got " + tokens);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new UserError("--temperature must be a number ≥ 0, got " + temperature);
        }
        Checkpoint c;
        try {
            c = CheckpointFile.load(checkpoint);
        } catch (CheckpointException e) {
            throw new UserError(e.getMessage());
        }
        Tokenizer tokenizer = c.tokenizer();
        int[] promptIds;
        try {
            promptIds = tokenizer.encode(prompt);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (promptIds.length == 0) {
            throw new UserError("the prompt has no tokens; give some text with --prompt");
        }
        int[] ids = new Sampler(c.toModel(1)).generate(promptIds, tokens, temperature, seed);
        out().println(tokenizer.decode(ids, 0, ids.length));
        return ExitCode.OK;
    }
}
