package org.bookcheck.backend;

/**
 * Where the transformer's float32 arithmetic runs: the CPU kernels or a GPU. Every kernel call the
 * model and its optimizer make, over buffers this backend allocates and only it can read; the host
 * sees numbers only through {@link #upload} and {@link #download}.
 *
 * <p>Call order: allocate every buffer once ({@link #floats}, {@link #ints}); upload the parameters;
 * then per step upload a batch (tokens, targets, loss weights), run the forward kernels, the backward
 * kernels (after {@link #zero}ing the gradients), the update ({@link #sumOfSquares}, {@link #scale},
 * {@link #adamw} or {@link #sgd}) and download the per-position losses; {@link #close} at the end.
 * Shapes: b sequences of t positions, c channels, v vocabulary entries, matrices row-major; "adds
 * into" means the kernel accumulates, every other output is overwritten.
 */
public interface Backend extends AutoCloseable {

    /** A float buffer of this backend. */
    interface Floats {
        /** Its length in floats. */
        int length();
    }

    /** An int buffer of this backend (token ids, targets). */
    interface Ints {
        /** Its length in ints. */
        int length();
    }

    /** One line saying what runs the kernels (the machine, threads or device, precision). */
    String describe();

    /**
     * The most float32 activations one batch may need on this backend: on the CPU 400 million (1.6 GB of
     * Java arrays; more is a typo in a flag, not a book's model); a device backend says what fits it.
     */
    default long maxActivationFloats() {
        return CPU_MAX_ACTIVATION_FLOATS;
    }

    /** 400 million floats: the CPU's limit on one batch's activations. */
    long CPU_MAX_ACTIVATION_FLOATS = 400_000_000L;

    // ---- memory -------------------------------------------------------------------------------

    /** n floats, all 0. */
    Floats floats(int n);

    /** n ints, all 0. */
    Ints ints(int n);

    /** Copies src[0, n) into dst[0, n). */
    void upload(float[] src, Floats dst, int n);

    /** Copies src[0, n) into dst[0, n). */
    void upload(int[] src, Ints dst, int n);

    /** Copies src[offset, offset + n) into dst[0, n). */
    void download(Floats src, int offset, float[] dst, int n);

    /** Sets buf[0, n) to 0. */
    void zero(Floats buf, int n);

    // ---- forward ------------------------------------------------------------------------------

    /** out[s, p] = wte[tokens[s, p]] + wpe[p]; every id must be below v (the caller checks). */
    void embed(Floats out, Ints tokens, Floats wte, Floats wpe, int b, int t, int c, int v);

    /** out = γ ⊙ (x − μ)·rstd + β per row of width c; writes μ and rstd = 1/√(σ² + ε) for the backward. */
    void layerNorm(Floats out, Floats mean, Floats rstd, Floats x, Floats gamma, Floats beta, int rows, int c);

    /** out [rows, n] = x [rows, k] · w [k, n] + bias [n]. */
    void linear(Floats out, Floats x, Floats w, Floats bias, int rows, int k, int n);

    /**
     * Causal multi-head self-attention over qkv [b, t, 3c] (Q, K, V side by side, head h in columns
     * h·d..h·d + d − 1 of each): writes out [b, t, c], the weights att [b, heads, t, t] and the scaled
     * scores QKᵀ/√d [b, heads, t, t] (entries above the diagonal unspecified).
     */
    void attention(Floats out, Floats att, Floats scores, Floats qkv, int b, int t, int c, int heads);

    /** out = a + b over n elements. */
    void add(Floats out, Floats a, Floats b, int n);

    /** out = GELU(x) in GPT-2's tanh form over n elements. */
    void gelu(Floats out, Floats x, int n);

    /** out [rows, v] = x [rows, c] · wteᵀ, the tied output projection. */
    void logits(Floats out, Floats x, Floats wte, int rows, int c, int v);

    /** probs = softmax of each row of logits [rows, v]. */
    void softmax(Floats probs, Floats logits, int rows, int v);

    /** probs = softmax(logits) and losses[r] = −ln probs[r][targets[r]] (0 where the target is −1). */
    void crossEntropy(Floats probs, Floats losses, Floats logits, Ints targets, int rows, int v);

    // ---- backward -----------------------------------------------------------------------------

    /** dlogits = weights[r]·(probs[r] − onehot(targets[r])), 0 for rows whose target is −1; dlogits may be logits. */
    void crossEntropyBackward(Floats dlogits, Floats probs, Ints targets, Floats weights, int rows, int v);

    /** Backward of {@link #logits}: writes dx = dlogits · wte, adds dlogitsᵀ · x into dwte. */
    void logitsBackward(Floats dx, Floats dwte, Floats dlogits, Floats x, Floats wte, int rows, int c, int v);

    /** Backward of {@link #layerNorm}: adds into dx, dgamma and dbeta. */
    void layerNormBackward(Floats dx, Floats dgamma, Floats dbeta, Floats dout, Floats x, Floats gamma, Floats mean,
            Floats rstd, int rows, int c);

    /** Backward of {@link #linear}: writes dx = dout·wᵀ, adds xᵀ·dout into dw and Σ_rows dout into dbias. */
    void linearBackward(Floats dx, Floats dw, Floats dbias, Floats dout, Floats x, Floats w, int rows, int k, int n);

    /** dx = dout · GELU′(x) over n elements; dx may be dout. */
    void geluBackward(Floats dx, Floats x, Floats dout, int n);

    /** Backward of {@link #attention} given dout [b, t, c]: writes all of dqkv [b, t, 3c]. */
    void attentionBackward(Floats dqkv, Floats dout, Floats qkv, Floats att, int b, int t, int c, int heads);

    /** Backward of {@link #embed}: adds dout into the rows of dwte and dwpe it came from. */
    void embedBackward(Floats dwte, Floats dwpe, Floats dout, Ints tokens, int b, int t, int c);

    // ---- update -------------------------------------------------------------------------------

    /** Σ x² over each buffer's first n[i] elements, in double, the buffers added in order. */
    double sumOfSquares(Floats[] buffers, int[] n);

    /** buf ← s·buf over n elements. */
    void scale(Floats buf, int n, float s);

    /** w ← w − η·g over n elements. */
    void sgd(Floats w, Floats g, int n, float learningRate);

    /** One AdamW step number {@code step} ≥ 1 (Loshchilov &amp; Hutter, 2019): modifies w, m and v. */
    void adamw(Floats w, Floats g, Floats m, Floats v, int n, float learningRate, float beta1, float beta2, float epsilon,
            float weightDecay, int step);

    /** Waits until every kernel called so far has finished (for timing); a download waits by itself. */
    void synchronize();

    /** Releases what the backend holds; its buffers are unusable afterwards. */
    @Override
    void close();
}
