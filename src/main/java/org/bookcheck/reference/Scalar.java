package org.bookcheck.reference;

/** A single number. Counts and indices are scalars whose value is a whole number. */
public record Scalar(double value) implements Numeric {

    public static Scalar of(double value) {
        return new Scalar(value);
    }

    @Override
    public Shape shape() {
        return Shape.SCALAR;
    }

    @Override
    public double[] flat() {
        return new double[] {value};
    }

    @Override
    public double at(int index) {
        if (index != 0) {
            throw new IndexOutOfBoundsException(index);
        }
        return value;
    }

    @Override
    public Numeric withFlat(double[] elements) {
        return new Scalar(elements[0]);
    }

    @Override
    public String kind() {
        return "scalar";
    }

    /** Whether the value is a whole number that fits an int, as counts, indices and token ids must. */
    public boolean isWholeNumber() {
        return value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE;
    }
}
