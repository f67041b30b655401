package org.bookcheck.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CUDA sources in the jar: they define exactly the kernels the backend looks up, every file
 * compiles to PTX with nvcc, and the joined source compiles with NVRTC through the backend's own
 * binding (each skipped, saying why, where the compiler is missing).
 */
class CudaSourcesTest {

    private static final Pattern KERNEL = Pattern.compile("extern \"C\" __global__ void (\\w+)\\(");

    @TempDir
    Path dir;

    @Test
    void theSourcesDefineExactlyTheKernelsTheBackendLooksUp() {
        TreeSet<String> defined = new TreeSet<>();
        for (String f : CudaSources.FILES) {
            Matcher m = KERNEL.matcher(CudaSources.read(f));
            while (m.find()) {
                assertTrue(defined.add(m.group(1)), "kernel " + m.group(1) + " is defined twice");
            }
        }
        assertEquals(new TreeSet<>(GpuBackend.KERNELS), defined);
    }

    @Test
    void theJoinedSourceHasTheHeaderOnceAndNoIncludes() {
        String joined = CudaSources.joined();
        assertEquals(-1, joined.indexOf("#include"), "NVRTC gets no headers");
        assertEquals(joined.indexOf("warp_sum(float x)"), joined.lastIndexOf("warp_sum(float x)"));
    }

    @Test
    void everyFileCompilesToPtxWithNvcc() throws IOException, InterruptedException {
        Optional<Path> nvcc = nvcc();
        assumeTrue(nvcc.isPresent(), "nvcc is not on the PATH nor in /usr/local/cuda/bin: the CUDA toolkit is not installed");
        Files.writeString(dir.resolve(CudaSources.HEADER), CudaSources.read(CudaSources.HEADER));
        List<String> command = new ArrayList<>(List.of(nvcc.get().toString(), "-ptx", "-arch=compute_90"));
        for (String f : CudaSources.FILES) {
            Files.writeString(dir.resolve(f), CudaSources.read(f));
            command.add(f);
        }
        // One nvcc for all files (it writes x.ptx beside each x.cu): the compiler's start-up is most of its time.
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "nvcc finishes");
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        for (String f : CudaSources.FILES) {
            String ptx = Files.readString(dir.resolve(f.replace(".cu", ".ptx")));
            Matcher m = KERNEL.matcher(CudaSources.read(f));
            while (m.find()) {
                assertTrue(ptx.contains(".entry " + m.group(1) + "("), f + " has the entry " + m.group(1));
            }
        }
    }

    @Test
    void theJoinedSourceCompilesWithNvrtcThroughTheBinding() {
        CudaLibraryFinder finder = CudaLibraryFinder.forThisMachine(GpuAvailability.folders());
        Optional<Path> lib = finder.find("nvrtc");
        assumeTrue(lib.isPresent(), () -> finder.missing("nvrtc", "NVRTC"));
        byte[] ptx = Nvrtc.open(finder).compile(CudaSources.joined(), "bookcheck.cu",
                GpuBackend.compileOptions(9, 0));
        String text = new String(ptx, StandardCharsets.US_ASCII);
        assertTrue(text.contains(".target sm_90"), "PTX for compute capability 9.0");
        for (String k : GpuBackend.KERNELS) {
            assertTrue(text.contains(".entry " + k + "("), "the PTX has the kernel " + k);
        }
        assertEquals(0, ptx[ptx.length - 1], "NUL-terminated, as cuModuleLoadData reads it");
    }

    private static Optional<Path> nvcc() {
        List<Path> candidates = new ArrayList<>();
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isBlank()) {
                candidates.add(Path.of(p, "nvcc"));
            }
        }
        candidates.add(Path.of("/usr/local/cuda/bin/nvcc"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
