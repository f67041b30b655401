package org.bookcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.bookcheck.backend.CpuBackend;
import org.bookcheck.kernel.AllocationMeter;
import org.bookcheck.kernel.Parallel;
import org.bookcheck.kernel.Simd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A training step (forward, backward, clip, AdamW) allocates nothing once the model exists, with
 * every loop split between two threads. Run on the scalar path, where nothing is left for the JIT
 * to optimise away: the Vector API's objects exist only until the JIT compiles them out, so on the
 * vector path the count depends on how warm the JIT is (bookcheck bench reports it per step).
 */
class StepAllocationTest {

    @AfterEach
    void restore() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
        Parallel.setMinWork(Parallel.DEFAULT_MIN_WORK);
        Simd.setVectorised(Simd.AVAILABLE);
    }

    @Test
    void aWarmStepOnTwoThreadsAllocatesNothing() {
        Parallel.setThreads(2);
        Parallel.setMinWork(0);
        Simd.setVectorised(false);
        ModelConfig config = new ModelConfig(32, 8, 16, 2, 2);
        int b = 2;
        int t = 8;
        Gpt model = new Gpt(config, b, new CpuBackend(2));
        model.initialise(7);
        OptimizerState optimizer = new OptimizerState(Optimizer.AdamW.of(1e-3f, 0.01f), model.layout());
        int[] inputs = new int[b * t];
        int[] targets = new int[b * t];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = random.nextInt(config.vocabSize());
            targets[i] = random.nextInt(config.vocabSize());
        }
        // The first step makes each thread's loop objects and packing buffers, once.
        float first = step(model, optimizer, inputs, targets, b, t);
        AllocationMeter meter = new AllocationMeter();
        assumeTrue(meter.supported(), "this JVM does not count allocation per thread");
        assertEquals(2, meter.threadCount(), "the caller and one worker");
        float[] last = new float[1];
        long bytes = meter.bytesAllocatedBy(() -> {
            for (int i = 0; i < 3; i++) {
                last[0] = step(model, optimizer, inputs, targets, b, t);
            }
        });
        assertTrue(bytes < 1_024, "three steps allocated " + bytes + " bytes");
        // The steps did train: the same batch four times lowers its loss.
        assertTrue(last[0] < first, "loss " + first + " then " + last[0]);
    }

    private static float step(Gpt model, OptimizerState optimizer, int[] inputs, int[] targets, int b, int t) {
        float loss = model.forward(inputs, targets, b, t);
        model.backward();
        OptimizerState.clip(model, 1.0);
        optimizer.step(model);
        return loss;
    }
}
