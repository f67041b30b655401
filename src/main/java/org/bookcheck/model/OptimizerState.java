package org.bookcheck.model;

import java.util.List;

import org.bookcheck.backend.Backend;
import org.bookcheck.backend.Backend.Floats;
import org.bookcheck.kernel.OptimizerKernels;

/**
 * What an optimizer remembers between steps: the step count t and, for AdamW, the first and second
 * moment estimates m and v of every parameter tensor. {@link #step} applies one update on the model's
 * backend. The moments start on the host (zeros, or a checkpoint's) and move to the backend of the
 * model at the first step, where they stay.
 */
public final class OptimizerState {

    private final Optimizer optimizer;
    private final ParameterLayout layout;
    private float[][] hostM;
    private float[][] hostV;
    private Backend backend;
    private Floats[] m;
    private Floats[] v;
    private int step;

    /** Fresh state (t = 0, moments 0) for a model's tensors. */
    public OptimizerState(Optimizer optimizer, ParameterLayout layout) {
        this.optimizer = optimizer;
        this.layout = layout;
        boolean moments = optimizer instanceof Optimizer.AdamW;
        int n = layout.tensors().size();
        this.hostM = new float[moments ? n : 0][];
        this.hostV = new float[moments ? n : 0][];
        if (moments) {
            for (ParameterTensor t : layout.tensors()) {
                hostM[t.index()] = new float[t.size()];
                hostV[t.index()] = new float[t.size()];
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

    /** Sets the moments before the first step (a checkpoint's); each array as long as its tensor. */
    void setMoments(float[][] first, float[][] second) {
        if (backend != null) {
            throw new IllegalStateException("the moments are set before the first step");
        }
        for (int i = 0; i < hostM.length; i++) {
            System.arraycopy(first[i], 0, hostM[i], 0, hostM[i].length);
            System.arraycopy(second[i], 0, hostV[i], 0, hostV[i].length);
        }
    }

    /** A copy of AdamW's first moments (empty for SGD). */
    public float[][] firstMoments() {
        return copy(hostM, m);
    }

    /** A copy of AdamW's second moments (empty for SGD). */
    public float[][] secondMoments() {
        return copy(hostV, v);
    }

    private float[][] copy(float[][] host, Floats[] bound) {
        float[][] out = new float[host == null ? bound.length : host.length][];
        for (ParameterTensor t : layout.tensors()) {
            int i = t.index();
            if (i >= out.length) {
                break;
            }
            out[i] = new float[t.size()];
            if (host != null) {
                System.arraycopy(host[i], 0, out[i], 0, t.size());
            } else {
                backend.download(bound[i], 0, out[i], t.size());
            }
        }
        return out;
    }

    /** One update of every parameter tensor of the model from its gradients. */
    public void step(Gpt model) {
        bind(model.backend());
        step++;
        Floats[] p = model.parameterBuffers();
        Floats[] g = model.gradientBuffers();
        int[] n = model.tensorSizes();
        switch (optimizer) {
            case Optimizer.Sgd sgd -> {
                for (int i = 0; i < p.length; i++) {
                    backend.sgd(p[i], g[i], n[i], sgd.learningRate());
                }
            }
            case Optimizer.AdamW a -> {
                // Indexed, not for-each: a step allocates nothing, not even an iterator.
                List<ParameterTensor> tensors = model.layout().tensors();
                for (int k = 0; k < tensors.size(); k++) {
                    ParameterTensor t = tensors.get(k);
                    int i = t.index();
                    float decay = t.isMatrix() ? a.weightDecay() : 0f;
                    backend.adamw(p[i], g[i], m[i], v[i], n[i], a.learningRate(), a.beta1(), a.beta2(), a.epsilon(), decay,
                            step);
                }
            }
        }
    }

    /** Moves the moments to the backend at the first step; they stay there. */
    private void bind(Backend target) {
        if (backend == target) {
            return;
        }
        if (backend != null) {
            throw new IllegalStateException("this optimizer state belongs to a model on another backend");
        }
        backend = target;
        m = upload(hostM);
        v = upload(hostV);
        hostM = null;
        hostV = null;
    }

    private Floats[] upload(float[][] host) {
        Floats[] out = new Floats[host.length];
        for (int i = 0; i < host.length; i++) {
            out[i] = backend.floats(host[i].length);
            backend.upload(host[i], out[i], host[i].length);
        }
        return out;
    }

    /** The global gradient norm ‖g‖ over all tensors, tensors added in storage order. */
    public static double gradientNorm(Gpt model) {
        return Math.sqrt(model.backend().sumOfSquares(model.gradientBuffers(), model.tensorSizes()));
    }

    /** Scales all gradients so their global norm is at most maxNorm; returns the norm before. */
    public static double clip(Gpt model, double maxNorm) {
        double norm = gradientNorm(model);
        float s = OptimizerKernels.clipFactor(norm, maxNorm);
        if (s != 1f) {
            Floats[] g = model.gradientBuffers();
            int[] n = model.tensorSizes();
            for (int i = 0; i < g.length; i++) {
                model.backend().scale(g[i], n[i], s);
            }
        }
        return norm;
    }
}
