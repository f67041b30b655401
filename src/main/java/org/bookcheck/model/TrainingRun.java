package org.bookcheck.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bookcheck.backend.Backend;
import org.bookcheck.backend.CpuBackend;

/**
 * One {@code bookcheck train} run from corpus to files: tokenizes, cuts sequences, splits off the
 * held-out part, trains epoch by epoch (fresh or from a checkpoint) and after each epoch saves the
 * checkpoint, the loss CSV and the plot. A diverged epoch stops the run before anything is saved,
 * so the files keep the last good epoch.
 */
public final class TrainingRun {

    /** File names inside the output directory. */
    public static final String CHECKPOINT = "checkpoint.bkpt";
    public static final String CSV = "losses.csv";
    public static final String PLOT = "loss.png";

    /** Hears about finished epochs. */
    @FunctionalInterface
    public interface EpochListener {
        void onEpoch(EpochLoss losses, int sequences, int heldOut);
    }

    /** How the run ended: its loss history, and the divergence that stopped it (null when it finished). */
    public record Result(List<EpochLoss> history, Trainer.Diverged diverged, int trainSequences, int heldOutSequences) {
    }

    private final TrainingConfig config;
    private final Tokenizer tokenizer;
    private final Dataset.Split split;
    private final String corpusDigest;
    private final Gpt model;
    private final OptimizerState optimizer;
    private final List<EpochLoss> history;
    private final int epochsDone;

    private TrainingRun(TrainingConfig config, Tokenizer tokenizer, String corpus, Checkpoint resume, Backend backend) {
        this.config = config;
        this.tokenizer = tokenizer;
        int[] tokens;
        try {
            tokens = tokenizer.encode(corpus);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("the corpus does not fit the checkpoint's vocabulary: " + e.getMessage());
        }
        this.corpusDigest = CheckpointFile.digest(tokens);
        if (resume != null && !resume.corpusDigest().equals(corpusDigest)) {
            throw new CheckpointException("the checkpoint was trained on a different corpus; resume with the same text files");
        }
        this.split = Dataset.windows(tokens, config.contextLength()).split(config.heldOutFraction());
        checkActivations(config, tokenizer.vocabSize(), backend.maxActivationFloats());
        if (resume == null) {
            model = new Gpt(config.model(tokenizer.vocabSize()), config.batchSize(), backend);
            model.initialise(config.seed());
            optimizer = new OptimizerState(config.optimizer(), model.layout());
            history = new ArrayList<>();
            epochsDone = 0;
        } else {
            model = resume.toModel(config.batchSize(), backend);
            optimizer = resume.toOptimizerState(config.optimizer(), model.layout());
            history = new ArrayList<>(resume.history());
            epochsDone = resume.epochsCompleted();
        }
    }

    /** The most float32 activations one batch may need on the CPU (1.6 GB): more is a typo in a flag, not a book's model. */
    public static final long MAX_ACTIVATION_FLOATS = Backend.CPU_MAX_ACTIVATION_FLOATS;

    /** Refuses a batch whose activations would not fit (or not be indexable), before anything is allocated. */
    static void checkActivations(TrainingConfig config, int vocabSize, long maxActivationFloats) {
        ModelConfig model = config.model(vocabSize);
        double bt = (double) config.batchSize() * config.contextLength();
        double floats = bt * (config.layers() * (16.0 * model.channels() + 2.0 * model.heads() * config.contextLength())
                + 2.0 * vocabSize + 8.0 * model.channels());
        if (floats > maxActivationFloats) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "a batch of %d sequences of %d tokens through %s needs about %,.0f activations; bookcheck allows at most %,d"
                            + " (choose a smaller --batch, --context or model)", config.batchSize(), config.contextLength(), model,
                    floats, maxActivationFloats));
        }
    }

    /** A fresh run; throws IllegalArgumentException for a corpus too small for one sequence. */
    public static TrainingRun fresh(TrainingConfig config, String corpus) {
        return fresh(config, corpus, new CpuBackend());
    }

    /** A fresh run on the given backend. */
    public static TrainingRun fresh(TrainingConfig config, String corpus, Backend backend) {
        if (corpus.isBlank()) {
            throw new IllegalArgumentException("the corpus is empty");
        }
        Tokenizer tokenizer = switch (config.tokenizer()) {
            case WORD -> WordTokenizer.fit(corpus);
            case BYTE -> new ByteTokenizer();
        };
        return new TrainingRun(config, tokenizer, corpus, null, backend);
    }

    /**
     * A run continuing a checkpoint with its own configuration, except the epoch count and optimizer
     * of {@code config}, whose architecture must match the checkpoint's.
     */
    public static TrainingRun resume(Checkpoint checkpoint, TrainingConfig config, String corpus) {
        return resume(checkpoint, config, corpus, new CpuBackend());
    }

    /** {@link #resume(Checkpoint, TrainingConfig, String)} on the given backend. */
    public static TrainingRun resume(Checkpoint checkpoint, TrainingConfig config, String corpus, Backend backend) {
        if (!checkpoint.config().sameArchitecture(config)) {
            throw new CheckpointException("the checkpoint is from another configuration: it has "
                    + checkpoint.config().describeArchitecture() + ", but this run asks for " + config.describeArchitecture());
        }
        if (checkpoint.config().batchSize() != config.batchSize() || checkpoint.config().seed() != config.seed()) {
            throw new CheckpointException("resuming exactly needs the checkpoint's batch size " + checkpoint.config().batchSize()
                    + " and seed " + checkpoint.config().seed() + ", but this run asks for " + config.batchSize() + " and "
                    + config.seed());
        }
        if (checkpoint.epochsCompleted() >= config.epochs()) {
            throw new IllegalArgumentException("the checkpoint has already trained " + checkpoint.epochsCompleted()
                    + " epochs; ask for more with --epochs (now " + config.epochs() + ")");
        }
        return new TrainingRun(config, checkpoint.tokenizer(), corpus, checkpoint, backend);
    }

    /** The configuration this run trains with. */
    public TrainingConfig config() {
        return config;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public Gpt model() {
        return model;
    }

    public Dataset.Split split() {
        return split;
    }

    /** Epochs already behind this run (from its checkpoint). */
    public int epochsDone() {
        return epochsDone;
    }

    /** Batches in one epoch. */
    public int batchesPerEpoch() {
        return (split.train().size() + config.batchSize() - 1) / config.batchSize();
    }

    /** Trains the remaining epochs, writing the files into outDir after each. */
    public Result run(Path outDir, Trainer.Listener batchListener, EpochListener epochListener) throws IOException {
        java.nio.file.Files.createDirectories(outDir);
        Trainer trainer = new Trainer(config, model, optimizer);
        for (int e = epochsDone + 1; e <= config.epochs(); e++) {
            Trainer.Outcome outcome = trainer.epoch(e, split.train(), split.heldOut(), batchListener);
            switch (outcome) {
                case Trainer.Diverged d -> {
                    return new Result(List.copyOf(history), d, split.train().size(), split.heldOut().size());
                }
                case Trainer.Completed c -> {
                    history.add(c.losses());
                    CheckpointFile.save(Checkpoint.of(config, tokenizer, corpusDigest, e, history, model, optimizer),
                            outDir.resolve(CHECKPOINT));
                    LossReport.writeCsv(history, outDir.resolve(CSV));
                    LossReport.writePlot(history, config.name(), outDir.resolve(PLOT));
                    epochListener.onEpoch(c.losses(), split.train().size(), split.heldOut().size());
                }
            }
        }
        return new Result(List.copyOf(history), null, split.train().size(), split.heldOut().size());
    }
}
