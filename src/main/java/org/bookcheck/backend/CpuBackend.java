package org.bookcheck.backend;

import java.util.Arrays;
import org.bookcheck.kernel.ActivationKernels;
import org.bookcheck.kernel.AttentionKernels;
import org.bookcheck.kernel.EmbeddingKernels;
import org.bookcheck.kernel.LinearKernels;
import org.bookcheck.kernel.LossKernels;
import org.bookcheck.kernel.MatmulKernels;
import org.bookcheck.kernel.NormKernels;
import org.bookcheck.kernel.OptimizerKernels;
import org.bookcheck.kernel.Parallel;
import org.bookcheck.kernel.Simd;
import org.bookcheck.kernel.SoftmaxKernels;

/**
 * The {@link Backend} of the project's own float32 kernels on the heap: a buffer is a Java array, and
 * only scratch the kernels need (attention gradients) is kept here, grown on first use to the largest
 * shape seen, so a warm step allocates nothing. The products read transposed operands in place, so
 * nothing is transposed just to call one.
 */
public final class CpuBackend implements Backend {

    /** A float array as a buffer. */
    record CpuFloats(float[] data) implements Floats {
        @Override
        public int length() {
            return data.length;
        }
    }

    /** An int array as a buffer. */
    record CpuInts(int[] data) implements Ints {
        @Override
        public int length() {
            return data.length;
        }
    }

    private float[] attentionGrad = new float[0];

    /** Kernels on as many threads as the machine has cores, unless set otherwise before. */
    public CpuBackend() {
    }

    /** Kernels on the given number of threads (1: serial). */
    public CpuBackend(int threads) {
        Parallel.setThreads(threads);
    }

    @Override
    public String describe() {
        return "CPU, " + Simd.describe() + ", " + Parallel.threads() + " threads, float32";
    }

    /** The array behind a buffer of this backend. */
    static float[] array(Floats f) {
        if (f instanceof CpuFloats(float[] data)) {
            return data;
        }
        throw new IllegalArgumentException("a buffer of another backend was given to the CPU backend: " + f);
    }

    static int[] array(Ints f) {
        if (f instanceof CpuInts(int[] data)) {
            return data;
        }
        throw new IllegalArgumentException("a buffer of another backend was given to the CPU backend: " + f);
    }

    private static float[] orNull(Floats f) {
        return f == null ? null : array(f);
    }

    @Override
    public Floats floats(int n) {
        return new CpuFloats(new float[n]);
    }

    @Override
    public Ints ints(int n) {
        return new CpuInts(new int[n]);
    }

    @Override
    public void upload(float[] src, Floats dst, int n) {
        System.arraycopy(src, 0, array(dst), 0, n);
    }

    @Override
    public void upload(int[] src, Ints dst, int n) {
        System.arraycopy(src, 0, array(dst), 0, n);
    }

    @Override
    public void download(Floats src, int offset, float[] dst, int n) {
        System.arraycopy(array(src), offset, dst, 0, n);
    }

    @Override
    public void zero(Floats buf, int n) {
        Arrays.fill(array(buf), 0, n, 0f);
    }

    @Override
    public void embed(Floats out, Ints tokens, Floats wte, Floats wpe, int b, int t, int c, int v) {
        EmbeddingKernels.embed(array(out), array(tokens), array(wte), array(wpe), b, t, c, v);
    }

    @Override
    public void layerNorm(Floats out, Floats mean, Floats rstd, Floats x, Floats gamma, Floats beta, int rows, int c) {
        NormKernels.layerNorm(array(out), array(mean), array(rstd), array(x), array(gamma), array(beta), rows, c);
    }

    @Override
    public void linear(Floats out, Floats x, Floats w, Floats bias, int rows, int k, int n) {
        LinearKernels.linear(array(out), array(x), array(w), orNull(bias), rows, k, n);
    }

    @Override
    public void attention(Floats out, Floats att, Floats scores, Floats qkv, int b, int t, int c, int heads) {
        AttentionKernels.attention(array(out), array(att), array(scores), array(qkv), b, t, c, heads, true);
    }

