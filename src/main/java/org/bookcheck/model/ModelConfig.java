package org.bookcheck.model;

/**
 * The shape of a GPT-style decoder: vocabulary size V, context length T (the most positions one
 * sequence may have), channels C, attention heads and transformer blocks.
 */
public record ModelConfig(int vocabSize, int contextLength, int channels, int heads, int layers) {

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
