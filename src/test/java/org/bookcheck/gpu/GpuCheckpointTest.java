package org.bookcheck.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.bookcheck.backend.CpuBackend;
import org.bookcheck.model.ByteTokenizer;
import org.bookcheck.model.Checkpoint;
import org.bookcheck.model.CheckpointFile;
import org.bookcheck.model.EpochLoss;
import org.bookcheck.model.Gpt;
import org.bookcheck.model.OptimizerState;
import org.bookcheck.model.Presets;
import org.bookcheck.model.TrainingConfig;
import org.bookcheck.model.TrainingStepConformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint written from the GPU is the same file format, and loads on the CPU to the same parameters and loss. */
class GpuCheckpointTest {

    @TempDir
    Path dir;

    @Test
    void aCheckpointOfAGpuRunLoadsOnTheCpu() throws IOException {
        assumeTrue(GpuAvailability.backend() != null, GpuAvailability::reason);
        TrainingConfig config = Presets.named("small");
        int b = config.batchSize();
        int t = config.contextLength();
        int[] inputs = new int[b * t];
        int[] targets = new int[b * t];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = random.nextInt(ByteTokenizer.VOCAB_SIZE);
            targets[i] = random.nextInt(ByteTokenizer.VOCAB_SIZE);
        }
        Gpt gpu = new Gpt(config.model(ByteTokenizer.VOCAB_SIZE), b, GpuAvailability.backend());
        gpu.initialise(config.seed());
        OptimizerState optimizer = new OptimizerState(config.optimizer(), gpu.layout());
        gpu.forward(inputs, targets, b, t);
        gpu.backward();
        optimizer.step(gpu);
        Path file = dir.resolve("gpu.bkpt");
        CheckpointFile.save(Checkpoint.of(config, new ByteTokenizer(), "digest", 1, List.of(new EpochLoss(1, 1, Double.NaN)), gpu,
                optimizer), file);

        Checkpoint loaded = CheckpointFile.load(file);
        Gpt cpu = loaded.toModel(b, new CpuBackend());
        float[][] expected = gpu.parameters();
        float[][] actual = cpu.parameters();
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], "parameter tensor " + i + " went through the file unchanged");
        }
        float onGpu = gpu.forward(inputs, targets, b, t);
        float onCpu = cpu.forward(inputs, targets, b, t);
        assertEquals(onCpu, onGpu, TrainingStepConformance.TOL_LOSS * (1 + Math.abs(onCpu)), "the loss of the loaded model");
    }
}
