package org.bookcheck.model;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.bookcheck.backend.Backend;
import org.bookcheck.backend.CpuBackend;
import org.bookcheck.kernel.KernelProfile;

/**
 * Training throughput at fixed shapes in the GPT-2 layout (pre-norm blocks, FFN 4·C with GELU, tied
 * output projection, learned positions, AdamW, float32) with the 256-symbol byte vocabulary, so the
 * numbers compare with other trainers at the same shapes. A step is forward, backward, gradient
 * clipping and the AdamW update on one batch of random tokens.
 */
public final class TrainingBenchmark {

    /** A benchmark shape: context T, channels C, heads, layers, batch B. */
    public record Shape(String name, int contextLength, int channels, int heads, int layers, int batch) {

        /** The model of this shape. */
        public ModelConfig model() {
            return new ModelConfig(ByteTokenizer.VOCAB_SIZE, contextLength, channels, heads, layers);
        }

        /** Tokens in one step's batch. */
        public int tokensPerStep() {
            return batch * contextLength;
        }

        /**
         * Model FLOPs of one training step (forward and backward): per token 6·N for the products with
         * the N parameters other than the position embeddings (the tied output projection counts through
         * wte), plus 12·L·T·C for the attention products QKᵀ and AV (causal masking not subtracted),
         * as PaLM's appendix B and nanoGPT's estimate count them.
         */
        public double flopsPerStep() {
            ParameterLayout layout = new ParameterLayout(model());
            double n = layout.size() - layout.wpe().size();
            return tokensPerStep() * (6 * n + 12.0 * layers * contextLength * channels);
        }
    }

    /** S: T 64, C 128, 4 heads, 4 layers, batch 8. */
    public static final Shape S = new Shape("S", 64, 128, 4, 4, 8);
    /** M: T 128, C 256, 8 heads, 6 layers, batch 8. */
    public static final Shape M = new Shape("M", 128, 256, 8, 6, 8);
    /** full: GPT-2 small's shape, T 1024, C 768, 12 heads, 12 layers, batch 8 (the {@code full} preset). */
    public static final Shape FULL = new Shape("full", 1024, 768, 12, 12, 8);
    /** The named shapes in order. */
    public static final List<Shape> SHAPES = List.of(S, M, FULL);

    /**
     * Where the timed steps' time went, in mean milliseconds per step: forward (loss included), backward,
     * update (clipping and AdamW), and each kernel the model called, most time first.
     */
    public record StepProfile(double forwardMillis, double backwardMillis, double updateMillis,
            List<KernelTime> kernels) {

        public StepProfile {
            kernels = List.copyOf(kernels);
        }

        /** The three parts together. */
        public double totalMillis() {
            return forwardMillis + backwardMillis + updateMillis;
        }
    }

    /** One kernel's mean milliseconds and calls per step. */
    public record KernelTime(String kernel, double millisPerStep, double callsPerStep) {
    }

    /**
     * Step times of a shape after warm-up, the peak heap seen while stepping, the bytes allocated per
     * timed step (all threads), how many warm-up steps were run and, when asked for, the step's profile
     * (else null).
     */
    public record Result(Shape shape, int parameters, double[] stepMillis, long peakHeapBytes, long allocatedPerStep,
            int warmupSteps, StepProfile profile) {

        public Result {
            stepMillis = stepMillis.clone();
        }

        /** A result without a profile. */
        public Result(Shape shape, int parameters, double[] stepMillis, long peakHeapBytes, long allocatedPerStep,
                int warmupSteps) {
            this(shape, parameters, stepMillis, peakHeapBytes, allocatedPerStep, warmupSteps, null);
        }

        @Override
        public double[] stepMillis() {
            return stepMillis.clone();
        }

        public double median() {
            double[] s = stepMillis.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }

        public double min() {
            return Arrays.stream(stepMillis).min().orElse(Double.NaN);
        }

        public double max() {
            return Arrays.stream(stepMillis).max().orElse(Double.NaN);
        }

        /** Tokens per second at the median step time. */
        public double tokensPerSecond() {
            return shape.tokensPerStep() * 1000.0 / median();
        }

        /** Model FLOPs per second at the median step time. */
        public double flopsPerSecond() {
            return shape.flopsPerStep() * 1000.0 / median();
        }
    }

    private TrainingBenchmark() {
    }

