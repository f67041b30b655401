package org.bookcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bookcheck.kernel.Parallel;
import org.bookcheck.kernel.Simd;
import org.bookcheck.model.TrainingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bookcheck bench}: training throughput of the transformer at the fixed shapes S and M. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures training throughput (ms per step, tokens/s, peak heap) at the shapes S and M.",
                "S is T 64, C 128, 4 heads, 4 layers, batch 8; M is T 128, C 256, 8 heads, 6 layers, batch 8;",
                "both in the GPT-2 layout with the byte vocabulary, AdamW and float32."})
public final class BenchCommand extends BaseCommand {

    @Option(names = "--shape", paramLabel = "S|M", split = ",", description = "Shapes to run (default: S,M).")
    private List<String> shapes = new ArrayList<>(List.of("S", "M"));

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10",
            description = "Untimed warm-up steps at least; more run until a step allocates under 1 MiB, i.e. the JIT"
                    + " has compiled the kernels (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "20", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--threads", paramLabel = "N", description = "Kernel threads (default: all cores).")
    private Integer threads;

    @Option(names = "--profile", description = "Also print where a timed step's time goes: forward, backward and"
            + " update, and the kernels by time.")
    private boolean profile;

    /** Kernels listed under a profile, most time first. */
    private static final int TOP_KERNELS = 10;

    @Override
    protected ExitCode execute() {
        if (threads != null && threads < 1) {
            throw new UserError("--threads must be a positive whole number, got " + threads);
        }
        if (steps < 1 || warmup < 0) {
            throw new UserError("--steps must be at least 1 and --warmup at least 0, got " + steps + " and " + warmup);
        }
        if (Simd.propertyProblem().isPresent()) {
            throw new UserError(Simd.propertyProblem().get() + " (it chooses the kernels' vector width)");
        }
        List<TrainingBenchmark.Shape> chosen = new ArrayList<>();
        for (String s : shapes) {
            try {
                chosen.add(TrainingBenchmark.shape(s.trim()));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        Parallel.setThreads(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        out().printf(Locale.ROOT, "machine: %s, %d cores; Java %s; kernels: %s; %d threads%n", cpuModel(),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Simd.describe(), Parallel.threads());
        out().printf(Locale.ROOT, "at least %d warm-up steps, %d timed steps; a step = forward + backward + clip + AdamW on one batch%n%n",
                warmup, steps);
        out().printf(Locale.ROOT, "%-5s %10s %8s %10s %10s %10s %10s %10s %12s %7s%n", "shape", "params", "tokens",
                "median ms", "min ms", "max ms", "tokens/s", "peak heap", "alloc/step", "warm-up");
        out().flush();
        for (TrainingBenchmark.Shape shape : chosen) {
            TrainingBenchmark.Result r = TrainingBenchmark.run(shape, warmup, steps, 1, profile);
            out().printf(Locale.ROOT, "%-5s %10s %8d %10.1f %10.1f %10.1f %10s %6d MiB %9d KiB %7d%n", shape.name(),
                    String.format(Locale.ROOT, "%,d", r.parameters()), shape.tokensPerStep(), r.median(), r.min(), r.max(),
                    String.format(Locale.ROOT, "%,.0f", r.tokensPerSecond()), r.peakHeapBytes() >> 20,
                    r.allocatedPerStep() >> 10, r.warmupSteps());
            if (r.profile() != null) {
                printProfile(r.shape(), r.profile());
            }
            out().flush();
        }
        return ExitCode.OK;
    }

    private void printProfile(TrainingBenchmark.Shape shape, TrainingBenchmark.StepProfile p) {
        double total = p.totalMillis();
        out().printf(Locale.ROOT, "  %s per step (mean): forward %.1f ms (%.0f%%), backward %.1f ms (%.0f%%), update %.1f ms (%.0f%%)%n",
                shape.name(), p.forwardMillis(), 100 * p.forwardMillis() / total, p.backwardMillis(),
                100 * p.backwardMillis() / total, p.updateMillis(), 100 * p.updateMillis() / total);
        out().printf(Locale.ROOT, "  %-26s %10s %8s %10s%n", "kernel", "ms/step", "share", "calls/step");
        double listed = 0;
        for (TrainingBenchmark.KernelTime k : p.kernels().subList(0, Math.min(TOP_KERNELS, p.kernels().size()))) {
            out().printf(Locale.ROOT, "  %-26s %10.2f %7.1f%% %10.0f%n", k.kernel(), k.millisPerStep(),
                    100 * k.millisPerStep() / total, k.callsPerStep());
            listed += k.millisPerStep();
        }
        double all = p.kernels().stream().mapToDouble(TrainingBenchmark.KernelTime::millisPerStep).sum();
        out().printf(Locale.ROOT, "  %-26s %10.2f %7.1f%%%n", "other kernels", all - listed, 100 * (all - listed) / total);
        out().printf(Locale.ROOT, "  %-26s %10.2f %7.1f%%%n", "outside the kernels", total - all, 100 * (total - all) / total);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall back to the JVM's architecture name
        }
        return System.getProperty("os.arch");
    }
}
