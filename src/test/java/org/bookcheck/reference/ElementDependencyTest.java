package org.bookcheck.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Which argument elements each result element reads: hand-worked cases for the kinds of dependency, and
 * for every operation of the catalogue a check against the operation itself: nudge one argument element
 * and every result element that moves must be declared to read it (a declaration may be wider than the
 * truth, never narrower, or a wrong element could pass for right downstream).
 */
class ElementDependencyTest {

    private static final Matrix A23 = Matrix.of(new double[][] {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}});
    private static final Matrix B32 = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    private static final Vocabulary VOCABULARY = new Vocabulary(new LinkedHashMap<>(Map.of("The", 1, "cat", 2)));

    private static Map<String, Value> args(Object... pairs) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1] instanceof Number n ? Scalar.of(n.doubleValue()) : (Value) pairs[i + 1]);
        }
        return out;
    }

    /** Arguments with more than one element wherever the operation allows, so that the dependency matters. */
    private static Map<String, Value> sample(Operation op) {
        Vector p4 = Vector.of(0.1, 0.2, 0.3, 0.4);
        Matrix probs = Matrix.of(new double[][] {{0.2, 0.8}, {0.6, 0.4}});
        return switch (op) {
            case ADD, SUB, ELEMENTWISE_PRODUCT, DIVIDE -> args("a", A23, "b", Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}));
            case SCALE -> args("x", A23, "s", 3);
            case MATMUL -> args("a", A23, "b", B32);
            case TRANSPOSE -> args("a", A23);
            case DOT -> args("a", Vector.of(1, 2), "b", Vector.of(3, 4));
            case OUTER -> args("a", Vector.of(1, 2), "b", Vector.of(3, 4, 5));
            case SUM, MEAN, VARIANCE_POPULATION, VARIANCE_SAMPLE, STD_POPULATION, STD_SAMPLE, ARGMAX -> args("x", A23);
            case COUNT -> args("x", Vector.of(1, 2, 3));
            case Z_SCORE -> args("x", Vector.of(1, 2, 4));
            case LAYER_NORM -> args("x", A23, "gamma", Vector.of(1, 2, 3), "beta", Vector.of(0.1, 0.2, 0.3), "eps", 1e-5);
            case RESIDUAL -> args("x", A23, "fx", A23.map(v -> v * 2));
            case LINEAR -> args("x", A23, "w", B32, "b", Vector.of(0.5, -0.5));
            case ROW -> args("a", A23, "index", 1);
            case RELU, GELU, GELU_TANH, SIGMOID, TANH, EXP, LN, SQRT, INVERSE_LOGIT -> args("x", A23);
            case SOFTMAX, LOG_SOFTMAX -> args("x", A23);
            case CROSS_ENTROPY -> args("p", probs, "target", Vector.of(1, 0));
            case MSE -> args("prediction", Vector.of(1, 2), "target", Vector.of(2, 4));
            case SOFTMAX_CROSS_ENTROPY_GRADIENT -> args("p", p4, "target", 2);
            case ONE_HOT -> args("index", 1, "size", 3);
            case ODDS, LOGIT -> args("p", p4);
            case ODDS_RATIO -> args("a", Vector.of(1, 2), "b", Vector.of(3, 4));
            case WEIGHT_UPDATE -> args("w", A23, "grad", A23.map(v -> -v), "lr", 0.1);
            case BATCH_COUNT, BATCH_RANGES -> args("n", 10, "batch_size", 3);
            case TOKENIZE -> args("text", new Text("The cat"));
            case ENCODE -> args("tokens", new Tokens(List.of("cat", "The")), "vocabulary", VOCABULARY);
            case DECODE -> args("ids", Vector.of(2, 1), "vocabulary", VOCABULARY);
            case EMBEDDING_LOOKUP -> args("ids", Vector.of(2, 1), "table", B32, "first_id", 0);
            case ATTENTION_SCORES -> args("q", A23, "k", Matrix.of(new double[][] {{1, 0, 1}, {0, 1, 0}, {1, 1, 1}}));
            case ATTENTION -> args("q", A23, "k", Matrix.of(new double[][] {{1, 0, 1}, {0, 1, 0}}),
                    "v", Matrix.of(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}}));
            case WEIGHTED_SUM -> args("weights", Vector.of(0.25, 0.75), "values", Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}));
            case RESTATE -> args("x", A23);
            case EQUAL, GREATER, LESS -> args("a", 2, "b", 1);
            case NEGATE, ABS, RELU_DERIVATIVE, MAX, MIN -> args("x", A23);
            case POWER -> args("x", A23, "p", 2);
            case LOG_BASE -> args("x", A23, "base", 10);
            case SIGMOID_DERIVATIVE -> args("s", p4);
            case DETERMINANT, INVERSE -> args("a", Matrix.of(new double[][] {{2, 1}, {1, 3}}));
            case ROW_MEANS, COLUMN_MEANS -> args("a", A23);
            case COLUMN -> args("a", A23, "index", 1);
            case ELEMENT -> args("x", A23, "i", 1, "j", 2);
            case STACK -> args("items[0]", 1, "items[1]", 2);
            case CONCAT -> args("a", Vector.of(1, 2), "b", Vector.of(3));
            case SOFTMAX_BACKWARD -> args("s", Vector.of(0.2, 0.3, 0.5), "grad", Vector.of(1, -1, 0.5));
            case BINARY_CROSS_ENTROPY -> args("p", Vector.of(0.2, 0.7), "y", Vector.of(0, 0.5));
            case ENTROPY -> args("p", p4);
            case HALF_SQUARED_ERROR -> args("prediction", Vector.of(1, 2), "target", Vector.of(2, 4));
            case NORMAL_PDF, NORMAL_CDF -> args("x", Vector.of(-1, 0, 2));
            case EMPIRICAL_CDF -> args("data", Vector.of(1, 2, 3), "x", 2.5);
            case EXPECTED_VALUE, DISTRIBUTION_VARIANCE -> args("values", Vector.of(1, 2, 3), "probabilities", Vector.of(0.2, 0.3, 0.5));
            case APPROX -> args("a", 0.75, "b", 0.5, "tolerance", 0.3);
        };
    }

    @TestFactory
    Stream<DynamicTest> everyResultElementThatMovesIsDeclaredToReadTheNudgedElement() {
        return Arrays.stream(Operation.values()).map(op -> DynamicTest.dynamicTest(op.opName(), () -> {
            Map<String, Value> args = sample(op);
            Value result = op.apply(new Arguments(args));
            ElementDependency dependency = ElementDependency.of(op);
            int nudged = 0;
            for (Map.Entry<String, Value> arg : args.entrySet()) {
                if (!(arg.getValue() instanceof Numeric n) || op.param(arg.getKey()).orElseThrow().type() == ParamType.INTEGER
                        || isIndexArgument(op, arg.getKey())) {
                    continue;
                }
                for (int i = 0; i < n.size(); i++) {
                    double[] flat = n.flat();
                    flat[i] += 1e-3 * Math.max(1, Math.abs(flat[i]));
                    Map<String, Value> changed = new LinkedHashMap<>(args);
                    changed.put(arg.getKey(), n.withFlat(flat));
                    Value after = op.apply(new Arguments(changed));
                    nudged++;
                    for (int k = 0; k < ElementDependency.elements(result); k++) {
                        if (moved(result, after, k)) {
                            int index = i;
                            int element = k;
                            int[] read = dependency.reads(k, args, result).getOrDefault(arg.getKey(), new int[0]);
                            assertTrue(Arrays.stream(read).anyMatch(r -> r == index), () -> op.opName() + ": result element " + element
                                    + " moves when " + arg.getKey() + "[" + index + "] does, but is declared to read only "
                                    + Arrays.toString(read));
                        }
                    }
                }
            }
            // Where only indices and sizes go in, nothing can be nudged: then every result element must read everything.
            assertTrue(nudged > 0 || dependency instanceof ElementDependency.Everything, op.opName() + ": nothing was nudged");
        }));
    }

    /** Arguments that are indices (a class, a row, an id): nudging them by a little changes nothing or leaves the domain. */
    private static boolean isIndexArgument(Operation op, String name) {
        return switch (op) {
            case CROSS_ENTROPY, SOFTMAX_CROSS_ENTROPY_GRADIENT -> name.equals("target");
            case EMBEDDING_LOOKUP, DECODE -> name.equals("ids");
            case ARGMAX -> true;
            default -> false;
        };
    }

    private static boolean moved(Value before, Value after, int k) {
        return before instanceof Numeric b && after instanceof Numeric a ? b.at(k) != a.at(k) : !before.equals(after);
    }

    @Test
    void aProductElementReadsItsRowOfTheLeftFactorAndItsColumnOfTheRight() {
        // (AB)[1][0] = 0.4·1 + 0.5·3 + 0.6·5: row 1 of A (indices 3, 4, 5), column 0 of B (indices 0, 2, 4).
        Map<String, Value> args = args("a", A23, "b", B32);
        Map<String, int[]> reads = ElementDependency.of(Operation.MATMUL).reads(2, args, Operation.MATMUL.apply(new Arguments(args)));
        assertArrayEquals(new int[] {3, 4, 5}, reads.get("a"));
        assertArrayEquals(new int[] {0, 2, 4}, reads.get("b"));
    }

    @Test
    void aRowReadsOnlyThatRow() {
        // A[1] element 2 is A[1][2], row-major index 1·3 + 2 = 5.
        Map<String, Value> args = args("a", A23, "index", 1);
        assertArrayEquals(new int[] {5}, ElementDependency.of(Operation.ROW).reads(2, args, Vector.of(0.4, 0.5, 0.6)).get("a"));
    }

    @Test
    void softmaxReadsItsRowAndCrossEntropyOnlyTheTargetProbability() {
        // softmax of a 2×3 matrix: element (1, 0) reads row 1, indices 3..5.
        assertArrayEquals(new int[] {3, 4, 5}, ElementDependency.of(Operation.SOFTMAX).reads(3, args("x", A23), A23).get("x"));
        // −ln p[2] reads p[2] only.
        assertArrayEquals(new int[] {2}, ElementDependency.of(Operation.CROSS_ENTROPY)
                .reads(0, args("p", Vector.of(0.25, 0.25, 0.5), "target", 2), Scalar.of(0.69)).get("p"));
    }

    @Test
    void aTransposeReadsTheMirroredElement() {
        // Aᵀ is 3×2; its (2, 1) (index 5) is A[1][2] (index 5), its (1, 0) (index 2) is A[0][1] (index 1).
        Value t = Operation.TRANSPOSE.apply(new Arguments(args("a", A23)));
        assertArrayEquals(new int[] {5}, ElementDependency.of(Operation.TRANSPOSE).reads(5, args("a", A23), t).get("a"));
        assertArrayEquals(new int[] {1}, ElementDependency.of(Operation.TRANSPOSE).reads(2, args("a", A23), t).get("a"));
    }

    @Test
    void aGradientOfASquareBatchReadsEachRowsOwnTarget() {
        // p is 2×2 with targets [1, 0]: element (0, 1) is p(0, 1) − 1, reading target[0], not target[1].
        Matrix p = Matrix.of(new double[][] {{0.2, 0.8}, {0.6, 0.4}});
        Map<String, Value> args = args("p", p, "target", Vector.of(1, 0));
        Value g = Operation.SOFTMAX_CROSS_ENTROPY_GRADIENT.apply(new Arguments(args));
        Map<String, int[]> reads = ElementDependency.of(Operation.SOFTMAX_CROSS_ENTROPY_GRADIENT).reads(1, args, g);
        assertArrayEquals(new int[] {1}, reads.get("p"));
        assertArrayEquals(new int[] {0}, reads.get("target"));
    }

    @Test
    void aSumReadsEverything() {
        assertEquals(6, ElementDependency.of(Operation.SUM).reads(0, args("x", A23), Scalar.of(2.1)).get("x").length);
    }
}
