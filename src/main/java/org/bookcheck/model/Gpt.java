package org.bookcheck.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.bookcheck.backend.Backend;
import org.bookcheck.backend.Backend.Floats;
import org.bookcheck.backend.CpuBackend;
import org.bookcheck.backend.ForwardCall;
import org.bookcheck.backend.ObservedBackend;
import org.bookcheck.kernel.LossKernels;

/**
 * A GPT-style decoder in float32, the chapter's "Complete Transformer": token embedding plus learned
 * position embedding; N pre-norm blocks (LN → causal multi-head self-attention with Q/K/V maps and
 * W_O → residual → LN → feed-forward 4·C with GELU → residual); a final LN; logits through the token
 * embedding (tied output projection); softmax and cross-entropy. The backward pass is written by
 * hand, kernel by kernel, in reverse. Every kernel runs on the model's {@link Backend}, which holds the
 * parameters, gradients and activations; the host sees copies ({@link #parameters()}).
 *
 * <p>Call order: {@link #forward} (with targets) then {@link #backward}, which overwrites the
 * gradients; the optimizer ({@link OptimizerState#step}) then updates the parameters in place.
 */
public final class Gpt {

    private final ModelConfig config;
    private final ParameterLayout layout;
    private final Backend backend;
    private final Floats[] params;
    private final Floats[] grads;
    private final int[] sizes;
    private final Activations acts;
    private int batch;
    private int length;
    private boolean scored;

    /** A model on the CPU kernels with all parameters 0; call {@link #initialise} or load parameters. */
    public Gpt(ModelConfig config, int maxBatch) {
        this(config, maxBatch, new CpuBackend());
    }

    /** A model on the given backend, which allocates everything now; all parameters 0. */
    public Gpt(ModelConfig config, int maxBatch, Backend backend) {
        ModelConfig.requirePositive("batch size", maxBatch);
        this.config = config;
        this.layout = new ParameterLayout(config);
        this.backend = backend;
        this.params = new Floats[layout.tensors().size()];
        this.grads = new Floats[params.length];
        this.sizes = new int[params.length];
        for (ParameterTensor t : layout.tensors()) {
            params[t.index()] = backend.floats(t.size());
            grads[t.index()] = backend.floats(t.size());
            sizes[t.index()] = t.size();
        }
        this.acts = new Activations(backend, config, maxBatch);
    }

    /** The backend that runs this model's kernels. */
    public Backend backend() {
        return backend;
    }

