package org.bookcheck.reference;

import java.util.Map;

/**
 * The values bound to an operation's parameters for one application, with typed access. Types have
 * already been checked against the operation's parameters, so the casts here state what was checked.
 */
public record Arguments(Map<String, Value> values) {

    public Arguments {
        values = Map.copyOf(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The values of a variadic parameter, bound as {@code name[0]}, {@code name[1]}, ... in order. */
    public java.util.List<Numeric> numerics(String name) {
        java.util.List<Numeric> out = new java.util.ArrayList<>();
        for (int k = 0; has(name + "[" + k + "]"); k++) {
            out.add(numeric(name + "[" + k + "]"));
        }
        return out;
    }

    /** A numeric argument, or null when it is not given. */
    public Numeric numericOrNull(String name) {
        return has(name) ? numeric(name) : null;
    }

    public Value value(String name) {
        Value v = values.get(name);
        if (v == null) {
            throw new OpException("missing argument " + name);
        }
        return v;
    }

    public Numeric numeric(String name) {
        return (Numeric) value(name);
    }

    public double scalar(String name) {
        return ((Scalar) value(name)).value();
    }

    public double scalar(String name, double fallback) {
        return has(name) ? scalar(name) : fallback;
    }

    public int integer(String name) {
        return (int) scalar(name);
    }

    public long wholeNumber(String name) {
        return (long) scalar(name);
    }

    public Vector vector(String name) {
        return (Vector) value(name);
    }

    public Vector vectorOrNull(String name) {
        return has(name) ? vector(name) : null;
    }

    public Matrix matrix(String name) {
        return (Matrix) value(name);
    }

    public boolean bool(String name, boolean fallback) {
        return has(name) ? ((Bool) value(name)).value() : fallback;
    }
}
