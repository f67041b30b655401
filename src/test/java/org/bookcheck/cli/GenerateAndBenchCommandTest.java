package org.bookcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bookcheck.kernel.Parallel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bookcheck generate} and {@code bookcheck bench}: a working run each and their bad inputs. */
class GenerateAndBenchCommandTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    private Path trainedCheckpoint() throws IOException {
        Path text = dir.resolve("corpus.txt");
        Files.writeString(text, "The cat sat on the mat. The dog ran in the park. ".repeat(10));
        Cli.Run r = Cli.run("train", "--config", "tiny", "--epochs", "1", "--no-progress", "--out", dir.resolve("run").toString(),
                text.toString());
        assertEquals(0, r.exit(), r.err());
        return dir.resolve("run/checkpoint.bkpt");
    }

    @Test
    void generateContinuesThePrompt() throws IOException {
        Cli.Run r = Cli.run("generate", "--checkpoint", trainedCheckpoint().toString(), "--prompt", "The cat", "--tokens", "5");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("The cat "), r.out());
        assertTrue(r.out().strip().split(" ").length >= 5, "five more tokens: " + r.out());
    }

    @Test
    void generateRefusesAMissingCheckpointAndUnknownWords() throws IOException {
        Cli.Run missing = Cli.run("generate", "--checkpoint", dir.resolve("none.bkpt").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("cannot read the checkpoint"), missing.err());
        Path checkpoint = trainedCheckpoint();
        Cli.Run unknown = Cli.run("generate", "--checkpoint", checkpoint.toString(), "--prompt", "The zebra");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("the word \"zebra\" is not in the model's vocabulary"), unknown.err());
        Cli.Run zero = Cli.run("generate", "--checkpoint", checkpoint.toString(), "--tokens", "0");
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("--tokens must be a positive whole number"), zero.err());
    }

    @Test
    void benchPrintsTokensPerSecondForShapeS() {
        Cli.Run r = Cli.run("bench", "--shape", "S", "--warmup", "0", "--steps", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("S ") && l.contains("512")), r.out());
        assertTrue(r.out().contains("tokens/s"), r.out());
    }

    @Test
    void benchRefusesUnknownShapesAndNonPositiveSteps() {
        Cli.Run shape = Cli.run("bench", "--shape", "XL");
        assertEquals(2, shape.exit());
        assertTrue(shape.err().contains("unknown benchmark shape \"XL\"; the shapes are S and M"), shape.err());
        Cli.Run steps = Cli.run("bench", "--steps", "0");
        assertEquals(2, steps.exit());
        assertTrue(steps.err().contains("--steps must be at least 1"), steps.err());
    }
}
