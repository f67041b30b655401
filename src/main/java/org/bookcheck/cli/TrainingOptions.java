package org.bookcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bookcheck.model.Presets;
import org.bookcheck.model.TrainingConfig;
import org.bookcheck.model.TrainingConfigJson;
import picocli.CommandLine.Option;

/** The options that choose a training configuration: a named one or a file, with single fields overridden by flags. */
public final class TrainingOptions {

    /** The configuration when none is named: the benchmark shape S, which trains on the chapters in seconds. */
    static final String DEFAULT_CONFIG = "small";

    @Option(names = "--config", paramLabel = "NAME|FILE",
            description = "tiny, small, medium, full or a JSON file of fields (default: " + DEFAULT_CONFIG
                    + "; when resuming, the checkpoint's).")
    String config;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs to train (in all, counting resumed ones).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "B", description = "Sequences per mini-batch.")
    Integer batch;

    @Option(names = "--context", paramLabel = "T", description = "Tokens per sequence.")
    Integer context;

    @Option(names = "--channels", paramLabel = "C", description = "Width of the model.")
    Integer channels;

    @Option(names = "--heads", paramLabel = "H", description = "Attention heads.")
    Integer heads;

    @Option(names = "--layers", paramLabel = "N", description = "Transformer blocks.")
    Integer layers;

    @Option(names = "--lr", paramLabel = "η", description = "Learning rate.")
    Double learningRate;

    @Option(names = "--optimizer", paramLabel = "sgd|adamw", description = "Optimizer.")
    String optimizer;

    @Option(names = "--clip", paramLabel = "NORM", description = "Clip gradients to this global norm (0: no clipping).")
    Double clip;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of initialisation and shuffling.")
    Long seed;

    @Option(names = "--held-out", paramLabel = "FRACTION", description = "Fraction of sequences held out (0 to <1).")
    Double heldOut;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the kernels (default: all cores).")
    Integer threads;

    /** Threads to use: the flag or the machine's cores. */
    public int threads() {
        if (threads != null && threads < 1) {
            throw new UserError("--threads must be a positive whole number, got " + threads);
        }
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /**
     * The configuration asked for: the named or file configuration, or when resuming without
     * {@code --config} the checkpoint's ({@code resumed}); then each flag given overrides its field.
     */
    public TrainingConfig config(TrainingConfig resumed) {
        try {
            TrainingConfig start = resumed != null && config == null ? resumed : named();
            Map<String, Object> fields = new LinkedHashMap<>();
            put(fields, "epochs", epochs);
            put(fields, "batchSize", batch);
            put(fields, "contextLength", context);
            put(fields, "channels", channels);
            put(fields, "heads", heads);
            put(fields, "layers", layers);
            put(fields, "learningRate", learningRate);
            put(fields, "optimizer", optimizer);
            put(fields, "clipNorm", clip);
            put(fields, "seed", seed);
            put(fields, "heldOutFraction", heldOut);
            return fields.isEmpty() ? start : TrainingConfigJson.fromMap(fields, start);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private TrainingConfig named() {
        String name = config == null ? DEFAULT_CONFIG : config;
        if (Presets.names().contains(name)) {
            return Presets.named(name);
        }
        Path file = Path.of(name);
        if (Files.isRegularFile(file)) {
            return TrainingConfigJson.read(file);
        }
        return Presets.named(name);
    }

    private static void put(Map<String, Object> fields, String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
