package org.bookcheck.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The {@code void** kernelParams} of cuLaunchKernel: one pointer per kernel argument, each to a
 * copy of the argument's value, in the kernel's parameter order. A device pointer is a
 * {@link Long} (8 bytes), an {@code int} an {@link Integer}, a {@code float} a {@link Float}.
 */
final class KernelArgs {

    private KernelArgs() {
    }

    /** The pointer array, allocated with its values in the arena. */
    static MemorySegment pack(Arena arena, Object... args) {
        MemorySegment array = arena.allocate(NativeLibrary.PTR, Math.max(1, args.length));
        for (int i = 0; i < args.length; i++) {
            MemorySegment value = switch (args[i]) {
                case Long l -> arena.allocateFrom(NativeLibrary.LONG, l);
                case Integer n -> arena.allocateFrom(NativeLibrary.INT, n);
                case Float f -> arena.allocateFrom(NativeLibrary.FLOAT, f);
                case null -> throw new IllegalArgumentException("kernel argument " + i + " is null");
                default -> throw new IllegalArgumentException("kernel argument " + i + " is a " + args[i].getClass().getSimpleName()
                        + "; kernels take device pointers (long), ints and floats");
            };
            array.setAtIndex(NativeLibrary.PTR, i, value);
        }
        return array;
    }
}
