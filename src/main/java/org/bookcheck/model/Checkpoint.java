package org.bookcheck.model;

import java.util.List;
import org.bookcheck.backend.Backend;
import org.bookcheck.backend.CpuBackend;

/**
 * A training run frozen at the end of an epoch: configuration, tokenizer, a digest of the corpus it
 * trains on, how far it got (epochs, optimizer steps, the loss history), the parameters and the
 * optimizer's moments. Enough to resume exactly.
 */
public record Checkpoint(TrainingConfig config, Tokenizer tokenizer, String corpusDigest, int epochsCompleted,
        int optimizerSteps, List<EpochLoss> history, float[][] parameters, float[][] firstMoments,
        float[][] secondMoments) {

    public Checkpoint {
        history = List.copyOf(history);
    }

    /** Captures a run: copies of the parameters and moments, downloaded from the model's backend. */
    public static Checkpoint of(TrainingConfig config, Tokenizer tokenizer, String corpusDigest, int epochsCompleted,
            List<EpochLoss> history, Gpt model, OptimizerState optimizer) {
        return new Checkpoint(config, tokenizer, corpusDigest, epochsCompleted, optimizer.steps(), history,
                model.parameters(), optimizer.firstMoments(), optimizer.secondMoments());
    }

    /** The model shape. */
    public ModelConfig modelConfig() {
        return config.model(tokenizer.vocabSize());
    }

    /** A model on the CPU holding these parameters, for batches of up to maxBatch. */
    public Gpt toModel(int maxBatch) {
        return toModel(maxBatch, new CpuBackend());
    }

    /** A model on the given backend holding these parameters, for batches of up to maxBatch. */
    public Gpt toModel(int maxBatch, Backend backend) {
        Gpt model = new Gpt(modelConfig(), maxBatch, backend);
        model.setParameters(parameters);
        return model;
    }

    /** The optimizer state as it was, for the given optimizer (its learning rate may differ). */
    public OptimizerState toOptimizerState(Optimizer optimizer, ParameterLayout layout) {
        OptimizerState state = new OptimizerState(optimizer, layout);
        state.setSteps(optimizerSteps);
        if (optimizer instanceof Optimizer.AdamW && firstMoments.length == parameters.length) {
            state.setMoments(firstMoments, secondMoments);
        }
        return state;
    }
}
