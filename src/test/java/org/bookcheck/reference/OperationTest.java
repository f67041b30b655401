package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.assertMatrix;
import static org.bookcheck.reference.ReferenceAssertions.assertScalar;
import static org.bookcheck.reference.ReferenceAssertions.assertVector;
import static org.bookcheck.reference.ReferenceAssertions.matrix;
import static org.bookcheck.reference.ReferenceAssertions.vector;
import static org.bookcheck.reference.ReferenceAssertions.vocabulary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The catalogue as fixtures reach it: every constant applies to valid arguments and gives a hand-worked
 * value, argument checking names what is missing or of the wrong kind, and names round-trip.
 */
class OperationTest {

    private static final Vocabulary VOCABULARY = vocabulary("The", 1, "cat", 2, ".", 3);

    /** Valid arguments for one operation and the check of its result. */
    private record Smoke(Map<String, Value> args, Consumer<Value> check) {
    }

    private static Map<String, Value> args(Object... nameValuePairs) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            Object v = nameValuePairs[i + 1];
            out.put((String) nameValuePairs[i], v instanceof Number n ? Scalar.of(n.doubleValue()) : (Value) v);
        }
        return out;
    }

    private static Smoke smoke(Map<String, Value> args, Consumer<Value> check) {
        return new Smoke(args, check);
    }

    private static Consumer<Value> isVector(double... expected) {
        return v -> assertVector(v, expected);
    }

    private static Consumer<Value> isScalar(double expected) {
        return v -> assertScalar(expected, v);
    }

    private static Consumer<Value> isMatrix(double[]... expected) {
        return v -> assertMatrix(v, expected);
    }

    private static Consumer<Value> isBool(boolean expected) {
        return v -> assertEquals(new Bool(expected), v);
    }

    private static Consumer<Value> isTokens(String... expected) {
        return v -> assertEquals(new Tokens(List.of(expected)), v);
    }

    /** One case per constant; the switch has no default, so a new operation does not compile without one. */
    private static Smoke smoke(Operation op) {
        Matrix square = matrix(new double[] {1, 2}, new double[] {3, 4});
        return switch (op) {
            case ADD -> smoke(args("a", vector(1, 2), "b", vector(3, 4)), isVector(4, 6));
            case SUB -> smoke(args("a", vector(5, 5), "b", vector(1, 2)), isVector(4, 3));
            case SCALE -> smoke(args("x", vector(1, 2), "s", 3), isVector(3, 6));
            case ELEMENTWISE_PRODUCT -> smoke(args("a", vector(2, 3), "b", vector(4, 5)), isVector(8, 15));
            case DIVIDE -> smoke(args("a", vector(1, 3), "b", vector(2, 4)), isVector(0.5, 0.75));
            case MATMUL -> smoke(args("a", square, "b", matrix(new double[] {0, 1}, new double[] {1, 0})),
                    isMatrix(new double[] {2, 1}, new double[] {4, 3}));
            case TRANSPOSE -> smoke(args("a", matrix(new double[] {1, 2, 3})), isMatrix(new double[] {1}, new double[] {2}, new double[] {3}));
            case DOT -> smoke(args("a", vector(1, 2), "b", vector(3, 4)), isScalar(11));
            case OUTER -> smoke(args("a", vector(1, 2), "b", vector(3)), isMatrix(new double[] {3}, new double[] {6}));
            case SUM -> smoke(args("x", square), isScalar(10));
            case COUNT -> smoke(args("x", new Tokens(List.of("a", "b", "c"))), isScalar(3));
            case MEAN -> smoke(args("x", vector(1, 2, 3, 6)), isScalar(3));
            case VARIANCE_POPULATION -> smoke(args("x", vector(1, 3)), isScalar(1));
            case VARIANCE_SAMPLE -> smoke(args("x", vector(1, 3)), isScalar(2));
            case STD_POPULATION -> smoke(args("x", vector(1, 3)), isScalar(1));
            case STD_SAMPLE -> smoke(args("x", vector(1, 3)), isScalar(1.4142135623730951));
            case Z_SCORE -> smoke(args("x", vector(1, 3)), isVector(-1, 1));
            case LAYER_NORM -> smoke(args("x", vector(1, 3), "gamma", vector(2, 1), "beta", vector(0, 5), "eps", 0), isVector(-2, 6));
            case RESIDUAL -> smoke(args("x", vector(1, 2), "fx", vector(0.5, 0.5)), isVector(1.5, 2.5));
            case LINEAR -> smoke(args("x", vector(1, 2), "w", matrix(new double[] {1}, new double[] {1}), "b", vector(0.5)), isVector(3.5));
            case ROW -> smoke(args("a", square, "index", 1), isVector(3, 4));
            case RELU -> smoke(args("x", vector(-1, 2)), isVector(0, 2));
            case GELU -> smoke(args("x", vector(1)), isVector(0.8413447460685429));
            case GELU_TANH -> smoke(args("x", vector(1)), isVector(0.8411919906082768));
            case SIGMOID -> smoke(args("x", 0), isScalar(0.5));
            case TANH -> smoke(args("x", vector(0.5)), isVector(0.46211715726000974));
            case EXP -> smoke(args("x", 1), isScalar(2.718281828459045));
            case LN -> smoke(args("x", 1), isScalar(0));
            case SQRT -> smoke(args("x", 4), isScalar(2));
            case SOFTMAX -> smoke(args("x", vector(1, 2, 3)), isVector(0.09003057317038046, 0.24472847105479764, 0.6652409557748218));
            case LOG_SOFTMAX -> smoke(args("x", vector(1, 2, 3)), isVector(-2.40760596444438, -1.4076059644443804, -0.40760596444438046));
            case CROSS_ENTROPY -> smoke(args("p", vector(0.25, 0.75), "target", 1), isScalar(0.2876820724517809));
            case MSE -> smoke(args("prediction", vector(1, 2), "target", vector(2, 4)), isScalar(2.5));
            case SOFTMAX_CROSS_ENTROPY_GRADIENT -> smoke(args("p", vector(0.25, 0.75), "target", 0), isVector(-0.75, 0.75));
            case ONE_HOT -> smoke(args("index", 1, "size", 3), isVector(0, 1, 0));
            case ARGMAX -> smoke(args("x", vector(0.2, 0.5, 0.3)), isScalar(1));
            case ODDS -> smoke(args("p", 0.75), isScalar(3));
            case ODDS_RATIO -> smoke(args("a", 3, "b", 0.25), isScalar(12));
            case LOGIT -> smoke(args("p", 0.75), isScalar(1.0986122886681098));
            case INVERSE_LOGIT -> smoke(args("x", 0), isScalar(0.5));
            case WEIGHT_UPDATE -> smoke(args("w", vector(1, 1), "grad", vector(2, -2), "lr", 0.25), isVector(0.5, 1.5));
            case BATCH_COUNT -> smoke(args("n", 10, "batch_size", 3), isScalar(4));
            case BATCH_RANGES -> smoke(args("n", 5, "batch_size", 2), isMatrix(new double[] {0, 1}, new double[] {2, 3}, new double[] {4, 4}));
            case TOKENIZE -> smoke(args("text", new Text("The cat.")), isTokens("The", "cat", "."));
            case ENCODE -> smoke(args("tokens", new Tokens(List.of("cat", "The")), "vocabulary", VOCABULARY), isVector(2, 1));
            case DECODE -> smoke(args("ids", vector(1, 3), "vocabulary", VOCABULARY), isTokens("The", "."));
            case EMBEDDING_LOOKUP -> smoke(args("ids", 2, "table", square, "first_id", 1), isVector(3, 4));
            case ATTENTION_SCORES -> smoke(args("q", matrix(new double[] {1, 0}), "k", matrix(new double[] {2, 0}, new double[] {0, 2})),
                    isMatrix(new double[] {1.4142135623730951, 0}));
            case ATTENTION -> smoke(args("q", matrix(new double[] {1, 0}), "k", matrix(new double[] {1, 0}), "v", matrix(new double[] {5, 6})),
                    isMatrix(new double[] {5, 6}));
            case WEIGHTED_SUM -> smoke(args("weights", vector(0.5, 0.5), "values", matrix(new double[] {2, 0}, new double[] {0, 4})), isVector(1, 2));
            case RESTATE -> smoke(args("x", 0.75), isScalar(0.75));
            case EQUAL -> smoke(args("a", 0.3, "b", 0.1 + 0.2), isBool(true));
            case GREATER -> smoke(args("a", 2, "b", 1), isBool(true));
            case LESS -> smoke(args("a", 2, "b", 1), isBool(false));
            case NEGATE -> smoke(args("x", vector(1, -2)), isVector(-1, 2));
            case POWER -> smoke(args("x", vector(2, 3), "p", 2), isVector(4, 9));
            case ABS -> smoke(args("x", vector(-1.5, 2)), isVector(1.5, 2));
            case DETERMINANT -> smoke(args("a", square), isScalar(-2)); // 1×4 − 2×3
            case INVERSE -> smoke(args("a", square), isMatrix(new double[] {-2, 1}, new double[] {1.5, -0.5}));
            case MAX -> smoke(args("x", vector(0.2, 0.5, 0.3)), isScalar(0.5));
            case MIN -> smoke(args("x", square), isScalar(1));
            case ROW_MEANS -> smoke(args("a", square), isVector(1.5, 3.5));
            case COLUMN_MEANS -> smoke(args("a", square), isVector(2, 3));
            case COLUMN -> smoke(args("a", square, "index", 1), isVector(2, 4));
            case ELEMENT -> smoke(args("x", square, "i", 1, "j", 0), isScalar(3));
            case STACK -> smoke(args("items[0]", 1, "items[1]", 2.5), isVector(1, 2.5));
            case CONCAT -> smoke(args("a", vector(1, 2), "b", 3), isVector(1, 2, 3));
            case RELU_DERIVATIVE -> smoke(args("x", vector(-1, 0, 2)), isVector(0, 0, 1));
            case SIGMOID_DERIVATIVE -> smoke(args("s", 0.5), isScalar(0.25));
            case LOG_BASE -> smoke(args("x", 8, "base", 2), isScalar(3));
            case SOFTMAX_BACKWARD -> smoke(args("s", vector(0.25, 0.75), "grad", vector(1, 0)), isVector(0.1875, -0.1875));
            case BINARY_CROSS_ENTROPY -> smoke(args("p", 0.75, "y", 0), isScalar(1.3862943611198906)); // −ln 0.25
            case ENTROPY -> smoke(args("p", vector(0.5, 0.5)), isScalar(0.6931471805599453)); // ln 2
            case HALF_SQUARED_ERROR -> smoke(args("prediction", vector(1, 2), "target", vector(2, 4)), isScalar(2.5)); // ½(1 + 4)
            case NORMAL_PDF -> smoke(args("x", 0), isScalar(0.3989422804014327)); // 1/√(2π)
            case NORMAL_CDF -> smoke(args("x", 1, "mean", 1, "std", 2), isScalar(0.5));
            case EMPIRICAL_CDF -> smoke(args("data", vector(3, 1, 2, 5), "x", 2), isScalar(0.5));
            case EXPECTED_VALUE -> smoke(args("values", vector(0, 10), "probabilities", vector(0.75, 0.25)), isScalar(2.5));
            case DISTRIBUTION_VARIANCE -> smoke(args("values", vector(0, 10), "probabilities", vector(0.75, 0.25)), isScalar(18.75));
            case APPROX -> smoke(args("a", vector(0.49, 1), "b", vector(0.5, 1), "tolerance", 0.05), isBool(true));
        };
    }

    /** A value of the wrong kind for each parameter type, with the words the message must use for it. */
    private record Wrong(Value value, String kind, String shape) {
    }

    private static Wrong wrongFor(ParamType type) {
        return switch (type) {
            case SCALAR -> new Wrong(vector(1), "vector", "vector of length 1");
            case INTEGER -> new Wrong(Scalar.of(0.5), "scalar", "scalar");
            case VECTOR -> new Wrong(matrix(new double[] {1}), "matrix", "1×1");
            case MATRIX -> new Wrong(vector(1, 2), "vector", "vector of length 2");
            case VECTOR_OR_MATRIX -> new Wrong(Scalar.of(1), "scalar", "scalar");
            case NUMERIC, TOKENS -> new Wrong(new Text("ab"), "text", "2 characters");
            case TEXT, VOCABULARY -> new Wrong(new Tokens(List.of("a")), "token list", "1 tokens");
            case BOOL -> new Wrong(Scalar.of(1), "scalar", "scalar");
            case COUNTABLE -> new Wrong(new Bool(true), "truth value", "true/false");
        };
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void everyOperationAppliesToValidArguments(Operation op) {
        Smoke smoke = smoke(op);
        assertEquals(Optional.empty(), op.checkArguments(smoke.args()), "the smoke arguments fit " + op.signature());
        smoke.check().accept(op.apply(new Arguments(smoke.args())));
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void leavingOutARequiredArgumentIsReportedByName(Operation op) {
        Map<String, Value> valid = smoke(op).args();
        List<Param> required = op.params().stream().filter(Param::required).toList();
        assertFalse(required.isEmpty(), "every operation takes at least one argument");
        for (Param p : required) {
            Map<String, Value> args = new LinkedHashMap<>(valid);
            args.remove(p.variadic() ? p.item(0) : p.name());
            assertEquals(Optional.of(p.variadic()
                    ? op.opName() + " needs at least one item \"" + p.item(0) + "\" (" + p.description() + ")"
                    : op.opName() + " needs argument \"" + p.name() + "\" (" + p.description() + ")"), op.checkArguments(args));
        }
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void anArgumentOfTheWrongKindIsReportedWithWhatItIs(Operation op) {
        Map<String, Value> valid = smoke(op).args();
        for (Param p : op.params()) {
            Wrong wrong = wrongFor(p.type());
            Map<String, Value> args = new LinkedHashMap<>(valid);
            String key = p.variadic() ? p.item(1) : p.name();
            args.put(key, wrong.value());
            assertEquals(Optional.of(op.opName() + ": " + (p.variadic() ? "item" : "argument") + " \"" + key + "\" must be " + p.type().description()
                    + ", but it is a " + wrong.kind() + " (" + wrong.shape() + ")"), op.checkArguments(args));
        }
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void byNameFindsTheOperationByItsLowerCaseName(Operation op) {
        assertEquals(op.name().toLowerCase(Locale.ROOT), op.opName());
        assertEquals(Optional.of(op), Operation.byName(op.opName()));
        assertTrue(op.signature().startsWith(op.opName() + "("), op.signature());
        assertFalse(op.formula().isBlank());
        assertFalse(op.summary().isBlank());
    }

    @Test
    void byNameKnowsNoOtherNames() {
        assertEquals(Optional.empty(), Operation.byName("MATMUL"));
        assertEquals(Optional.empty(), Operation.byName("mat_mul"));
        assertEquals(Optional.empty(), Operation.byName(""));
    }

    @Test
    void aVariadicParameterTakesItsItemsByIndex() {
        assertEquals("stack(items…)", Operation.STACK.signature());
        assertEquals(Operation.STACK.param("items"), Operation.STACK.param("items[3]"));
        assertEquals(Optional.empty(), Operation.ADD.param("a[0]"), "only a variadic parameter takes items");
        // items must run from 0 without a gap: items[2] after a missing items[1] is not read
        assertVector(Operation.STACK.apply(new Arguments(args("items[0]", 1, "items[2]", 3))), 1);
    }

    @Test
    void signaturesMarkOptionalParameters() {
        assertEquals("weight_update(w, grad, lr)", Operation.WEIGHT_UPDATE.signature());
        assertEquals("layer_norm(x, gamma?, beta?, eps?)", Operation.LAYER_NORM.signature());
        assertEquals(Optional.of(Param.optional("eps", ParamType.SCALAR, "ε (default 1e-5)")), Operation.LAYER_NORM.param("eps"));
        assertEquals(Optional.empty(), Operation.LAYER_NORM.param("epsilon"));
    }

    @Nested
    class OptionalArguments {

        private static Value apply(Operation op, Object... nameValuePairs) {
            Map<String, Value> args = args(nameValuePairs);
            assertEquals(Optional.empty(), op.checkArguments(args));
            return op.apply(new Arguments(args));
        }

        @Test
        void zScoreFillsInTheMeanOrStdThatIsNotGiven() {
            assertVector(apply(Operation.Z_SCORE, "x", vector(1, 3), "mean", 0), 1, 3); // σ = 1 from x
            assertVector(apply(Operation.Z_SCORE, "x", vector(2, 4), "std", 2), -0.5, 0.5); // μ = 3 from x
            assertVector(apply(Operation.Z_SCORE, "x", vector(2, 4), "mean", 0, "std", 4), 0.5, 1);
        }

        @Test
        void layerNormDefaultsToUnitGammaZeroBetaAndEpsilon1e5() {
            // (x − 2) / √(1 + 1e-5)
            assertVector(apply(Operation.LAYER_NORM, "x", vector(1, 3)), -0.9999950000374997, 0.9999950000374997);
        }

        @Test
        void linearWithoutBias() {
            assertVector(apply(Operation.LINEAR, "x", vector(1, 2), "w", matrix(new double[] {1}, new double[] {1})), 3);
        }

        @Test
        void embeddingIdsCountFromZeroByDefault() {
            assertVector(apply(Operation.EMBEDDING_LOOKUP, "ids", 1, "table", matrix(new double[] {1, 2}, new double[] {3, 4})), 3, 4);
        }

        @Test
        void attentionIsUnmaskedUnlessCausalIsTrue() {
            Matrix q = matrix(new double[] {1}, new double[] {1});
            Value plain = apply(Operation.ATTENTION_SCORES, "q", q, "k", q);
            assertMatrix(plain, new double[][] {{1, 1}, {1, 1}});
            Value masked = apply(Operation.ATTENTION_SCORES, "q", q, "k", q, "causal", new Bool(true));
            assertEquals(Double.NEGATIVE_INFINITY, assertInstanceOf(Matrix.class, masked).get(0, 1));
            Matrix v = matrix(new double[] {2}, new double[] {4});
            assertMatrix(apply(Operation.ATTENTION, "q", q, "k", q, "v", v), new double[][] {{3}, {3}});
            assertMatrix(apply(Operation.ATTENTION, "q", q, "k", q, "v", v, "causal", new Bool(true)), new double[][] {{2}, {3}});
        }
    }

    @Nested
    class ParamTypes {

        private static final List<Value> SAMPLES = List.of(Scalar.of(2), Scalar.of(2.5), vector(1), matrix(new double[] {1}),
                new Tokens(List.of("a")), new TokenBatch(List.of()), new Text("a"), VOCABULARY, new Bool(true));

        private static void assertAccepts(ParamType type, boolean... expected) {
            for (int i = 0; i < SAMPLES.size(); i++) {
                Value v = SAMPLES.get(i);
                assertEquals(expected[i], type.accepts(v), () -> type + " on " + v.kind() + " " + v.describeShape());
            }
        }

        @Test
        void acceptExactlyTheirKinds() {
            // scalar 2, scalar 2.5, vector, matrix, tokens, batch, text, vocabulary, bool
            assertAccepts(ParamType.SCALAR, true, true, false, false, false, false, false, false, false);
            assertAccepts(ParamType.INTEGER, true, false, false, false, false, false, false, false, false);
            assertAccepts(ParamType.VECTOR, false, false, true, false, false, false, false, false, false);
            assertAccepts(ParamType.MATRIX, false, false, false, true, false, false, false, false, false);
            assertAccepts(ParamType.VECTOR_OR_MATRIX, false, false, true, true, false, false, false, false, false);
            assertAccepts(ParamType.NUMERIC, true, true, true, true, false, false, false, false, false);
            assertAccepts(ParamType.TOKENS, false, false, false, false, true, false, false, false, false);
            assertAccepts(ParamType.TEXT, false, false, false, false, false, false, true, false, false);
            assertAccepts(ParamType.VOCABULARY, false, false, false, false, false, false, false, true, false);
            assertAccepts(ParamType.BOOL, false, false, false, false, false, false, false, false, true);
            assertAccepts(ParamType.COUNTABLE, false, false, true, true, true, true, false, true, false);
        }
    }
}
