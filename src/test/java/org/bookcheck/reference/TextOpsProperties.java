package org.bookcheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Tokenization keeps the text's characters; encoding and decoding through a vocabulary undo each other. */
class TextOpsProperties {

    /** Unicode's White_Space characters (PropList.txt), written out here rather than taken from a regex flag. */
    private static final String WHITE_SPACE = "\t\n\u000B\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
            + "\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    /**
     * Texts from pieces that stress the tokenizer: letters of several scripts, digits, straight and curly
     * apostrophes, punctuation, a combining accent, an emoji (two chars), and ASCII and Unicode spaces.
     */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.of("The", "cat", "a", "Z", "é", "ß", "漢", "7", "42", ".", ",", "!", "?", "-", "\"", "(",
                "'", "’", "\u0301", "\uD83D\uDE00", " ", " ", "  ", "\t", "\n", "\u00A0", "\u2003", "\u3000", "\u0085");
        return pieces.list().ofMaxSize(30).map(l -> String.join("", l));
    }

    private static String withoutWhiteSpace(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (WHITE_SPACE.indexOf(c) < 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Property(tries = 1000)
    void tokenizeNeverLosesANonSpaceCharacter(@ForAll("texts") String text) {
        List<String> tokens = TextOps.tokenize(text).tokens();
        assertEquals(withoutWhiteSpace(text), String.join("", tokens));
        for (String token : tokens) {
            assertFalse(token.isEmpty(), "an empty token");
            assertEquals(token, withoutWhiteSpace(token), "a token holds a space");
        }
    }

    @Property(tries = 500)
    void tokensSeparatedBySpacesTokenizeToThemselves(@ForAll("texts") String text) {
        List<String> tokens = TextOps.tokenize(text).tokens();
        assertEquals(tokens, TextOps.tokenize(String.join(" ", tokens)).tokens());
    }

    /** A vocabulary of distinct tokens with distinct ids (any order, gaps, negatives). */
    private static Arbitrary<Vocabulary> vocabularies() {
        Arbitrary<List<String>> tokens = Arbitraries.strings().withChars("abcXYZé.,'!").ofMinLength(1).ofMaxLength(5)
                .list().ofMinSize(1).ofMaxSize(12).uniqueElements();
        return tokens.flatMap(t -> Arbitraries.integers().between(-1000, 1000).list().ofSize(t.size()).uniqueElements().map(ids -> {
            Map<String, Integer> map = new LinkedHashMap<>();
            for (int i = 0; i < t.size(); i++) {
                map.put(t.get(i), ids.get(i));
            }
            return new Vocabulary(map);
        }));
    }

    /** A vocabulary and up to 20 of its tokens, repeats allowed. */
    @Provide
    Arbitrary<VocabularyAndTokens> vocabularyAndTokens() {
        return vocabularies().flatMap(v -> Arbitraries.of(new ArrayList<>(v.ids().keySet())).list().ofMaxSize(20)
                .map(t -> new VocabularyAndTokens(v, new Tokens(t))));
    }

    record VocabularyAndTokens(Vocabulary vocabulary, Tokens tokens) {
    }

    @Property(tries = 500)
    void decodeUndoesEncode(@ForAll("vocabularyAndTokens") VocabularyAndTokens c) {
        Vector ids = TextOps.encode(c.tokens(), c.vocabulary());
        assertEquals(c.tokens(), TextOps.decode(ids, c.vocabulary()));
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(c.vocabulary().ids().get(c.tokens().tokens().get(i)).doubleValue(), ids.get(i), "id of token " + i);
        }
    }

    @Property(tries = 500)
    void encodeUndoesDecode(@ForAll("vocabularyAndTokens") VocabularyAndTokens c) {
        // the ids of the generated tokens, looked up here, decoded and encoded again
        double[] ids = c.tokens().tokens().stream().mapToDouble(t -> c.vocabulary().ids().get(t)).toArray();
        assertEquals(Vector.of(ids), TextOps.encode(TextOps.decode(Vector.of(ids), c.vocabulary()), c.vocabulary()));
    }
}
