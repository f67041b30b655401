package org.bookcheck.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints survive a round trip and refuse to load when damaged. */
class CheckpointFileTest {

    @TempDir
    Path dir;

    private Checkpoint sample() {
        ModelFixtures.Case k = ModelFixtures.randomCase(5, 1);
        TrainingConfig config = Presets.named("tiny").withEpochs(2);
        OptimizerState optimizer = new OptimizerState(config.optimizer(), k.model().layout());
        k.model().forward(k.inputs(), k.targets(), 1, k.length());
        k.model().backward();
        optimizer.step(k.model());
        return Checkpoint.of(config, new WordTokenizer(List.of("a", "b", "c", ".", "d")), "digest", 1,
                List.of(new EpochLoss(1, 1.5, Double.NaN)), k.model(), optimizer);
    }

    @Test
    void roundTripKeepsEverything() throws IOException {
        Checkpoint c = sample();
        Path file = dir.resolve("c.bkpt");
        CheckpointFile.save(c, file);
        Checkpoint back = CheckpointFile.load(file);
        assertEquals(c.config(), back.config());
        assertEquals(((WordTokenizer) c.tokenizer()).vocabulary(), ((WordTokenizer) back.tokenizer()).vocabulary());
        assertEquals(c.history(), back.history());
        assertEquals(c.optimizerSteps(), back.optimizerSteps());
        assertEquals(1, back.epochsCompleted());
        for (int i = 0; i < c.parameters().length; i++) {
            assertArrayEquals(c.parameters()[i], back.parameters()[i]);
            assertArrayEquals(c.firstMoments()[i], back.firstMoments()[i]);
            assertArrayEquals(c.secondMoments()[i], back.secondMoments()[i]);
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aChangedByteIsReportedAsCorrupt() throws IOException {
        Path file = dir.resolve("c.bkpt");
        CheckpointFile.save(sample(), file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFile.load(file));
        assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsReportedAsCorrupt() throws IOException {
        Path file = dir.resolve("c.bkpt");
        CheckpointFile.save(sample(), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFile.load(file));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void anotherFileIsNotACheckpoint() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "The cat sat on the mat. ".repeat(10));
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFile.load(file));
        assertTrue(e.getMessage().contains("not a bookcheck checkpoint"), e.getMessage());
    }
}
