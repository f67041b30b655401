package org.bookcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bookcheck.gpu.GpuAvailability;
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
    void benchGivesAnMfuOverAGivenPeakAndSaysWhichBackendRan() {
        Cli.Run r = Cli.run("bench", "--shape", "S", "--warmup", "0", "--steps", "1", "--peak-tflops", "1000", "--backend", "cpu");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("backend: CPU, "), r.out());
        assertTrue(r.out().contains("over a peak of 1000.0 TFLOP/s"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("S ") && l.matches(".* [0-9.]+% .*")), r.out());
    }

    @Test
    void withoutAGpuTheGpuBackendIsOneMessageSayingWhereItLookedAndExitCode2() {
        assumeTrue(GpuAvailability.backend() == null, "this machine has a GPU");
        for (String command : new String[] {"bench", "train"}) {
            Cli.Run r = Cli.run(command, "--backend", "gpu", "--cuda-lib", "/nonexistent/cuda-lib");
            assertEquals(2, r.exit(), r.err());
            assertEquals("", r.out(), command);
            assertTrue(r.err().startsWith("bookcheck " + command + ": --backend gpu needs the NVIDIA driver's libcuda (libcuda.so*),"
                    + " which is in none of the "), r.err());
            assertTrue(r.err().contains("\n  /nonexistent/cuda-lib  (no such folder)\n"), "the given folder comes first: " + r.err());
            assertTrue(r.err().contains("--cuda-lib DIR"), r.err());
            assertEquals(-1, r.err().indexOf("\tat "), "no stack trace");
        }
    }

    @Test
    void benchRefusesUnknownShapesAndNonPositiveSteps() {
        Cli.Run shape = Cli.run("bench", "--shape", "XL");
        assertEquals(2, shape.exit());
        assertTrue(shape.err().contains("unknown benchmark shape \"XL\"; the shapes are S, M and full"), shape.err());
        Cli.Run steps = Cli.run("bench", "--steps", "0");
        assertEquals(2, steps.exit());
        assertTrue(steps.err().contains("--steps must be at least 1"), steps.err());
    }
}
