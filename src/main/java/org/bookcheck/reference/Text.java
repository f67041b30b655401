package org.bookcheck.reference;

/** Raw text before tokenization. */
public record Text(String text) implements Value {

    @Override
    public String kind() {
        return "text";
    }

    @Override
    public String describeShape() {
        return text.length() + " characters";
    }
}
