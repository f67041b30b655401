package org.bookcheck.model;

import java.nio.charset.StandardCharsets;

/** Byte-level tokens: the UTF-8 bytes of the text, a fixed vocabulary of 256 ids. */
public final class ByteTokenizer implements Tokenizer {

    /** The one vocabulary size of byte tokens. */
    public static final int VOCAB_SIZE = 256;

    @Override
    public TokenizerKind kind() {
        return TokenizerKind.BYTE;
    }

    @Override
    public int vocabSize() {
        return VOCAB_SIZE;
    }

    @Override
    public int[] encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }

    @Override
    public String decode(int[] ids, int from, int to) {
        byte[] bytes = new byte[to - from];
        for (int i = from; i < to; i++) {
            bytes[i - from] = (byte) ids[i];
        }
        // Sampling can produce byte sequences that are not valid UTF-8; those show as U+FFFD.
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String token(int id) {
        return id >= 0x21 && id < 0x7F ? String.valueOf((char) id) : String.format("\\x%02x", id);
    }
}
