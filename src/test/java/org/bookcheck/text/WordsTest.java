package org.bookcheck.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one word rule: words, single visible characters, and every kind of Unicode space as a separator. */
class WordsTest {

    @Test
    void theChapterSentenceGivesSevenTokens() {
        assertEquals(List.of("The", "cat", "sat", "on", "the", "mat", "."), Words.split("The cat sat on the mat."));
    }

    @Test
    void innerApostrophesStayInTheWord() {
        assertEquals(List.of("it's", "the", "cat’s", "'"), Words.split("it's the cat’s '"));
    }

    @Test
    void aNoBreakSpaceSeparatesWordsLikeASpace() {
        // U+00A0 no-break space, U+202F narrow no-break space, U+2007 figure space, U+2003 em space, U+3000 ideographic space.
        for (char space : new char[] {'\u00A0', '\u202F', '\u2007', '\u2003', '\u3000'}) {
            assertEquals(List.of("The", "cat", "sat"), Words.split("The" + space + "cat" + space + space + "sat"),
                    () -> "U+" + Integer.toHexString(space));
        }
    }

    @Test
    void invisibleCharactersSeparateAndAreNoTokens() {
        // U+200B zero-width space, U+FEFF byte order mark, U+0007 a control character.
        assertEquals(List.of("The", "cat", "sat", "."), Words.split("\uFEFFThe\u200Bcat\u0007sat."));
    }

    @Test
    void punctuationAndSymbolsAreTokensOfTheirOwn() {
        assertEquals(List.of("x", "=", "3", ",", "€", "7"), Words.split("x=3, €7"));
    }
}
