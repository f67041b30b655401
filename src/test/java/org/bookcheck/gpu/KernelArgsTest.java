package org.bookcheck.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** cuLaunchKernel's argument array: one pointer per argument to a copy of its value, in order, at its C width. */
class KernelArgsTest {

    @Test
    void eachPointerLeadsToItsArgumentsValue() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment array = KernelArgs.pack(arena, 0x7f00_1234_5678L, 42, -1.5f);
            assertEquals(3 * ValueLayout.ADDRESS.byteSize(), array.byteSize());
            MemorySegment p0 = array.getAtIndex(ValueLayout.ADDRESS, 0).reinterpret(8);
            MemorySegment p1 = array.getAtIndex(ValueLayout.ADDRESS, 1).reinterpret(4);
            MemorySegment p2 = array.getAtIndex(ValueLayout.ADDRESS, 2).reinterpret(4);
            assertEquals(0x7f00_1234_5678L, p0.get(ValueLayout.JAVA_LONG, 0), "a device pointer is 8 bytes");
            assertEquals(42, p1.get(ValueLayout.JAVA_INT, 0), "an int is 4 bytes");
            assertEquals(-1.5f, p2.get(ValueLayout.JAVA_FLOAT, 0), "a float is 4 bytes");
        }
    }

    @Test
    void aDoubleIsRefusedAsNoKernelTakesOne() {
        try (Arena arena = Arena.ofConfined()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelArgs.pack(arena, 1, 2.0));
            assertEquals("kernel argument 1 is a Double; kernels take device pointers (long), ints and floats", e.getMessage());
        }
    }
}
