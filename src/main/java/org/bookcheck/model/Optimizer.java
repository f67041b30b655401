package org.bookcheck.model;

/**
 * How parameters move given their gradients: the chapter's plain gradient descent W − η∇W, or AdamW
 * (Loshchilov &amp; Hutter, 2019), whose weight decay applies to weight matrices only (not to biases
 * or layer-norm gains, as GPT-2 trainers do).
 */
public sealed interface Optimizer permits Optimizer.Sgd, Optimizer.AdamW {

    /** The learning rate η. */
    float learningRate();

    /** The same optimizer with another learning rate. */
    Optimizer withLearningRate(float learningRate);

    /** Stochastic gradient descent: W ← W − η∇W. */
    record Sgd(float learningRate) implements Optimizer {
        public Sgd {
            requirePositive(learningRate);
        }

        @Override
        public Optimizer withLearningRate(float lr) {
            return new Sgd(lr);
        }
    }

    /** AdamW with moment decay rates β₁, β₂, ε in the denominator and decoupled weight decay λ. */
    record AdamW(float learningRate, float beta1, float beta2, float epsilon, float weightDecay) implements Optimizer {
        public AdamW {
            requirePositive(learningRate);
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("AdamW's β₁ and β₂ must be in [0, 1), got " + beta1 + " and " + beta2);
            }
            if (!(epsilon > 0) || !(weightDecay >= 0)) {
                throw new IllegalArgumentException("AdamW needs ε > 0 and weight decay ≥ 0, got " + epsilon + " and " + weightDecay);
            }
        }

        /** AdamW with GPT-2's usual β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸ and the given η and λ. */
        public static AdamW of(float learningRate, float weightDecay) {
            return new AdamW(learningRate, 0.9f, 0.999f, 1e-8f, weightDecay);
        }

        @Override
        public Optimizer withLearningRate(float lr) {
            return new AdamW(lr, beta1, beta2, epsilon, weightDecay);
        }
    }

    private static void requirePositive(float learningRate) {
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be a positive number, got " + learningRate);
        }
    }
}
