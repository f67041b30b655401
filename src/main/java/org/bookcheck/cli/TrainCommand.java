package org.bookcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.bookcheck.io.AtomicFiles;
import org.bookcheck.io.FileKinds;
import org.bookcheck.backend.Backend;
import org.bookcheck.model.Checkpoint;
import org.bookcheck.model.CheckpointException;
import org.bookcheck.model.CheckpointFile;
import org.bookcheck.model.Corpus;
import org.bookcheck.model.EpochLoss;
import org.bookcheck.model.TrainingConfig;
import org.bookcheck.model.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bookcheck train}: trains the transformer on the book's chapters or on given text files. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains the book's transformer (Example 6 made real) on the embedded chapters or on text files.",
                "Writes a checkpoint, the per-epoch losses as CSV and a plot of them into the output directory."})
public final class TrainCommand extends BaseCommand {

    @Mixin
    private TrainingOptions training;

    @Mixin
    private BackendOptions backendOptions;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Text files to train on (default: the book's chapters, embedded in bookcheck).")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bookcheck-train",
            description = "Directory for checkpoint.bkpt, losses.csv and loss.png (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--resume", description = "Continue the run whose checkpoint is in the output directory, exactly where it stopped.")
    private boolean resume;

    @Option(names = "--force", description = "Start a fresh run even though the output directory holds a checkpoint.")
    private boolean force;

    @Option(names = "--no-progress", negatable = false, description = "Do not draw the progress bar.")
    private boolean noProgress;

    /** The files a run writes into --out. */
    static final List<String> OUTPUTS = List.of(TrainingRun.CHECKPOINT, TrainingRun.CSV, TrainingRun.PLOT);

    @Override
    protected ExitCode execute() throws IOException {
        Backend backend = backendOptions.open(training.threads());
        String corpus = files.isEmpty() ? Corpus.embedded() : readCorpus();
        Path checkpointFile = out.resolve(TrainingRun.CHECKPOINT);
        TrainingRun run = prepare(corpus, checkpointFile, backend);
        checkOut();
        TrainingConfig config = run.config();

        out().printf(Locale.ROOT, "training %s (%s, %,d parameters) on %s: %,d sequences, %,d held out, %d batches of %d per epoch, on %s%n",
                config.name(), config.describeArchitecture(), run.model().layout().size(),
                files.isEmpty() ? "the book's chapters" : files.size() + " file(s)", run.split().train().size(),
                run.split().heldOut().size(), run.batchesPerEpoch(), config.batchSize(), backend.describe());
        if (run.epochsDone() > 0) {
            out().printf(Locale.ROOT, "resuming after epoch %d of %d%n", run.epochsDone(), config.epochs());
        }
        out().flush();

        TrainingRun.Result result;
        ProgressBar[] bar = {null};
        try {
            result = run.run(out, (epoch, batch, batches, loss, tokens, nanos) -> {
                if (noProgress) {
                    return;
                }
                if (bar[0] == null) {
                    bar[0] = progressBar(epoch, config.epochs(), batches);
                }
                bar[0].stepTo(batch);
                bar[0].setExtraMessage(String.format(Locale.ROOT, "loss %.4f | %,.0f tok/s", loss, tokens * 1e9 / Math.max(nanos, 1)));
            }, (EpochLoss losses, int sequences, int heldOut) -> {
                if (bar[0] != null) {
                    bar[0].close();
                    bar[0] = null;
                    err().print('\r');
                    err().flush();
                }
                out().printf(Locale.ROOT, "epoch %d/%d  train loss %.4f  held-out loss %s%n", losses.epoch(), config.epochs(),
                        losses.trainLoss(), Double.isNaN(losses.heldOutLoss()) ? "n/a (no held-out sequences)"
                                : String.format(Locale.ROOT, "%.4f", losses.heldOutLoss()));
                out().flush();
            });
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
        if (result.diverged() != null) {
            var d = result.diverged();
            String kept = result.history().isEmpty() ? "no checkpoint was written (the first epoch did not finish)"
                    : "the last good checkpoint (epoch " + result.history().getLast().epoch() + ") is kept in " + checkpointFile;
            err().printf(Locale.ROOT, "bookcheck train: the %s became %s at epoch %d, batch %d, so training stopped; %s."
                    + " Try a smaller learning rate (--lr) or gradient clipping (--clip).%n", d.what(), d.value(), d.epoch(),
                    d.batch(), kept);
            return ExitCode.BAD_INPUT;
        }
        out().printf("wrote %s, %s and %s%n", checkpointFile, out.resolve(TrainingRun.CSV), out.resolve(TrainingRun.PLOT));
        return ExitCode.OK;
    }

    /** Checks everything that can be wrong before anything is written. */
    private TrainingRun prepare(String corpus, Path checkpointFile, Backend backend) {
        try {
            if (resume) {
                if (!Files.exists(checkpointFile)) {
                    throw new UserError("there is no checkpoint to resume in " + out + " (expected " + checkpointFile + ")");
                }
                Checkpoint checkpoint = CheckpointFile.load(checkpointFile);
                return TrainingRun.resume(checkpoint, training.config(checkpoint.config()), corpus, backend);
            }
            if (!force) {
                for (String name : OUTPUTS) {
                    if (Files.exists(out.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                        throw new UserError(out + " already holds " + name + " of another run; use --resume to continue that run,"
                                + " --force to start over (replacing it), or --out for another directory");
                    }
                }
            }
            return TrainingRun.fresh(training.config(null), corpus, backend);
        } catch (CheckpointException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * Everything about --out that could stop the run, found before the first step: it must be a folder
     * (created here only as the last part of the path), writable, outside the book's chapters/ and
     * fixtures/, and its files must be plain files that are not an input of this run.
     */
    private void checkOut() {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out)) {
            throw new UserError("--out " + out + " is " + FileKinds.describe(out) + "; give a folder for " + String.join(", ", OUTPUTS));
        }
        if (!Files.exists(out)) {
            Path parent = out.toAbsolutePath().normalize().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new UserError("--out " + out + ": the folder " + parent + " does not exist; bookcheck creates only the last"
                        + " folder of --out, so create it first or choose another path");
            }
            try {
                Files.createDirectory(out);
            } catch (IOException | SecurityException e) {
                throw new UserError("cannot create --out " + out + " (" + OutputOption.reason(e) + ")");
            }
        }
        AtomicFiles.cleanStaleTemporaries(out);
        try {
            Path probe = Files.createTempFile(out, ".probe." + ProcessHandle.current().pid() + ".", ".bookcheck-tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw new UserError("cannot write into --out " + out + " (" + OutputOption.reason(e)
                    + "); choose a folder you can write to");
        }
        Set<Path> books = new LinkedHashSet<>();
        BookRoot.nearest(BookRoot.workingDirectory()).ifPresent(b -> OutputOption.addReal(books, b));
        for (String name : OUTPUTS) {
            Path target = out.resolve(name);
            OutputOption.check(target, books);
            for (Path input : files) {
                if (Files.exists(target) && Files.exists(input) && sameFile(input, target)) {
                    throw new UserError("will not write " + target + ": it is " + input + ", an input of this run; choose another --out");
                }
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private String readCorpus() {
        try {
            return Corpus.read(files);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private ProgressBar progressBar(int epoch, int epochs, int batches) {
        return new ProgressBarBuilder().setTaskName("epoch " + epoch + "/" + epochs).setInitialMax(batches)
                .setUnit(" batches", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err().print('\r' + line);
                    err().flush();
                }, 100)).clearDisplayOnFinish().build();
    }
}
