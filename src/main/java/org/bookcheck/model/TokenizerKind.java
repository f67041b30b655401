package org.bookcheck.model;

/** Which tokenizer a configuration trains with. */
public enum TokenizerKind {
    /** Words and punctuation marks, as the chapter tokenizes "The cat sat on the mat.". */
    WORD,
    /** UTF-8 bytes: a fixed vocabulary of 256, as GPT-2-style benchmarks use. */
    BYTE
}
