package org.bookcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bookcheck.backend.Backend;
import org.bookcheck.gpu.GpuBackend;
import org.bookcheck.kernel.Simd;
import org.bookcheck.model.TrainingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bookcheck bench}: training throughput of the transformer at the fixed shapes S, M and full. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures training throughput (ms per step, tokens/s, model FLOPs utilisation, peak heap) at fixed shapes.",
                "S is T 64, C 128, 4 heads, 4 layers, batch 8; M is T 128, C 256, 8 heads, 6 layers, batch 8;",
                "full is GPT-2 small's shape, T 1024, C 768, 12 heads, 12 layers, batch 8;",
                "all in the GPT-2 layout with the byte vocabulary, AdamW and float32."})
public final class BenchCommand extends BaseCommand {

    @Option(names = "--shape", paramLabel = "S|M|full", split = ",",
            description = "Shapes to run (default: S,M on the CPU, S,M,full on the GPU).")
    private List<String> shapes;

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

    @Option(names = "--peak-tflops", paramLabel = "X",
            description = "The machine's peak in TFLOP/s at the precision used, for MFU (default: known for H100/H200, else none).")
    private Double peakTflops;

    @Mixin
    private BackendOptions backendOptions;

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
        if (peakTflops != null && !(peakTflops > 0)) {
            throw new UserError("--peak-tflops must be a positive number, got " + peakTflops);
        }
        if (profile && backendOptions.gpu()) {
            throw new UserError("--profile times the CPU kernels only; drop --profile, or use --backend cpu");
        }
        List<TrainingBenchmark.Shape> chosen = new ArrayList<>();
        List<String> names = shapes != null ? shapes : backendOptions.gpu() ? List.of("S", "M", "full") : List.of("S", "M");
        for (String s : names) {
            try {
                chosen.add(TrainingBenchmark.shape(s.trim()));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        Backend backend = backendOptions.open(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        Double peak = peakTflops != null ? peakTflops : knownPeak(backend);
        out().printf(Locale.ROOT, "machine: %s, %d cores; Java %s; backend: %s%n", cpuModel(),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), backend.describe());
        out().printf(Locale.ROOT, "MFU: model FLOPs per step (6·N per token for the N parameters but the position embeddings,"
                + " plus 12·L·T·C for attention) per second, over %s%n",
                peak == null ? "no known peak (give --peak-tflops)" : String.format(Locale.ROOT, "a peak of %.1f TFLOP/s", peak));
        out().printf(Locale.ROOT, "at least %d warm-up steps, %d timed steps; a step = forward + backward + clip + AdamW on one batch%n%n",
                warmup, steps);
        out().printf(Locale.ROOT, "%-5s %12s %8s %10s %10s %10s %10s %9s %6s %10s %12s %7s%n", "shape", "params", "tokens",
                "median ms", "min ms", "max ms", "tokens/s", "TFLOP/s", "MFU", "peak heap", "alloc/step", "warm-up");
        out().flush();
        for (TrainingBenchmark.Shape shape : chosen) {
            TrainingBenchmark.Result r = TrainingBenchmark.run(shape, warmup, steps, 1, backend, profile);
            double tflops = r.flopsPerSecond() / 1e12;
            out().printf(Locale.ROOT, "%-5s %12s %8d %10.1f %10.1f %10.1f %10s %9.2f %6s %6d MiB %9d KiB %7d%n", shape.name(),
                    String.format(Locale.ROOT, "%,d", r.parameters()), shape.tokensPerStep(), r.median(), r.min(), r.max(),
                    String.format(Locale.ROOT, "%,.0f", r.tokensPerSecond()), tflops,
                    peak == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * tflops / peak), r.peakHeapBytes() >> 20,
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

    /**
     * The peak of the NVIDIA H100/H200 (SXM) at the precision in use, from NVIDIA's data sheets: 67 TFLOP/s
     * float32, 494.7 TFLOP/s TF32 tensor cores without sparsity; none for other machines.
     */
    static Double knownPeak(Backend backend) {
        if (backend instanceof GpuBackend gpu && (gpu.device().contains("H100") || gpu.device().contains("H200"))) {
            return gpu.tf32() ? 494.7 : 67.0;
        }
        return null;
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
