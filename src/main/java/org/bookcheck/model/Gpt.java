package org.bookcheck.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.bookcheck.kernel.ActivationKernels;
import org.bookcheck.kernel.AttentionKernels;
import org.bookcheck.kernel.EmbeddingKernels;
import org.bookcheck.kernel.LinearKernels;
import org.bookcheck.kernel.LossKernels;
import org.bookcheck.kernel.MatmulKernels;
import org.bookcheck.kernel.NormKernels;
import org.bookcheck.kernel.SoftmaxKernels;

/**
 * A GPT-style decoder in float32, the chapter's "Complete Transformer": token embedding plus learned
 * position embedding; N pre-norm blocks (LN → causal multi-head self-attention with Q/K/V maps and
 * W_O → residual → LN → feed-forward 4·C with GELU → residual); a final LN; logits through the token
 * embedding (tied output projection); softmax and cross-entropy. The backward pass is written by
 * hand, kernel by kernel, in reverse.
 *
 * <p>Call order: {@link #forward} (with targets) then {@link #backward}, which overwrites the
 * gradients; the optimizer then reads {@link #gradients()} and writes {@link #parameters()}.
 */
public final class Gpt {

    private final ModelConfig config;
    private final ParameterLayout layout;
    private final float[][] params;
    private final float[][] grads;
    private final Activations acts;
    private int batch;
    private int length;
    private boolean scored;

    /** A model with all parameters 0; call {@link #initialise} or load parameters. */
    public Gpt(ModelConfig config, int maxBatch) {
        ModelConfig.requirePositive("batch size", maxBatch);
        this.config = config;
        this.layout = new ParameterLayout(config);
        this.params = new float[layout.tensors().size()][];
        this.grads = new float[params.length][];
        for (ParameterTensor t : layout.tensors()) {
            params[t.index()] = new float[t.size()];
            grads[t.index()] = new float[t.size()];
        }
        this.acts = new Activations(config, maxBatch);
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

    /** The parameter tensors, indexed as {@link ParameterTensor#index()} (live, not copies). */
    public float[][] parameters() {
        return params;
    }

    /** The gradients of the last {@link #backward}, indexed like {@link #parameters()} (live). */
    public float[][] gradients() {
        return grads;
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
            float[] p = params[t.index()];
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
        }
    }

    /**
     * Runs the model on b sequences of t positions ({@code inputs} row-major [b, t]). With targets
     * ([b, t], {@link LossKernels#IGNORE} where a position is not scored) returns the batch loss: the
     * mean over sequences of each sequence's mean cross-entropy, as the chapter averages a batch.
     * Without targets (null) returns NaN and only the probabilities are computed.
     */
    public float forward(int[] inputs, int[] targets, int b, int t) {
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
        batch = b;
        length = t;
        System.arraycopy(inputs, 0, acts.tokens, 0, bt);
        EmbeddingKernels.embed(acts.encoded, acts.tokens, p(layout.wte()), p(layout.wpe()), b, t, c, v);
        float[] residual = acts.encoded;
        for (int l = 0; l < config.layers(); l++) {
            ParameterLayout.Block k = layout.block(l);
            Activations.Layer a = acts.layers[l];
            NormKernels.layerNorm(a.ln1, a.ln1Mean, a.ln1Rstd, residual, p(k.ln1Gamma()), p(k.ln1Beta()), bt, c);
            LinearKernels.linear(a.qkv, a.ln1, p(k.qkvW()), p(k.qkvB()), bt, c, 3 * c);
            AttentionKernels.attention(a.atty, a.att, acts.scores, a.qkv, b, t, c, config.heads(), true);
            LinearKernels.linear(a.attProj, a.atty, p(k.projW()), p(k.projB()), bt, c, c);
            ActivationKernels.add(a.residual2, residual, a.attProj, bt * c);
            NormKernels.layerNorm(a.ln2, a.ln2Mean, a.ln2Rstd, a.residual2, p(k.ln2Gamma()), p(k.ln2Beta()), bt, c);
            LinearKernels.linear(a.fch, a.ln2, p(k.fcW()), p(k.fcB()), bt, c, 4 * c);
            ActivationKernels.gelu(a.fchGelu, a.fch, bt * 4 * c);
            LinearKernels.linear(a.fcProj, a.fchGelu, p(k.fcProjW()), p(k.fcProjB()), bt, 4 * c, c);
            ActivationKernels.add(a.residual3, a.residual2, a.fcProj, bt * c);
            residual = a.residual3;
        }
        NormKernels.layerNorm(acts.lnf, acts.lnfMean, acts.lnfRstd, residual, p(layout.lnfGamma()),
                p(layout.lnfBeta()), bt, c);
        MatmulKernels.matmulTransposedB(acts.logits, acts.lnf, p(layout.wte()), bt, c, v, false);
        scored = targets != null;
        if (!scored) {
            SoftmaxKernels.softmax(acts.probs, acts.logits, bt, v, false);
            return Float.NaN;
        }
        System.arraycopy(targets, 0, acts.targets, 0, bt);
        for (int i = 0; i < bt; i++) {
            if (targets[i] != LossKernels.IGNORE && (targets[i] < 0 || targets[i] >= v)) {
                throw new IllegalArgumentException("target " + targets[i] + " at position " + i
                        + " is not a token id 0.." + (v - 1));
            }
        }
        LossKernels.softmaxCrossEntropy(acts.probs, acts.losses, acts.logits, acts.targets, bt, v);
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
        for (int s = 0; s < b; s++) {
            int n = scoredPositions(s, t);
            float w = n == 0 ? 0f : (float) (1.0 / ((double) sequencesScored * n));
            for (int i = s * t; i < (s + 1) * t; i++) {
                acts.weights[i] = acts.targets[i] == LossKernels.IGNORE ? 0f : w;
                loss += (double) acts.weights[i] * acts.losses[i];
            }
        }
        return sequencesScored == 0 ? Float.NaN : (float) loss;
    }

