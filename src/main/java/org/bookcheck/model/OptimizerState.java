package org.bookcheck.model;

import org.bookcheck.kernel.OptimizerKernels;

/**
 * What an optimizer remembers between steps: the step count t and, for AdamW, the first and second
 * moment estimates m and v of every parameter tensor. {@link #step} applies one update.
 */
public final class OptimizerState {

    private final Optimizer optimizer;
    private final float[][] m;
    private final float[][] v;
    private int step;

    /** Fresh state (t = 0, moments 0) for a model's tensors. */
    public OptimizerState(Optimizer optimizer, ParameterLayout layout) {
        this.optimizer = optimizer;
        boolean moments = optimizer instanceof Optimizer.AdamW;
        int n = layout.tensors().size();
        this.m = new float[moments ? n : 0][];
        this.v = new float[moments ? n : 0][];
        if (moments) {
            for (ParameterTensor t : layout.tensors()) {
                m[t.index()] = new float[t.size()];
                v[t.index()] = new float[t.size()];
            }
        }
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** Updates taken so far. */
    public int steps() {
        return step;
    }

    void setSteps(int steps) {
        this.step = steps;
    }

    /** AdamW's first moments (live; empty for SGD). */
    public float[][] firstMoments() {
        return m;
    }

    /** AdamW's second moments (live; empty for SGD). */
    public float[][] secondMoments() {
        return v;
    }

    /** One update of every parameter tensor of the model from its gradients. */
    public void step(Gpt model) {
        step++;
        float[][] p = model.parameters();
        float[][] g = model.gradients();
        switch (optimizer) {
            case Optimizer.Sgd sgd -> {
                for (int i = 0; i < p.length; i++) {
                    OptimizerKernels.sgd(p[i], g[i], p[i].length, sgd.learningRate());
                }
            }
            case Optimizer.AdamW a -> {
                for (ParameterTensor t : model.layout().tensors()) {
                    int i = t.index();
                    float decay = t.isMatrix() ? a.weightDecay() : 0f;
                    OptimizerKernels.adamw(p[i], g[i], m[i], v[i], p[i].length, a.learningRate(), a.beta1(), a.beta2(),
                            a.epsilon(), decay, step);
                }
            }
        }
    }

    /** The global gradient norm ‖g‖ over all tensors, tensors added in storage order. */
    public static double gradientNorm(Gpt model) {
        double sum = 0;
        for (float[] g : model.gradients()) {
            sum += OptimizerKernels.sumOfSquares(g, g.length);
        }
        return Math.sqrt(sum);
    }

    /** Scales all gradients so their global norm is at most maxNorm; returns the norm before. */
    public static double clip(Gpt model, double maxNorm) {
        double norm = gradientNorm(model);
        float s = OptimizerKernels.clipFactor(norm, maxNorm);
        if (s != 1f) {
            for (float[] g : model.gradients()) {
                OptimizerKernels.scale(g, g.length, s);
            }
        }
        return norm;
    }
}
