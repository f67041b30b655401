package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.assertEmptyMatrix;
import static org.bookcheck.reference.ReferenceAssertions.assertMatrix;
import static org.bookcheck.reference.ReferenceAssertions.assertOpError;
import static org.bookcheck.reference.ReferenceAssertions.assertVector;
import static org.bookcheck.reference.ReferenceAssertions.vocabulary;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The value types the operations consume and produce: shapes, the words errors use for them, immutability. */
class ValuesTest {

    @Nested
    class ShapeNotation {

        @Test
        void describeThemselvesInTheBooksNotation() {
            assertEquals("scalar", Shape.SCALAR.toString());
            assertEquals("vector of length 4", Shape.vector(4).toString());
            assertEquals("2×3", Shape.matrix(2, 3).toString());
            assertEquals(6, Shape.matrix(2, 3).size());
            assertEquals(0, Shape.matrix(0, 3).size());
        }

        @Test
        void refuseImpossibleRanksAndDimensions() {
            assertEquals("rank must be 0, 1 or 2, got 3", assertThrows(IllegalArgumentException.class, () -> new Shape(3, 1, 1)).getMessage());
            assertEquals("dimensions must not be negative, got -1×2",
                    assertThrows(IllegalArgumentException.class, () -> new Shape(2, -1, 2)).getMessage());
        }
    }

    @Nested
    class Scalars {

        @Test
        void areOneElementOfRankZero() {
            Scalar s = Scalar.of(2.5);
            assertEquals(Shape.SCALAR, s.shape());
            assertArrayEquals(new double[] {2.5}, s.flat());
            assertEquals(2.5, s.at(0));
            assertThrows(IndexOutOfBoundsException.class, () -> s.at(1));
            assertEquals("scalar", s.kind());
            assertEquals("scalar", s.describeShape());
        }

        @Test
        void wholeNumbersAreThoseThatFitAnInt() {
            assertTrue(Scalar.of(3).isWholeNumber());
            assertTrue(Scalar.of(-0.0).isWholeNumber());
            assertFalse(Scalar.of(3.5).isWholeNumber());
            assertTrue(Scalar.of(Integer.MAX_VALUE).isWholeNumber());
            assertFalse(Scalar.of(Integer.MAX_VALUE + 1.0).isWholeNumber());
            assertFalse(Scalar.of(Double.NaN).isWholeNumber());
            assertFalse(Scalar.of(Double.POSITIVE_INFINITY).isWholeNumber());
        }
    }

    @Nested
    class Vectors {

        @Test
        void copyTheirElementsInAndOut() {
            double[] source = {1, 2, 3};
            Vector v = Vector.of(source);
            source[0] = 99;
            v.toArray()[1] = 99;
            v.flat()[2] = 99;
            assertVector(v, 1, 2, 3);
        }

        @Test
        void haveRankOneAndValueEquality() {
            Vector v = Vector.of(1, 2);
            assertEquals(Shape.vector(2), v.shape());
            assertEquals("vector", v.kind());
            assertEquals("vector of length 2", v.describeShape());
            assertEquals(Vector.of(1, 2), v);
            assertEquals(Vector.of(1, 2).hashCode(), v.hashCode());
            assertNotEquals(Vector.of(2, 1), v);
            assertVector(v.map(x -> -x), -1, -2);
        }
    }

    @Nested
    class Matrices {

        @Test
        void areBuiltFromRowsOrRowMajorElements() {
            Matrix fromRows = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
            Matrix fromFlat = Matrix.of(2, 3, new double[] {1, 2, 3, 4, 5, 6});
            assertEquals(fromRows, fromFlat);
            assertEquals(fromRows.hashCode(), fromFlat.hashCode());
            assertEquals(6, fromRows.get(1, 2));
            assertEquals(4, fromRows.at(3));
            assertEquals("2×3", fromRows.describeShape());
            assertEquals("matrix", fromRows.kind());
        }

        @Test
        void ofNoRowsIsEmpty() {
            assertEmptyMatrix(Matrix.of(new double[0][3]), 0, 0);
            assertEmptyMatrix(Matrix.of(new double[2][0]), 2, 0);
        }

        @Test
        void sameElementsInAnotherShapeAreAnotherMatrix() {
            assertNotEquals(Matrix.of(1, 4, new double[] {1, 2, 3, 4}), Matrix.of(2, 2, new double[] {1, 2, 3, 4}));
        }

        @Test
        void refuseRaggedRows() {
            assertOpError("matrix: row 1 has 2 elements but row 2 has 1: every row must have the same length",
                    () -> Matrix.of(new double[][] {{1, 2}, {3}}));
        }

        @Test
        void refuseAnElementCountThatIsNotRowsTimesCols() {
            assertEquals("2×2 needs 4 elements, got 3",
                    assertThrows(IllegalArgumentException.class, () -> Matrix.of(2, 2, new double[] {1, 2, 3})).getMessage());
        }

        @Test
        void areImmutable() {
            double[][] rows = {{1, 2}, {3, 4}};
            Matrix m = Matrix.of(rows);
            rows[0][0] = 99;
            m.ejml().set(0, 1, 99);
            m.toArrays()[1][0] = 99;
            m.flat()[3] = 99;
            assertMatrix(m, new double[][] {{1, 2}, {3, 4}});
        }

        @Test
        void mapAndZipKeepTheShape() {
            Matrix m = Matrix.of(1, 2, new double[] {1, 2});
            assertMatrix(m.map(x -> 2 * x), new double[][] {{2, 4}});
            assertMatrix(m.zip("test", Scalar.of(1), Double::sum), new double[][] {{2, 3}});
        }
    }

    @Nested
    class TextValues {

        @Test
        void tokensAndBatchesAreImmutableCopies() {
            List<String> source = new ArrayList<>(List.of("a", "b"));
            Tokens tokens = new Tokens(source);
            source.add("c");
            assertEquals(List.of("a", "b"), tokens.tokens());
            assertThrows(UnsupportedOperationException.class, () -> tokens.tokens().add("d"));
            assertEquals("token list", tokens.kind());
            assertEquals("2 tokens", tokens.describeShape());
            TokenBatch batch = new TokenBatch(List.of(tokens));
            assertEquals("1 sequences", batch.describeShape());
            assertEquals("batch of token sequences", batch.kind());
        }

        @Test
        void textAndTruthValuesDescribeThemselves() {
            assertEquals("7 characters", new Text("The cat").describeShape());
            assertEquals("text", new Text("").kind());
            assertEquals("true/false", new Bool(false).describeShape());
            assertEquals("truth value", new Bool(true).kind());
        }

        @Test
        void aVocabularyFindsTokensById() {
            Vocabulary v = vocabulary("The", 1, "cat", 2);
            assertEquals(Optional.of("cat"), v.token(2));
            assertEquals(Optional.empty(), v.token(3));
            assertEquals("2 tokens", v.describeShape());
            assertEquals("vocabulary", v.kind());
        }

        @Test
        void aVocabularyRefusesTwoTokensWithOneId() {
            assertOpError("vocabulary: tokens \"The\" and \"cat\" both have id 1: ids must be unique",
                    () -> vocabulary("The", 1, "cat", 1));
        }

        @Test
        void aVocabularyIsAnImmutableCopy() {
            Vocabulary v = new Vocabulary(Map.of("a", 0));
            assertThrows(UnsupportedOperationException.class, () -> v.ids().put("b", 1));
        }
    }
}
