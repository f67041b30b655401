package org.bookcheck.reference;

import java.util.Arrays;

/**
 * An ordered list of numbers. The book writes vectors both as rows ({@code [0.3, 0.7]}) and as
 * column bmatrices; both are this one type, and matrix products treat it as the orientation that
 * fits.
 */
public final class Vector implements Numeric {

    private final double[] values;

    private Vector(double[] values) {
        this.values = values;
    }

    public static Vector of(double... values) {
        return new Vector(values.clone());
    }

    public double get(int i) {
        return values[i];
    }

    public double[] toArray() {
        return values.clone();
    }

    @Override
    public Shape shape() {
        return Shape.vector(values.length);
    }

    @Override
    public double[] flat() {
        return values.clone();
    }

    @Override
    public double at(int index) {
        return values[index];
    }

    @Override
    public Numeric withFlat(double[] elements) {
        return new Vector(elements.clone());
    }

    @Override
    public String kind() {
        return "vector";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vector v && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
