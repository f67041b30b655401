package org.bookcheck.gpu;

import static org.bookcheck.gpu.NativeLibrary.INT;
import static org.bookcheck.gpu.NativeLibrary.LONG;
import static org.bookcheck.gpu.NativeLibrary.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * NVRTC, CUDA's run-time compiler: CUDA C source to PTX for a virtual architecture
 * ({@code compute_XY}), which the driver then compiles for the device in hand.
 * Signatures from nvrtc.h: {@code nvrtcResult} is an int, {@code nvrtcProgram} a pointer.
 */
final class Nvrtc {

    private final MethodHandle createProgram;
    private final MethodHandle compileProgram;
    private final MethodHandle getPtxSize;
    private final MethodHandle getPtx;
    private final MethodHandle getLogSize;
    private final MethodHandle getLog;
    private final MethodHandle destroyProgram;
    private final MethodHandle getErrorString;

    Nvrtc(NativeLibrary lib) {
        // nvrtcResult nvrtcCreateProgram(nvrtcProgram*, const char* src, const char* name, int numHeaders,
        //         const char* const* headers, const char* const* includeNames)
        createProgram = lib.function("nvrtcCreateProgram", PTR, PTR, PTR, INT, PTR, PTR);
        // nvrtcResult nvrtcCompileProgram(nvrtcProgram, int numOptions, const char* const* options)
        compileProgram = lib.function("nvrtcCompileProgram", PTR, INT, PTR);
        getPtxSize = lib.function("nvrtcGetPTXSize", PTR, PTR);
        getPtx = lib.function("nvrtcGetPTX", PTR, PTR);
        getLogSize = lib.function("nvrtcGetProgramLogSize", PTR, PTR);
        getLog = lib.function("nvrtcGetProgramLog", PTR, PTR);
        destroyProgram = lib.function("nvrtcDestroyProgram", PTR);
        // const char* nvrtcGetErrorString(nvrtcResult)
        getErrorString = lib.function("nvrtcGetErrorString", FunctionDescriptor.of(PTR, INT));
    }

    /** NVRTC from the finder's folders, with its builtins library loaded first (NVRTC opens it by soname when it compiles). */
    static Nvrtc open(CudaLibraryFinder finder) {
        Path library = finder.require("nvrtc", "NVRTC, CUDA's run-time compiler");
        finder.find("nvrtc-builtins").ifPresent(NativeLibrary::open);
        return new Nvrtc(NativeLibrary.open(library));
    }

    /** The PTX of the source, NUL-terminated as cuModuleLoadData wants it; throws with the compiler's log when it fails. */
    byte[] compile(String source, String name, List<String> options) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment programOut = arena.allocate(PTR);
            check((int) createProgram.invokeExact(programOut, arena.allocateFrom(source), arena.allocateFrom(name), 0,
                    MemorySegment.NULL, MemorySegment.NULL), "nvrtcCreateProgram");
            MemorySegment program = programOut.get(PTR, 0);
            try {
                MemorySegment optionArray = arena.allocate(PTR, Math.max(1, options.size()));
                for (int i = 0; i < options.size(); i++) {
                    optionArray.setAtIndex(PTR, i, arena.allocateFrom(options.get(i)));
                }
                int result = (int) compileProgram.invokeExact(program, options.size(), optionArray);
                if (result != 0) {
                    throw new GpuUnavailableException("NVRTC could not compile bookcheck's CUDA kernels (" + error(result) + ") with "
                            + String.join(" ", options) + ":\n" + log(arena, program));
                }
                MemorySegment size = arena.allocate(LONG);
                check((int) getPtxSize.invokeExact(program, size), "nvrtcGetPTXSize");
                MemorySegment ptx = arena.allocate(size.get(LONG, 0));
                check((int) getPtx.invokeExact(program, ptx), "nvrtcGetPTX");
                return ptx.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            } finally {
                programOut.set(PTR, 0, program);
                int ignored = (int) destroyProgram.invokeExact(programOut);
            }
        } catch (GpuUnavailableException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("calling NVRTC failed", e);
        }
    }

    private String log(Arena arena, MemorySegment program) throws Throwable {
        MemorySegment size = arena.allocate(LONG);
        check((int) getLogSize.invokeExact(program, size), "nvrtcGetProgramLogSize");
        MemorySegment text = arena.allocate(Math.max(1, size.get(LONG, 0)));
        check((int) getLog.invokeExact(program, text), "nvrtcGetProgramLog");
        return text.getString(0, StandardCharsets.UTF_8);
    }

    private void check(int result, String call) throws Throwable {
        if (result != 0) {
            throw new GpuUnavailableException(call + " failed: " + error(result));
        }
    }

    private String error(int result) throws Throwable {
        MemorySegment s = (MemorySegment) getErrorString.invokeExact(result);
        return s.equals(MemorySegment.NULL) ? "NVRTC error " + result : s.reinterpret(256).getString(0) + " (" + result + ")";
    }
}
