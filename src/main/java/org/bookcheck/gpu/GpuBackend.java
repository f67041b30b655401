package org.bookcheck.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bookcheck.backend.Backend;
import org.bookcheck.kernel.NormKernels;

/**
 * The {@link Backend} of an NVIDIA GPU with no native code in bookcheck's jar: the CUDA driver API,
 * cuBLAS and NVRTC called through the Foreign Function &amp; Memory API (JDK 25). At start-up NVRTC
 * compiles the project's own kernels ({@link CudaSources}) for the device's compute capability; the
 * products run in cuBLAS (float32, or TF32 on tensor cores when asked). Every buffer lives in device
 * memory for the whole run; the host sees only what is uploaded and downloaded. All calls go to the
 * legacy default stream from one thread, so they run in order and a download waits for the work before
 * it.
 */
public final class GpuBackend implements Backend {

    /** A device buffer of floats. */
    record GpuFloats(long address, int length) implements Floats {
    }

    /** A device buffer of ints. */
    record GpuInts(long address, int length) implements Ints {
    }

    private static final int THREADS = 256;
    private static final int WARP_ROWS = 4;
    private static final int SUM_BLOCKS = 64;

    private final CudaDriver cuda;
    private final Cublas cublas;
    private final boolean tf32;
    private final String device;
    private final Map<String, MemorySegment> functions = new HashMap<>();
    private final List<Long> allocations = new ArrayList<>();
    private final Arena arena = Arena.ofAuto();
    private MemorySegment staging;
    private final Scratch scratch = new Scratch();
    private boolean closed;

    private GpuBackend(CudaDriver cuda, Cublas cublas, boolean tf32, String device, MemorySegment module) {
        this.cuda = cuda;
        this.cublas = cublas;
        this.tf32 = tf32;
        this.device = device;
        for (String name : KERNELS) {
            functions.put(name, cuda.function(module, name));
        }
        staging = arena.allocate(1 << 20);
    }

    /** Every kernel of the sources, looked up at start-up so a missing one fails at once. */
    static final List<String> KERNELS = List.of("add_forward", "gelu_forward", "gelu_backward", "scale_inplace", "sgd_update",
            "adamw_update", "broadcast_rows", "column_sums_add", "sum_squares", "layernorm_forward", "layernorm_backward_dx",
            "layernorm_backward_params", "embed_forward", "embed_backward_wte", "embed_backward_wpe", "softmax_forward",
            "crossentropy_forward", "crossentropy_backward", "attention_split", "attention_join", "attention_heads",
            "causal_softmax", "causal_softmax_backward");

    /**
     * Finds the libraries (the given folders first, see {@link CudaLibraryFinder}), starts the
     * driver on the first GPU, compiles the kernels and creates the cuBLAS handle; a
     * {@link GpuUnavailableException} saying what is missing where when that cannot be done.
     */
    public static GpuBackend open(List<Path> libraryFolders, boolean tf32) {
        try {
            return start(libraryFolders, tf32);
        } catch (IllegalStateException e) {
            // A driver, cuBLAS or module call that failed while starting: the backend is not usable here.
            throw new GpuUnavailableException("the GPU backend could not start: " + e.getMessage(), e);
        }
    }

