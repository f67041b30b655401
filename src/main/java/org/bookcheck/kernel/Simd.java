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

    /** Whether the machine can take the vectorised path at all. */
    public static final boolean AVAILABLE = LANES >= 4;

    /** Whether kernels take the vectorised path now; starts from the system property. */
    private static boolean vectorised = AVAILABLE && !Boolean.getBoolean("bookcheck.kernel.scalar");

    private Simd() {
    }

    /** Whether kernels take the vectorised path. */
    public static boolean vectorised() {
        return vectorised;
    }

    /**
     * Switches every kernel between the two paths, so that tests can check both in one JVM (ignored
     * where the vector path is unavailable). Not for use while kernels run.
     */
    public static void setVectorised(boolean on) {
        vectorised = on && AVAILABLE;
    }

    /** Names the path in use, for benchmark reports. */
    public static String describe() {
        return vectorised ? "Vector API, " + LANES + " float lanes (" + SPECIES.vectorBitSize() + "-bit)" : "scalar Java";
    }
}
