package org.bookcheck.reference;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/** A rectangular grid of numbers, immutable; arithmetic is done on EJML copies. */
public final class Matrix implements Numeric {

    private final DMatrixRMaj data;

    private Matrix(DMatrixRMaj data) {
        this.data = data;
    }

    /** Wraps a copy of an EJML matrix. */
    public static Matrix of(DMatrixRMaj m) {
        return new Matrix(m.copy());
    }

    /** A matrix from rows of equal length. */
    public static Matrix of(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new OpException("matrix: row 1 has " + cols + " elements but row " + (r + 1)
                        + " has " + rows[r].length + ": every row must have the same length");
            }
        }
        return new Matrix(rows.length == 0 ? new DMatrixRMaj(0, 0) : new DMatrixRMaj(rows));
    }

    /** A rows×cols matrix over a copy of row-major elements. */
    public static Matrix of(int rows, int cols, double[] rowMajor) {
        if (rowMajor.length != rows * cols) {
            throw new IllegalArgumentException(rows + "×" + cols + " needs " + rows * cols
                    + " elements, got " + rowMajor.length);
        }
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        System.arraycopy(rowMajor, 0, m.data, 0, rowMajor.length);
        return new Matrix(m);
    }

    public int rows() {
        return data.numRows;
    }

    public int cols() {
        return data.numCols;
    }

    public double get(int row, int col) {
        return data.get(row, col);
    }

    public Vector row(int r) {
        double[] out = new double[cols()];
        System.arraycopy(data.data, r * cols(), out, 0, cols());
        return Vector.of(out);
    }

    /** A copy as an EJML matrix, free to modify. */
    public DMatrixRMaj ejml() {
        return data.copy();
    }

    public double[][] toArrays() {
        double[][] out = new double[rows()][];
        for (int r = 0; r < rows(); r++) {
            out[r] = row(r).toArray();
        }
        return out;
    }

    @Override
    public Shape shape() {
        return Shape.matrix(rows(), cols());
    }

    @Override
    public double[] flat() {
        return Arrays.copyOf(data.data, rows() * cols());
    }

    @Override
    public double at(int index) {
        return data.data[index];
    }

    @Override
    public Numeric withFlat(double[] elements) {
        return of(rows(), cols(), elements);
    }

    @Override
    public String kind() {
        return "matrix";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && shape().equals(m.shape()) && Arrays.equals(flat(), m.flat());
    }

    @Override
    public int hashCode() {
        return 31 * shape().hashCode() + Arrays.hashCode(flat());
    }

    @Override
    public String toString() {
        return Arrays.deepToString(toArrays());
    }
}