    private static GpuBackend start(List<Path> libraryFolders, boolean tf32) {
        CudaLibraryFinder finder = CudaLibraryFinder.forThisMachine(libraryFolders);
        NativeLibrary libcuda;
        var found = finder.find("cuda");
        if (found.isPresent()) {
            libcuda = NativeLibrary.open(found.get());
        } else {
            try {
                libcuda = NativeLibrary.openSystem("libcuda.so.1");
            } catch (GpuUnavailableException e) {
                throw new GpuUnavailableException(finder.missing("cuda", "the NVIDIA driver's libcuda")
                        + "\n(the system's loader has no libcuda.so.1 either: this machine has no NVIDIA driver)");
            }
        }
        CudaDriver cuda = new CudaDriver(libcuda);
        int dev = cuda.firstDevice();
        Nvrtc nvrtc = Nvrtc.open(finder);
        // Loaded first, so that libcublas finds what it needs by soname wherever the finder found it.
        finder.find("cudart").ifPresent(NativeLibrary::open);
        finder.find("cublasLt").ifPresent(NativeLibrary::open);
        Path cublasFile = finder.require("cublas", "cuBLAS");
        cuda.usePrimaryContext(dev);
        int major = cuda.attribute(CudaDriver.CC_MAJOR, dev);
        int minor = cuda.attribute(CudaDriver.CC_MINOR, dev);
        int sms = cuda.attribute(CudaDriver.MULTIPROCESSORS, dev);
        byte[] ptx = nvrtc.compile(CudaSources.joined(), "bookcheck.cu",
                compileOptions(major, minor));
        MemorySegment module = cuda.loadModule(ptx);
        Cublas cublas = new Cublas(NativeLibrary.open(cublasFile), tf32);
        String name = cuda.name(dev) + " (compute " + major + "." + minor + ", " + sms + " SMs)";
        return new GpuBackend(cuda, cublas, tf32, name, module);
    }

    /** NVRTC's options: PTX for the device's virtual architecture, C++17, IEEE float (no fast math). */
    static List<String> compileOptions(int major, int minor) {
        return List.of("--gpu-architecture=compute_" + major + minor, "--std=c++17");
    }

    /** The device's name, compute capability and multiprocessors. */
    public String device() {
        return device;
    }

    /** Whether the products use TF32 tensor cores. */
    public boolean tf32() {
        return tf32;
    }

    /** 8 billion floats (32 GB): the `full` shape at batch 8 needs about 3.6 billion; a data-centre GPU holds that. */
    @Override
    public long maxActivationFloats() {
        return 8_000_000_000L;
    }

    @Override
    public String describe() {
        return "GPU " + device + ", cuBLAS " + (tf32 ? "TF32 products with float32 sums" : "float32") + ", NVRTC kernels, float32";
    }

    // ---- memory ---------------------------------------------------------------------------------

    private long alloc(long bytes) {
        long address = cuda.alloc(Math.max(4, bytes));
        allocations.add(address);
        return address;
    }

    @Override
    public Floats floats(int n) {
        GpuFloats f = new GpuFloats(alloc(4L * n), n);
        cuda.zero(f.address, Math.max(1, n));
        return f;
    }

    @Override
    public Ints ints(int n) {
        GpuInts f = new GpuInts(alloc(4L * n), n);
        cuda.zero(f.address, Math.max(1, n));
        return f;
    }

    private MemorySegment staging(long bytes) {
        if (staging.byteSize() < bytes) {
            staging = arena.allocate(Math.max(bytes, 2 * staging.byteSize()));
        }
        return staging;
    }

    @Override
    public void upload(float[] src, Floats dst, int n) {
        if (n == 0) {
            return;
        }
        MemorySegment s = staging(4L * n);
        MemorySegment.copy(src, 0, s, ValueLayout.JAVA_FLOAT, 0, n);
        cuda.toDevice(a(dst), s, 4L * n);
    }

    @Override
    public void upload(int[] src, Ints dst, int n) {
        if (n == 0) {
            return;
        }
        MemorySegment s = staging(4L * n);
        MemorySegment.copy(src, 0, s, ValueLayout.JAVA_INT, 0, n);
        cuda.toDevice(a(dst), s, 4L * n);
    }

    @Override
    public void download(Floats src, int offset, float[] dst, int n) {
        if (n == 0) {
            return;
        }
        MemorySegment s = staging(4L * n);
        cuda.toHost(s, a(src) + 4L * offset, 4L * n);
        MemorySegment.copy(s, ValueLayout.JAVA_FLOAT, 0, dst, 0, n);
    }

    @Override
    public void zero(Floats buf, int n) {
        if (n > 0) {
            cuda.zero(a(buf), n);
        }
    }

    private static long a(Floats f) {
        if (f instanceof GpuFloats(long address, int length)) {
            return address;
        }
        throw new IllegalArgumentException("a buffer of another backend was given to the GPU backend: " + f);
    }

