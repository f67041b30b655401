package org.bookcheck.reference;

import static org.bookcheck.reference.Param.optional;
import static org.bookcheck.reference.Param.required;
import static org.bookcheck.reference.ParamType.BOOL;
import static org.bookcheck.reference.ParamType.COUNTABLE;
import static org.bookcheck.reference.ParamType.INTEGER;
import static org.bookcheck.reference.ParamType.MATRIX;
import static org.bookcheck.reference.ParamType.NUMERIC;
import static org.bookcheck.reference.ParamType.SCALAR;
import static org.bookcheck.reference.ParamType.TEXT;
import static org.bookcheck.reference.ParamType.TOKENS;
import static org.bookcheck.reference.ParamType.VECTOR;
import static org.bookcheck.reference.ParamType.VECTOR_OR_MATRIX;
import static org.bookcheck.reference.ParamType.VOCABULARY;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operation catalogue: every operation a fixture step may name, with its parameters, its formula
 * and its double-precision reference implementation. A step's {@code op} is the lower-case name of a
 * constant here; the kernel twin and the trace renderer of an operation carry the same name.
 */
public enum Operation {
    ADD("a + b", "element-wise sum; a scalar is added to every element",
            List.of(required("a", NUMERIC, "first addend"), required("b", NUMERIC, "second addend")),
            a -> ArithmeticOps.add(a.numeric("a"), a.numeric("b"))),
    SUB("a − b", "element-wise difference; a scalar is broadcast",
            List.of(required("a", NUMERIC, "minuend"), required("b", NUMERIC, "subtrahend")),
            a -> ArithmeticOps.sub(a.numeric("a"), a.numeric("b"))),
    SCALE("s·x", "every element of x multiplied by the number s",
            List.of(required("x", NUMERIC, "value to scale"), required("s", SCALAR, "factor")),
            a -> ArithmeticOps.scale(a.numeric("x"), a.scalar("s"))),
    ELEMENTWISE_PRODUCT("a ⊙ b", "element-wise (Hadamard) product",
            List.of(required("a", NUMERIC, "first factor"), required("b", NUMERIC, "second factor")),
            a -> ArithmeticOps.elementwiseProduct(a.numeric("a"), a.numeric("b"))),
    DIVIDE("a / b", "element-wise quotient",
            List.of(required("a", NUMERIC, "dividend"), required("b", NUMERIC, "divisor")),
            a -> ArithmeticOps.divide(a.numeric("a"), a.numeric("b"))),
    NEGATE("−x", "every element negated",
            List.of(required("x", NUMERIC, "value")), a -> ArithmeticOps.negate(a.numeric("x"))),
    POWER("xᵖ", "every element raised to the power p (x² is power(x, 2))",
            List.of(required("x", NUMERIC, "base"), required("p", SCALAR, "exponent")),
            a -> ArithmeticOps.power(a.numeric("x"), a.scalar("p"))),
    ABS("|xᵢ|", "absolute value, element-wise",
            List.of(required("x", NUMERIC, "value")), a -> ArithmeticOps.abs(a.numeric("x"))),
    MATMUL("AB", "matrix product: row i of A dotted with column j of B; a vector on the right is a column, on the left a row",
            List.of(required("a", NUMERIC, "left factor"), required("b", NUMERIC, "right factor")),
            a -> LinearAlgebraOps.matmul(a.numeric("a"), a.numeric("b"))),
    TRANSPOSE("Aᵀ", "rows become columns",
            List.of(required("a", MATRIX, "matrix")),
            a -> LinearAlgebraOps.transpose(a.matrix("a"))),
    DOT("a·b = Σᵢ aᵢbᵢ", "dot product of two vectors of equal length",
            List.of(required("a", VECTOR, "first vector"), required("b", VECTOR, "second vector")),
            a -> Scalar.of(LinearAlgebraOps.dot(a.vector("a"), a.vector("b")))),
    OUTER("a bᵀ", "outer product: element (i, j) is aᵢbⱼ",
            List.of(required("a", VECTOR, "column factor"), required("b", VECTOR, "row factor")),
            a -> LinearAlgebraOps.outer(a.vector("a"), a.vector("b"))),
    DETERMINANT("det A", "determinant of a square matrix (ad − bc for a 2×2)",
            List.of(required("a", MATRIX, "square matrix")), a -> Scalar.of(LinearAlgebraOps.determinant(a.matrix("a")))),
    INVERSE("A⁻¹", "inverse of a square matrix; a singular one is refused",
            List.of(required("a", MATRIX, "square matrix")), a -> LinearAlgebraOps.inverse(a.matrix("a"))),
    SUM("Σᵢ xᵢ", "sum of every element",
            List.of(required("x", NUMERIC, "values")),
            a -> Scalar.of(ArithmeticOps.sum(a.numeric("x")))),
    MAX("maxᵢ xᵢ", "largest element",
            List.of(required("x", NUMERIC, "values")), a -> Scalar.of(ArithmeticOps.max(a.numeric("x")))),
    MIN("minᵢ xᵢ", "smallest element",
            List.of(required("x", NUMERIC, "values")), a -> Scalar.of(ArithmeticOps.min(a.numeric("x")))),
    COUNT("|x|", "number of items: elements, tokens, sequences or vocabulary entries",
            List.of(required("x", COUNTABLE, "collection")),
            a -> Scalar.of(ArithmeticOps.count(a.value("x")))),
    MEAN("μ = (1/n) Σᵢ xᵢ", "arithmetic mean of every element",
            List.of(required("x", NUMERIC, "values")),
            a -> Scalar.of(StatisticsOps.mean(a.numeric("x")))),
    ROW_MEANS("(1/n) Σⱼ Aᵢⱼ", "mean of each row of a matrix: one number per row",
            List.of(required("a", MATRIX, "matrix")), a -> StatisticsOps.rowMeans(a.matrix("a"))),
    COLUMN_MEANS("(1/m) Σᵢ Aᵢⱼ", "mean of each column of a matrix: one number per column",
            List.of(required("a", MATRIX, "matrix")), a -> StatisticsOps.columnMeans(a.matrix("a"))),
    VARIANCE_POPULATION("σ² = (1/n) Σᵢ (xᵢ − μ)²", "population variance (divides by n)",
            List.of(required("x", NUMERIC, "values")),
            a -> Scalar.of(StatisticsOps.variancePopulation(a.numeric("x")))),
    VARIANCE_SAMPLE("s² = (1/(n − 1)) Σᵢ (xᵢ − x̄)²", "sample variance (divides by n − 1)",
            List.of(required("x", NUMERIC, "values")),
            a -> Scalar.of(StatisticsOps.varianceSample(a.numeric("x")))),
    STD_POPULATION("σ = √((1/n) Σᵢ (xᵢ − μ)²)", "population standard deviation",
            List.of(required("x", NUMERIC, "values")),
            a -> Scalar.of(StatisticsOps.stdPopulation(a.numeric("x")))),
    STD_SAMPLE("s = √((1/(n − 1)) Σᵢ (xᵢ − x̄)²)", "sample standard deviation",
            List.of(required("x", NUMERIC, "values")),
            a -> Scalar.of(StatisticsOps.stdSample(a.numeric("x")))),
    Z_SCORE("z = (x − μ) / σ", "standardisation; μ and σ (population) are those of x unless given",
            List.of(required("x", NUMERIC, "values"), optional("mean", SCALAR, "μ, if not the mean of x"),
                    optional("std", SCALAR, "σ, if not the population standard deviation of x")),
            a -> a.has("mean") || a.has("std")
                    ? StatisticsOps.zScore(a.numeric("x"), a.scalar("mean", StatisticsOps.mean(a.numeric("x"))),
                            a.scalar("std", StatisticsOps.stdPopulation(a.numeric("x"))))
                    : StatisticsOps.zScore(a.numeric("x"))),
    LAYER_NORM("γ ⊙ (x − μ) / √(σ² + ε) + β", "layer normalisation over each row, population variance",
            List.of(required("x", VECTOR_OR_MATRIX, "input (a vector, or one row per position)"),
                    optional("gamma", VECTOR, "γ, scale per feature (default ones)"),
                    optional("beta", VECTOR, "β, shift per feature (default zeros)"),
                    optional("eps", SCALAR, "ε (default 1e-5)")),
            a -> StatisticsOps.layerNorm(a.numeric("x"), a.vectorOrNull("gamma"), a.vectorOrNull("beta"),
                    a.scalar("eps", StatisticsOps.LAYER_NORM_EPSILON))),
    RESIDUAL("f(x) + x", "residual connection: Output = Layer(Input) + Input",
            List.of(required("x", NUMERIC, "the layer's input x"), required("fx", NUMERIC, "the layer's output f(x)")),
            a -> TrainingOps.residual(a.numeric("fx"), a.numeric("x"))),
    LINEAR("xW + b", "dense layer applied to a row vector or to every row of a matrix; W may be one neuron's weight vector and b a scalar",
            List.of(required("x", VECTOR_OR_MATRIX, "input row(s)"), required("w", VECTOR_OR_MATRIX, "weights W (a vector for a single neuron)"),
                    optional("b", NUMERIC, "bias b (a scalar is added to every output)")),
            a -> LinearAlgebraOps.linear(a.numeric("x"), a.numeric("w"), a.numericOrNull("b"))),
    ROW("A[i]", "row i of a matrix, counted from 0",
            List.of(required("a", MATRIX, "matrix"), required("index", INTEGER, "row index from 0")),
            a -> LinearAlgebraOps.row(a.matrix("a"), a.integer("index"))),
    COLUMN("A[:, j]", "column j of a matrix, counted from 0",
            List.of(required("a", MATRIX, "matrix"), required("index", INTEGER, "column index from 0")),
            a -> LinearAlgebraOps.column(a.matrix("a"), a.integer("index"))),
    ELEMENT("x[i], A[i][j]", "one element counted from 0: of a vector by i, of a matrix by row i and column j",
            List.of(required("x", VECTOR_OR_MATRIX, "vector or matrix"), required("i", INTEGER, "index (the row of a matrix) from 0"),
                    optional("j", INTEGER, "column index from 0, for a matrix")),
            a -> Scalar.of(LinearAlgebraOps.element(a.numeric("x"), a.integer("i"), a.has("j") ? a.integer("j") : null))),
    STACK("[a, b, …]", "numbers into a vector, or vectors of equal length into the rows of a matrix",
            List.of(Param.variadic("items", NUMERIC, "the numbers or rows, in order")),
            a -> LinearAlgebraOps.stack(a.numerics("items"))),
    CONCAT("a ‖ b", "two vectors (or numbers) joined end to end into one vector",
            List.of(required("a", NUMERIC, "first part"), required("b", NUMERIC, "second part")),
            a -> LinearAlgebraOps.concat(a.numeric("a"), a.numeric("b"))),
    RELU("max(0, x)", "rectified linear unit, element-wise",
            List.of(required("x", NUMERIC, "input")), a -> ActivationOps.relu(a.numeric("x"))),
    RELU_DERIVATIVE("1 if x > 0, else 0", "derivative of ReLU at its input, element-wise (0 at x = 0)",
            List.of(required("x", NUMERIC, "input of the ReLU")), a -> ActivationOps.reluDerivative(a.numeric("x"))),
    GELU("x·Φ(x) = ½x(1 + erf(x/√2))", "Gaussian error linear unit, exact form",
            List.of(required("x", NUMERIC, "input")), a -> ActivationOps.gelu(a.numeric("x"))),
    GELU_TANH("½x(1 + tanh(√(2/π)(x + 0.044715x³)))", "GELU's tanh approximation, as in GPT-2",
            List.of(required("x", NUMERIC, "input")), a -> ActivationOps.geluTanh(a.numeric("x"))),
    SIGMOID("σ(x) = 1 / (1 + e^(−x))", "logistic sigmoid, element-wise",
            List.of(required("x", NUMERIC, "input")), a -> ActivationOps.sigmoid(a.numeric("x"))),
    SIGMOID_DERIVATIVE("σ′ = σ(1 − σ)", "derivative of the sigmoid from its output s = σ(x): s(1 − s), element-wise",
            List.of(required("s", NUMERIC, "output of the sigmoid σ(x)")), a -> ActivationOps.sigmoidDerivative(a.numeric("s"))),
    TANH("tanh(x)", "hyperbolic tangent, element-wise",
            List.of(required("x", NUMERIC, "input")), a -> ActivationOps.tanh(a.numeric("x"))),
    EXP("eˣ", "exponential, element-wise",
            List.of(required("x", NUMERIC, "input")), a -> ActivationOps.exp(a.numeric("x"))),
    LN("ln x", "natural logarithm, element-wise, x > 0",
            List.of(required("x", NUMERIC, "input")), a -> ActivationOps.ln(a.numeric("x"))),
    LOG_BASE("log_b x = ln x / ln b", "logarithm to a base b, element-wise (log10 and log2 in expressions)",
            List.of(required("x", NUMERIC, "input"), required("base", SCALAR, "base b > 0, b ≠ 1")),
            a -> ActivationOps.logBase(a.numeric("x"), a.scalar("base"))),
    SQRT("√x", "square root, element-wise, x ≥ 0",
            List.of(required("x", NUMERIC, "input")), a -> ActivationOps.sqrt(a.numeric("x"))),
    SOFTMAX("softmax(x)ᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m), m = maxⱼ xⱼ", "probabilities that sum to 1; each row of a matrix",
            List.of(required("x", VECTOR_OR_MATRIX, "scores (logits)")), a -> ActivationOps.softmax(a.numeric("x"))),
    LOG_SOFTMAX("(xᵢ − m) − ln Σⱼ e^(xⱼ − m)", "logarithm of softmax, computed stably",
            List.of(required("x", VECTOR_OR_MATRIX, "scores (logits)")), a -> ActivationOps.logSoftmax(a.numeric("x"))),
    SOFTMAX_BACKWARD("∂L/∂z = s ⊙ (g − g·s)", "gradient through a softmax from its output s and the gradient g at the output; each row of a matrix",
            List.of(required("s", VECTOR_OR_MATRIX, "softmax output s"), required("grad", VECTOR_OR_MATRIX, "gradient g with respect to s")),
            a -> ActivationOps.softmaxBackward(a.numeric("s"), a.numeric("grad"))),
    CROSS_ENTROPY("L = −Σᵢ yᵢ ln pᵢ = −ln p_target", "cross-entropy loss; for a matrix, the mean over rows; of a single probability p, −ln p",
            List.of(required("p", NUMERIC, "probabilities, or the single probability of the target"),
                    optional("target", NUMERIC, "target index (from 0), one-hot vector, or one index per row; none for a single probability")),
            a -> Scalar.of(LossOps.crossEntropy(a.numeric("p"), a.numericOrNull("target")))),
    BINARY_CROSS_ENTROPY("−[y ln p + (1 − y) ln(1 − p)]", "loss of a predicted probability p for a label y; for vectors, the mean",
            List.of(required("p", NUMERIC, "predicted probability p"), required("y", NUMERIC, "label y (0 or 1, or a soft label)")),
            a -> Scalar.of(LossOps.binaryCrossEntropy(a.numeric("p"), a.numeric("y")))),
    ENTROPY("H = −Σᵢ pᵢ ln pᵢ", "entropy of a distribution in nats (0 ln 0 counts as 0)",
            List.of(required("p", NUMERIC, "probabilities")), a -> Scalar.of(LossOps.entropy(a.numeric("p")))),
    MSE("(1/n) Σᵢ (ŷᵢ − yᵢ)²", "mean squared error",
            List.of(required("prediction", NUMERIC, "ŷ"), required("target", NUMERIC, "y")),
            a -> Scalar.of(LossOps.mse(a.numeric("prediction"), a.numeric("target")))),
    HALF_SQUARED_ERROR("E = Σᵢ ½(yᵢ − ŷᵢ)²", "squared error with ½, summed over outputs, as backpropagation tutorials write it",
            List.of(required("prediction", NUMERIC, "ŷ"), required("target", NUMERIC, "y")),
            a -> Scalar.of(LossOps.halfSquaredError(a.numeric("prediction"), a.numeric("target")))),
    SOFTMAX_CROSS_ENTROPY_GRADIENT("∂L/∂z = p − y", "gradient of cross-entropy with respect to the logits of a softmax",
            List.of(required("p", VECTOR_OR_MATRIX, "probabilities p = softmax(z)"),
                    required("target", NUMERIC, "target index (from 0), one-hot vector, or one index per row")),
            a -> LossOps.softmaxCrossEntropyGradient(a.numeric("p"), a.numeric("target"))),
    ONE_HOT("eᵢ", "vector of the given size, 1 at the index (from 0) and 0 elsewhere",
            List.of(required("index", INTEGER, "position of the 1"), required("size", INTEGER, "length")),
            a -> LossOps.oneHot(a.integer("index"), a.integer("size"))),
    ARGMAX("argmaxᵢ xᵢ", "index (from 0) of the largest element",
            List.of(required("x", NUMERIC, "values")), a -> Scalar.of(LossOps.argmax(a.numeric("x")))),
    ODDS("p / (1 − p)", "odds of an event of probability p",
            List.of(required("p", NUMERIC, "probability")), a -> ProbabilityOps.odds(a.numeric("p"))),
    ODDS_RATIO("odds_a / odds_b", "ratio of two odds",
            List.of(required("a", NUMERIC, "odds of group A"), required("b", NUMERIC, "odds of group B")),
            a -> ProbabilityOps.oddsRatio(a.numeric("a"), a.numeric("b"))),
    LOGIT("ln(p / (1 − p))", "log-odds",
            List.of(required("p", NUMERIC, "probability")), a -> ProbabilityOps.logit(a.numeric("p"))),
    INVERSE_LOGIT("1 / (1 + e^(−x))", "inverse of logit: back from log-odds to probability",
            List.of(required("x", NUMERIC, "log-odds")), a -> ProbabilityOps.inverseLogit(a.numeric("x"))),
    NORMAL_PDF("φ(x) = e^(−(x − μ)²/(2σ²)) / (σ√(2π))", "density of the normal distribution, element-wise (standard unless μ, σ given)",
            List.of(required("x", NUMERIC, "value"), optional("mean", SCALAR, "μ (default 0)"), optional("std", SCALAR, "σ (default 1)")),
            a -> DistributionOps.normalPdf(a.numeric("x"), a.scalar("mean", 0), a.scalar("std", 1))),
    NORMAL_CDF("Φ(x) = ½(1 + erf((x − μ)/(σ√2)))", "probability that a normal variable is at most x, element-wise",
            List.of(required("x", NUMERIC, "value"), optional("mean", SCALAR, "μ (default 0)"), optional("std", SCALAR, "σ (default 1)")),
            a -> DistributionOps.normalCdf(a.numeric("x"), a.scalar("mean", 0), a.scalar("std", 1))),
    EMPIRICAL_CDF("F̂(x) = #{i : dᵢ ≤ x} / n", "fraction of the data at or below x, for each x",
            List.of(required("data", NUMERIC, "the data d"), required("x", NUMERIC, "where to evaluate")),
            a -> DistributionOps.empiricalCdf(a.numeric("data"), a.numeric("x"))),
    EXPECTED_VALUE("E[X] = Σᵢ xᵢ pᵢ", "expected value of a distribution given as values and their probabilities",
            List.of(required("values", VECTOR, "values xᵢ"), required("probabilities", VECTOR, "probabilities pᵢ")),
            a -> Scalar.of(DistributionOps.expectedValue(a.vector("values"), a.vector("probabilities")))),
    DISTRIBUTION_VARIANCE("Var[X] = Σᵢ pᵢ (xᵢ − E[X])²", "variance of a distribution given as values and their probabilities",
            List.of(required("values", VECTOR, "values xᵢ"), required("probabilities", VECTOR, "probabilities pᵢ")),
            a -> Scalar.of(DistributionOps.distributionVariance(a.vector("values"), a.vector("probabilities")))),
    WEIGHT_UPDATE("W − η·∇W", "gradient descent step",
            List.of(required("w", NUMERIC, "current weights W"), required("grad", NUMERIC, "gradient ∇W L"),
                    required("lr", SCALAR, "learning rate η")),
            a -> TrainingOps.weightUpdate(a.numeric("w"), a.numeric("grad"), a.scalar("lr"))),
    BATCH_COUNT("⌈N / B⌉", "number of batches per epoch",
            List.of(required("n", INTEGER, "dataset size N"), required("batch_size", INTEGER, "batch size B")),
            a -> Scalar.of(TrainingOps.batchCount(a.wholeNumber("n"), a.wholeNumber("batch_size")))),
    BATCH_RANGES("[k·B, min((k+1)·B, N) − 1]", "the batches of an epoch as rows [first, last] of 0-based example indices",
            List.of(required("n", INTEGER, "dataset size N"), required("batch_size", INTEGER, "batch size B")),
            a -> TrainingOps.batchRanges(a.wholeNumber("n"), a.wholeNumber("batch_size"))),
    TOKENIZE("tokens(text)", "split text into words and punctuation marks",
            List.of(required("text", TEXT, "text")), a -> TextOps.tokenize(((Text) a.value("text")).text())),
    ENCODE("id(token)", "token → integer id through a vocabulary",
            List.of(required("tokens", TOKENS, "tokens"), required("vocabulary", VOCABULARY, "vocabulary")),
            a -> TextOps.encode((Tokens) a.value("tokens"), (Vocabulary) a.value("vocabulary"))),
    DECODE("token(id)", "integer id → token through a vocabulary",
            List.of(required("ids", NUMERIC, "ids"), required("vocabulary", VOCABULARY, "vocabulary")),
            a -> TextOps.decode(a.numeric("ids"), (Vocabulary) a.value("vocabulary"))),
    EMBEDDING_LOOKUP("E[id − first_id]", "row of the embedding matrix for each id",
            List.of(required("ids", NUMERIC, "one id or a vector of ids"), required("table", MATRIX, "embedding matrix E"),
                    optional("first_id", INTEGER, "id of E's first row (default 0)")),
            a -> TextOps.embeddingLookup(a.numeric("ids"), a.matrix("table"), (int) a.scalar("first_id", 0))),
    ATTENTION_SCORES("QKᵀ / √d_k", "scaled dot-product scores; with causal, −∞ above the diagonal",
            List.of(required("q", MATRIX, "queries Q, one row per position"), required("k", MATRIX, "keys K"),
                    optional("causal", BOOL, "mask later positions (default false)")),
            a -> AttentionOps.attentionScores(a.matrix("q"), a.matrix("k"), a.bool("causal", false))),
    ATTENTION("softmax(QKᵀ / √d_k) V", "scaled dot-product attention: one context vector per query",
            List.of(required("q", MATRIX, "queries Q"), required("k", MATRIX, "keys K"), required("v", MATRIX, "values V"),
                    optional("causal", BOOL, "mask later positions (default false)")),
            a -> AttentionOps.attention(a.matrix("q"), a.matrix("k"), a.matrix("v"), a.bool("causal", false))),
    WEIGHTED_SUM("Σᵢ wᵢ vᵢ", "context vector: values weighted by attention weights and summed",
            List.of(required("weights", VECTOR, "weights wᵢ"), required("values", VECTOR_OR_MATRIX, "values vᵢ (rows of V)")),
            a -> AttentionOps.weightedSum(a.vector("weights"), a.numeric("values"))),
    RESTATE("x", "the same value written again in another form, such as 0.75 as 75%",
            List.of(required("x", NUMERIC, "value")), a -> a.numeric("x")),
    EQUAL("a = b", "true when a equals b up to floating-point noise (\"they sum to 1\")",
            List.of(required("a", SCALAR, "a"), required("b", SCALAR, "b")),
            a -> new Bool(ComparisonOps.equal(a.scalar("a"), a.scalar("b")))),
    GREATER("a > b", "true when a is greater than b (\"increased from b to a\")",
            List.of(required("a", SCALAR, "a"), required("b", SCALAR, "b")),
            a -> new Bool(ComparisonOps.greater(a.scalar("a"), a.scalar("b")))),
    LESS("a < b", "true when a is less than b (\"decreased from b to a\")",
            List.of(required("a", SCALAR, "a"), required("b", SCALAR, "b")),
            a -> new Bool(ComparisonOps.less(a.scalar("a"), a.scalar("b")))),
    APPROX("|a − b| ≤ t", "true when a and b agree within the tolerance t, element by element (the book's ≈)",
            List.of(required("a", NUMERIC, "a"), required("b", NUMERIC, "b"), required("tolerance", NUMERIC, "tolerance t ≥ 0")),
            a -> new Bool(ComparisonOps.approx(a.numeric("a"), a.numeric("b"), a.numeric("tolerance"))));

