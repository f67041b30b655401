package org.bookcheck.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bookcheck.kernel.Parallel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole training runs of the tiny model on the chapter: falling loss, determinism, exact resume, divergence. */
class TrainingRunTest {

    /** The first part of the chapter: enough text for a few hundred sequences, small enough to train in a second. */
    private static final String TEXT = Corpus.embedded().substring(0, 6000);

    @TempDir
    Path dir;

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    private static TrainingConfig tiny(int epochs) {
        return Presets.named("tiny").withEpochs(epochs);
    }

    private static final TrainingRun.EpochListener QUIET_EPOCHS = (losses, sequences, heldOut) -> { };
    private static final Trainer.Listener QUIET_BATCHES = (epoch, batch, batches, loss, tokens, nanos) -> { };

    @Test
    void lossDecreasesOverEpochsOnTheChapterText() throws IOException {
        TrainingRun.Result r = TrainingRun.fresh(tiny(4), Corpus.embedded()).run(dir, QUIET_BATCHES, QUIET_EPOCHS);
        assertNull(r.diverged());
        List<EpochLoss> h = r.history();
        assertEquals(4, h.size());
        for (int e = 1; e < h.size(); e++) {
            assertTrue(h.get(e).trainLoss() < h.get(e - 1).trainLoss(), "epoch " + (e + 1) + " after epoch " + e + ": " + h);
        }
        assertTrue(h.getFirst().heldOutLoss() > 0 && Double.isFinite(h.getLast().heldOutLoss()), "held-out loss is reported");
        assertTrue(Files.size(dir.resolve(TrainingRun.PLOT)) > 1000, "the plot is written");
        assertEquals(5, Files.readAllLines(dir.resolve(TrainingRun.CSV)).size(), "a header and one row per epoch");
    }

    @Test
    void sameSeedGivesBitIdenticalLossesForOneAndSeveralThreads() throws IOException {
        Parallel.setThreads(1);
        TrainingRun one = TrainingRun.fresh(tiny(2), TEXT);
        List<EpochLoss> serial = one.run(dir.resolve("1"), QUIET_BATCHES, QUIET_EPOCHS).history();
        Parallel.setThreads(3);
        Parallel.setMinWork(0);
        try {
            TrainingRun three = TrainingRun.fresh(tiny(2), TEXT);
            List<EpochLoss> parallel = three.run(dir.resolve("3"), QUIET_BATCHES, QUIET_EPOCHS).history();
            assertEquals(serial, parallel, "per-epoch losses (records compare doubles bit for bit)");
            for (int i = 0; i < one.model().parameters().length; i++) {
                assertArrayEquals(one.model().parameters()[i], three.model().parameters()[i], "parameter tensor " + i);
            }
        } finally {
            Parallel.setMinWork(Parallel.DEFAULT_MIN_WORK);
        }
    }

    @Test
    void resumingFromACheckpointRepeatsTheUninterruptedRunExactly() throws IOException {
        TrainingRun straight = TrainingRun.fresh(tiny(3), TEXT);
        List<EpochLoss> expected = straight.run(dir.resolve("straight"), QUIET_BATCHES, QUIET_EPOCHS).history();

        Path resumed = dir.resolve("resumed");
        TrainingRun.fresh(tiny(1), TEXT).run(resumed, QUIET_BATCHES, QUIET_EPOCHS);
        Checkpoint checkpoint = CheckpointFile.load(resumed.resolve(TrainingRun.CHECKPOINT));
        assertEquals(1, checkpoint.epochsCompleted());
        TrainingRun rest = TrainingRun.resume(checkpoint, checkpoint.config().withEpochs(3), TEXT);
        List<EpochLoss> actual = rest.run(resumed, QUIET_BATCHES, QUIET_EPOCHS).history();

        assertEquals(expected, actual);
        for (int i = 0; i < straight.model().parameters().length; i++) {
            assertArrayEquals(straight.model().parameters()[i], rest.model().parameters()[i], "parameter tensor " + i);
        }
    }

    @Test
    void aLossThatBecomesNanStopsTrainingAndKeepsTheLastGoodCheckpoint() throws IOException {
        TrainingRun.fresh(tiny(1), TEXT).run(dir, QUIET_BATCHES, QUIET_EPOCHS);
        Path file = dir.resolve(TrainingRun.CHECKPOINT);
        byte[] good = Files.readAllBytes(file);
        Checkpoint checkpoint = CheckpointFile.load(file);
        // A learning rate of 10³⁰ throws the weights to ~10³⁰, whose squares overflow in the next layer norm.
        TrainingConfig wild = checkpoint.config().withEpochs(3).withOptimizer(new Optimizer.Sgd(1e30f)).withClipNorm(0);
        TrainingRun.Result r = TrainingRun.resume(checkpoint, wild, TEXT).run(dir, QUIET_BATCHES, QUIET_EPOCHS);
        assertNotNull(r.diverged(), "training must stop");
        assertEquals(2, r.diverged().epoch());
        assertTrue(!Double.isFinite(r.diverged().value()), "it stopped on a value that is not finite: " + r.diverged());
        assertEquals(1, r.history().size(), "only the good epoch is in the history");
        assertArrayEquals(good, Files.readAllBytes(file), "the last good checkpoint is kept unchanged");
    }
}
