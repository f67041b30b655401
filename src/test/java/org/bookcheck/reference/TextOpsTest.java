package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.assertEmptyMatrix;
import static org.bookcheck.reference.ReferenceAssertions.assertMatrix;
import static org.bookcheck.reference.ReferenceAssertions.assertOpError;
import static org.bookcheck.reference.ReferenceAssertions.assertVector;
import static org.bookcheck.reference.ReferenceAssertions.matrix;
import static org.bookcheck.reference.ReferenceAssertions.vector;
import static org.bookcheck.reference.ReferenceAssertions.vocabulary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TextOpsTest {

    private static final Vocabulary VOCABULARY = vocabulary("The", 1, "cat", 2, "sat", 3, ".", 4);

    private static List<String> tokens(String text) {
        return TextOps.tokenize(text).tokens();
    }

    @Nested
    class Tokenize {

        @Test
        void splitsTheChaptersSentenceIntoSevenTokens() {
            assertEquals(List.of("The", "cat", "sat", "on", "the", "mat", "."), tokens("The cat sat on the mat."));
        }

        @Test
        void everyPunctuationMarkIsATokenOfItsOwn() {
            assertEquals(List.of("Hello", ",", "world", "!", "?"), tokens("Hello, world!?"));
            assertEquals(List.of("3", ".", "14", "%"), tokens("3.14%"));
        }

        @Test
        void innerApostrophesStayInTheWord() {
            assertEquals(List.of("it's", "don’t"), tokens("it's don’t"));
            assertEquals(List.of("'", "quoted", "'"), tokens("'quoted'"));
            assertEquals(List.of("cats", "'"), tokens("cats'"));
        }

        @Test
        void lettersOfAnyScriptAndDigitsMakeWords() {
            assertEquals(List.of("naïve", "café", "R2D2", "Größe"), tokens("naïve café R2D2 Größe"));
        }

        @Test
        void anyUnicodeSpaceSeparatesAndNoneIsAToken() {
            // tab, newline, no-break space, em space, next line (U+0085), ideographic space
            assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), tokens("a\tb\nc\u00A0d\u2003e\u0085f\u3000g"));
        }

        @Test
        void emptyAndBlankTextHaveNoTokens() {
            assertEquals(List.of(), tokens(""));
            assertEquals(List.of(), tokens(" \t\n "));
        }
    }

    @Nested
    class Encode {

        @Test
        void mapsEachTokenToItsId() {
            assertVector(TextOps.encode(new Tokens(List.of("The", "cat", "sat", "cat", ".")), VOCABULARY), 1, 2, 3, 2, 4);
        }

        @Test
        void noTokensGiveAnEmptyVector() {
            assertVector(TextOps.encode(new Tokens(List.of()), VOCABULARY));
        }

        @Test
        void refusesAnUnknownTokenWithItsPosition() {
            assertOpError("encode: token \"dog\" (position 2) is not in the vocabulary [The, cat, sat, .]",
                    () -> TextOps.encode(new Tokens(List.of("The", "dog")), VOCABULARY));
            // case matters: "the" is not "The"
            assertOpError("encode: token \"the\" (position 1) is not in the vocabulary [The, cat, sat, .]",
                    () -> TextOps.encode(new Tokens(List.of("the")), VOCABULARY));
        }
    }

    @Nested
    class Decode {

        @Test
        void mapsEachIdBackToItsToken() {
            assertEquals(List.of("sat", "The", "."), TextOps.decode(vector(3, 1, 4), VOCABULARY).tokens());
            assertEquals(List.of("cat"), TextOps.decode(Scalar.of(2), VOCABULARY).tokens());
            assertEquals(List.of("The", "cat", "sat", "."), TextOps.decode(matrix(new double[] {1, 2}, new double[] {3, 4}), VOCABULARY).tokens());
        }

        @Test
        void refusesUnknownAndFractionalIds() {
            assertOpError("decode: id 7 is not in the vocabulary {The=1, cat=2, sat=3, .=4}", () -> TextOps.decode(vector(1, 7), VOCABULARY));
            assertOpError("decode: token ids are whole numbers, got 1.5", () -> TextOps.decode(vector(1.5), VOCABULARY));
        }
    }

    @Nested
    class EmbeddingLookup {

        private final Matrix table = matrix(new double[] {0.1, 0.2}, new double[] {0.3, 0.4}, new double[] {0.5, 0.6});

        @Test
        void oneIdGivesItsRow() {
            assertVector(TextOps.embeddingLookup(Scalar.of(2), table, 0), 0.5, 0.6);
        }

        @Test
        void severalIdsGiveOneRowEach() {
            assertMatrix(TextOps.embeddingLookup(vector(2, 0, 2), table, 0), new double[][] {{0.5, 0.6}, {0.1, 0.2}, {0.5, 0.6}});
        }

        @Test
        void idsCanBeNumberedFromOne() {
            assertVector(TextOps.embeddingLookup(Scalar.of(1), table, 1), 0.1, 0.2);
            assertMatrix(TextOps.embeddingLookup(vector(3, 1), table, 1), new double[][] {{0.5, 0.6}, {0.1, 0.2}});
        }

        @Test
        void noIdsGiveNoRowsOfTheTablesWidth() {
            assertEmptyMatrix(TextOps.embeddingLookup(vector(), table, 0), 0, 2);
        }

        @Test
        void refusesAnIdWithoutARow() {
            assertOpError("embedding_lookup: id 3 has no row: the table has 3 rows for ids 0..2",
                    () -> TextOps.embeddingLookup(Scalar.of(3), table, 0));
            assertOpError("embedding_lookup: id 0 has no row: the table has 3 rows for ids 1..3",
                    () -> TextOps.embeddingLookup(vector(1, 0), table, 1));
            assertOpError("embedding_lookup: id -1 has no row: the table has 3 rows for ids 0..2",
                    () -> TextOps.embeddingLookup(Scalar.of(-1), table, 0));
        }

        @Test
        void refusesFractionalIdsAndMatricesOfIds() {
            assertOpError("embedding_lookup: token ids are whole numbers, got 0.5", () -> TextOps.embeddingLookup(Scalar.of(0.5), table, 0));
            assertOpError("embedding_lookup: ids must be one id or a vector of ids, got a 1×2 matrix",
                    () -> TextOps.embeddingLookup(matrix(new double[] {0, 1}), table, 0));
        }
    }
}
