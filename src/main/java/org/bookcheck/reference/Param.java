package org.bookcheck.reference;

/**
 * One named parameter of an operation: what it accepts and whether a fixture may leave it out. A
 * variadic parameter ({@code items} of stack) takes any number of values, bound as {@code items[0]},
 * {@code items[1]}, ... in order.
 */
public record Param(String name, ParamType type, boolean required, String description, boolean variadic) {

    public Param(String name, ParamType type, boolean required, String description) {
        this(name, type, required, description, false);
    }

    public static Param required(String name, ParamType type, String description) {
        return new Param(name, type, true, description);
    }

    public static Param optional(String name, ParamType type, String description) {
        return new Param(name, type, false, description);
    }

    /** One or more values in order, bound as {@code name[0]}, {@code name[1]}, ... */
    public static Param variadic(String name, ParamType type, String description) {
        return new Param(name, type, true, description, true);
    }

    /** The argument name of item k of a variadic parameter: {@code items[2]}. */
    public String item(int k) {
        return name + "[" + k + "]";
    }
}
