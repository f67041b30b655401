package org.bookcheck.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Wall time and calls per kernel while switched on, for {@code bookcheck bench --profile}. Only the
 * kernels a model calls directly are timed (never one kernel inside another), on the thread that calls
 * them; their parallel parts are inside that time. Off, a timed kernel pays one volatile read.
 */
public final class KernelProfile {

    /** The timed kernels, by the name a profile prints. */
    public enum Kernel {
        MATMUL("matmul A·B"),
        MATMUL_TRANSPOSED_A("matmul Aᵀ·B"),
        MATMUL_TRANSPOSED_B("matmul A·Bᵀ"),
        BIAS_GRADIENT("bias gradient"),
        ATTENTION("attention"),
        ATTENTION_BACKWARD("attention backward"),
        LAYER_NORM("layer norm"),
        LAYER_NORM_BACKWARD("layer norm backward"),
        GELU("GELU"),
        GELU_BACKWARD("GELU backward"),
        RESIDUAL_ADD("residual add"),
        EMBEDDING("embedding"),
        EMBEDDING_BACKWARD("embedding backward"),
        CROSS_ENTROPY("softmax + cross-entropy"),
        CROSS_ENTROPY_BACKWARD("cross-entropy backward"),
        GRADIENT_NORM("gradient norm / clip"),
        ADAMW("AdamW");

        private final String label;

        Kernel(String label) {
            this.label = label;
        }

        /** The name a profile prints. */
        public String label() {
            return label;
        }
    }

    /** One kernel's total over the profiled interval. */
    public record Entry(Kernel kernel, long nanos, long calls) {
    }

    private static volatile boolean enabled;
    private static final long[] NANOS = new long[Kernel.values().length];
    private static final long[] CALLS = new long[Kernel.values().length];

    private KernelProfile() {
    }

    /** Switched on, clears the totals and starts timing; switched off, stops and keeps them. Call while no kernel runs. */
    public static synchronized void enable(boolean on) {
        if (on) {
            java.util.Arrays.fill(NANOS, 0);
            java.util.Arrays.fill(CALLS, 0);
        }
        enabled = on;
    }

    /** Whether kernels are being timed. */
    public static boolean enabled() {
        return enabled;
    }

    /** The start of a timed kernel: now, or 0 when profiling is off. */
    static long start() {
        return enabled ? System.nanoTime() : 0L;
    }

    /** The end of a timed kernel started at {@code t0} by {@link #start()}. */
    static void stop(Kernel kernel, long t0) {
        if (enabled) {
            NANOS[kernel.ordinal()] += System.nanoTime() - t0;
            CALLS[kernel.ordinal()]++;
        }
    }

    /** The kernels timed since profiling was last switched on, most time first. */
    public static synchronized List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (Kernel k : Kernel.values()) {
            if (CALLS[k.ordinal()] > 0) {
                out.add(new Entry(k, NANOS[k.ordinal()], CALLS[k.ordinal()]));
            }
        }
        out.sort(Comparator.comparingLong(Entry::nanos).reversed());
        return out;
    }
}
