package org.bookcheck.reference;

/** One named parameter of an operation: what it accepts and whether a fixture may leave it out. */
public record Param(String name, ParamType type, boolean required, String description) {

    public static Param required(String name, ParamType type, String description) {
        return new Param(name, type, true, description);
    }

    public static Param optional(String name, ParamType type, String description) {
        return new Param(name, type, false, description);
    }
}
