package org.bookcheck.gpu;

import static org.bookcheck.gpu.NativeLibrary.INT;
import static org.bookcheck.gpu.NativeLibrary.LONG;
import static org.bookcheck.gpu.NativeLibrary.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The CUDA driver API (libcuda, installed with every NVIDIA driver): device, primary context,
 * memory, modules and kernel launches on the legacy default stream, so every call is ordered after
 * the one before. Signatures from cuda.h (CUDA 13): {@code CUresult} and {@code CUdevice} are ints,
 * {@code CUdeviceptr} is {@code unsigned long long}, contexts, modules and functions are pointers;
 * the {@code _v2} names are those cuda.h maps cuMemAlloc, cuMemFree, cuMemcpyHtoD/DtoH and
 * cuMemsetD32 to.
 */
final class CudaDriver {

    /** CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT. */
    static final int MULTIPROCESSORS = 16;
    /** CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR. */
    static final int CC_MAJOR = 75;
    /** CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR. */
    static final int CC_MINOR = 76;

    private final MethodHandle init;
    private final MethodHandle deviceGetCount;
    private final MethodHandle deviceGet;
    private final MethodHandle deviceGetAttribute;
    private final MethodHandle deviceGetName;
    private final MethodHandle primaryCtxRetain;
    private final MethodHandle ctxSetCurrent;
    private final MethodHandle ctxSynchronize;
    private final MethodHandle memAlloc;
    private final MethodHandle memFree;
    private final MethodHandle memcpyHtoD;
    private final MethodHandle memcpyDtoH;
    private final MethodHandle memsetD32;
    private final MethodHandle moduleLoadData;
    private final MethodHandle moduleGetFunction;
    private final MethodHandle launchKernel;
    private final MethodHandle getErrorName;
    private final Arena arena = Arena.ofAuto();
    private MemorySegment context;
    private Thread owner;

    CudaDriver(NativeLibrary lib) {
        init = lib.function("cuInit", INT);
        deviceGetCount = lib.function("cuDeviceGetCount", PTR);
        deviceGet = lib.function("cuDeviceGet", PTR, INT);
        deviceGetAttribute = lib.function("cuDeviceGetAttribute", PTR, INT, INT);
        deviceGetName = lib.function("cuDeviceGetName", PTR, INT, INT);
        primaryCtxRetain = lib.function("cuDevicePrimaryCtxRetain", PTR, INT);
        ctxSetCurrent = lib.function("cuCtxSetCurrent", PTR);
        ctxSynchronize = lib.function("cuCtxSynchronize");
        memAlloc = lib.function("cuMemAlloc_v2", PTR, LONG);
        memFree = lib.function("cuMemFree_v2", LONG);
        memcpyHtoD = lib.function("cuMemcpyHtoD_v2", LONG, PTR, LONG);
        memcpyDtoH = lib.function("cuMemcpyDtoH_v2", PTR, LONG, LONG);
        memsetD32 = lib.function("cuMemsetD32_v2", LONG, INT, LONG);
        moduleLoadData = lib.function("cuModuleLoadData", PTR, PTR);
        moduleGetFunction = lib.function("cuModuleGetFunction", PTR, PTR, PTR);
        // CUresult cuLaunchKernel(CUfunction f, unsigned gridDimX, Y, Z, unsigned blockDimX, Y, Z,
        //         unsigned sharedMemBytes, CUstream hStream, void** kernelParams, void** extra)
        launchKernel = lib.function("cuLaunchKernel", PTR, INT, INT, INT, INT, INT, INT, INT, PTR, PTR, PTR);
        getErrorName = lib.function("cuGetErrorName", INT, PTR);
    }

