package org.bookcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bookcheck.kernel.KernelProfile;
import org.bookcheck.kernel.Parallel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code bookcheck bench --profile}: the step's split and the kernels by time, printed after the shape's line. */
class BenchProfileTest {

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void profilePrintsTheSplitAndTheKernelsOfAStep() {
        Cli.Run r = Cli.run("bench", "--shape", "S", "--warmup", "0", "--steps", "1", "--profile");
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.lines().anyMatch(l -> l.matches("  S per step \\(mean\\): forward .* ms \\(\\d+%\\), backward .* ms"
                + " \\(\\d+%\\), update .* ms \\(\\d+%\\)")), out);
        // One step of S (4 layers) calls each dense layer's forward product 4 × 4 + 1 times (the tied head's
        // backward dX = dlogits·E is the +1) and the attention kernel once per layer.
        assertTrue(out.lines().anyMatch(l -> l.matches("  matmul A·B +[0-9.]+ +[0-9.]+% +17")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("  attention +[0-9.]+ +[0-9.]+% +4")), out);
        assertTrue(out.contains("outside the kernels"), out);
        assertFalse(KernelProfile.enabled(), "profiling is switched off after the run");
    }

    @Test
    void profileOnTheGpuBackendIsRefusedBeforeAnythingRuns() {
        Cli.Run r = Cli.run("bench", "--shape", "S", "--profile", "--backend", "gpu");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("--profile times the CPU kernels only"), r.err());
        assertFalse(r.out().contains("machine:"), r.out());
    }

    @Test
    void withoutProfileNoKernelTableIsPrinted() {
        Cli.Run r = Cli.run("bench", "--shape", "S", "--warmup", "0", "--steps", "1");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("per step (mean)"), r.out());
    }
}
