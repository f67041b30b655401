package org.bookcheck.reference;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.mult.VectorVectorMult_DDRM;

/** Matrix and vector products on EJML, in double precision. */
public final class LinearAlgebraOps {

    private LinearAlgebraOps() {
    }

    /**
     * AB: each result element is the dot product of a row of A with a column of B. A vector on the
     * right is a column (Wx), a vector on the left is a row (xW).
     */
    public static Numeric matmul(Numeric a, Numeric b) {
        return switch (a) {
            case Matrix ma -> switch (b) {
                case Matrix mb -> {
                    requireInner("matmul", "A", ma.rows(), ma.cols(), "B", mb.rows(), mb.cols());
                    Sizes.require("matmul", (long) ma.rows() * mb.cols(), "A with " + ma.rows() + " rows and B with " + mb.cols() + " columns");
                    DMatrixRMaj c = new DMatrixRMaj(ma.rows(), mb.cols());
                    CommonOps_DDRM.mult(ma.ejml(), mb.ejml(), c);
                    yield Matrix.of(c);
                }
                case Vector vb -> {
                    requireInner("matmul", "A", ma.rows(), ma.cols(), "x (a column)", vb.size(), 1);
                    DMatrixRMaj c = new DMatrixRMaj(ma.rows(), 1);
                    CommonOps_DDRM.mult(ma.ejml(), column(vb), c);
                    yield Vector.of(c.data);
                }
                case Scalar s -> throw new OpException("matmul: B is a scalar; use scale to multiply by a number");
            };
            case Vector va -> switch (b) {
                case Matrix mb -> {
                    requireInner("matmul", "x (a row)", 1, va.size(), "B", mb.rows(), mb.cols());
                    DMatrixRMaj c = new DMatrixRMaj(1, mb.cols());
                    CommonOps_DDRM.mult(row(va), mb.ejml(), c);
                    yield Vector.of(c.data);
                }
                case Vector vb -> throw new OpException("matmul: both operands are vectors (lengths " + va.size()
                        + " and " + vb.size() + "); use dot for a number or outer for a matrix");
                case Scalar s -> throw new OpException("matmul: B is a scalar; use scale to multiply by a number");
            };
            case Scalar s -> throw new OpException("matmul: A is a scalar; use scale to multiply by a number");
        };
    }

    /** Aᵀ: rows become columns. */
    public static Matrix transpose(Matrix a) {
        return Matrix.of(CommonOps_DDRM.transpose(a.ejml(), null));
    }

    /** a·b = Σᵢ aᵢbᵢ (for two components: ac + bd). */
    public static double dot(Vector a, Vector b) {
        Shapes.requireSameLength("dot", "a", a, "b", b);
        return VectorVectorMult_DDRM.innerProd(column(a), column(b));
    }

    /** a bᵀ: the matrix whose (i, j) element is aᵢbⱼ. */
    public static Matrix outer(Vector a, Vector b) {
        Sizes.require("outer", (long) a.size() * b.size(), "a of length " + a.size() + " and b of length " + b.size());
        DMatrixRMaj out = new DMatrixRMaj(a.size(), b.size());
        VectorVectorMult_DDRM.outerProd(column(a), column(b), out);
        return Matrix.of(out);
    }

    /** xW + b: a dense layer applied to a row vector, or to every row of a matrix; b is optional. */
    public static Numeric linear(Numeric x, Matrix w, Vector bias) {
        Numeric xw = matmul(x, w);
        if (bias == null) {
            return xw;
        }
        if (bias.size() != w.cols()) {
            throw new OpException("linear: W is " + w.shape() + " so b must have length " + w.cols()
                    + ", but b has length " + bias.size());
        }
        return addToEachRow(xw, bias);
    }

    /** Row r of a matrix (counted from 0). */
    public static Vector row(Matrix m, int r) {
        if (r < 0 || r >= m.rows()) {
            throw new OpException("row: index " + r + " is outside 0.." + (m.rows() - 1) + " of a " + m.shape() + " matrix");
        }
        return m.row(r);
    }

    /** Columns {@code from} to {@code from + count − 1} of a matrix (counted from 0), such as one attention head's share of Q. */
    public static Matrix columns(Matrix m, int from, int count) {
        if (from < 0 || count < 1 || from + count > m.cols()) {
            throw new OpException("columns: " + count + " columns from " + from + " do not lie within the " + m.cols() + " columns of a "
                    + m.shape() + " matrix");
        }
        return Matrix.of(CommonOps_DDRM.extract(m.ejml(), 0, m.rows(), from, from + count));
    }

    static Numeric addToEachRow(Numeric rows, Vector v) {
        int cols = v.size();
        double[] out = rows.flat();
        for (int i = 0; i < out.length; i++) {
            out[i] += v.get(i % cols);
        }
        return rows.withFlat(out);
    }

    private static void requireInner(String op, String nameA, int rowsA, int colsA, String nameB, int rowsB, int colsB) {
        if (colsA != rowsB) {
            throw new OpException(op + ": " + nameA + " is " + rowsA + "×" + colsA + ", " + nameB + " is " + rowsB
                    + "×" + colsB + ": columns of " + firstWord(nameA) + " must equal rows of " + firstWord(nameB));
        }
    }

    private static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    private static DMatrixRMaj column(Vector v) {
        return new DMatrixRMaj(v.size(), 1, true, v.toArray());
    }

    private static DMatrixRMaj row(Vector v) {
        return new DMatrixRMaj(1, v.size(), true, v.toArray());
    }
}
