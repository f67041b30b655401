package org.bookcheck.model;

/**
 * The shape of a GPT-style decoder: vocabulary size V, context length T (the most positions one
 * sequence may have), channels C, attention heads and transformer blocks.
 */
public record ModelConfig(int vocabSize, int contextLength, int channels, int heads, int layers) {

    /**
     * The most parameters a model may have: 100 million float32 weights, with AdamW's two moments
     * 1.2 GB, still fits a workstation; more is a typo in a flag or a crafted checkpoint, not a book's model.
     */
    public static final long MAX_PARAMETERS = 100_000_000L;

    public ModelConfig {
        requirePositive("vocabulary size", vocabSize);
        requirePositive("context length", contextLength);
        requirePositive("channels", channels);
        requirePositive("heads", heads);
        requirePositive("layers", layers);
        if (channels % heads != 0) {
            throw new IllegalArgumentException("channels (" + channels + ") must be a multiple of heads (" + heads
                    + ") so that every head gets the same width");
        }
        double approx = (double) vocabSize * channels + (double) contextLength * channels
                + layers * (12.0 * channels * channels + 13.0 * channels) + 2.0 * channels;
        if (approx > MAX_PARAMETERS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "a model with V=%d T=%d C=%d heads=%d layers=%d would have %,.0f parameters; bookcheck trains at most %,d"
                            + " (choose fewer channels, layers, a shorter context or a smaller vocabulary)",
                    vocabSize, contextLength, channels, heads, layers, approx, MAX_PARAMETERS));
        }
    }

    /** Parameters of the model: token and position embeddings, 12C² + 13C per block, and the final layer norm. */
    public long parameterCount() {
        long c = channels;
        return vocabSize * c + contextLength * c + layers * (12 * c * c + 13 * c) + 2 * c;
    }

    /** The width d = C / heads of one attention head. */
    public int headSize() {
        return channels / heads;
    }

    /** The same model with another vocabulary size (the tokenizer decides V). */
    public ModelConfig withVocabSize(int v) {
        return new ModelConfig(v, contextLength, channels, heads, layers);
    }

    static void requirePositive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be a positive whole number, got " + value);
        }
    }

    @Override
    public String toString() {
        return "V=" + vocabSize + " T=" + contextLength + " C=" + channels + " heads=" + heads + " layers=" + layers;
    }
}