    private static long a(Ints f) {
        if (f instanceof GpuInts(long address, int length)) {
            return address;
        }
        throw new IllegalArgumentException("a buffer of another backend was given to the GPU backend: " + f);
    }

    // ---- launches -------------------------------------------------------------------------------

    private void launch(String kernel, int gridX, int gridY, int blockX, int blockY, Object... args) {
        try (Arena call = Arena.ofConfined()) {
            cuda.launch(functions.get(kernel), gridX, gridY, blockX, blockY, KernelArgs.pack(call, args), kernel);
        }
    }

    /** A grid-stride kernel over n elements. */
    private void elementwise(String kernel, long n, Object... args) {
        if (n > 0) {
            launch(kernel, gridFor(n), 1, THREADS, 1, args);
        }
    }

    /** A kernel with one warp per row. */
    private void perRow(String kernel, int rows, Object... args) {
        if (rows > 0) {
            launch(kernel, (rows + WARP_ROWS - 1) / WARP_ROWS, 1, 32 * WARP_ROWS, 1, args);
        }
    }

    /** A column-sum kernel: blocks of 32 columns × 8 rows of threads, the rows split over up to 64 blocks. */
    private void perColumn(String kernel, int rows, int cols, Object... args) {
        if (rows > 0 && cols > 0) {
            int chunks = Math.clamp((rows + 63) / 64, 1, 64);
            launch(kernel, (cols + 31) / 32, chunks, 32, 8, args);
        }
    }

    /** Blocks for a grid-stride loop over n elements: enough to fill the device, at most 2²⁰. */
    static int gridFor(long n) {
        return (int) Math.clamp((n + THREADS - 1) / THREADS, 1, 1 << 20);
    }

    private void gemm(boolean transA, boolean transB, int rows, int cols, int inner, long x, long y, long out, float beta) {
        if (rows > 0 && cols > 0 && inner > 0) {
            cublas.gemm(RowMajorGemm.of(transA, transB, rows, cols, inner, x, y, out), 1f, beta);
        } else if (beta == 0f && rows > 0 && cols > 0) {
            cuda.zero(out, (long) rows * cols);
        }
    }

    // ---- forward --------------------------------------------------------------------------------

    @Override
    public void embed(Floats out, Ints tokens, Floats wte, Floats wpe, int b, int t, int c, int v) {
        elementwise("embed_forward", (long) b * t * c, a(out), a(tokens), a(wte), a(wpe), b * t, t, c);
    }

    @Override
    public void layerNorm(Floats out, Floats mean, Floats rstd, Floats x, Floats gamma, Floats beta, int rows, int c) {
        perRow("layernorm_forward", rows, a(out), a(mean), a(rstd), a(x), a(gamma), a(beta), rows, c, NormKernels.EPSILON);
    }

    @Override
    public void linear(Floats out, Floats x, Floats w, Floats bias, int rows, int k, int n) {
        if (bias != null) {
            elementwise("broadcast_rows", (long) rows * n, a(out), a(bias), rows, n);
        }
        gemm(false, false, rows, n, k, a(x), a(w), a(out), bias == null ? 0f : 1f);
    }

    @Override
    public void attention(Floats out, Floats att, Floats scores, Floats qkv, int b, int t, int c, int heads) {
        int d = c / heads;
        int bh = b * heads;
        long n = (long) b * t * c;
        scratch.ensure(n, 0);
        elementwise("attention_split", n, scratch.q, scratch.k, scratch.v, a(qkv), b, t, heads, d);
        long tt = (long) t * t;
        long td = (long) t * d;
        // S = Q·Kᵀ/√d per (sequence, head); the causal softmax ignores what lies above the diagonal.
        cublas.gemmBatched(RowMajorGemm.of(false, true, t, t, d, scratch.q, scratch.k, a(scores)), (float) (1.0 / Math.sqrt(d)), 0f,
                td, td, tt, bh);
        perRow("causal_softmax", bh * t, a(att), a(scores), bh * t, t);
        cublas.gemmBatched(RowMajorGemm.of(false, false, t, d, t, a(att), scratch.v, scratch.y), 1f, 0f, tt, td, td, bh);
        elementwise("attention_heads", n, a(out), scratch.y, b, t, heads, d, 0);
    }

