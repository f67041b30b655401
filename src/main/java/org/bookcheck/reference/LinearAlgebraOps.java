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
        return linear(x, (Numeric) w, bias);
    }

    /**
     * xW + b, where W may also be the weight vector of a single neuron (x·w + b, one number per row of x)
     * and b a scalar bias added to every output; b may be null.
     */
    public static Numeric linear(Numeric x, Numeric w, Numeric bias) {
        Numeric xw = switch (w) {
            case Matrix m -> matmul(x, m);
            case Vector v -> switch (x) {
                case Vector xv -> Scalar.of(dot(xv, v));
                case Matrix xm -> matmul(xm, v);
                case Scalar s -> throw new OpException("linear: x is a scalar; a single neuron needs an input vector of length " + v.size());
            };
            case Scalar s -> throw new OpException("linear: W is a scalar; give a weight vector (one neuron) or a matrix");
        };
        return switch (bias) {
            case null -> xw;
            case Scalar b -> ArithmeticOps.add(xw, b);
            case Vector b -> {
                int outputs = w instanceof Matrix m ? m.cols() : 1;
                if (b.size() != outputs) {
                    throw new OpException("linear: W is " + w.shape() + " so b must have length " + outputs
                            + ", but b has length " + b.size());
                }
                yield xw instanceof Scalar ? ArithmeticOps.add(xw, Scalar.of(b.get(0))) : addToEachRow(xw, b);
            }
            case Matrix b -> throw new OpException("linear: the bias must be a number or a vector, got a " + b.shape() + " matrix");
        };
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

    /** Element i of a vector, or element (i, j) of a matrix, counted from 0. */
    public static double element(Numeric x, int i, Integer j) {
        return switch (x) {
            case Vector v -> {
                if (j != null) {
                    throw new OpException("element: x is a vector of length " + v.size() + ", so it takes one index, not two");
                }
                yield v.get(checkIndex("element", "index", i, v.size(), x));
            }
            case Matrix m -> {
                if (j == null) {
                    throw new OpException("element: x is a " + m.shape() + " matrix, so it takes a row and a column index (or use row)");
                }
                yield m.get(checkIndex("element", "row", i, m.rows(), x), checkIndex("element", "column", j, m.cols(), x));
            }
            case Scalar s -> throw new OpException("element: x is a scalar, which has no elements to index");
        };
    }

    /** Column j of a matrix (counted from 0), as a vector. */
    public static Vector column(Matrix m, int j) {
        checkIndex("column", "index", j, m.cols(), m);
        double[] out = new double[m.rows()];
        for (int r = 0; r < m.rows(); r++) {
            out[r] = m.get(r, j);
        }
        return Vector.of(out);
    }

    /** Numbers into a vector, or vectors of equal length into the rows of a matrix: [a, b] and [[a, b], [c, d]]. */
    public static Numeric stack(java.util.List<Numeric> items) {
        if (items.isEmpty()) {
            throw new OpException("stack: needs at least one item");
        }
        Numeric first = items.get(0);
        for (int k = 1; k < items.size(); k++) {
            if (items.get(k).shape().rank() != first.shape().rank()) {
                throw new OpException("stack: item " + k + " is a " + items.get(k).describeShape() + ", but the first is a "
                        + first.describeShape() + ": stack numbers into a vector, or vectors of equal length into a matrix");
            }
        }
        return switch (first) {
            case Scalar s -> Vector.of(items.stream().mapToDouble(i -> ((Scalar) i).value()).toArray());
            case Vector v -> {
                double[][] rows = new double[items.size()][];
                for (int k = 0; k < items.size(); k++) {
                    rows[k] = ((Vector) items.get(k)).toArray();
                    if (rows[k].length != v.size()) {
                        throw new OpException("stack: row 0 has " + v.size() + " elements but row " + k + " has " + rows[k].length
                                + ": every row of a matrix must have the same length");
                    }
                }
                yield Matrix.of(rows);
            }
            case Matrix m -> throw new OpException("stack: the items are matrices (" + m.shape() + "); stack numbers into a vector,"
                    + " or vectors of equal length into a matrix");
        };
    }

    /** Two vectors (or numbers) joined end to end: [a₀, …, aₙ, b₀, …, bₘ]. */
    public static Vector concat(Numeric a, Numeric b) {
        for (Numeric x : new Numeric[] {a, b}) {
            if (x instanceof Matrix m) {
                throw new OpException("concat: joins vectors and numbers end to end, got a " + m.shape() + " matrix; use stack for rows");
            }
        }
        double[] out = new double[a.size() + b.size()];
        System.arraycopy(a.flat(), 0, out, 0, a.size());
        System.arraycopy(b.flat(), 0, out, a.size(), b.size());
        return Vector.of(out);
    }

    /** det A of a square matrix (ad − bc for a 2×2), by EJML. */
    public static double determinant(Matrix a) {
        requireSquare("determinant", a);
        if (a.rows() == 0) {
            throw new OpException("determinant: A is 0×0; a determinant needs at least one row");
        }
        return CommonOps_DDRM.det(a.ejml());
    }

    /** A⁻¹ of a square matrix, by EJML; a singular matrix (determinant 0) is refused. */
    public static Matrix inverse(Matrix a) {
        requireSquare("inverse", a);
        double det = determinant(a);
        DMatrixRMaj out = a.ejml();
        if (det == 0 || !CommonOps_DDRM.invert(out)) {
            throw new OpException("inverse: A is singular (its determinant is 0), so it has no inverse");
        }
        return Matrix.of(out);
    }

    private static void requireSquare(String op, Matrix a) {
        if (a.rows() != a.cols()) {
            throw new OpException(op + ": needs a square matrix, but A is " + a.shape());
        }
    }

    private static int checkIndex(String op, String what, int i, int size, Numeric x) {
        if (i < 0 || i >= size) {
            throw new OpException(op + ": " + what + " " + i + " is outside 0.." + (size - 1) + " of a " + x.describeShape()
                    + (x instanceof Vector ? "" : " matrix"));
        }
        return i;
    }
}
