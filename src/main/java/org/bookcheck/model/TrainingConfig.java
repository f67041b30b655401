package org.bookcheck.model;

/**
 * Everything that decides a training run: the tokenizer, the architecture (the vocabulary size comes
 * from the tokenizer), batch size B, epochs, the optimizer, gradient clipping (max global norm, 0 for
 * none), the seed, and the fraction of sequences held out to measure generalisation.
 */
public record TrainingConfig(String name, TokenizerKind tokenizer, int contextLength, int channels, int heads,
        int layers, int batchSize, int epochs, Optimizer optimizer, double clipNorm, long seed, double heldOutFraction) {

    public TrainingConfig {
        ModelConfig.requirePositive("context length", contextLength);
        ModelConfig.requirePositive("channels", channels);
        ModelConfig.requirePositive("heads", heads);
        ModelConfig.requirePositive("layers", layers);
        ModelConfig.requirePositive("batch size", batchSize);
        ModelConfig.requirePositive("epochs", epochs);
        if (channels % heads != 0) {
            throw new IllegalArgumentException("channels (" + channels + ") must be a multiple of heads (" + heads + ")");
        }
        if (!(clipNorm >= 0)) {
            throw new IllegalArgumentException("the clipping norm must be ≥ 0 (0 turns clipping off), got " + clipNorm);
        }
        if (!(heldOutFraction >= 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException("the held-out fraction must be in [0, 1), got " + heldOutFraction);
        }
    }

    /** The model shape for a tokenizer with the given vocabulary size. */
    public ModelConfig model(int vocabSize) {
        return new ModelConfig(vocabSize, contextLength, channels, heads, layers);
    }

    public TrainingConfig withEpochs(int n) {
        return new TrainingConfig(name, tokenizer, contextLength, channels, heads, layers, batchSize, n, optimizer,
                clipNorm, seed, heldOutFraction);
    }

    public TrainingConfig withOptimizer(Optimizer o) {
        return new TrainingConfig(name, tokenizer, contextLength, channels, heads, layers, batchSize, epochs, o,
                clipNorm, seed, heldOutFraction);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(name, tokenizer, contextLength, channels, heads, layers, batchSize, epochs, optimizer,
                clipNorm, s, heldOutFraction);
    }

    public TrainingConfig withBatchSize(int b) {
        return new TrainingConfig(name, tokenizer, contextLength, channels, heads, layers, b, epochs, optimizer,
                clipNorm, seed, heldOutFraction);
    }

    public TrainingConfig withShape(int t, int c, int h, int l) {
        return new TrainingConfig(name, tokenizer, t, c, h, l, batchSize, epochs, optimizer, clipNorm, seed,
                heldOutFraction);
    }

    public TrainingConfig withHeldOutFraction(double f) {
        return new TrainingConfig(name, tokenizer, contextLength, channels, heads, layers, batchSize, epochs, optimizer,
                clipNorm, seed, f);
    }

    public TrainingConfig withClipNorm(double c) {
        return new TrainingConfig(name, tokenizer, contextLength, channels, heads, layers, batchSize, epochs, optimizer,
                c, seed, heldOutFraction);
    }

    /** Whether two configurations give the same model shape (what a checkpoint must match). */
    public boolean sameArchitecture(TrainingConfig other) {
        return tokenizer == other.tokenizer && contextLength == other.contextLength && channels == other.channels
                && heads == other.heads && layers == other.layers;
    }

    /** The architecture in one line, as messages print it. */
    public String describeArchitecture() {
        return tokenizer.name().toLowerCase(java.util.Locale.ROOT) + " tokens, T=" + contextLength + " C=" + channels
                + " heads=" + heads + " layers=" + layers;
    }
}
