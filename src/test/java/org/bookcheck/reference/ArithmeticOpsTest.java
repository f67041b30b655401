package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.assertClose;
import static org.bookcheck.reference.ReferenceAssertions.assertMatrix;
import static org.bookcheck.reference.ReferenceAssertions.assertOpError;
import static org.bookcheck.reference.ReferenceAssertions.assertScalar;
import static org.bookcheck.reference.ReferenceAssertions.assertVector;
import static org.bookcheck.reference.ReferenceAssertions.matrix;
import static org.bookcheck.reference.ReferenceAssertions.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArithmeticOpsTest {

    @Nested
    class Add {

        @Test
        void addsElementByElement() {
            assertVector(ArithmeticOps.add(vector(1, 2, 3), vector(0.5, -1, 4)), 1.5, 1, 7);
        }

        @Test
        void broadcastsAScalarOnEitherSide() {
            assertVector(ArithmeticOps.add(vector(1, 2), Scalar.of(10)), 11, 12);
            assertMatrix(ArithmeticOps.add(Scalar.of(10), matrix(new double[] {1, 2}, new double[] {3, 4})),
                    new double[][] {{11, 12}, {13, 14}});
            assertScalar(5, ArithmeticOps.add(Scalar.of(2), Scalar.of(3)));
        }

        @Test
        void addsEmptyVectors() {
            assertVector(ArithmeticOps.add(vector(), vector()));
        }

        @Test
        void refusesDifferentShapesNamingBoth() {
            assertOpError("add: the operands must have the same shape, but the first is vector of length 2 and the second is vector of length 3",
                    () -> ArithmeticOps.add(vector(1, 2), vector(1, 2, 3)));
            // Same number of elements is not enough: a 2×2 matrix is not a vector of 4.
            assertOpError("add: the operands must have the same shape, but the first is 2×2 and the second is vector of length 4",
                    () -> ArithmeticOps.add(matrix(new double[] {1, 2}, new double[] {3, 4}), vector(1, 2, 3, 4)));
        }
    }

    @Nested
    class Sub {

        @Test
        void subtractsElementByElement() {
            assertMatrix(ArithmeticOps.sub(matrix(new double[] {5, 6}, new double[] {7, 8}), matrix(new double[] {1, 2}, new double[] {3, 4})),
                    new double[][] {{4, 4}, {4, 4}});
        }

        @Test
        void broadcastKeepsTheOrderOfTheOperands() {
            assertVector(ArithmeticOps.sub(Scalar.of(10), vector(1, 2)), 9, 8);
            assertVector(ArithmeticOps.sub(vector(1, 2), Scalar.of(10)), -9, -8);
        }

        @Test
        void refusesDifferentShapes() {
            assertOpError("sub: the operands must have the same shape, but the first is 1×2 and the second is 2×1",
                    () -> ArithmeticOps.sub(matrix(new double[] {1, 2}), matrix(new double[] {1}, new double[] {2})));
        }
    }

    @Nested
    class Scale {

        @Test
        void multipliesEveryElementAndKeepsTheShape() {
            assertMatrix(ArithmeticOps.scale(matrix(new double[] {2, 4}, new double[] {6, 8}), 0.5), new double[][] {{1, 2}, {3, 4}});
            assertScalar(-6, ArithmeticOps.scale(Scalar.of(3), -2));
            assertVector(ArithmeticOps.scale(vector(), 7));
        }
    }

    @Nested
    class ElementwiseProduct {

        @Test
        void multipliesMatchingElements() {
            assertVector(ArithmeticOps.elementwiseProduct(vector(1, 2, 3), vector(4, 5, 6)), 4, 10, 18);
            assertVector(ArithmeticOps.elementwiseProduct(Scalar.of(2), vector(4, 5)), 8, 10);
        }

        @Test
        void refusesDifferentShapes() {
            assertOpError("elementwise_product: the operands must have the same shape, but the first is vector of length 3 and the second is vector of length 2",
                    () -> ArithmeticOps.elementwiseProduct(vector(1, 2, 3), vector(4, 5)));
        }
    }

    @Nested
    class Divide {

        @Test
        void dividesElementByElement() {
            assertVector(ArithmeticOps.divide(vector(1, 3), vector(4, 2)), 0.25, 1.5);
            assertVector(ArithmeticOps.divide(Scalar.of(1), vector(4, 8)), 0.25, 0.125);
            assertVector(ArithmeticOps.divide(vector(3, 6), Scalar.of(3)), 1, 2);
        }

        @Test
        void refusesDivisionByZeroOfEitherSign() {
            assertOpError("divide: division by zero (1.0 / 0)", () -> ArithmeticOps.divide(vector(1, 3), vector(0, 2)));
            assertOpError("divide: division by zero (3.0 / 0)", () -> ArithmeticOps.divide(vector(1, 3), vector(2, -0.0)));
            assertOpError("divide: division by zero (2.0 / 0)",
                    () -> ArithmeticOps.divide(matrix(new double[] {2, 4}), Scalar.of(0)));
        }

        @Test
        void refusesDifferentShapes() {
            assertOpError("divide: the operands must have the same shape, but the first is vector of length 1 and the second is vector of length 2",
                    () -> ArithmeticOps.divide(vector(1), vector(1, 2)));
        }
    }

    @Nested
    class Sum {

        @Test
        void sumsEveryElement() {
            assertClose(10, ArithmeticOps.sum(matrix(new double[] {1, 2}, new double[] {3, 4})));
            assertClose(-2.5, ArithmeticOps.sum(Scalar.of(-2.5)));
        }

        @Test
        void theEmptySumIsZero() {
            assertEquals(0.0, ArithmeticOps.sum(vector()));
        }
    }

    @Nested
    class Count {

        @Test
        void countsTheItemsOfEachCollection() {
            assertEquals(3, ArithmeticOps.count(vector(1, 2, 3)));
            assertEquals(6, ArithmeticOps.count(Matrix.of(2, 3, new double[6])));
            assertEquals(0, ArithmeticOps.count(vector()));
            assertEquals(4, ArithmeticOps.count(new Tokens(List.of("The", "cat", "sat", "."))));
            assertEquals(2, ArithmeticOps.count(new TokenBatch(List.of(new Tokens(List.of("a")), new Tokens(List.of("b", "c"))))));
            assertEquals(3, ArithmeticOps.count(new Vocabulary(Map.of("a", 1, "b", 2, "c", 3))));
            assertEquals(1, ArithmeticOps.count(Scalar.of(42)));
        }

        @Test
        void refusesTextAndTruthValues() {
            assertOpError("count: a text has no item count; tokenize it first and count the tokens",
                    () -> ArithmeticOps.count(new Text("The cat")));
            assertOpError("count: a truth value has no item count", () -> ArithmeticOps.count(new Bool(true)));
        }
    }

    @Nested
    class NegatePowerAbs {

        @Test
        void negateFlipsEverySign() {
            assertMatrix(ArithmeticOps.negate(matrix(new double[] {1, -2}, new double[] {0.5, 0})), new double[][] {{-1, 2}, {-0.5, 0}});
        }

        @Test
        void powerRaisesEveryElement() {
            assertVector(ArithmeticOps.power(vector(-3, 0.5, 2), 2), 9, 0.25, 4);
            assertScalar(0.5, ArithmeticOps.power(Scalar.of(4), -0.5)); // 1/√4
            assertScalar(-8, ArithmeticOps.power(Scalar.of(-2), 3));
        }

        @Test
        void powerRefusesWhatIsNotARealNumber() {
            assertOpError("power: -4.0^0.5 is not a real number; the base must be positive for a fractional power and non-zero for a negative one",
                    () -> ArithmeticOps.power(Scalar.of(-4), 0.5));
            assertOpError("power: 0.0^-1.0 is not a real number; the base must be positive for a fractional power and non-zero for a negative one",
                    () -> ArithmeticOps.power(Scalar.of(0), -1));
        }

        @Test
        void absDropsTheSign() {
            assertVector(ArithmeticOps.abs(vector(-0.25, 0, 3)), 0.25, 0, 3);
        }
    }

    @Nested
    class MaxMin {

        @Test
        void theLargestAndSmallestOfEveryElement() {
            Matrix m = matrix(new double[] {0.1, -2}, new double[] {3.5, 0});
            assertEquals(3.5, ArithmeticOps.max(m));
            assertEquals(-2, ArithmeticOps.min(m));
            assertEquals(7, ArithmeticOps.max(Scalar.of(7)));
        }

        @Test
        void refuseAnEmptyValue() {
            assertOpError("max: needs at least one element, got an empty vector", () -> ArithmeticOps.max(vector()));
            assertOpError("min: needs at least one element, got an empty vector", () -> ArithmeticOps.min(vector()));
        }
    }
}
