package org.bookcheck.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * The vector width follows {@code bookcheck.kernel.species}: the build runs the kernel tests once more
 * for each forced width (see pom.xml), and this test fails there if the property did not take effect.
 */
class SimdTest {

    @Test
    void theSpeciesInForceIsTheOneThePropertyNames() {
        String property = System.getProperty(Simd.SPECIES_PROPERTY, "preferred");
        int expectedBits = property.equals("preferred") ? FloatVector.SPECIES_PREFERRED.vectorBitSize()
                : Integer.parseInt(property);
        assertEquals(expectedBits, Simd.SPECIES.vectorBitSize(), Simd.SPECIES_PROPERTY + "=" + property);
        assertEquals(expectedBits / 32, Simd.LANES);
    }

    @Test
    void eachNameGivesItsWidth() {
        assertEquals(256, Simd.species("256").vectorBitSize());
        assertEquals(512, Simd.species(" 512 ").vectorBitSize());
        assertEquals(FloatVector.SPECIES_PREFERRED, Simd.species("preferred"));
        assertEquals(FloatVector.SPECIES_PREFERRED, Simd.species(null));
        assertEquals(FloatVector.SPECIES_PREFERRED, Simd.species(""));
    }

    @Test
    void anyOtherNameIsRefusedWithTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Simd.species("1024"));
        assertTrue(e.getMessage().contains("\"1024\"") && e.getMessage().contains("expected 256, 512 or preferred"),
                e.getMessage());
        assertEquals(e.getMessage(), Simd.problem("1024"));
        assertEquals(null, Simd.problem("256"));
    }
}
