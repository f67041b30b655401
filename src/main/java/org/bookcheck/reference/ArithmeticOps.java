package org.bookcheck.reference;

/** Element-wise arithmetic and whole-value reductions on scalars, vectors and matrices. */
public final class ArithmeticOps {

    private ArithmeticOps() {
    }

    /** a + b, element by element; a scalar operand is added to every element. */
    public static Numeric add(Numeric a, Numeric b) {
        return a.zip("add", b, Double::sum);
    }

    /** a − b, element by element; a scalar operand is broadcast. */
    public static Numeric sub(Numeric a, Numeric b) {
        return a.zip("sub", b, (x, y) -> x - y);
    }

    /** s·x: every element of x multiplied by the scalar s. */
    public static Numeric scale(Numeric x, double s) {
        return x.map(v -> s * v);
    }

    /** a ⊙ b: the element-wise (Hadamard) product. */
    public static Numeric elementwiseProduct(Numeric a, Numeric b) {
        return a.zip("elementwise_product", b, (x, y) -> x * y);
    }

    /** a / b, element by element; division by zero is refused rather than giving ±∞. */
    public static Numeric divide(Numeric a, Numeric b) {
        return a.zip("divide", b, (x, y) -> {
            if (y == 0) {
                throw new OpException("divide: division by zero (" + x + " / 0)");
            }
            return x / y;
        });
    }

    /** Σᵢ xᵢ over every element. */
    public static double sum(Numeric x) {
        double total = 0;
        for (double v : x.flat()) {
            total += v;
        }
        return total;
    }

    /** The number of items in a value: elements, tokens, sequences or vocabulary entries. */
    public static int count(Value x) {
        return switch (x) {
            case Numeric n -> n.size();
            case Tokens t -> t.tokens().size();
            case TokenBatch b -> b.sequences().size();
            case Vocabulary v -> v.ids().size();
            case Text t -> throw new OpException("count: a text has no item count; tokenize it first and count the tokens");
            case Bool b -> throw new OpException("count: a truth value has no item count");
        };
    }

    /** −x: every element negated. */
    public static Numeric negate(Numeric x) {
        return x.map(v -> -v);
    }

    /** xᵖ, element by element; refused where the power is not a real number (a negative base to a fractional power, 0 to a negative one). */
    public static Numeric power(Numeric x, double p) {
        return x.map(v -> {
            double r = Math.pow(v, p);
            if (Double.isNaN(r) || Double.isInfinite(r) && !Double.isInfinite(v)) {
                throw new OpException("power: " + v + "^" + p + " is not a real number; the base must be positive for a fractional power"
                        + " and non-zero for a negative one");
            }
            return r;
        });
    }

    /** |x|, element by element. */
    public static Numeric abs(Numeric x) {
        return x.map(Math::abs);
    }

    /** The largest element. */
    public static double max(Numeric x) {
        return extreme("max", x, Math::max);
    }

    /** The smallest element. */
    public static double min(Numeric x) {
        return extreme("min", x, Math::min);
    }

    private static double extreme(String op, Numeric x, java.util.function.DoubleBinaryOperator pick) {
        Shapes.requireNonEmpty(op, x);
        double[] values = x.flat();
        double best = values[0];
        for (double v : values) {
            best = pick.applyAsDouble(best, v);
        }
        return best;
    }
}