    private final String formula;
    private final String summary;
    private final List<Param> params;
    private final Function<Arguments, Value> implementation;

    Operation(String formula, String summary, List<Param> params, Function<Arguments, Value> implementation) {
        this.formula = formula;
        this.summary = summary;
        this.params = List.copyOf(params);
        this.implementation = implementation;
    }

    /** The name fixtures use: the constant's name in lower case ({@code weight_update}). */
    public String opName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String formula() {
        return formula;
    }

    public String summary() {
        return summary;
    }

    public List<Param> params() {
        return params;
    }

    /** The parameter of this name; {@code items[2]} names the variadic parameter {@code items}. */
    public Optional<Param> param(String name) {
        int bracket = name.indexOf('[');
        String base = bracket > 0 && name.endsWith("]") ? name.substring(0, bracket) : name;
        return params.stream().filter(p -> p.name().equals(base) && (p.variadic() || bracket < 0)).findFirst();
    }

    /**
     * Applies the operation. Arguments must already match {@link #params()} in names and kinds
     * (see {@link #checkArguments}); problems with shapes and domains raise {@link OpException}.
     */
    public Value apply(Arguments arguments) {
        return implementation.apply(arguments);
    }

    /**
     * Checks that the arguments bind exactly this operation's parameters with values of the right
     * kind; returns the problem in words, or empty when they fit.
     */
    public Optional<String> checkArguments(java.util.Map<String, Value> arguments) {
        for (Param p : params) {
            if (p.variadic()) {
                Optional<String> problem = checkItems(p, arguments);
                if (problem.isPresent()) {
                    return problem;
                }
                continue;
            }
            Value v = arguments.get(p.name());
            if (v == null && p.required()) {
                return Optional.of(opName() + " needs argument \"" + p.name() + "\" (" + p.description() + ")");
            }
            if (v != null && !p.type().accepts(v)) {
                return Optional.of(opName() + ": argument \"" + p.name() + "\" must be " + p.type().description()
                        + ", but it is a " + v.kind() + " (" + v.describeShape() + ")");
            }
        }
        return Optional.empty();
    }

    private Optional<String> checkItems(Param p, java.util.Map<String, Value> arguments) {
        if (!arguments.containsKey(p.item(0))) {
            return Optional.of(opName() + " needs at least one item \"" + p.item(0) + "\" (" + p.description() + ")");
        }
        for (int k = 0; arguments.containsKey(p.item(k)); k++) {
            Value v = arguments.get(p.item(k));
            if (!p.type().accepts(v)) {
                return Optional.of(opName() + ": item \"" + p.item(k) + "\" must be " + p.type().description()
                        + ", but it is a " + v.kind() + " (" + v.describeShape() + ")");
            }
        }
        return Optional.empty();
    }

    /** The operation with this fixture name, if there is one. */
    public static Optional<Operation> byName(String name) {
        return Arrays.stream(values()).filter(o -> o.opName().equals(name)).findFirst();
    }

    /** The signature as a fixture author writes it: {@code weight_update(w, grad, lr)}. */
    public String signature() {
        StringBuilder sb = new StringBuilder(opName()).append('(');
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            sb.append(i == 0 ? "" : ", ").append(p.name()).append(p.variadic() ? "…" : p.required() ? "" : "?");
        }
        return sb.append(')').toString();
    }
}
