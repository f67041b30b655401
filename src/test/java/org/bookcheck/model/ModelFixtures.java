package org.bookcheck.model;

import java.util.SplittableRandom;

/** Small models and batches for the model's tests, with parameters large enough to exercise every non-linearity. */
final class ModelFixtures {

    /** A model with a batch to run it on. */
    record Case(Gpt model, int[] inputs, int[] targets, int batch, int length) {
    }

    /** The architecture of the {@code tiny} preset with a vocabulary of the given size. */
    static ModelConfig tiny(int vocab) {
        return Presets.named("tiny").model(vocab);
    }

    /**
     * A tiny model with parameters drawn N(0, 0.3²) (gains around 1) from a seed, and a random batch
     * of b sequences of full context length.
     */
    static Case randomCase(int vocab, int b) {
        ModelConfig config = tiny(vocab);
        Gpt model = new Gpt(config, b);
        SplittableRandom random = new SplittableRandom(42);
        float[][] params = model.parameters();
        for (ParameterTensor t : model.layout().tensors()) {
            float[] p = params[t.index()];
            boolean gain = t.name().endsWith(".gamma");
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) ((gain ? 1 : 0) + 0.3 * random.nextGaussian());
            }
        }
        model.setParameters(params);
        int t = config.contextLength();
        int[] inputs = new int[b * t];
        int[] targets = new int[b * t];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = random.nextInt(vocab);
            targets[i] = random.nextInt(vocab);
        }
        return new Case(model, inputs, targets, b, t);
    }

    private ModelFixtures() {
    }
}
