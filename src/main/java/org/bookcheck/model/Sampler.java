package org.bookcheck.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generates text from a trained model one token at a time: the model reads the last T tokens, its
 * softmax gives the next token's distribution, sharpened or flattened by a temperature τ
 * (pᵢ^(1/τ) renormalised, which is softmax(z/τ)); τ = 0 takes the most likely token.
 */
public final class Sampler {

    private final Gpt model;
    private final float[] probs;

    /** A sampler over a model built for batches of at least 1. */
    public Sampler(Gpt model) {
        this.model = model;
        this.probs = new float[model.config().vocabSize()];
    }

    /** The prompt's ids followed by {@code count} sampled ids. */
    public int[] generate(int[] prompt, int count, double temperature, long seed) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("the prompt must have at least one token");
        }
        if (count < 0 || !(temperature >= 0)) {
            throw new IllegalArgumentException("need a token count ≥ 0 and a temperature ≥ 0, got " + count + " and " + temperature);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] ids = Arrays.copyOf(prompt, prompt.length + count);
        int t = model.config().contextLength();
        for (int n = prompt.length; n < ids.length; n++) {
            int from = Math.max(0, n - t);
            int len = n - from;
            model.forward(Arrays.copyOfRange(ids, from, n), null, 1, len);
            model.probabilities(0, len - 1, probs);
            ids[n] = pick(temperature, random);
        }
        return ids;
    }

    private int pick(double temperature, SplittableRandom random) {
        if (temperature == 0) {
            int best = 0;
            for (int j = 1; j < probs.length; j++) {
                if (probs[j] > probs[best]) {
                    best = j;
                }
            }
            return best;
        }
        double[] w = new double[probs.length];
        double total = 0;
        for (int j = 0; j < probs.length; j++) {
            w[j] = Math.pow(probs[j], 1 / temperature);
            total += w[j];
        }
        double u = random.nextDouble() * total;
        for (int j = 0; j < w.length; j++) {
            u -= w[j];
            if (u < 0) {
                return j;
            }
        }
        return w.length - 1;
    }
}
