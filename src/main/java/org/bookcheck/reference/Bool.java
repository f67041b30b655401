package org.bookcheck.reference;

/** A truth value: the result of a qualitative claim such as "the loss decreased". */
public record Bool(boolean value) implements Value {

    @Override
    public String kind() {
        return "truth value";
    }

    @Override
    public String describeShape() {
        return "true/false";
    }
}
