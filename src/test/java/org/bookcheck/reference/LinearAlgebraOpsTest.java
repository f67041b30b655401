package org.bookcheck.reference;

import java.util.List;
import static org.bookcheck.reference.ReferenceAssertions.assertScalar;
import static org.bookcheck.reference.ReferenceAssertions.assertClose;
import static org.bookcheck.reference.ReferenceAssertions.assertEmptyMatrix;
import static org.bookcheck.reference.ReferenceAssertions.assertMatrix;
import static org.bookcheck.reference.ReferenceAssertions.assertOpError;
import static org.bookcheck.reference.ReferenceAssertions.assertVector;
import static org.bookcheck.reference.ReferenceAssertions.matrix;
import static org.bookcheck.reference.ReferenceAssertions.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LinearAlgebraOpsTest {

    private static final Matrix A_2X3 = matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    private static final Matrix B_3X2 = matrix(new double[] {7, 8}, new double[] {9, 10}, new double[] {11, 12});
    private static final Matrix SQUARE = matrix(new double[] {1, 2}, new double[] {3, 4});

    @Nested
    class Matmul {

        @Test
        void multipliesRowsOfAWithColumnsOfB() {
            // [1 2 3]·[7 9 11] = 58, [1 2 3]·[8 10 12] = 64, [4 5 6]·[7 9 11] = 139, [4 5 6]·[8 10 12] = 154
            assertMatrix(LinearAlgebraOps.matmul(A_2X3, B_3X2), new double[][] {{58, 64}, {139, 154}});
        }

        @Test
        void aVectorOnTheRightIsAColumn() {
            // [1 2; 3 4]·[5 6]ᵀ = [5 + 12, 15 + 24]
            assertVector(LinearAlgebraOps.matmul(SQUARE, vector(5, 6)), 17, 39);
        }

        @Test
        void aVectorOnTheLeftIsARow() {
            // [5 6]·[1 2; 3 4] = [5 + 18, 10 + 24]
            assertVector(LinearAlgebraOps.matmul(vector(5, 6), SQUARE), 23, 34);
        }

        @Test
        void oneByOneMatricesMultiplyAsNumbers() {
            assertMatrix(LinearAlgebraOps.matmul(matrix(new double[] {3}), matrix(new double[] {-2})), new double[][] {{-6}});
        }

        @Test
        void anEmptyInnerDimensionGivesZeros() {
            // Each element is a sum over no terms.
            assertMatrix(LinearAlgebraOps.matmul(Matrix.of(2, 0, new double[0]), Matrix.of(0, 3, new double[0])),
                    new double[][] {{0, 0, 0}, {0, 0, 0}});
        }

        @Test
        void noRowsGiveNoRows() {
            assertEmptyMatrix(LinearAlgebraOps.matmul(Matrix.of(0, 2, new double[0]), Matrix.of(2, 3, new double[6])), 0, 3);
        }

        @Test
        void refusesMismatchedInnerDimensionsNamingBothShapes() {
            assertOpError("matmul: A is 2×3, B is 2×2: columns of A must equal rows of B",
                    () -> LinearAlgebraOps.matmul(A_2X3, SQUARE));
            assertOpError("matmul: A is 2×3, x (a column) is 2×1: columns of A must equal rows of x",
                    () -> LinearAlgebraOps.matmul(A_2X3, vector(1, 2)));
            assertOpError("matmul: x (a row) is 1×2, B is 3×2: columns of x must equal rows of B",
                    () -> LinearAlgebraOps.matmul(vector(1, 2), B_3X2));
        }

        @Test
        void refusesTwoVectorsAndScalars() {
            assertOpError("matmul: both operands are vectors (lengths 2 and 3); use dot for a number or outer for a matrix",
                    () -> LinearAlgebraOps.matmul(vector(1, 2), vector(1, 2, 3)));
            assertOpError("matmul: A is a scalar; use scale to multiply by a number",
                    () -> LinearAlgebraOps.matmul(Scalar.of(2), SQUARE));
            assertOpError("matmul: B is a scalar; use scale to multiply by a number",
                    () -> LinearAlgebraOps.matmul(SQUARE, Scalar.of(2)));
            assertOpError("matmul: B is a scalar; use scale to multiply by a number",
                    () -> LinearAlgebraOps.matmul(vector(1), Scalar.of(2)));
        }
    }

    @Nested
    class Transpose {

        @Test
        void rowsBecomeColumns() {
            assertMatrix(LinearAlgebraOps.transpose(A_2X3), new double[][] {{1, 4}, {2, 5}, {3, 6}});
        }

        @Test
        void keepsEmptyShapes() {
            assertEmptyMatrix(LinearAlgebraOps.transpose(Matrix.of(0, 3, new double[0])), 3, 0);
        }

        @Test
        void twiceIsTheIdentity() {
            assertEquals(A_2X3, LinearAlgebraOps.transpose(LinearAlgebraOps.transpose(A_2X3)));
        }
    }

    @Nested
    class Dot {

        @Test
        void sumsTheProductsOfComponents() {
            // 1·4 + 2·(−5) + 3·6
            assertClose(12, LinearAlgebraOps.dot(vector(1, 2, 3), vector(4, -5, 6)));
            // the chapter's ac + bd with a = 0.5, b = 2, c = 4, d = 0.25
            assertClose(2.5, LinearAlgebraOps.dot(vector(0.5, 2), vector(4, 0.25)));
        }

        @Test
        void ofEmptyVectorsIsZero() {
            assertEquals(0.0, LinearAlgebraOps.dot(vector(), vector()));
        }

        @Test
        void refusesDifferentLengths() {
            assertOpError("dot: a has length 2 and b has length 3: they must have the same length",
                    () -> LinearAlgebraOps.dot(vector(1, 2), vector(1, 2, 3)));
        }
    }

    @Nested
    class Outer {

        @Test
        void elementIJIsAiTimesBj() {
            assertMatrix(LinearAlgebraOps.outer(vector(1, 2), vector(3, 4, 5)), new double[][] {{3, 4, 5}, {6, 8, 10}});
        }

        @Test
        void anEmptyFactorGivesAnEmptyMatrix() {
            assertEmptyMatrix(LinearAlgebraOps.outer(vector(), vector(3, 4, 5)), 0, 3);
            assertEmptyMatrix(LinearAlgebraOps.outer(vector(1, 2), vector()), 2, 0);
        }
    }

    @Nested
    class Linear {

        private final Matrix w = matrix(new double[] {1, 0, 2}, new double[] {0, 1, 3});

        @Test
        void appliesWeightsThenBiasToARow() {
            // [1 2]·W = [1, 2, 2 + 6], plus b
            assertVector(LinearAlgebraOps.linear(vector(1, 2), w, vector(0.5, 0.5, 0.5)), 1.5, 2.5, 8.5);
        }

        @Test
        void addsTheBiasToEveryRowOfAMatrix() {
            Matrix x = matrix(new double[] {1, 2}, new double[] {-1, 0});
            assertMatrix(LinearAlgebraOps.linear(x, w, vector(10, 20, 30)), new double[][] {{11, 22, 38}, {9, 20, 28}});
        }

        @Test
        void withoutBiasIsTheProduct() {
            assertVector(LinearAlgebraOps.linear(vector(1, 2), w, null), 1, 2, 8);
        }

        @Test
        void refusesABiasOfTheWrongLength() {
            assertOpError("linear: W is 2×3 so b must have length 3, but b has length 2",
                    () -> LinearAlgebraOps.linear(vector(1, 2), w, vector(1, 2)));
        }

        @Test
        void refusesAnInputOfTheWrongWidth() {
            assertOpError("matmul: x (a row) is 1×3, B is 2×3: columns of x must equal rows of B",
                    () -> LinearAlgebraOps.linear(vector(1, 2, 3), w, null));
        }
    }

    @Nested
    class Row {

        @Test
        void countsFromZero() {
            assertVector(LinearAlgebraOps.row(A_2X3, 0), 1, 2, 3);
            assertVector(LinearAlgebraOps.row(A_2X3, 1), 4, 5, 6);
        }

        @Test
        void refusesAnIndexOutsideTheRows() {
            assertOpError("row: index 2 is outside 0..1 of a 2×3 matrix", () -> LinearAlgebraOps.row(A_2X3, 2));
            assertOpError("row: index -1 is outside 0..1 of a 2×3 matrix", () -> LinearAlgebraOps.row(A_2X3, -1));
        }
    }

    @Nested
    class Columns {

        @Test
        void takesAdjacentColumnsOfEveryRow() {
            assertMatrix(LinearAlgebraOps.columns(A_2X3, 1, 2), new double[][] {{2, 3}, {5, 6}});
            assertMatrix(LinearAlgebraOps.columns(A_2X3, 0, 1), new double[][] {{1}, {4}});
        }

        @Test
        void refusesColumnsOutsideTheMatrix() {
            assertOpError("columns: 2 columns from 2 do not lie within the 3 columns of a 2×3 matrix", () -> LinearAlgebraOps.columns(A_2X3, 2, 2));
            assertOpError("columns: 0 columns from 0 do not lie within the 3 columns of a 2×3 matrix", () -> LinearAlgebraOps.columns(A_2X3, 0, 0));
        }
    }

    @Nested
    class ElementColumnStackConcat {

        private final Matrix a = matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});

        @Test
        void elementOfAVectorAndOfAMatrixCountFromZero() {
            assertEquals(0.2, LinearAlgebraOps.element(vector(0.1, 0.2), 1, null));
            assertEquals(6, LinearAlgebraOps.element(a, 1, 2));
        }

        @Test
        void elementRefusesIndicesOutsideAndTheWrongNumberOfThem() {
            assertOpError("element: index 2 is outside 0..1 of a vector of length 2", () -> LinearAlgebraOps.element(vector(0.1, 0.2), 2, null));
            assertOpError("element: column 3 is outside 0..2 of a 2×3 matrix", () -> LinearAlgebraOps.element(a, 0, 3));
            assertOpError("element: x is a 2×3 matrix, so it takes a row and a column index (or use row)", () -> LinearAlgebraOps.element(a, 0, null));
            assertOpError("element: x is a vector of length 2, so it takes one index, not two", () -> LinearAlgebraOps.element(vector(1, 2), 0, 0));
        }

        @Test
        void columnIsAVectorDownTheRows() {
            assertVector(LinearAlgebraOps.column(a, 1), 2, 5);
            assertOpError("column: index -1 is outside 0..2 of a 2×3 matrix", () -> LinearAlgebraOps.column(a, -1));
        }

        @Test
        void stackMakesAVectorOfNumbersAndAMatrixOfRows() {
            assertVector(LinearAlgebraOps.stack(List.of(Scalar.of(0.498), Scalar.of(0.502))), 0.498, 0.502);
            assertMatrix(LinearAlgebraOps.stack(List.of(vector(1, 2), vector(3, 4))), new double[][] {{1, 2}, {3, 4}});
        }

        @Test
        void stackRefusesMixedItemsAndRaggedRows() {
            assertOpError("stack: item 1 is a vector of length 2, but the first is a scalar: stack numbers into a vector, or vectors of equal length into a matrix",
                    () -> LinearAlgebraOps.stack(List.of(Scalar.of(1), vector(1, 2))));
            assertOpError("stack: row 0 has 2 elements but row 1 has 3: every row of a matrix must have the same length",
                    () -> LinearAlgebraOps.stack(List.of(vector(1, 2), vector(1, 2, 3))));
            assertOpError("stack: needs at least one item", () -> LinearAlgebraOps.stack(List.of()));
        }

        @Test
        void concatJoinsEndToEnd() {
            assertVector(LinearAlgebraOps.concat(vector(1, 2), vector(3)), 1, 2, 3);
            assertVector(LinearAlgebraOps.concat(Scalar.of(0), vector(1)), 0, 1);
            assertOpError("concat: joins vectors and numbers end to end, got a 2×3 matrix; use stack for rows",
                    () -> LinearAlgebraOps.concat(a, vector(1)));
        }
    }

    @Nested
    class DeterminantInverse {

        @Test
        void twoByTwoIsAdMinusBc() {
            assertClose(-2, LinearAlgebraOps.determinant(matrix(new double[] {1, 2}, new double[] {3, 4}))); // 1×4 − 2×3
        }

        @Test
        void threeByThreeByCofactors() {
            // 2(3·2 − 1·1) − 0 + 1(1·1 − 3·0) = 10 + 1 = 11
            assertClose(11, LinearAlgebraOps.determinant(matrix(new double[] {2, 0, 1}, new double[] {1, 3, 1}, new double[] {0, 1, 2})));
        }

        @Test
        void inverseOfTwoByTwoIsTheAdjugateOverTheDeterminant() {
            // [[4, −2], [−3, 1]] / (−2)
            assertMatrix(LinearAlgebraOps.inverse(matrix(new double[] {1, 2}, new double[] {3, 4})), new double[][] {{-2, 1}, {1.5, -0.5}});
        }

        @Test
        void refusesSingularAndNonSquareMatrices() {
            assertOpError("inverse: A is singular (its determinant is 0), so it has no inverse",
                    () -> LinearAlgebraOps.inverse(matrix(new double[] {1, 2}, new double[] {2, 4})));
            assertOpError("determinant: needs a square matrix, but A is 1×2", () -> LinearAlgebraOps.determinant(matrix(new double[] {1, 2})));
        }
    }

    @Nested
    class SingleNeuron {

        @Test
        void aWeightVectorAndAScalarBiasGiveOneNumber() {
            // 0.05×0.15 + 0.1×0.2 + 0.35 = 0.3775 (the classic backpropagation example's first hidden net input)
            assertScalar(0.3775, LinearAlgebraOps.linear(vector(0.05, 0.1), vector(0.15, 0.2), Scalar.of(0.35)));
        }

        @Test
        void aScalarBiasIsAddedToEveryOutputOfALayer() {
            assertVector(LinearAlgebraOps.linear(vector(1, 2), matrix(new double[] {1, 0}, new double[] {0, 1}), Scalar.of(0.5)), 1.5, 2.5);
        }

        @Test
        void aNeuronOverTheRowsOfAMatrixGivesOneNumberPerRow() {
            assertVector(LinearAlgebraOps.linear(matrix(new double[] {1, 2}, new double[] {3, 4}), vector(1, -1), null), -1, -1);
        }
    }
}
