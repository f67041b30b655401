package org.bookcheck.reference;

/**
 * The shape of a numeric value: rank 0 (scalar), 1 (vector of {@code cols} elements) or 2
 * ({@code rows}×{@code cols} matrix).
 */
public record Shape(int rank, int rows, int cols) {

    public static final Shape SCALAR = new Shape(0, 1, 1);

    public Shape {
        if (rank < 0 || rank > 2) {
            throw new IllegalArgumentException("rank must be 0, 1 or 2, got " + rank);
        }
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("dimensions must not be negative, got " + rows + "×" + cols);
        }
    }

    public static Shape vector(int length) {
        return new Shape(1, 1, length);
    }

    public static Shape matrix(int rows, int cols) {
        return new Shape(2, rows, cols);
    }

    public int size() {
        return rows * cols;
    }

    @Override
    public String toString() {
        return switch (rank) {
            case 0 -> "scalar";
            case 1 -> "vector of length " + cols;
            default -> rows + "×" + cols;
        };
    }
}
