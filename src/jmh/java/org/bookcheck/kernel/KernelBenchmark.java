package org.bookcheck.kernel;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time per call of the other kernels of a training step at the M shape (B·T = 1024 rows, C = 256,
 * 8 heads, T = 128), on 1 and 2 threads, to show where a step's time goes besides the products.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class KernelBenchmark {

    private static final int B = 8;
    private static final int T = 128;
    private static final int C = 256;
    private static final int H = 8;
    private static final int BT = B * T;

    @Param({"1", "2"})
    public int threads;

    private float[] x;
    private float[] y;
    private float[] dy;
    private float[] gamma;
    private float[] beta;
    private float[] mean;
    private float[] rstd;
    private float[] wide;
    private float[] wideOut;
    private float[] qkv;
    private float[] att;
    private float[] scores;
    private float[] dqkv;
    private float[] w;
    private float[] m;
    private float[] v;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        x = random(r, BT * C);
        y = new float[BT * C];
        dy = random(r, BT * C);
        gamma = random(r, C);
        beta = random(r, C);
        mean = new float[BT];
        rstd = new float[BT];
        wide = random(r, BT * 4 * C);
        wideOut = new float[BT * 4 * C];
        qkv = random(r, BT * 3 * C);
        att = new float[B * H * T * T];
        scores = new float[B * H * T * T];
        dqkv = new float[BT * 3 * C];
        w = random(r, 4 * C * C);
        m = new float[4 * C * C];
        v = new float[4 * C * C];
        Parallel.setThreads(threads);
    }

    private static float[] random(SplittableRandom r, int size) {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) (r.nextDouble() - 0.5);
        }
        return out;
    }

    @Benchmark
    public float[] layerNorm() {
        NormKernels.layerNorm(y, mean, rstd, x, gamma, beta, BT, C);
        return y;
    }

    @Benchmark
    public float[] layerNormBackward() {
        NormKernels.layerNormBackward(y, m, v, dy, x, gamma, mean, rstd, BT, C);
        return y;
    }

    @Benchmark
    public float[] gelu() {
        ActivationKernels.gelu(wideOut, wide, BT * 4 * C);
        return wideOut;
    }

    @Benchmark
    public float[] geluBackward() {
        ActivationKernels.geluBackward(wideOut, wide, wide, BT * 4 * C);
        return wideOut;
    }

    @Benchmark
    public float[] attention() {
        AttentionKernels.attention(y, att, scores, qkv, B, T, C, H, true);
        return y;
    }

    @Benchmark
    public float[] attentionBackward() {
        AttentionKernels.attentionBackward(dqkv, scores, dy, qkv, att, B, T, C, H, true);
        return dqkv;
    }

    @Benchmark
    public float[] adamw() {
        OptimizerKernels.adamw(w, wide, m, v, 4 * C * C, 1e-3f, 0.9f, 0.999f, 1e-8f, 0.01f, 10);
        return w;
    }
}
