package org.bookcheck.reference;

/**
 * Losses and their gradients for classification over a vocabulary, plus the one-hot and argmax
 * helpers they need. Class indices count from 0.
 */
public final class LossOps {

    private LossOps() {
    }

    /**
     * L = −Σᵢ yᵢ ln pᵢ, which for a target index t is −ln p_t. For a matrix of probability rows and a
     * vector of target indices, the mean over the rows (the batch average the chapter describes).
     */
    public static double crossEntropy(Numeric probs, Numeric target) {
        if (target == null) {
            if (!(probs instanceof Scalar p)) {
                throw new OpException("cross_entropy: p is a " + probs.describeShape() + ", so it needs a target (an index or a one-hot vector);"
                        + " only a single probability stands alone (−ln p)");
            }
            return -safeLog(p.value());
        }
        return switch (probs) {
            case Vector p -> switch (target) {
                case Scalar t -> -safeLog(p.get(index("cross_entropy", t.value(), p.size())));
                case Vector y -> {
                    Shapes.requireSameLength("cross_entropy", "p", p, "y", y);
                    double loss = 0;
                    for (int i = 0; i < p.size(); i++) {
                        if (y.get(i) != 0) {
                            loss -= y.get(i) * safeLog(p.get(i));
                        }
                    }
                    yield loss;
                }
                case Matrix m -> throw new OpException("cross_entropy: p is a vector, so the target must be an index or a one-hot vector, got a "
                        + m.shape() + " matrix");
            };
            case Matrix p -> {
                if (!(target instanceof Vector t) || t.size() != p.rows()) {
                    throw new OpException("cross_entropy: p is " + p.shape() + " (one row per example), so the target must be a vector of "
                            + p.rows() + " indices, got " + target.describeShape());
                }
                if (p.rows() == 0) {
                    throw new OpException("cross_entropy: p is " + p.shape() + ": the mean over no examples is undefined");
                }
                double total = 0;
                for (int r = 0; r < p.rows(); r++) {
                    total += crossEntropy(p.row(r), Scalar.of(t.get(r)));
                }
                yield total / p.rows();
            }
            case Scalar s -> throw new OpException("cross_entropy: p is a single probability, so it takes no target: its loss is −ln p");
        };
    }

    /** MSE = (1/n) Σᵢ (ŷᵢ − yᵢ)². */
    public static double mse(Numeric prediction, Numeric target) {
        Shapes.requireSame("mse", prediction, target);
        Shapes.requireNonEmpty("mse", prediction);
        double total = 0;
        for (int i = 0; i < prediction.size(); i++) {
            double d = prediction.at(i) - target.at(i);
            total += d * d;
        }
        return total / prediction.size();
    }

    /**
     * ∂L/∂z = p − y: the gradient of cross-entropy with respect to the logits z when p = softmax(z).
     * The target is an index or a one-hot vector; for a matrix, one index per row (not averaged).
     */
    public static Numeric softmaxCrossEntropyGradient(Numeric probs, Numeric target) {
        return switch (probs) {
            case Vector p -> switch (target) {
                case Scalar t -> ArithmeticOps.sub(p, oneHot(index("softmax_cross_entropy_gradient", t.value(), p.size()), p.size()));
                case Vector y -> ArithmeticOps.sub(p, y);
                case Matrix m -> throw new OpException("softmax_cross_entropy_gradient: p is a vector, so the target must be an index or a one-hot vector");
            };
            case Matrix p -> {
                if (!(target instanceof Vector t) || t.size() != p.rows()) {
                    throw new OpException("softmax_cross_entropy_gradient: p is " + p.shape() + ", so the target must be a vector of "
                            + p.rows() + " indices, got " + target.describeShape());
                }
                double[] out = p.flat();
                for (int r = 0; r < p.rows(); r++) {
                    out[r * p.cols() + index("softmax_cross_entropy_gradient", t.get(r), p.cols())] -= 1;
                }
                yield Matrix.of(p.rows(), p.cols(), out);
            }
            case Scalar s -> throw new OpException("softmax_cross_entropy_gradient: p must be a probability vector or matrix, got a scalar");
        };
    }

    /** The vector of the given size that is 1 at the index and 0 elsewhere. */
    public static Vector oneHot(int index, int size) {
        if (size < 1) {
            throw new OpException("one_hot: size must be at least 1, got " + size);
        }
        Sizes.require("one_hot", size, "size " + size);
        double[] out = new double[size];
        out[index("one_hot", index, size)] = 1;
        return Vector.of(out);
    }

    /** The index of the largest element (the first, if several are equal). */
    public static int argmax(Numeric x) {
        Shapes.requireNonEmpty("argmax", x);
        int best = 0;
        for (int i = 1; i < x.size(); i++) {
            if (x.at(i) > x.at(best)) {
                best = i;
            }
        }
        return best;
    }

    static int index(String op, double value, int size) {
        if (value != Math.rint(value) || value < 0 || value >= size) {
            throw new OpException(op + ": the target index must be a whole number in 0.." + (size - 1) + ", got " + value);
        }
        return (int) value;
    }

    private static double safeLog(double p) {
        if (!(p > 0) || p > 1) {
            throw new OpException("cross_entropy: the probability of the target must be in (0, 1], got " + p);
        }
        return Math.log(p);
    }

    /** H(p) = −Σᵢ pᵢ ln pᵢ in nats, with 0 ln 0 = 0 (the limit); every pᵢ must lie in [0, 1]. */
    public static double entropy(Numeric p) {
        Shapes.requireNonEmpty("entropy", p);
        double h = 0;
        for (double v : p.flat()) {
            if (!(v >= 0 && v <= 1)) {
                throw new OpException("entropy: every probability must be in [0, 1], got " + v);
            }
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return h;
    }

    /**
     * BCE = −[y ln p + (1 − y) ln(1 − p)] for a predicted probability p and a label y (0, 1 or a soft
     * label in between); for vectors, the mean over elements. A term whose weight is 0 is skipped, so
     * p = 0 with y = 0 costs nothing.
     */
    public static double binaryCrossEntropy(Numeric p, Numeric y) {
        Shapes.requireSame("binary_cross_entropy", p, y);
        Shapes.requireNonEmpty("binary_cross_entropy", p);
        double total = 0;
        for (int i = 0; i < p.size(); i++) {
            double pi = p.at(i);
            double yi = y.at(i);
            if (!(pi >= 0 && pi <= 1) || !(yi >= 0 && yi <= 1)) {
                throw new OpException("binary_cross_entropy: p and y must be in [0, 1], got p = " + pi + " and y = " + yi);
            }
            total -= term("binary_cross_entropy", yi, pi) + term("binary_cross_entropy", 1 - yi, 1 - pi);
        }
        return total / p.size();
    }

    /** E = Σᵢ ½(yᵢ − ŷᵢ)², the squared error with ½ that backpropagation tutorials use (its derivative is ŷ − y). */
    public static double halfSquaredError(Numeric prediction, Numeric target) {
        Shapes.requireSame("half_squared_error", prediction, target);
        double total = 0;
        for (int i = 0; i < prediction.size(); i++) {
            double d = target.at(i) - prediction.at(i);
            total += 0.5 * d * d;
        }
        return total;
    }

    /** w ln q, 0 when the weight w is 0; ln 0 under a positive weight is refused. */
    private static double term(String op, double weight, double q) {
        if (weight == 0) {
            return 0;
        }
        if (!(q > 0)) {
            throw new OpException(op + ": ln 0 is −∞: a probability of 0 for an outcome with weight " + weight);
        }
        return weight * Math.log(q);
    }
}
