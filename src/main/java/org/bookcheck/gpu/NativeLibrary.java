package org.bookcheck.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * One shared library opened through the Foreign Function &amp; Memory API, and downcall handles to
 * its C functions. ABI types as the CUDA headers declare them: result codes and enums are
 * {@link #INT}, sizes ({@code size_t}) and device pointers ({@code unsigned long long}) are
 * {@link #LONG}, handles and host pointers are {@link #PTR}.
 */
final class NativeLibrary {

    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;
    static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE;
    static final java.lang.foreign.AddressLayout PTR = ValueLayout.ADDRESS;

    private final String name;
    private final SymbolLookup lookup;

    private NativeLibrary(String name, SymbolLookup lookup) {
        this.name = name;
        this.lookup = lookup;
    }

    /** Opens the library file (dlopen; it stays loaded for the life of the program). */
    static NativeLibrary open(Path file) {
        try {
            return new NativeLibrary(file.toString(), SymbolLookup.libraryLookup(file, Arena.global()));
        } catch (IllegalArgumentException e) {
            throw new GpuUnavailableException("could not load " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens a library by its soname through the system's loader (ld.so.cache), as the driver installs libcuda.so.1. */
    static NativeLibrary openSystem(String soname) {
        try {
            return new NativeLibrary(soname, SymbolLookup.libraryLookup(soname, Arena.global()));
        } catch (IllegalArgumentException e) {
            throw new GpuUnavailableException("the system's loader has no " + soname + ": " + e.getMessage(), e);
        }
    }

    /** A handle to the function of that name, returning a C int (a result code). */
    MethodHandle function(String symbol, java.lang.foreign.MemoryLayout... arguments) {
        return function(symbol, FunctionDescriptor.of(INT, arguments));
    }

    MethodHandle function(String symbol, FunctionDescriptor descriptor) {
        MemorySegment address = lookup.find(symbol).orElseThrow(() -> new GpuUnavailableException(
                name + " has no function " + symbol + "; it is too old or not the library expected"));
        return Linker.nativeLinker().downcallHandle(address, descriptor);
    }

    @Override
    public String toString() {
        return name;
    }
}
