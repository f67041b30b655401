package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.EXACT;
import static org.bookcheck.reference.ReferenceAssertions.TOL_F64;
import static org.bookcheck.reference.ReferenceAssertions.assertElementsClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Negation, powers, absolute values, max and min on generated values (the expression language's −x, x², |x|, max, min). */
class ArithmeticOpsProperties {

    private static double[] flat(Numeric x) {
        return x.flat();
    }

    @Property(tries = 200)
    void negationUndoesItselfAndCancelsTheValue(@ForAll(supplier = ReferenceArbitraries.Samples.class) double[] x) {
        Vector v = Vector.of(x);
        assertElementsClose(x, flat(ArithmeticOps.negate(ArithmeticOps.negate(v))), EXACT, "−(−x)");
        assertElementsClose(new double[x.length], flat(ArithmeticOps.add(v, ArithmeticOps.negate(v))), EXACT, "x + (−x)");
    }

    @Property(tries = 200)
    void squareIsTheElementwiseProductWithItselfAndRootUndoesIt(@ForAll(supplier = ReferenceArbitraries.Samples.class) double[] x) {
        Vector v = Vector.of(x);
        assertElementsClose(flat(ArithmeticOps.elementwiseProduct(v, v)), flat(ArithmeticOps.power(v, 2)), TOL_F64, "x²");
        assertElementsClose(flat(ArithmeticOps.abs(v)), flat(ArithmeticOps.power(ArithmeticOps.power(v, 2), 0.5)), TOL_F64, "√(x²)");
    }

    @Property(tries = 200)
    void absIsTheLargerOfXAndMinusX(@ForAll(supplier = ReferenceArbitraries.Samples.class) double[] x) {
        double[] abs = flat(ArithmeticOps.abs(Vector.of(x)));
        for (int i = 0; i < x.length; i++) {
            assertEquals(Math.max(x[i], -x[i]), abs[i], EXACT, "|x[" + i + "]|");
            assertTrue(abs[i] >= 0);
        }
    }

    @Property(tries = 200)
    void maxAndMinBoundEveryElementAndAreAmongThem(@ForAll(supplier = ReferenceArbitraries.Samples.class) double[] x) {
        double max = ArithmeticOps.max(Vector.of(x));
        double min = ArithmeticOps.min(Vector.of(x));
        boolean maxFound = false;
        boolean minFound = false;
        for (double v : x) {
            assertTrue(min <= v && v <= max);
            maxFound |= v == max;
            minFound |= v == min;
        }
        assertTrue(maxFound && minFound, "max and min are elements of x");
        assertEquals(-min, ArithmeticOps.max(ArithmeticOps.negate(Vector.of(x))), EXACT, "min x = −max(−x)");
    }
}
