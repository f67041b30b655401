package org.bookcheck.reference;

/**
 * A value that a fixture names and an operation consumes or produces: numbers, token lists, texts,
 * vocabularies and truth values. Closed, so that every consumer handles every kind.
 */
public sealed interface Value permits Numeric, Tokens, TokenBatch, Text, Vocabulary, Bool {

    /** The kind of value in words, as error messages name it ("matrix", "token list"). */
    String kind();

    /** The shape in the book's notation ("2×3" for a matrix, "length 4" for a vector). */
    String describeShape();
}
