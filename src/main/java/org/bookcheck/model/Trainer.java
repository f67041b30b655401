package org.bookcheck.model;

import java.util.SplittableRandom;

/**
 * The chapter's training loop: an epoch is ⌈N/B⌉ mini-batches over the training sequences in an
 * order reshuffled every epoch from the seed; each batch runs forward, loss, backward (gradients
 * averaged over the batch by the loss itself), clipping and one optimizer update. After the epoch
 * the held-out sequences are scored without updating anything.
 *
 * <p>The shuffle of epoch e depends only on (seed, e), and every kernel sums in a fixed order, so a
 * run resumed at an epoch boundary repeats an uninterrupted run bit for bit.
 */
public final class Trainer {

    /** Hears about each step, for progress display. */
    @FunctionalInterface
    public interface Listener {
        /**
         * Called after batch {@code batch} (from 1) of {@code batches} in epoch {@code epoch} (from 1),
         * with the tokens trained on and the nanoseconds spent so far in this epoch.
         */
        void onBatch(int epoch, int batch, int batches, float loss, long tokens, long nanos);
    }

    /** How an epoch ended. */
    public sealed interface Outcome permits Completed, Diverged {
    }

    /** The epoch ran to the end; its losses. */
    public record Completed(EpochLoss losses) implements Outcome {
    }

    /** The loss or the gradients stopped being finite at this batch; the model's parameters are no longer usable. */
    public record Diverged(int epoch, int batch, double value, String what) implements Outcome {
    }

    private final TrainingConfig config;
    private final Gpt model;
    private final OptimizerState optimizer;
    private final int[] inputs;
    private final int[] targets;

    public Trainer(TrainingConfig config, Gpt model, OptimizerState optimizer) {
        this.config = config;
        this.model = model;
        this.optimizer = optimizer;
        int bt = config.batchSize() * model.config().contextLength();
        this.inputs = new int[bt];
        this.targets = new int[bt];
        if (model.maxBatch() < config.batchSize()) {
            throw new IllegalArgumentException("the model was built for batches of " + model.maxBatch()
                    + ", fewer than the configured " + config.batchSize());
        }
    }

    /** ⌈N/B⌉, the batches in one epoch over n sequences. */
    public int batchesPerEpoch(int n) {
        return (n + config.batchSize() - 1) / config.batchSize();
    }

    /** The order in which epoch e (from 1) visits n sequences: a Fisher–Yates shuffle seeded by (seed, e). */
    public int[] order(int n, int epoch) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    /** Runs epoch e (from 1) over the training set, then scores the held-out set. */
    public Outcome epoch(int epoch, Dataset train, Dataset heldOut, Listener listener) {
        int n = train.size();
        int[] order = order(n, epoch);
        int batches = batchesPerEpoch(n);
        double weighted = 0;
        long tokens = 0;
        long start = System.nanoTime();
        for (int k = 0; k < batches; k++) {
            int from = k * config.batchSize();
            int b = Math.min(config.batchSize(), n - from);
            int t = fill(train, order, from, b);
            float loss = model.forward(inputs, targets, b, t);
            if (!Float.isFinite(loss)) {
                return new Diverged(epoch, k + 1, loss, "loss");
            }
            model.backward();
            double norm = OptimizerState.clip(model, config.clipNorm());
            if (!Double.isFinite(norm)) {
                return new Diverged(epoch, k + 1, norm, "gradient norm");
            }
            optimizer.step(model);
            weighted += (double) loss * b;
            tokens += (long) b * t;
            listener.onBatch(epoch, k + 1, batches, loss, tokens, System.nanoTime() - start);
        }
        if (!model.parametersFinite()) {
            return new Diverged(epoch, batches, Double.NaN, "parameters after the last update");
        }
        return new Completed(new EpochLoss(epoch, weighted / n, evaluate(heldOut)));
    }

    /** The mean per-sequence loss over a dataset, in batches of B, without changing the model (NaN if empty). */
    public double evaluate(Dataset data) {
        if (data.size() == 0) {
            return Double.NaN;
        }
        int[] identity = new int[data.size()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        double weighted = 0;
        for (int from = 0; from < data.size(); from += config.batchSize()) {
            int b = Math.min(config.batchSize(), data.size() - from);
            int t = fill(data, identity, from, b);
            weighted += (double) model.forward(inputs, targets, b, t) * b;
        }
        return weighted / data.size();
    }

    /** Copies sequences order[from .. from + b) into the batch buffers; returns their length. */
    private int fill(Dataset data, int[] order, int from, int b) {
        int t = data.length();
        for (int s = 0; s < b; s++) {
            System.arraycopy(data.inputs()[order[from + s]], 0, inputs, s * t, t);
            System.arraycopy(data.targets()[order[from + s]], 0, targets, s * t, t);
        }
        return t;
    }
}
