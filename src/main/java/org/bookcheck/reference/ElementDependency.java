package org.bookcheck.reference;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Which elements of its arguments an operation reads for one element of its result: element-wise ops
 * element by element, row-wise ops their row, matrix products row i of A and column j of B, reductions
 * everything. Provenance follows it, so a wrong element is blamed only on the elements computed from it.
 * Indices are row-major; a value that is not numeric (tokens, a truth value) counts as one element.
 */
public sealed interface ElementDependency {

    /** For element {@code k} of {@code result}, the row-major indices read from each argument, by parameter name. */
    Map<String, int[]> reads(int k, Map<String, Value> args, Value result);

    /** The declared dependency of every catalogue operation; exhaustive, so a new operation cannot be left out. */
    static ElementDependency of(Operation op) {
        return switch (op) {
            case ADD, SUB, SCALE, ELEMENTWISE_PRODUCT, DIVIDE, RESIDUAL, RELU, GELU, GELU_TANH, SIGMOID, TANH, EXP, LN, SQRT,
                    ODDS, ODDS_RATIO, LOGIT, INVERSE_LOGIT, WEIGHT_UPDATE, RESTATE, NEGATE, POWER, ABS, RELU_DERIVATIVE, SIGMOID_DERIVATIVE,
                    LOG_BASE, NORMAL_PDF, NORMAL_CDF -> new ElementWise();
            case SOFTMAX_CROSS_ENTROPY_GRADIENT -> new RowTargets();
            case SOFTMAX, LOG_SOFTMAX, LAYER_NORM -> new RowWise("x");
            case MATMUL, WEIGHTED_SUM -> new Product(op == Operation.MATMUL ? "a" : "weights", op == Operation.MATMUL ? "b" : "values", false);
            case LINEAR -> new Product("x", "w", false);
            case ATTENTION_SCORES -> new Product("q", "k", true);
            case ATTENTION -> new Attention();
            case TRANSPOSE -> new Transposed();
            case OUTER -> new Outer();
            case ROW -> new RowOf();
            case EMBEDDING_LOOKUP -> new Lookup();
            case CROSS_ENTROPY -> new TargetPicks();
            case DOT, SUM, COUNT, MEAN, VARIANCE_POPULATION, VARIANCE_SAMPLE, STD_POPULATION, STD_SAMPLE, Z_SCORE, MSE, ONE_HOT,
                    ARGMAX, BATCH_COUNT, BATCH_RANGES, TOKENIZE, ENCODE, DECODE, EQUAL, GREATER, LESS,
                    // Conservative until each is declared finer: every result element may read every argument element.
                    DETERMINANT, INVERSE, MAX, MIN, ROW_MEANS, COLUMN_MEANS, COLUMN, ELEMENT, STACK, CONCAT, SOFTMAX_BACKWARD,
                    BINARY_CROSS_ENTROPY, ENTROPY, HALF_SQUARED_ERROR, EMPIRICAL_CDF, EXPECTED_VALUE, DISTRIBUTION_VARIANCE, APPROX -> new Everything();
        };
    }

    /** How many elements a value has for provenance: a numeric value's size, one for anything else. */
    static int elements(Value v) {
        return v instanceof Numeric n ? n.size() : 1;
    }

    /** Every element of the result reads every element of every argument (sums, means, a loss, comparisons). */
    record Everything() implements ElementDependency {
        @Override
        public Map<String, int[]> reads(int k, Map<String, Value> args, Value result) {
            Map<String, int[]> out = new LinkedHashMap<>();
            args.forEach((name, v) -> out.put(name, all(v)));
            return out;
        }
    }

    /**
     * Element k reads element k of every argument of the result's size; a scalar is broadcast, and a
     * vector as long as a row (or as the column) of a matrix result is read at the element's column (or row).
     */
    record ElementWise() implements ElementDependency {
        @Override
        public Map<String, int[]> reads(int k, Map<String, Value> args, Value result) {
            Map<String, int[]> out = new LinkedHashMap<>();
            args.forEach((name, v) -> out.put(name, broadcast(k, v, result)));
            return out;
        }
    }