    /** cuInit and the first device; a GpuUnavailableException when there is no usable one. */
    int firstDevice() {
        try {
            int r = (int) init.invokeExact(0);
            if (r != 0) {
                throw new GpuUnavailableException("the CUDA driver did not start (cuInit: " + error(r) + "); is there an NVIDIA GPU"
                        + " and does the driver match it? (nvidia-smi says)");
            }
            MemorySegment n = arena.allocate(INT);
            check((int) deviceGetCount.invokeExact(n), "cuDeviceGetCount");
            if (n.get(INT, 0) < 1) {
                throw new GpuUnavailableException("the CUDA driver found no GPU");
            }
            MemorySegment dev = arena.allocate(INT);
            check((int) deviceGet.invokeExact(dev, 0), "cuDeviceGet");
            return dev.get(INT, 0);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    int attribute(int attribute, int device) {
        MemorySegment out = arena.allocate(INT);
        call(() -> (int) deviceGetAttribute.invokeExact(out, attribute, device), "cuDeviceGetAttribute");
        return out.get(INT, 0);
    }

    String name(int device) {
        MemorySegment out = arena.allocate(256);
        call(() -> (int) deviceGetName.invokeExact(out, 256, device), "cuDeviceGetName");
        return out.getString(0);
    }

    /** Retains the device's primary context (the one cuBLAS's runtime uses too) and makes it current. */
    void usePrimaryContext(int device) {
        MemorySegment ctx = arena.allocate(PTR);
        call(() -> (int) primaryCtxRetain.invokeExact(ctx, device), "cuDevicePrimaryCtxRetain");
        context = ctx.get(PTR, 0);
        owner = null;
        makeCurrent();
    }

    /** Makes the context current on the calling thread, if another thread used it last (a context is current per thread). */
    void makeCurrent() {
        if (owner != Thread.currentThread()) {
            call(() -> (int) ctxSetCurrent.invokeExact(context), "cuCtxSetCurrent");
            owner = Thread.currentThread();
        }
    }

    long alloc(long bytes) {
        makeCurrent();
        MemorySegment out = arena.allocate(LONG);
        call(() -> (int) memAlloc.invokeExact(out, bytes), "cuMemAlloc (" + bytes + " bytes)");
        return out.get(LONG, 0);
    }

    void free(long pointer) {
        call(() -> (int) memFree.invokeExact(pointer), "cuMemFree");
    }

    void toDevice(long dst, MemorySegment src, long bytes) {
        makeCurrent();
        call(() -> (int) memcpyHtoD.invokeExact(dst, src, bytes), "cuMemcpyHtoD");
    }

    void toHost(MemorySegment dst, long src, long bytes) {
        makeCurrent();
        call(() -> (int) memcpyDtoH.invokeExact(dst, src, bytes), "cuMemcpyDtoH");
    }

    void zero(long dst, long count) {
        makeCurrent();
        call(() -> (int) memsetD32.invokeExact(dst, 0, count), "cuMemsetD32");
    }

    /** Loads a module from PTX (NUL-terminated), which the driver compiles for this device. */
    MemorySegment loadModule(byte[] image) {
        MemorySegment ptx = arena.allocate(image.length + 1L);
        MemorySegment.copy(image, 0, ptx, ValueLayout.JAVA_BYTE, 0, image.length);
        MemorySegment out = arena.allocate(PTR);
        call(() -> (int) moduleLoadData.invokeExact(out, ptx), "cuModuleLoadData");
        return out.get(PTR, 0);
    }

    MemorySegment function(MemorySegment module, String name) {
        MemorySegment out = arena.allocate(PTR);
        MemorySegment cname = arena.allocateFrom(name);
        call(() -> (int) moduleGetFunction.invokeExact(out, module, cname), "cuModuleGetFunction(" + name + ")");
        return out.get(PTR, 0);
    }

    /** Launches on the default stream; params is the void** of {@link KernelArgs}. */
    void launch(MemorySegment function, int gridX, int gridY, int blockX, int blockY, MemorySegment params, String name) {
        makeCurrent();
        call(() -> (int) launchKernel.invokeExact(function, gridX, gridY, 1, blockX, blockY, 1, 0, MemorySegment.NULL, params,
                MemorySegment.NULL), "cuLaunchKernel(" + name + ")");
    }

    void synchronize() {
        call(() -> (int) ctxSynchronize.invokeExact(), "cuCtxSynchronize");
    }

    @FunctionalInterface
    private interface Call {
        int run() throws Throwable;
    }

    private void call(Call c, String what) {
        int r;
        try {
            r = c.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(what + " could not be called", e);
        }
        check(r, what);
    }

    private void check(int result, String what) {
        if (result != 0) {
            throw new IllegalStateException("CUDA: " + what + " failed: " + error(result));
        }
    }

    private String error(int result) {
        try {
            MemorySegment out = arena.allocate(PTR);
            int r = (int) getErrorName.invokeExact(result, out);
            return r == 0 ? out.get(PTR, 0).reinterpret(128).getString(0) + " (" + result + ")" : "error " + result;
        } catch (Throwable e) {
            return "error " + result;
        }
    }
}
