package org.bookcheck.reference;

import java.util.List;

/** An ordered list of tokens, as tokenization produces and token encoding consumes. */
public record Tokens(List<String> tokens) implements Value {

    public Tokens {
        tokens = List.copyOf(tokens);
    }

    @Override
    public String kind() {
        return "token list";
    }

    @Override
    public String describeShape() {
        return tokens.size() + " tokens";
    }
}
