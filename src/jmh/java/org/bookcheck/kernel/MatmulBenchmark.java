package org.bookcheck.kernel;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * GFLOP/s of the three matrix products of a dense layer at the shapes of the benchmark models: the
 * {@code flops} counter is 2·m·k·n per product, so its rate in ops/s is FLOP/s (divide by 10⁹).
 * Shapes are m×k×n: rows B·T of S (512) and M (1024) against the layers' widths, and 2048³, the size at
 * which bench/peers/run.sh --sgemm compares with OpenBLAS's sgemm.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class MatmulBenchmark {

    /** The three forms: forward xW, backward dW = Xᵀ·dY, backward dX = dY·Wᵀ. */
    @Param({"AB", "AtB", "ABt"})
    public String form;

    @Param({"512x128x384", "512x512x128", "1024x256x768", "1024x256x1024", "1024x1024x256", "2048x2048x2048"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    private int m;
    private int k;
    private int n;
    private float[] a;
    private float[] b;
    private float[] c;

    /** Counts floating-point operations so that JMH reports their rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flops {
        public long flops;

        @Setup(Level.Iteration)
        public void reset() {
            flops = 0;
        }
    }

    @Setup
    public void setUp() {
        String[] dims = shape.split("x");
        m = Integer.parseInt(dims[0]);
        k = Integer.parseInt(dims[1]);
        n = Integer.parseInt(dims[2]);
        SplittableRandom r = new SplittableRandom(1);
        a = random(r, m * k);
        b = random(r, k * n);
        c = new float[m * n];
        Parallel.setThreads(threads);
    }

    private static float[] random(SplittableRandom r, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (r.nextDouble() - 0.5);
        }
        return x;
    }

    @Benchmark
    public float[] product(Flops counter) {
        switch (form) {
            case "AB" -> MatmulKernels.matmul(c, a, b, m, k, n, false);
            case "AtB" -> MatmulKernels.matmulTransposedA(c, a, b, m, k, n, false);
            default -> MatmulKernels.matmulTransposedB(c, a, b, m, k, n, false);
        }
        counter.flops += 2L * m * k * n;
        return c;
    }
}