    @Override
    public void add(Floats out, Floats a, Floats b, int n) {
        ActivationKernels.add(array(out), array(a), array(b), n);
    }

    @Override
    public void gelu(Floats out, Floats x, int n) {
        ActivationKernels.gelu(array(out), array(x), n);
    }

    @Override
    public void logits(Floats out, Floats x, Floats wte, int rows, int c, int v) {
        MatmulKernels.matmulTransposedB(array(out), array(x), array(wte), rows, c, v, false);
    }

    @Override
    public void softmax(Floats probs, Floats logits, int rows, int v) {
        SoftmaxKernels.softmax(array(probs), array(logits), rows, v, false);
    }

    @Override
    public void crossEntropy(Floats probs, Floats losses, Floats logits, Ints targets, int rows, int v) {
        LossKernels.softmaxCrossEntropy(array(probs), array(losses), array(logits), array(targets), rows, v);
    }

    @Override
    public void crossEntropyBackward(Floats dlogits, Floats probs, Ints targets, Floats weights, int rows, int v) {
        LossKernels.softmaxCrossEntropyBackward(array(dlogits), array(probs), array(targets), array(weights), rows, v);
    }

    @Override
    public void logitsBackward(Floats dx, Floats dwte, Floats dlogits, Floats x, Floats wte, int rows, int c, int v) {
        MatmulKernels.matmulTransposedA(array(dwte), array(dlogits), array(x), v, rows, c, true);
        MatmulKernels.matmul(array(dx), array(dlogits), array(wte), rows, v, c, false);
    }

    @Override
    public void layerNormBackward(Floats dx, Floats dgamma, Floats dbeta, Floats dout, Floats x, Floats gamma, Floats mean,
            Floats rstd, int rows, int c) {
        NormKernels.layerNormBackward(array(dx), array(dgamma), array(dbeta), array(dout), array(x), array(gamma),
                array(mean), array(rstd), rows, c);
    }

    @Override
    public void linearBackward(Floats dx, Floats dw, Floats dbias, Floats dout, Floats x, Floats w, int rows, int k, int n) {
        LinearKernels.linearBackward(orNull(dx), array(dw), orNull(dbias), array(dout), array(x), array(w), rows,
                k, n);
    }

    @Override
    public void geluBackward(Floats dx, Floats x, Floats dout, int n) {
        ActivationKernels.geluBackward(array(dx), array(x), array(dout), n);
    }

    @Override
    public void attentionBackward(Floats dqkv, Floats dout, Floats qkv, Floats att, int b, int t, int c, int heads) {
        int attSize = b * heads * t * t;
        if (attentionGrad.length < attSize) {
            attentionGrad = new float[attSize];
        }
        AttentionKernels.attentionBackward(array(dqkv), attentionGrad, array(dout), array(qkv), array(att), b, t, c, heads,
                true);
    }

    @Override
    public void embedBackward(Floats dwte, Floats dwpe, Floats dout, Ints tokens, int b, int t, int c) {
        EmbeddingKernels.embedBackward(array(dwte), array(dwpe), array(dout), array(tokens), b, t, c);
    }

    @Override
    public double sumOfSquares(Floats[] buffers, int[] n) {
        double sum = 0;
        for (int i = 0; i < buffers.length; i++) {
            sum += OptimizerKernels.sumOfSquares(array(buffers[i]), n[i]);
        }
        return sum;
    }

    @Override
    public void scale(Floats buf, int n, float s) {
        OptimizerKernels.scale(array(buf), n, s);
    }

    @Override
    public void sgd(Floats w, Floats g, int n, float learningRate) {
        OptimizerKernels.sgd(array(w), array(g), n, learningRate);
    }

    @Override
    public void adamw(Floats w, Floats g, Floats m, Floats v, int n, float learningRate, float beta1, float beta2,
            float epsilon, float weightDecay, int step) {
        OptimizerKernels.adamw(array(w), array(g), array(m), array(v), n, learningRate, beta1, beta2, epsilon, weightDecay,
                step);
    }

    /** Nothing to wait for: a CPU kernel has finished when it returns. */
    @Override
    public void synchronize() {
    }

    @Override
    public void close() {
        attentionGrad = new float[0];
    }
}