    @Override
    public void add(Floats out, Floats x, Floats y, int n) {
        elementwise("add_forward", n, a(out), a(x), a(y), n);
    }

    @Override
    public void gelu(Floats out, Floats x, int n) {
        elementwise("gelu_forward", n, a(out), a(x), n);
    }

    @Override
    public void logits(Floats out, Floats x, Floats wte, int rows, int c, int v) {
        gemm(false, true, rows, v, c, a(x), a(wte), a(out), 0f);
    }

    @Override
    public void softmax(Floats probs, Floats logits, int rows, int v) {
        perRow("softmax_forward", rows, a(probs), a(logits), rows, v);
    }

    @Override
    public void crossEntropy(Floats probs, Floats losses, Floats logits, Ints targets, int rows, int v) {
        perRow("crossentropy_forward", rows, a(probs), a(losses), a(logits), a(targets), rows, v);
    }

    // ---- backward -------------------------------------------------------------------------------

    @Override
    public void crossEntropyBackward(Floats dlogits, Floats probs, Ints targets, Floats weights, int rows, int v) {
        elementwise("crossentropy_backward", (long) rows * v, a(dlogits), a(probs), a(targets), a(weights), rows, v);
    }

    @Override
    public void logitsBackward(Floats dx, Floats dwte, Floats dlogits, Floats x, Floats wte, int rows, int c, int v) {
        gemm(true, false, v, c, rows, a(dlogits), a(x), a(dwte), 1f);
        gemm(false, false, rows, c, v, a(dlogits), a(wte), a(dx), 0f);
    }

    @Override
    public void layerNormBackward(Floats dx, Floats dgamma, Floats dbeta, Floats dout, Floats x, Floats gamma, Floats mean,
            Floats rstd, int rows, int c) {
        perRow("layernorm_backward_dx", rows, a(dx), a(dout), a(x), a(gamma), a(mean), a(rstd), rows, c);
        perColumn("layernorm_backward_params", rows, c, a(dgamma), a(dbeta), a(dout), a(x), a(mean), a(rstd), rows, c);
    }

    @Override
    public void linearBackward(Floats dx, Floats dw, Floats dbias, Floats dout, Floats x, Floats w, int rows, int k, int n) {
        if (dx != null) {
            gemm(false, true, rows, k, n, a(dout), a(w), a(dx), 0f);
        }
        gemm(true, false, k, n, rows, a(x), a(dout), a(dw), 1f);
        if (dbias != null) {
            perColumn("column_sums_add", rows, n, a(dbias), a(dout), rows, n);
        }
    }

    @Override
    public void geluBackward(Floats dx, Floats x, Floats dout, int n) {
        elementwise("gelu_backward", n, a(dx), a(x), a(dout), n);
    }

    @Override
    public void attentionBackward(Floats dqkv, Floats dout, Floats qkv, Floats att, int b, int t, int c, int heads) {
        int d = c / heads;
        int bh = b * heads;
        long n = (long) b * t * c;
        long tt = (long) t * t;
        long td = (long) t * d;
        scratch.ensure(n, bh * tt);
        // The forward's Q, K and V were overwritten by later blocks: split this block's qkv again.
        elementwise("attention_split", n, scratch.q, scratch.k, scratch.v, a(qkv), b, t, heads, d);
        elementwise("attention_heads", n, a(dout), scratch.y, b, t, heads, d, 1);
        // dA = dY·Vᵀ, dV = Aᵀ·dY, dS = A ⊙ (dA − rowsum(A ⊙ dA))/√d, dQ = dS·K, dK = dSᵀ·Q.
        cublas.gemmBatched(RowMajorGemm.of(false, true, t, t, d, scratch.y, scratch.v, scratch.datt), 1f, 0f, td, td, tt, bh);
        cublas.gemmBatched(RowMajorGemm.of(true, false, t, d, t, a(att), scratch.y, scratch.dv), 1f, 0f, tt, td, td, bh);
        perRow("causal_softmax_backward", bh * t, scratch.datt, a(att), scratch.datt, bh * t, t, (float) (1.0 / Math.sqrt(d)));
        cublas.gemmBatched(RowMajorGemm.of(false, false, t, d, t, scratch.datt, scratch.k, scratch.dq), 1f, 0f, tt, td, td, bh);
        cublas.gemmBatched(RowMajorGemm.of(true, false, t, d, t, scratch.datt, scratch.q, scratch.dk), 1f, 0f, tt, td, td, bh);
        elementwise("attention_join", n, a(dqkv), scratch.dq, scratch.dk, scratch.dv, b, t, heads, d);
    }