    /** The shape of that name (S, M or full, any case); throws IllegalArgumentException for others. */
    public static Shape shape(String name) {
        for (Shape s : SHAPES) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown benchmark shape \"" + name + "\"; the shapes are S, M and full");
    }

    /** A warm step allocates almost nothing; more than this means the JIT is still compiling kernels. */
    static final long WARM_ALLOCATION = 1 << 20;

    /**
     * Runs at least {@code warmup} warm-up steps, and more (up to ten times as many) until a step
     * allocates under 1 MiB, the sign that the JIT has compiled every kernel with the Vector API
     * intrinsics; then the timed steps, on a freshly initialised model of the shape.
     */
    public static Result run(Shape shape, int warmup, int steps, long seed) {
        return run(shape, warmup, steps, seed, new CpuBackend(), false);
    }

    /** {@link #run(Shape, int, int, long)} on the given backend, each timed step waiting for the backend to finish it. */
    public static Result run(Shape shape, int warmup, int steps, long seed, Backend backend) {
        return run(shape, warmup, steps, seed, backend, false);
    }

    /**
     * {@link #run(Shape, int, int, long)} on the given backend, each timed step waiting for the backend to
     * finish it; with {@code profile} also times the three parts of each timed step and every kernel in it
     * ({@link KernelProfile}, the CPU kernels only, so a profile needs a {@link CpuBackend}); the timing
     * itself costs well under 1 %.
     */
    public static Result run(Shape shape, int warmup, int steps, long seed, Backend backend, boolean profile) {
        if (profile && !(backend instanceof CpuBackend)) {
            throw new IllegalArgumentException("a profile times the CPU kernels only, not those of " + backend.describe());
        }
        ModelConfig.requirePositive("timed steps", steps);
        if (warmup < 0) {
            throw new IllegalArgumentException("warm-up steps must be ≥ 0, got " + warmup);
        }
        Gpt model = new Gpt(shape.model(), shape.batch(), backend);
        model.initialise(seed);
        OptimizerState optimizer = new OptimizerState(Optimizer.AdamW.of(3e-4f, 0.0f), model.layout());
        int n = shape.tokensPerStep();
        int[] inputs = new int[n];
        int[] targets = new int[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            inputs[i] = random.nextInt(ByteTokenizer.VOCAB_SIZE);
            targets[i] = random.nextInt(ByteTokenizer.VOCAB_SIZE);
        }
        int warmed = 0;
        long allocated = Long.MAX_VALUE;
        while (warmed < warmup || (allocated > WARM_ALLOCATION && warmed < 10 * Math.max(warmup, 1))) {
            long before = allocatedBytes();
            step(model, optimizer, inputs, targets, shape, null);
            allocated = allocatedBytes() - before;
            warmed++;
        }
        System.gc();
        resetPeaks();
        double[] millis = new double[steps];
        long[] parts = profile ? new long[3] : null;
        KernelProfile.enable(profile);
        long before = allocatedBytes();
        try {
            for (int i = 0; i < steps; i++) {
                long t0 = System.nanoTime();
                step(model, optimizer, inputs, targets, shape, parts);
                millis[i] = (System.nanoTime() - t0) / 1e6;
            }
        } finally {
            KernelProfile.enable(false);
        }
        long perStep = (allocatedBytes() - before) / steps;
        StepProfile split = profile ? profile(parts, KernelProfile.entries(), steps) : null;
        return new Result(shape, model.layout().size(), millis, peakHeap(), perStep, warmed, split);
    }

    /** One step; adds the nanoseconds of forward, backward and update to parts[0..2] unless parts is null. */
    private static void step(Gpt model, OptimizerState optimizer, int[] inputs, int[] targets, Shape shape, long[] parts) {
        long t0 = System.nanoTime();
        float loss = model.forward(inputs, targets, shape.batch(), shape.contextLength());
        if (!Float.isFinite(loss)) {
            throw new IllegalStateException("benchmark loss became " + loss);
        }
        long t1 = System.nanoTime();
        model.backward();
        long t2 = System.nanoTime();
        OptimizerState.clip(model, 1.0);
        optimizer.step(model);
        model.backend().synchronize();
        if (parts != null) {
            parts[0] += t1 - t0;
            parts[1] += t2 - t1;
            parts[2] += System.nanoTime() - t2;
        }
    }

    private static StepProfile profile(long[] parts, List<KernelProfile.Entry> entries, int steps) {
        List<KernelTime> kernels = new ArrayList<>();
        for (KernelProfile.Entry e : entries) {
            kernels.add(new KernelTime(e.kernel().label(), e.nanos() / 1e6 / steps, (double) e.calls() / steps));
        }
        return new StepProfile(parts[0] / 1e6 / steps, parts[1] / 1e6 / steps, parts[2] / 1e6 / steps, kernels);
    }

    /** Bytes allocated so far by all threads (HotSpot's counter; 0 where the JVM has none). */
    private static long allocatedBytes() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() ? t.getTotalThreadAllocatedBytes() : 0;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peak usage since the last reset. */
    private static long peakHeap() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                total += pool.getPeakUsage().getUsed();
            }
        }
        return total;
    }
}