    /**
     * p − y with one target per row: element (r, c) reads p(r, c) and the target of row r (the whole
     * target when it is a one-hot of the result's size, read element-wise).
     */
    record RowTargets() implements ElementDependency {
        @Override
        public Map<String, int[]> reads(int k, Map<String, Value> args, Value result) {
            Map<String, int[]> out = new LinkedHashMap<>();
            args.forEach((name, v) -> out.put(name, name.equals("target") && result instanceof Matrix m && elements(v) == m.rows()
                    && elements(v) != elements(result) ? new int[] {k / m.cols()} : broadcast(k, v, result)));
            return out;
        }
    }

    /** Element (r, c) reads row r of {@code rowArg} (softmax, layer norm); other arguments as {@link ElementWise}. */
    record RowWise(String rowArg) implements ElementDependency {
        @Override
        public Map<String, int[]> reads(int k, Map<String, Value> args, Value result) {
            Map<String, int[]> out = new LinkedHashMap<>();
            int cols = cols(result);
            args.forEach((name, v) -> out.put(name, name.equals(rowArg) ? range(k / cols * cols, cols) : broadcast(k, v, result)));
            return out;
        }
    }

    /**
     * Element (i, j) reads row i of the left factor and column j of the right one (row j when
     * {@code rightTransposed}, as in QKᵀ); a vector factor is read whole; other arguments (a bias) as
     * {@link ElementWise}.
     */
    record Product(String left, String right, boolean rightTransposed) implements ElementDependency {
        @Override
        public Map<String, int[]> reads(int k, Map<String, Value> args, Value result) {
            Value a = args.get(left);
            int i;
            int j;
            if (result instanceof Matrix m) {
                i = k / m.cols();
                j = k % m.cols();
            } else {
                i = a instanceof Matrix ? k : 0;
                j = a instanceof Matrix ? 0 : k;
            }
            Map<String, int[]> out = new LinkedHashMap<>();
            args.forEach((name, v) -> {
                if (name.equals(left)) {
                    out.put(name, v instanceof Matrix m ? range(i * m.cols(), m.cols()) : all(v));
                } else if (name.equals(right)) {
                    out.put(name, !(v instanceof Matrix m) ? all(v)
                            : rightTransposed ? range(j * m.cols(), m.cols()) : column(m, j));
                } else {
                    out.put(name, broadcast(k, v, result));
                }
            });
            return out;
        }
    }

    /** softmax(QKᵀ/√d)V: element (i, j) reads row i of Q, all of K (every score of row i) and column j of V. */
    record Attention() implements ElementDependency {
        @Override
        public Map<String, int[]> reads(int k, Map<String, Value> args, Value result) {
            int cols = cols(result);
            Map<String, int[]> out = new LinkedHashMap<>();
            args.forEach((name, v) -> out.put(name, switch (name) {
                case "q" -> v instanceof Matrix m ? range(k / cols * m.cols(), m.cols()) : all(v);
                case "v" -> v instanceof Matrix m ? column(m, k % cols) : all(v);
                default -> all(v);
            }));
            return out;
        }
    }

    /** Element (i, j) of Aᵀ reads element (j, i) of A. */
    record Transposed() implements ElementDependency {
        @Override
        public Map<String, int[]> reads(int k, Map<String, Value> args, Value result) {
            int cols = cols(result);
            // A is cols(result) × rows(result), so (j, i) of A sits at j · rows(result) + i.
            int rows = elements(result) / cols;
            return Map.of("a", new int[] {(k % cols) * rows + k / cols});
        }
    }