    public ModelConfig config() {
        return config;
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** The largest batch a pass may have. */
    public int maxBatch() {
        return acts.maxBatch;
    }

    /** A copy of the parameter tensors, indexed as {@link ParameterTensor#index()}. */
    public float[][] parameters() {
        return download(params);
    }

    /** A copy of one parameter tensor. */
    public float[] parameter(ParameterTensor t) {
        return download(params[t.index()], t.size());
    }

    /** Sets the parameter tensors (indexed as {@link ParameterTensor#index()}, each of its tensor's size). */
    public void setParameters(float[][] values) {
        if (values.length != params.length) {
            throw new IllegalArgumentException("the model has " + params.length + " parameter tensors, got " + values.length);
        }
        for (ParameterTensor t : layout.tensors()) {
            float[] v = values[t.index()];
            if (v.length != t.size()) {
                throw new IllegalArgumentException("parameter " + t + " has " + t.size() + " values, got " + v.length);
            }
            backend.upload(v, params[t.index()], v.length);
        }
    }

    /** A copy of the gradients of the last {@link #backward}, indexed like {@link #parameters()}. */
    public float[][] gradients() {
        return download(grads);
    }

    /** A copy of the gradient of one parameter tensor. */
    public float[] gradient(ParameterTensor t) {
        return download(grads[t.index()], t.size());
    }

    /** The parameter buffers on the backend, for the optimizer. */
    Floats[] parameterBuffers() {
        return params;
    }

    /** The gradient buffers on the backend, for the optimizer. */
    Floats[] gradientBuffers() {
        return grads;
    }

    /** The number of elements of each tensor, by index. */
    int[] tensorSizes() {
        return sizes;
    }

    /** Whether every parameter is a finite number (Σp² is finite in double exactly when every float p is). */
    public boolean parametersFinite() {
        return Double.isFinite(backend.sumOfSquares(params, sizes));
    }

    private float[][] download(Floats[] buffers) {
        float[][] out = new float[buffers.length][];
        for (int i = 0; i < buffers.length; i++) {
            out[i] = download(buffers[i], sizes[i]);
        }
        return out;
    }

    private float[] download(Floats buffer, int n) {
        float[] out = new float[n];
        backend.download(buffer, 0, out, n);
        return out;
    }

    /**
     * GPT-2's initialisation from a seed: weight matrices N(0, 0.02²), the projections into the
     * residual stream scaled by 1/√(2·layers), position embeddings N(0, 0.01²), biases 0 and layer-norm
     * gains 1.
     */
    public void initialise(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double residualScale = 1 / Math.sqrt(2.0 * config.layers());
        for (ParameterTensor t : layout.tensors()) {
            float[] p = new float[t.size()];
            String name = t.name();
            if (name.endsWith(".gamma")) {
                Arrays.fill(p, 1f);
            } else if (!t.isMatrix()) {
                Arrays.fill(p, 0f);
            } else {
                double std = name.equals("wpe") ? 0.01 : 0.02;
                if (name.endsWith("attn.proj.w") || name.endsWith("mlp.proj.w")) {
                    std *= residualScale;
                }
                for (int i = 0; i < p.length; i++) {
                    p[i] = (float) (random.nextGaussian() * std);
                }
            }
            backend.upload(p, params[t.index()], p.length);
        }
    }

    /**
     * Runs the model on b sequences of t positions ({@code inputs} row-major [b, t]). With targets
     * ([b, t], {@link LossKernels#IGNORE} where a position is not scored) returns the batch loss: the
     * mean over sequences of each sequence's mean cross-entropy, as the chapter averages a batch.
     * Without targets (null) returns NaN and only the probabilities are computed.
     */
    public float forward(int[] inputs, int[] targets, int b, int t) {
        return forward(inputs, targets, b, t, backend);
    }

    /** {@link #forward} telling {@code observer} about every forward kernel call and what it wrote. */
    public float forward(int[] inputs, int[] targets, int b, int t, Consumer<ForwardCall> observer) {
        return forward(inputs, targets, b, t, new ObservedBackend(backend, observer));
    }

    private float forward(int[] inputs, int[] targets, int b, int t, Backend k) {
        if (b < 1 || b > acts.maxBatch) {
            throw new IllegalArgumentException("batch of " + b + " sequences; this model takes 1.." + acts.maxBatch);
        }
        if (t < 1 || t > config.contextLength()) {
            throw new IllegalArgumentException("sequence of " + t + " positions; the context length is "
                    + config.contextLength());
        }
        int c = config.channels();
        int v = config.vocabSize();
        int bt = b * t;
        for (int i = 0; i < bt; i++) {
            if (inputs[i] < 0 || inputs[i] >= v) {
                throw new IllegalArgumentException("embedding: token id " + inputs[i] + " at position " + i
                        + " has no row; the table has rows 0.." + (v - 1));
            }
        }
        if (targets != null) {
            for (int i = 0; i < bt; i++) {
                if (targets[i] != LossKernels.IGNORE && (targets[i] < 0 || targets[i] >= v)) {
                    throw new IllegalArgumentException("target " + targets[i] + " at position " + i
                            + " is not a token id 0.." + (v - 1));
                }
            }
        }
        batch = b;
        length = t;
        k.upload(inputs, acts.tokens, bt);
        k.embed(acts.encoded, acts.tokens, p(layout.wte()), p(layout.wpe()), b, t, c, v);
        Floats residual = acts.encoded;
        for (int l = 0; l < config.layers(); l++) {
            ParameterLayout.Block w = layout.block(l);
            Activations.Layer a = acts.layers[l];
            k.layerNorm(a.ln1, a.ln1Mean, a.ln1Rstd, residual, p(w.ln1Gamma()), p(w.ln1Beta()), bt, c);
            k.linear(a.qkv, a.ln1, p(w.qkvW()), p(w.qkvB()), bt, c, 3 * c);
            k.attention(a.atty, a.att, acts.scores, a.qkv, b, t, c, config.heads());
            k.linear(a.attProj, a.atty, p(w.projW()), p(w.projB()), bt, c, c);
            k.add(a.residual2, residual, a.attProj, bt * c);
            k.layerNorm(a.ln2, a.ln2Mean, a.ln2Rstd, a.residual2, p(w.ln2Gamma()), p(w.ln2Beta()), bt, c);
            k.linear(a.fch, a.ln2, p(w.fcW()), p(w.fcB()), bt, c, 4 * c);
            k.gelu(a.fchGelu, a.fch, bt * 4 * c);
            k.linear(a.fcProj, a.fchGelu, p(w.fcProjW()), p(w.fcProjB()), bt, 4 * c, c);
            k.add(a.residual3, a.residual2, a.fcProj, bt * c);
            residual = a.residual3;
        }
        k.layerNorm(acts.lnf, acts.lnfMean, acts.lnfRstd, residual, p(layout.lnfGamma()), p(layout.lnfBeta()), bt, c);
        k.logits(acts.logits, acts.lnf, p(layout.wte()), bt, c, v);
        scored = targets != null;
        if (!scored) {
            k.softmax(acts.probs, acts.logits, bt, v);
            return Float.NaN;
        }
        System.arraycopy(targets, 0, acts.hostTargets, 0, bt);
        k.upload(targets, acts.targets, bt);
        k.crossEntropy(acts.probs, acts.losses, acts.logits, acts.targets, bt, v);
        k.download(acts.losses, 0, acts.hostLosses, bt);
        return batchMean(b, t);
    }

    /** Sets each position's weight to 1/(b′·n_s), n_s the scored positions of its sequence, and sums. */
    private float batchMean(int b, int t) {
        int sequencesScored = 0;
        for (int s = 0; s < b; s++) {
            if (scoredPositions(s, t) > 0) {
                sequencesScored++;
            }
        }
        double loss = 0;
        float[] weights = acts.hostWeights;
        for (int s = 0; s < b; s++) {
            int n = scoredPositions(s, t);
            float w = n == 0 ? 0f : (float) (1.0 / ((double) sequencesScored * n));
            for (int i = s * t; i < (s + 1) * t; i++) {
                weights[i] = acts.hostTargets[i] == LossKernels.IGNORE ? 0f : w;
                loss += (double) weights[i] * acts.hostLosses[i];
            }
        }
        backend.upload(weights, acts.weights, b * t);
        return sequencesScored == 0 ? Float.NaN : (float) loss;
    }

    private int scoredPositions(int s, int t) {
        int n = 0;
        for (int i = s * t; i < (s + 1) * t; i++) {
            if (acts.hostTargets[i] != LossKernels.IGNORE) {
                n++;
            }
        }
        return n;
    }

    /** Gradients of the last forward pass's loss with respect to every parameter; overwrites them. */
    public void backward() {
        if (!scored) {
            throw new IllegalStateException("backward needs a forward pass with targets first");
        }
        Backend k = backend;
        int b = batch;
        int t = length;
        int c = config.channels();
        int v = config.vocabSize();
        int bt = b * t;
        for (int i = 0; i < grads.length; i++) {
            k.zero(grads[i], sizes[i]);
        }
        Floats dlogits = acts.logits;
        k.crossEntropyBackward(dlogits, acts.probs, acts.targets, acts.weights, bt, v);
        Floats dres = acts.dres;
        k.logitsBackward(acts.dln, g(layout.wte()), dlogits, acts.lnf, p(layout.wte()), bt, c, v);
        k.zero(dres, bt * c);
        Floats last = config.layers() == 0 ? acts.encoded : acts.layers[config.layers() - 1].residual3;
        k.layerNormBackward(dres, g(layout.lnfGamma()), g(layout.lnfBeta()), acts.dln, last, p(layout.lnfGamma()),
                acts.lnfMean, acts.lnfRstd, bt, c);
        for (int l = config.layers() - 1; l >= 0; l--) {
            ParameterLayout.Block w = layout.block(l);
            Activations.Layer a = acts.layers[l];
            Floats residual = l == 0 ? acts.encoded : acts.layers[l - 1].residual3;
            // residual3 = residual2 + fcProj: dres flows on unchanged and is also dfcProj.
            k.linearBackward(acts.dfch, g(w.fcProjW()), g(w.fcProjB()), dres, a.fchGelu, p(w.fcProjW()), bt, 4 * c, c);
            k.geluBackward(acts.dfch, a.fch, acts.dfch, bt * 4 * c);
            k.linearBackward(acts.dln, g(w.fcW()), g(w.fcB()), acts.dfch, a.ln2, p(w.fcW()), bt, c, 4 * c);
            k.layerNormBackward(dres, g(w.ln2Gamma()), g(w.ln2Beta()), acts.dln, a.residual2, p(w.ln2Gamma()), a.ln2Mean,
                    a.ln2Rstd, bt, c);
            // residual2 = residual + attProj: the same pass-through.
            k.linearBackward(acts.datty, g(w.projW()), g(w.projB()), dres, a.atty, p(w.projW()), bt, c, c);
            k.attentionBackward(acts.dqkv, acts.datty, a.qkv, a.att, b, t, c, config.heads());
            k.linearBackward(acts.dln, g(w.qkvW()), g(w.qkvB()), acts.dqkv, a.ln1, p(w.qkvW()), bt, c, 3 * c);
            k.layerNormBackward(dres, g(w.ln1Gamma()), g(w.ln1Beta()), acts.dln, residual, p(w.ln1Gamma()), a.ln1Mean,
                    a.ln1Rstd, bt, c);
        }
        k.embedBackward(g(layout.wte()), g(layout.wpe()), dres, acts.tokens, b, t, c);
    }

    /** p(next token = j) at position (s, i) of the last forward pass. */
    public float probability(int s, int i, int j) {
        float[] p = new float[1];
        backend.download(acts.probs, ((s * length) + i) * config.vocabSize() + j, p, 1);
        return p[0];
    }

    /** Copies the next-token distribution at position (s, i) of the last forward pass into out [V]. */
    public void probabilities(int s, int i, float[] out) {
        backend.download(acts.probs, ((s * length) + i) * config.vocabSize(), out, config.vocabSize());
    }

    /** The attention weights of block l, head h, sequence s of the last pass, as a t×t row-major copy. */
    public float[] attentionWeights(int l, int s, int h) {
        int t = length;
        int off = (s * config.heads() + h) * t * t;
        float[] out = new float[t * t];
        backend.download(acts.layers[l].att, off, out, t * t);
        return out;
    }

    /** Per-position cross-entropy of the last scored forward pass, [b, t] row-major (a copy). */
    public float[] positionLosses() {
        return Arrays.copyOf(acts.hostLosses, batch * length);
    }

    private Floats p(ParameterTensor t) {
        return params[t.index()];
    }

    private Floats g(ParameterTensor t) {
        return grads[t.index()];
    }
}
