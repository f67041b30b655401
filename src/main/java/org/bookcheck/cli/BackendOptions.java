package org.bookcheck.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bookcheck.backend.Backend;
import org.bookcheck.backend.CpuBackend;
import org.bookcheck.gpu.GpuBackend;
import org.bookcheck.gpu.GpuUnavailableException;
import picocli.CommandLine.Option;

/** Where the model runs: {@code --backend cpu|gpu}, and for the GPU where its libraries are and its precision. */
public final class BackendOptions {

    /** The backends there are. */
    enum Kind {
        cpu, gpu
    }

    @Option(names = "--backend", paramLabel = "cpu|gpu", defaultValue = "cpu",
            description = "Run the kernels on the CPU or on an NVIDIA GPU (CUDA driver, cuBLAS and NVRTC found at run time;"
                    + " default: ${DEFAULT-VALUE}).")
    Kind kind = Kind.cpu;

    @Option(names = "--cuda-lib", paramLabel = "DIR",
            description = "A folder holding libcuda, libcublas or libnvrtc, searched before the usual places (repeatable).")
    List<Path> cudaLibs = new ArrayList<>();

    @Option(names = "--tf32", description = "GPU: matrix products on TF32 tensor cores (float32 sums); default float32.")
    boolean tf32;

    /** Whether the GPU was asked for. */
    boolean gpu() {
        return kind == Kind.gpu;
    }

    /** The backend asked for: the CPU kernels on {@code threads} threads, or the GPU (one message and exit 2 when there is none). */
    Backend open(int threads) {
        return switch (kind) {
            case cpu -> new CpuBackend(threads);
            case gpu -> {
                try {
                    yield GpuBackend.open(cudaLibs, tf32);
                } catch (GpuUnavailableException e) {
                    throw new UserError(e.getMessage());
                }
            }
        };
    }
}
