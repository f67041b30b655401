package org.bookcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bookcheck.kernel.LossKernels;
import org.junit.jupiter.api.Test;

/** The chapter's batch of four sequences, learned by the tiny model. */
class ChapterBatchTrainingTest {

    /** The chapter's "Batch Training" example, B = 4. */
    private static final List<String> BATCH = List.of("The cat sat", "The dog ran", "A bird flew", "A fish swam");

    @Test
    void tinyModelDrivesTheLossNearZeroAndPredictsEachThirdWordFromTheFirstTwo() {
        WordTokenizer tokenizer = WordTokenizer.fit(String.join(" ", BATCH));
        int[][] inputs = new int[BATCH.size()][];
        int[][] targets = new int[BATCH.size()][];
        for (int s = 0; s < BATCH.size(); s++) {
            int[] ids = tokenizer.encode(BATCH.get(s));
            inputs[s] = new int[] {ids[0], ids[1]};
            // Only the third word is scored: after "The" both "cat" and "dog" are right, so no model could get that to 0.
            targets[s] = new int[] {LossKernels.IGNORE, ids[2]};
        }
        Dataset data = new Dataset(inputs, targets, 2);
        TrainingConfig config = Presets.named("tiny").withEpochs(150);
        Gpt model = new Gpt(config.model(tokenizer.vocabSize()), config.batchSize());
        model.initialise(config.seed());
        Trainer trainer = new Trainer(config, model, new OptimizerState(config.optimizer(), model.layout()));
        double first = Double.NaN;
        double last = Double.NaN;
        for (int e = 1; e <= config.epochs(); e++) {
            Trainer.Completed done = assertInstanceOf(Trainer.Completed.class,
                    trainer.epoch(e, data, data.range(0, 0), (epoch, batch, batches, loss, tokens, nanos) -> { }));
            if (e == 1) {
                first = done.losses().trainLoss();
            }
            last = done.losses().trainLoss();
        }
        assertTrue(first > 1.5, "an untrained model should be near ln(9) ≈ 2.2, got " + first);
        assertTrue(last < 0.02, "the loss should approach 0, got " + last);

        model.forward(flatten(inputs), null, inputs.length, 2);
        for (int s = 0; s < BATCH.size(); s++) {
            float[] p = new float[tokenizer.vocabSize()];
            model.probabilities(s, 1, p);
            int best = 0;
            for (int j = 1; j < p.length; j++) {
                if (p[j] > p[best]) {
                    best = j;
                }
            }
            assertEquals(BATCH.get(s).split(" ")[2], tokenizer.token(best), "third word of \"" + BATCH.get(s) + "\"");
        }
    }

    static int[] flatten(int[][] rows) {
        int[] out = new int[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * rows[0].length, rows[i].length);
        }
        return out;
    }
}
