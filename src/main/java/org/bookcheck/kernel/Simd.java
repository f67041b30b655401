package org.bookcheck.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Chooses between the Vector API path and the plain-Java scalar path of every kernel. The scalar
 * path runs when the system property {@code bookcheck.kernel.scalar} is {@code true}, or when the
 * machine's preferred vector holds fewer than 4 floats (then SIMD cannot pay).
 *
 * <p>The vector width is read once from the system property {@code bookcheck.kernel.species}:
 * {@code 256}, {@code 512} or {@code preferred} (the default, the widest the CPU runs natively). Forcing
 * a width lets one machine test both the AVX2 and the AVX-512 shapes of every kernel; a width the CPU
 * lacks still computes the same numbers, only slowly.
 */
public final class Simd {

    /** The system property that chooses the vector width. */
    public static final String SPECIES_PROPERTY = "bookcheck.kernel.species";

    /**
     * What is wrong with {@link #SPECIES_PROPERTY}, or null: a bad value falls back to the preferred
     * width (a class initialiser must not throw) and commands that report the path refuse to run.
     */
    private static final String PROPERTY_PROBLEM = problem(System.getProperty(SPECIES_PROPERTY));

    /** The float vector the kernels use: by default the widest this CPU runs natively (16 lanes with AVX-512). */
    public static final VectorSpecies<Float> SPECIES = PROPERTY_PROBLEM == null
            ? species(System.getProperty(SPECIES_PROPERTY)) : FloatVector.SPECIES_PREFERRED;

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

    /**
     * The species a value of {@link #SPECIES_PROPERTY} names: {@code 256}, {@code 512}, or
     * {@code preferred} / unset for the CPU's own. Anything else is refused with a message that lists the
     * choices, because a silently ignored typo would test or measure the wrong path.
     */
    static VectorSpecies<Float> species(String property) {
        if (property == null || property.isBlank()) {
            return FloatVector.SPECIES_PREFERRED;
        }
        return switch (property.trim()) {
            case "preferred" -> FloatVector.SPECIES_PREFERRED;
            case "256" -> FloatVector.SPECIES_256;
            case "512" -> FloatVector.SPECIES_512;
            default -> throw new IllegalArgumentException("system property " + SPECIES_PROPERTY + " is \"" + property
                    + "\"; expected 256, 512 or preferred");
        };
    }

    /** The message for a value of {@link #SPECIES_PROPERTY} that names no width, or null when it is fine. */
    static String problem(String property) {
        try {
            species(property);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** What is wrong with the system property {@link #SPECIES_PROPERTY} (then the preferred width is in use). */
    public static java.util.Optional<String> propertyProblem() {
        return java.util.Optional.ofNullable(PROPERTY_PROBLEM);
    }

    /** Names the path in use, for benchmark reports. */
    public static String describe() {
        return vectorised ? "Vector API, " + LANES + " float lanes (" + SPECIES.vectorBitSize() + "-bit)" : "scalar Java";
    }
}