    /** Element (i, j) of a bᵀ reads aᵢ and bⱼ. */
    record Outer() implements ElementDependency {
        @Override
        public Map<String, int[]> reads(int k, Map<String, Value> args, Value result) {
            int cols = cols(result);
            return Map.of("a", new int[] {k / cols}, "b", new int[] {k % cols});
        }
    }

    /** Element c of A[i] reads element (i, c) of A, and the index. */
    record RowOf() implements ElementDependency {
        @Override
        public Map<String, int[]> reads(int k, Map<String, Value> args, Value result) {
            Value a = args.get("a");
            int index = args.get("index") instanceof Numeric n ? (int) n.at(0) : 0;
            int cols = cols(a);
            return Map.of("a", new int[] {index * cols + k}, "index", new int[] {0});
        }
    }

    /** Element (r, c) of an embedding lookup reads id r and element (id − first_id, c) of the table. */
    record Lookup() implements ElementDependency {
        @Override
        public Map<String, int[]> reads(int k, Map<String, Value> args, Value result) {
            int cols = cols(result);
            int r = k / cols;
            Map<String, int[]> out = new LinkedHashMap<>();
            int first = args.get("first_id") instanceof Numeric f ? (int) f.at(0) : 0;
            Value ids = args.get("ids");
            int row = ids instanceof Numeric n && r < n.size() ? (int) n.at(r) - first : -1;
            Value table = args.get("table");
            out.put("ids", ids instanceof Numeric n && n.size() > 1 ? new int[] {r} : all(ids));
            out.put("table", row >= 0 && row * cols < elements(table) ? new int[] {row * cols + k % cols} : all(table));
            if (args.containsKey("first_id")) {
                out.put("first_id", new int[] {0});
            }
            return out;
        }
    }

    /**
     * Cross-entropy reads the probability at each target (−ln p_target): with an index, that element;
     * with a one-hot or weighted target, the elements where it is not zero; one target per row of a matrix.
     */
    record TargetPicks() implements ElementDependency {
        @Override
        public Map<String, int[]> reads(int k, Map<String, Value> args, Value result) {
            Value p = args.get("p");
            Value target = args.get("target");
            if (!(p instanceof Numeric probs) || !(target instanceof Numeric t)) {
                return all(args);
            }
            int cols = cols(p);
            IntStream picks;
            if (t.size() == probs.size() && t.size() > 1) {
                picks = IntStream.range(0, t.size()).filter(i -> t.at(i) != 0);
            } else if (p instanceof Matrix m && t.size() == m.rows()) {
                picks = IntStream.range(0, m.rows()).map(r -> r * cols + (int) t.at(r));
            } else if (t.size() == 1) {
                picks = IntStream.of((int) t.at(0));
            } else {
                return all(args);
            }
            int[] chosen = picks.filter(i -> i >= 0 && i < probs.size()).toArray();
            return Map.of("p", chosen, "target", all(target));
        }
    }

    private static int[] broadcast(int k, Value v, Value result) {
        int size = elements(v);
        int resultSize = elements(result);
        if (size == resultSize) {
            return new int[] {k};
        }
        if (size == 1) {
            return new int[] {0};
        }
        if (result instanceof Matrix m && size == m.cols()) {
            return new int[] {k % m.cols()};
        }
        if (result instanceof Matrix m && size == m.rows()) {
            return new int[] {k / m.cols()};
        }
        return all(v);
    }

    private static Map<String, int[]> all(Map<String, Value> args) {
        Map<String, int[]> out = new LinkedHashMap<>();
        args.forEach((name, v) -> out.put(name, all(v)));
        return out;
    }

    private static int[] all(Value v) {
        return range(0, elements(v));
    }

    private static int[] range(int from, int count) {
        return IntStream.range(from, from + count).toArray();
    }

    private static int[] column(Matrix m, int j) {
        return IntStream.range(0, m.rows()).map(r -> r * m.cols() + j).toArray();
    }

    private static int cols(Value v) {
        return v instanceof Numeric n ? Math.max(1, n.shape().cols()) : 1;
    }
}