    @Override
    public void embedBackward(Floats dwte, Floats dwpe, Floats dout, Ints tokens, int b, int t, int c) {
        elementwise("embed_backward_wte", (long) b * t * c, a(dwte), a(dout), a(tokens), b * t, c);
        elementwise("embed_backward_wpe", (long) t * c, a(dwpe), a(dout), b, t, c);
    }

    // ---- update ---------------------------------------------------------------------------------

    @Override
    public double sumOfSquares(Floats[] buffers, int[] n) {
        int count = buffers.length;
        scratch.ensurePartials((long) count * SUM_BLOCKS);
        for (int i = 0; i < count; i++) {
            long slot = scratch.partials + 8L * SUM_BLOCKS * i;
            if (n[i] > 0) {
                launch("sum_squares", SUM_BLOCKS, 1, THREADS, 1, slot, a(buffers[i]), n[i]);
            } else {
                cuda.zero(slot, 2L * SUM_BLOCKS);
            }
        }
        MemorySegment s = staging(8L * SUM_BLOCKS * count);
        cuda.toHost(s, scratch.partials, 8L * SUM_BLOCKS * count);
        double total = 0;
        for (int i = 0; i < count * SUM_BLOCKS; i++) {
            total += s.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
        }
        return total;
    }

    @Override
    public void scale(Floats buf, int n, float s) {
        elementwise("scale_inplace", n, a(buf), s, n);
    }

    @Override
    public void sgd(Floats w, Floats g, int n, float learningRate) {
        elementwise("sgd_update", n, a(w), a(g), learningRate, n);
    }

    @Override
    public void adamw(Floats w, Floats g, Floats m, Floats v, int n, float learningRate, float beta1, float beta2, float epsilon,
            float weightDecay, int step) {
        // The bias corrections as the CPU kernel rounds them, so both backends take the same step.
        float c1 = (float) (1.0 / (1.0 - Math.pow(beta1, step)));
        float c2 = (float) (1.0 / (1.0 - Math.pow(beta2, step)));
        elementwise("adamw_update", n, a(w), a(g), a(m), a(v), n, learningRate, beta1, beta2, epsilon, weightDecay, c1, c2);
    }

    @Override
    public void synchronize() {
        cuda.synchronize();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cuda.synchronize();
        for (long address : allocations) {
            cuda.free(address);
        }
        allocations.clear();
        cublas.close();
    }

    /** Device scratch of attention and the norm, grown to the largest shape asked for. */
    private final class Scratch {
        long q;
        long k;
        long v;
        long y;
        long dq;
        long dk;
        long dv;
        long datt;
        long partials;
        private long floats;
        private long attFloats;
        private long partialCount;

        void ensure(long n, long att) {
            if (n > floats) {
                q = alloc(4 * n);
                k = alloc(4 * n);
                v = alloc(4 * n);
                y = alloc(4 * n);
                dq = alloc(4 * n);
                dk = alloc(4 * n);
                dv = alloc(4 * n);
                floats = n;
            }
            if (att > attFloats) {
                datt = alloc(4 * att);
                attFloats = att;
            }
        }

        void ensurePartials(long count) {
            if (count > partialCount) {
                partials = alloc(8 * count);
                partialCount = count;
            }
        }
    }
}
