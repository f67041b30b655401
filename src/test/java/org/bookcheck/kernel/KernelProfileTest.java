package org.bookcheck.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The kernel profile counts each directly called kernel once per call, and nothing while it is off. */
class KernelProfileTest {

    @AfterEach
    void off() {
        KernelProfile.enable(false);
    }

    private static Map<KernelProfile.Kernel, Long> calls() {
        return KernelProfile.entries().stream().collect(Collectors.toMap(KernelProfile.Entry::kernel, KernelProfile.Entry::calls));
    }

    @Test
    void countsEachCallOfATimedKernelUnderItsOwnName() {
        float[] a = new float[6];
        float[] b = new float[6];
        float[] c = new float[4];
        KernelProfile.enable(true);
        MatmulKernels.matmul(c, a, b, 2, 3, 2, false);
        MatmulKernels.matmulTransposedB(c, a, b, 2, 3, 2, false);
        // linear is one A·B product (its bias inside), its backward one A·Bᵀ, one Aᵀ·B and one bias gradient.
        LinearKernels.linear(c, a, b, new float[2], 2, 3, 2);
        LinearKernels.linearBackward(new float[6], new float[6], new float[2], c, a, b, 2, 3, 2);
        KernelProfile.enable(false);
        MatmulKernels.matmul(c, a, b, 2, 3, 2, false);
        assertEquals(Map.of(KernelProfile.Kernel.MATMUL, 2L, KernelProfile.Kernel.MATMUL_TRANSPOSED_B, 2L,
                KernelProfile.Kernel.MATMUL_TRANSPOSED_A, 1L, KernelProfile.Kernel.BIAS_GRADIENT, 1L), calls());
        List<KernelProfile.Entry> entries = KernelProfile.entries();
        for (int i = 1; i < entries.size(); i++) {
            assertTrue(entries.get(i - 1).nanos() >= entries.get(i).nanos(), "most time first: " + entries);
        }
    }

    @Test
    void switchingOnAgainStartsFromZero() {
        KernelProfile.enable(true);
        ActivationKernels.gelu(new float[3], new float[3], 3);
        KernelProfile.enable(true);
        assertEquals(Map.of(), calls());
    }
}
