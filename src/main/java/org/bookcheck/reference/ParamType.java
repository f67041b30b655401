package org.bookcheck.reference;

/** The kinds of value an operation parameter accepts, with the words error messages use for them. */
public enum ParamType {
    SCALAR("a number"),
    INTEGER("a whole number"),
    VECTOR("a vector"),
    MATRIX("a matrix"),
    VECTOR_OR_MATRIX("a vector or a matrix"),
    NUMERIC("a number, vector or matrix"),
    TOKENS("a token list"),
    TEXT("a text"),
    VOCABULARY("a vocabulary (token → id)"),
    BOOL("true or false"),
    COUNTABLE("a vector, matrix, token list, batch or vocabulary");

    private final String description;

    ParamType(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean accepts(Value v) {
        return switch (this) {
            case SCALAR -> v instanceof Scalar;
            case INTEGER -> v instanceof Scalar s && s.isWholeNumber();
            case VECTOR -> v instanceof Vector;
            case MATRIX -> v instanceof Matrix;
            case VECTOR_OR_MATRIX -> v instanceof Vector || v instanceof Matrix;
            case NUMERIC -> v instanceof Numeric;
            case TOKENS -> v instanceof Tokens;
            case TEXT -> v instanceof Text;
            case VOCABULARY -> v instanceof Vocabulary;
            case BOOL -> v instanceof Bool;
            case COUNTABLE -> !(v instanceof Text || v instanceof Bool || v instanceof Scalar);
        };
    }
}
