package org.bookcheck.backend;

import java.util.function.Consumer;

/**
 * A {@link Backend} that runs another and tells a listener about every forward kernel call with a
 * copy of what the call wrote: how {@code trace-model} watches the model's own forward pass on
 * whichever backend ran it, instead of computing it a second time.
 */
public final class ObservedBackend implements Backend {

    private final Backend delegate;
    private final Consumer<ForwardCall> listener;

    /** Runs {@code delegate}, reporting its forward calls to {@code listener}. */
    public ObservedBackend(Backend delegate, Consumer<ForwardCall> listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    private float[] copy(Floats buffer, int n) {
        float[] out = new float[n];
        delegate.download(buffer, 0, out, n);
        return out;
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public Floats floats(int n) {
        return delegate.floats(n);
    }

    @Override
    public Ints ints(int n) {
        return delegate.ints(n);
    }

    @Override
    public void upload(float[] src, Floats dst, int n) {
        delegate.upload(src, dst, n);
    }

    @Override
    public void upload(int[] src, Ints dst, int n) {
        delegate.upload(src, dst, n);
    }

    @Override
    public void download(Floats src, int offset, float[] dst, int n) {
        delegate.download(src, offset, dst, n);
    }

    @Override
    public void zero(Floats buf, int n) {
        delegate.zero(buf, n);
    }

    @Override
    public void embed(Floats out, Ints tokens, Floats wte, Floats wpe, int b, int t, int c, int v) {
        delegate.embed(out, tokens, wte, wpe, b, t, c, v);
        listener.accept(new ForwardCall.Embed(copy(out, b * t * c)));
    }

    @Override
    public void layerNorm(Floats out, Floats mean, Floats rstd, Floats x, Floats gamma, Floats beta, int rows, int c) {
        delegate.layerNorm(out, mean, rstd, x, gamma, beta, rows, c);
        listener.accept(new ForwardCall.LayerNorm(copy(out, rows * c)));
    }

    @Override
    public void linear(Floats out, Floats x, Floats w, Floats bias, int rows, int k, int n) {
        delegate.linear(out, x, w, bias, rows, k, n);
        listener.accept(new ForwardCall.Linear(copy(out, rows * n)));
    }

    @Override
    public void attention(Floats out, Floats att, Floats scores, Floats qkv, int b, int t, int c, int heads) {
        delegate.attention(out, att, scores, qkv, b, t, c, heads);
        listener.accept(new ForwardCall.Attention(copy(out, b * t * c), copy(att, b * heads * t * t), copy(scores, b * heads * t * t)));
    }

    @Override
    public void add(Floats out, Floats a, Floats b, int n) {
        delegate.add(out, a, b, n);
        listener.accept(new ForwardCall.Add(copy(out, n)));
    }

    @Override
    public void gelu(Floats out, Floats x, int n) {
        delegate.gelu(out, x, n);
        listener.accept(new ForwardCall.Gelu(copy(out, n)));
    }

    @Override
    public void logits(Floats out, Floats x, Floats wte, int rows, int c, int v) {
        delegate.logits(out, x, wte, rows, c, v);
        listener.accept(new ForwardCall.Logits(copy(out, rows * v)));
    }

    @Override
    public void softmax(Floats probs, Floats logits, int rows, int v) {
        delegate.softmax(probs, logits, rows, v);
        listener.accept(new ForwardCall.Softmax(copy(probs, rows * v)));
    }

    @Override
    public void crossEntropy(Floats probs, Floats losses, Floats logits, Ints targets, int rows, int v) {
        delegate.crossEntropy(probs, losses, logits, targets, rows, v);
        listener.accept(new ForwardCall.CrossEntropy(copy(probs, rows * v), copy(losses, rows)));
    }

    @Override
    public void crossEntropyBackward(Floats dlogits, Floats probs, Ints targets, Floats weights, int rows, int v) {
        delegate.crossEntropyBackward(dlogits, probs, targets, weights, rows, v);
    }

    @Override
    public void logitsBackward(Floats dx, Floats dwte, Floats dlogits, Floats x, Floats wte, int rows, int c, int v) {
        delegate.logitsBackward(dx, dwte, dlogits, x, wte, rows, c, v);
    }

    @Override
    public void layerNormBackward(Floats dx, Floats dgamma, Floats dbeta, Floats dout, Floats x, Floats gamma, Floats mean, Floats rstd, int rows, int c) {
        delegate.layerNormBackward(dx, dgamma, dbeta, dout, x, gamma, mean, rstd, rows, c);
    }

    @Override
    public void linearBackward(Floats dx, Floats dw, Floats dbias, Floats dout, Floats x, Floats w, int rows, int k, int n) {
        delegate.linearBackward(dx, dw, dbias, dout, x, w, rows, k, n);
    }

    @Override
    public void geluBackward(Floats dx, Floats x, Floats dout, int n) {
        delegate.geluBackward(dx, x, dout, n);
    }

    @Override
    public void attentionBackward(Floats dqkv, Floats dout, Floats qkv, Floats att, int b, int t, int c, int heads) {
        delegate.attentionBackward(dqkv, dout, qkv, att, b, t, c, heads);
    }

    @Override
    public void embedBackward(Floats dwte, Floats dwpe, Floats dout, Ints tokens, int b, int t, int c) {
        delegate.embedBackward(dwte, dwpe, dout, tokens, b, t, c);
    }

    @Override
    public double sumOfSquares(Floats[] buffers, int[] n) {
        return delegate.sumOfSquares(buffers, n);
    }

    @Override
    public void scale(Floats buf, int n, float s) {
        delegate.scale(buf, n, s);
    }

    @Override
    public void sgd(Floats w, Floats g, int n, float learningRate) {
        delegate.sgd(w, g, n, learningRate);
    }

    @Override
    public void adamw(Floats w, Floats g, Floats m, Floats v, int n, float learningRate, float beta1, float beta2, float epsilon, float weightDecay, int step) {
        delegate.adamw(w, g, m, v, n, learningRate, beta1, beta2, epsilon, weightDecay, step);
    }

    @Override
    public void synchronize() {
        delegate.synchronize();
    }

    /** Closes nothing: the backend observed belongs to whoever made it. */
    @Override
    public void close() {
    }
}
