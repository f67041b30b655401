package org.bookcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.bookcheck.reference.TextOps;
import org.junit.jupiter.api.Test;

/** The word tokenizer cuts text exactly as the reference tokenize does; both tokenizers round-trip. */
class TokenizerProperties {

    @Property(tries = 200)
    void wordTokensAreTheReferenceTokens(@ForAll @StringLength(max = 60) @Chars({'a', 'B', 'é', '7', ' ', '\n', '.', ',', '\'', '’', '-', '$', '\u00A0', '\u202F', '\u2003', '\u200B'}) String text) {
        assertEquals(TextOps.tokenize(text).tokens(), WordTokenizer.split(text));
    }

    @Test
    void aNoBreakSpaceSeparatesWordsForTheModelAsForTheReference() {
        // Before the shared rule the model's tokenizer made U+00A0 a token of its own: ["The", "\u00A0", "cat"].
        assertEquals(List.of("The", "cat"), WordTokenizer.split("The\u00A0cat"));
        assertEquals(List.of("The", "cat"), TextOps.tokenize("The\u00A0cat").tokens());
    }

    @Property(tries = 200)
    void bytesRoundTrip(@ForAll String text) {
        ByteTokenizer t = new ByteTokenizer();
        int[] ids = t.encode(text);
        String back = t.decode(ids, 0, ids.length);
        // Unpaired surrogates have no UTF-8 form, so compare what UTF-8 can carry.
        String expected = new String(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(expected, back);
    }

    @Test
    void chapterSentenceGivesSevenTokensAndDecodesBack() {
        WordTokenizer t = WordTokenizer.fit("The cat sat on the mat.");
        assertEquals(List.of("The", "cat", "sat", "on", "the", "mat", "."), t.vocabulary());
        int[] ids = t.encode("The cat sat on the mat.");
        assertEquals(7, ids.length);
        assertEquals("The cat sat on the mat.", t.decode(ids, 0, ids.length));
    }
}
