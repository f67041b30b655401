package org.bookcheck.reference;

/**
 * Optimizer updates in double precision, written for obvious correctness, as the oracle of the fast
 * float32 kernels: AdamW (Loshchilov &amp; Hutter, 2019, "Decoupled Weight Decay Regularization") and
 * gradient clipping by global norm.
 */
public final class OptimizerOps {

    private OptimizerOps() {
    }

    /** Parameters and both moment estimates after one AdamW step. */
    public record AdamWState(double[] weights, double[] m, double[] v) {
    }

    /**
     * One AdamW step t ≥ 1 on every element: m′ = β₁m + (1 − β₁)g, v′ = β₂v + (1 − β₂)g²,
     * m̂ = m′/(1 − β₁ᵗ), v̂ = v′/(1 − β₂ᵗ), w′ = w − η(m̂/(√v̂ + ε) + λw). Returns new arrays; modifies nothing.
     */
    public static AdamWState adamw(double[] w, double[] g, double[] m, double[] v, double learningRate, double beta1,
            double beta2, double epsilon, double weightDecay, int step) {
        if (w.length != g.length || w.length != m.length || w.length != v.length) {
            throw new OpException("adamw: w, g, m and v must have the same length, got " + w.length + ", " + g.length
                    + ", " + m.length + " and " + v.length);
        }
        if (step < 1) {
            throw new OpException("adamw: the step number t counts from 1, got " + step);
        }
        double[] w2 = new double[w.length];
        double[] m2 = new double[w.length];
        double[] v2 = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            m2[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v2[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            double mHat = m2[i] / (1 - Math.pow(beta1, step));
            double vHat = v2[i] / (1 - Math.pow(beta2, step));
            w2[i] = w[i] - learningRate * (mHat / (Math.sqrt(vHat) + epsilon) + weightDecay * w[i]);
        }
        return new AdamWState(w2, m2, v2);
    }

    /**
     * Clipping by global norm: with ‖g‖ = √(Σ over all tensors Σᵢ gᵢ²), every gradient is scaled by
     * min(1, maxNorm/‖g‖). Returns new arrays; modifies nothing.
     */
    public static double[][] clipByGlobalNorm(double[][] grads, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new OpException("clip_by_global_norm: the maximum norm must be positive, got " + maxNorm);
        }
        double sum = 0;
        for (double[] g : grads) {
            for (double x : g) {
                sum += x * x;
            }
        }
        double norm = Math.sqrt(sum);
        double s = norm > maxNorm ? maxNorm / norm : 1;
        double[][] out = new double[grads.length][];
        for (int t = 0; t < grads.length; t++) {
            out[t] = new double[grads[t].length];
            for (int i = 0; i < grads[t].length; i++) {
                out[t][i] = grads[t][i] * s;
            }
        }
        return out;
    }
}
