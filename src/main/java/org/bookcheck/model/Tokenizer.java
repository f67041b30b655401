package org.bookcheck.model;

/** Turns text into token ids and back, with a fixed vocabulary of {@link #vocabSize()} ids. */
public sealed interface Tokenizer permits WordTokenizer, ByteTokenizer {

    TokenizerKind kind();

    int vocabSize();

    /** The ids of the text's tokens; throws IllegalArgumentException for a token outside the vocabulary. */
    int[] encode(String text);

    /** The text of ids[from, to). */
    String decode(int[] ids, int from, int to);

    /** How one token is shown in traces and messages. */
    String token(int id);
}
