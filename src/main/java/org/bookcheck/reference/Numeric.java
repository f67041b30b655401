package org.bookcheck.reference;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A numeric value: a scalar, a vector or a matrix, stored row-major. Element-wise operations are
 * written once against {@link #flat()} and rebuilt in the same shape with {@link #withFlat}.
 */
public sealed interface Numeric extends Value permits Scalar, Vector, Matrix {

    Shape shape();

    /** A copy of the elements in row-major order. */
    double[] flat();

    /** The element at a row-major index; cheaper than {@link #flat()} for single reads. */
    double at(int index);

    /** A value of this same shape holding the given row-major elements. */
    Numeric withFlat(double[] elements);

    default int size() {
        return shape().size();
    }

    @Override
    default String describeShape() {
        return shape().toString();
    }

    /** Applies f to every element. */
    default Numeric map(DoubleUnaryOperator f) {
        double[] out = flat();
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(out[i]);
        }
        return withFlat(out);
    }

    /**
     * Combines this value with another element by element. Shapes must agree, except that a scalar
     * on either side is broadcast to the other's shape.
     */
    default Numeric zip(String op, Numeric other, DoubleBinaryOperator f) {
        if (other instanceof Scalar s && !(this instanceof Scalar)) {
            return map(a -> f.applyAsDouble(a, s.value()));
        }
        if (this instanceof Scalar s && !(other instanceof Scalar)) {
            return other.map(b -> f.applyAsDouble(s.value(), b));
        }
        Shapes.requireSame(op, this, other);
        double[] out = flat();
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(out[i], other.at(i));
        }
        return withFlat(out);
    }
}
