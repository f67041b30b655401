package org.bookcheck.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jdk.incubator.vector.FloatVector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;

/**
 * The kernels' own eˣ and tanh are accurate to float precision, and the vector and scalar forms give
 * the same bits (what keeps the two kernel paths and every JIT tier in step).
 */
class FloatMathProperties {

    @Property(tries = 300)
    void expIsAccurateAndTheSameInBothForms(@ForAll @FloatRange(min = -87f, max = 88f) float x) {
        double expected = Math.exp(x);
        float scalar = FloatMath.exp(x);
        assertEquals(expected, scalar, 4e-7 * expected, "e^" + x);
        FloatVector v = FloatMath.exp(FloatVector.broadcast(Simd.SPECIES, x));
        for (int i = 0; i < Simd.LANES; i++) {
            assertEquals(Float.floatToRawIntBits(scalar), Float.floatToRawIntBits(v.lane(i)), "vector lane " + i);
        }
    }

    @Property(tries = 300)
    void tanhIsAccurateAndTheSameInBothForms(@ForAll @FloatRange(min = -20f, max = 20f) float u) {
        float scalar = FloatMath.tanh(u);
        assertEquals(Math.tanh(u), scalar, 3e-7, "tanh " + u);
        FloatVector v = FloatMath.tanh(FloatVector.broadcast(Simd.SPECIES, u));
        assertEquals(Float.floatToRawIntBits(scalar), Float.floatToRawIntBits(v.lane(0)), "vector form");
    }
}