    private int scoredPositions(int s, int t) {
        int n = 0;
        for (int i = s * t; i < (s + 1) * t; i++) {
            if (acts.targets[i] != LossKernels.IGNORE) {
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
        int b = batch;
        int t = length;
        int c = config.channels();
        int v = config.vocabSize();
        int bt = b * t;
        for (float[] g : grads) {
            Arrays.fill(g, 0f);
        }
        float[] dlogits = acts.logits;
        LossKernels.softmaxCrossEntropyBackward(dlogits, acts.probs, acts.targets, acts.weights, bt, v);
        MatmulKernels.matmulTransposedA(g(layout.wte()), dlogits, acts.lnf, v, bt, c, true);
        MatmulKernels.matmul(acts.dln, dlogits, p(layout.wte()), bt, v, c, false);
        float[] dres = acts.dres;
        Arrays.fill(dres, 0, bt * c, 0f);
        float[] last = config.layers() == 0 ? acts.encoded : acts.layers[config.layers() - 1].residual3;
        NormKernels.layerNormBackward(dres, g(layout.lnfGamma()), g(layout.lnfBeta()), acts.dln, last,
                p(layout.lnfGamma()), acts.lnfMean, acts.lnfRstd, bt, c);
        for (int l = config.layers() - 1; l >= 0; l--) {
            ParameterLayout.Block k = layout.block(l);
            Activations.Layer a = acts.layers[l];
            float[] residual = l == 0 ? acts.encoded : acts.layers[l - 1].residual3;
            // residual3 = residual2 + fcProj: dres flows on unchanged and is also dfcProj.
            LinearKernels.linearBackward(acts.dfch, g(k.fcProjW()), g(k.fcProjB()), dres, a.fchGelu, p(k.fcProjW()),
                    bt, 4 * c, c);
            ActivationKernels.geluBackward(acts.dfch, a.fch, acts.dfch, bt * 4 * c);
            LinearKernels.linearBackward(acts.dln, g(k.fcW()), g(k.fcB()), acts.dfch, a.ln2, p(k.fcW()),
                    bt, c, 4 * c);
            NormKernels.layerNormBackward(dres, g(k.ln2Gamma()), g(k.ln2Beta()), acts.dln, a.residual2,
                    p(k.ln2Gamma()), a.ln2Mean, a.ln2Rstd, bt, c);
            // residual2 = residual + attProj: the same pass-through.
            LinearKernels.linearBackward(acts.datty, g(k.projW()), g(k.projB()), dres, a.atty, p(k.projW()),
                    bt, c, c);
            AttentionKernels.attentionBackward(acts.dqkv, acts.datt, acts.datty, a.qkv, a.att, b, t, c,
                    config.heads(), true);
            LinearKernels.linearBackward(acts.dln, g(k.qkvW()), g(k.qkvB()), acts.dqkv, a.ln1, p(k.qkvW()),
                    bt, c, 3 * c);
            NormKernels.layerNormBackward(dres, g(k.ln1Gamma()), g(k.ln1Beta()), acts.dln, residual,
                    p(k.ln1Gamma()), a.ln1Mean, a.ln1Rstd, bt, c);
        }
        EmbeddingKernels.embedBackward(g(layout.wte()), g(layout.wpe()), dres, acts.tokens, b, t, c);
    }

    /** p(next token = j) at position (s, i) of the last forward pass. */
    public float probability(int s, int i, int j) {
        return acts.probs[((s * length) + i) * config.vocabSize() + j];
    }

    /** Copies the next-token distribution at position (s, i) of the last forward pass into out [V]. */
    public void probabilities(int s, int i, float[] out) {
        System.arraycopy(acts.probs, ((s * length) + i) * config.vocabSize(), out, 0, config.vocabSize());
    }

    /** The attention weights of block l, head h, sequence s of the last pass, as a t×t row-major copy. */
    public float[] attentionWeights(int l, int s, int h) {
        int t = length;
        int off = (s * config.heads() + h) * t * t;
        return Arrays.copyOfRange(acts.layers[l].att, off, off + t * t);
    }

    /** Per-position cross-entropy of the last scored forward pass, [b, t] row-major (a copy). */
    public float[] positionLosses() {
        return Arrays.copyOf(acts.losses, batch * length);
    }

    private float[] p(ParameterTensor t) {
        return params[t.index()];
    }

    private float[] g(ParameterTensor t) {
        return grads[t.index()];
    }
}
