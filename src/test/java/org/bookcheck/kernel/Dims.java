package org.bookcheck.kernel;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Awkward sizes for kernel properties: 1, primes and sizes either side of the vector width (16 floats
 * with AVX-512) and of the 3-vector register block (48), mixed with arbitrary sizes up to a bound.
 */
public final class Dims {

    private static final Integer[] AWKWARD = {1, 2, 3, 5, 7, 13, 15, 16, 17, 31, 32, 33, 47, 48, 49, 53};

    private Dims() {
    }

    /** Sizes from 1 to max, awkward ones half the time. */
    public static Arbitrary<Integer> upTo(int max) {
        Integer[] small = java.util.Arrays.stream(AWKWARD).filter(d -> d <= max).toArray(Integer[]::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.of(small)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, max)));
    }
}
