package org.bookcheck.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Chooses between the Vector API path and the plain-Java scalar path of every kernel. The scalar
 * path runs when the system property {@code bookcheck.kernel.scalar} is {@code true}, or when the
 * machine's preferred vector holds fewer than 4 floats (then SIMD cannot pay).
 */
public final class Simd {

    /** The widest float vector this CPU runs natively (16 lanes with AVX-512). */
    public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /** Lanes of {@link #SPECIES}. */
    public static final int LANES = SPECIES.length();

    /** Whether kernels take the vectorised path. */
    public static final boolean VECTORISED = !Boolean.getBoolean("bookcheck.kernel.scalar") && LANES >= 4;

    private Simd() {
    }

    /** Names the path in use, for benchmark reports. */
    public static String describe() {
        return VECTORISED ? "Vector API, " + LANES + " float lanes (" + SPECIES.vectorBitSize() + "-bit)" : "scalar Java";
    }
}
