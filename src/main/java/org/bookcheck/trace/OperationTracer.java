package org.bookcheck.trace;

import static org.bookcheck.trace.Expr.bin;
import static org.bookcheck.trace.Expr.call;
import static org.bookcheck.trace.Expr.chain;
import static org.bookcheck.trace.Expr.num;
import static org.bookcheck.trace.Expr.sym;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.bookcheck.check.ValueText;
import org.bookcheck.reference.ActivationOps;
import org.bookcheck.reference.ArithmeticOps;
import org.bookcheck.reference.AttentionOps;
import org.bookcheck.reference.Bool;
import org.bookcheck.reference.LinearAlgebraOps;
import org.bookcheck.reference.LossOps;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.OpException;
import org.bookcheck.reference.Operation;
import org.bookcheck.reference.ProbabilityOps;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.StatisticsOps;
import org.bookcheck.reference.Text;
import org.bookcheck.reference.Tokens;
import org.bookcheck.reference.Value;
import org.bookcheck.reference.Vector;
import org.bookcheck.reference.Vocabulary;

/**
 * One renderer per operation of the catalogue, chosen by an exhaustive switch over {@link Operation}
 * (a new operation does not compile until it has its renderer): the formula with names and with
 * values substituted, and the arithmetic of every element, as the chapter works it by hand.
 */
public final class OperationTracer {

    /** The arguments of one step as shown, the step's result as shown, and the trace's number format. */
    public record Context(String name, Operation op, Map<String, Shown> args, Shown result, TraceNumbers numbers) {

        Shown arg(String param) {
            return args.get(param);
        }

        boolean has(String param) {
            return args.containsKey(param);
        }

        Expr argName(String param) {
            return sym(args.get(param).name());
        }

        Expr num(double v) {
            return Expr.num(numbers.derived(v));
        }

        /** The result's element i: its name and its value as shown. */
        Expr out(int i) {
            return result.element(i);
        }

        Expr outName(int i) {
            return sym(result.elementName(i));
        }

        /** The same step with every operand and intermediate value shown as the refinement says; the result as before. */
        Context refined(Refinement r) {
            Map<String, Shown> operands = new LinkedHashMap<>();
            args.forEach((param, shown) -> operands.put(param, shown.operand(r)));
            return new Context(name, op, operands, result, numbers.refined(r));
        }
    }

    /** A step's equation to solve and its computation. */
    public record Parts(Equation equation, List<Trace.Block> computation) {
    }

    private OperationTracer() {
    }

    public static Parts trace(Context c) {
        Expr formulaNames = formula(c.op(), c::argName, c);
        Expr formulaValues = formula(c.op(), p -> c.arg(p).whole(), c);
        Equation equation = formulaNames.equals(formulaValues)
                ? Equation.of(sym(c.name()), formulaNames)
                : Equation.of(sym(c.name()), formulaNames, formulaValues);
        return new Parts(equation, computation(c));
    }

    /** The operation's formula over its arguments, each argument rendered by {@code arg}. */
    static Expr formula(Operation op, Function<String, Expr> arg, Context c) {
        return switch (op) {
            case ADD -> bin("+", arg.apply("a"), arg.apply("b"));
            case SUB -> bin("−", arg.apply("a"), arg.apply("b"));
            case SCALE -> bin("·", arg.apply("s"), arg.apply("x"));
            case ELEMENTWISE_PRODUCT -> bin("⊙", arg.apply("a"), arg.apply("b"));
            case DIVIDE -> bin("÷", arg.apply("a"), arg.apply("b"));
            case MATMUL -> bin("", arg.apply("a"), arg.apply("b"));
            case TRANSPOSE -> new Expr.Pow(arg.apply("a"), sym("T"));
            case DOT -> bin("·", arg.apply("a"), arg.apply("b"));
            case OUTER -> bin("", arg.apply("a"), new Expr.Pow(arg.apply("b"), sym("T")));
            case RESIDUAL -> bin("+", arg.apply("fx"), arg.apply("x"));
            case LINEAR -> c.has("b") ? bin("+", bin("", arg.apply("x"), arg.apply("w")), arg.apply("b"))
                    : bin("", arg.apply("x"), arg.apply("w"));
            case WEIGHT_UPDATE -> bin("−", arg.apply("w"), bin("·", arg.apply("lr"), arg.apply("grad")));
            case ODDS -> new Expr.Frac(arg.apply("p"), bin("−", num("1"), arg.apply("p")));
            case ODDS_RATIO -> new Expr.Frac(arg.apply("a"), arg.apply("b"));
            case LOGIT -> call("ln", new Expr.Frac(arg.apply("p"), bin("−", num("1"), arg.apply("p"))));
            case INVERSE_LOGIT, SIGMOID -> new Expr.Frac(num("1"), bin("+", num("1"), new Expr.Pow(sym("e"), new Expr.Neg(arg.apply("x")))));
            case EXP -> new Expr.Pow(sym("e"), arg.apply("x"));
            case SQRT -> call("√", arg.apply("x"));
            case BATCH_COUNT -> call("⌈⌉", new Expr.Frac(arg.apply("n"), arg.apply("batch_size")));
            case RESTATE -> arg.apply("x");
            case EQUAL -> bin("=", arg.apply("a"), arg.apply("b"));
            case GREATER -> bin(">", arg.apply("a"), arg.apply("b"));
            case LESS -> bin("<", arg.apply("a"), arg.apply("b"));
            case ROW -> new Expr.Call("row", List.of(arg.apply("a"), arg.apply("index")));
            case COUNT -> call("| |", arg.apply("x"));
            case SUM -> call("Σ", arg.apply("x"));
            case NEGATE -> new Expr.Neg(arg.apply("x"));
            case POWER -> new Expr.Pow(arg.apply("x"), arg.apply("p"));
            case ABS -> call("| |", arg.apply("x"));
            case DETERMINANT -> call("det", arg.apply("a"));
            case INVERSE -> new Expr.Pow(arg.apply("a"), num("−1"));
            case SIGMOID_DERIVATIVE -> bin("×", arg.apply("s"), call("", bin("−", num("1"), arg.apply("s"))));
            case LOG_BASE -> new Expr.Frac(call("ln", arg.apply("x")), call("ln", arg.apply("base")));
            case STACK -> new Expr.Grid(List.of(items(c, arg)), true);
            case MAX, MIN, ROW_MEANS, COLUMN_MEANS, ELEMENT, COLUMN, CONCAT, RELU_DERIVATIVE, SOFTMAX_BACKWARD, BINARY_CROSS_ENTROPY,
                    ENTROPY, HALF_SQUARED_ERROR, NORMAL_PDF, NORMAL_CDF, EMPIRICAL_CDF, EXPECTED_VALUE, DISTRIBUTION_VARIANCE, APPROX ->
                    new Expr.Call(op.opName(), op.params().stream().filter(p -> c.has(p.name())).map(p -> arg.apply(p.name())).toList());
            case MEAN, VARIANCE_POPULATION, VARIANCE_SAMPLE, STD_POPULATION, STD_SAMPLE, Z_SCORE, LAYER_NORM, RELU, GELU,
                    GELU_TANH, TANH, LN, SOFTMAX, LOG_SOFTMAX, CROSS_ENTROPY, MSE, SOFTMAX_CROSS_ENTROPY_GRADIENT, ONE_HOT, ARGMAX,
                    BATCH_RANGES, TOKENIZE, ENCODE, DECODE, EMBEDDING_LOOKUP, ATTENTION_SCORES, ATTENTION, WEIGHTED_SUM ->
                    new Expr.Call(op.opName(), op.params().stream().filter(p -> c.has(p.name())).map(p -> arg.apply(p.name())).toList());
        };
    }

    /** How many renderings of a step's computation {@link #computation} tries at most. */
    private static final int MAX_REFINEMENTS = 40;

    /**
     * The arithmetic of the step, element by element, every line true as displayed: a value shown as an
     * operand on a line that, worked out from its displayed numbers, does not round to the number on its
     * right ({@link DisplayedArithmetic}) is shown with one digit more, on every line of the step, until
     * every line holds ({@link Refinement}). Where no number of digits does (a float32 result next to
     * double arithmetic), the rendering with the fewest false lines.
     */
    static List<Trace.Block> computation(Context c) {
        Refinement refinement = new Refinement();
        List<Trace.Block> best = null;
        int fewest = Integer.MAX_VALUE;
        for (int round = 0; round < MAX_REFINEMENTS; round++) {
            refinement.clearShown();
            List<Trace.Block> blocks = arithmetic(c.refined(refinement));
            List<Equation> wrong = DisplayedArithmetic.falseLines(blocks);
            if (wrong.size() < fewest) {
                best = blocks;
                fewest = wrong.size();
            }
            if (wrong.isEmpty() || !refinement.refine(wrong)) {
                break;
            }
        }
        return best;
    }

    /** The arithmetic of the step, element by element, with the numbers as the context shows them. */
    private static List<Trace.Block> arithmetic(Context c) {
        return switch (c.op()) {
            case ADD -> elementwise(c, i -> bin("+", el(c.arg("a"), i), el(c.arg("b"), i)));
            case SUB -> elementwise(c, i -> bin("−", el(c.arg("a"), i), el(c.arg("b"), i)));
            case ELEMENTWISE_PRODUCT -> elementwise(c, i -> bin("×", el(c.arg("a"), i), el(c.arg("b"), i)));
            case DIVIDE -> elementwise(c, i -> new Expr.Frac(el(c.arg("a"), i), el(c.arg("b"), i)));
            case RESIDUAL -> elementwise(c, i -> bin("+", el(c.arg("fx"), i), el(c.arg("x"), i)));
            case SCALE -> elementwise(c, i -> bin("×", el(c.arg("s"), i), el(c.arg("x"), i)));
            case WEIGHT_UPDATE -> elementwise(c, i -> bin("−", el(c.arg("w"), i), bin("×", el(c.arg("lr"), i), el(c.arg("grad"), i))));
            case ODDS -> {
                Numeric oneMinusP = ArithmeticOps.sub(Scalar.of(1), c.arg("p").numeric());
                yield elementwise(c, i -> new Expr.Frac(el(c.arg("p"), i), bin("−", num("1"), el(c.arg("p"), i))),
                        i -> new Expr.Frac(el(c.arg("p"), i), c.num(oneMinusP.at(elIndex(c.arg("p"), i)))));
            }
            case ODDS_RATIO -> elementwise(c, i -> new Expr.Frac(el(c.arg("a"), i), el(c.arg("b"), i)));
            case LOGIT -> {
                Numeric odds = ProbabilityOps.odds(c.arg("p").numeric());
                yield elementwise(c, i -> call("ln", new Expr.Frac(el(c.arg("p"), i), bin("−", num("1"), el(c.arg("p"), i)))),
                        i -> call("ln", c.num(odds.at(i))));
            }
            case SIGMOID, INVERSE_LOGIT -> {
                Numeric expMinusX = ActivationOps.exp(ArithmeticOps.scale(c.arg("x").numeric(), -1));
                yield elementwise(c,
                        i -> new Expr.Frac(num("1"), bin("+", num("1"), new Expr.Pow(sym("e"), negated(c.arg("x"), i)))),
                        i -> new Expr.Frac(num("1"), bin("+", num("1"), c.num(expMinusX.at(i)))));
            }
            case RELU -> elementwise(c, i -> call("max", num("0"), el(c.arg("x"), i)));
            case TANH -> elementwise(c, i -> call("tanh", el(c.arg("x"), i)));
            case EXP -> elementwise(c, i -> new Expr.Pow(sym("e"), el(c.arg("x"), i)));
            case LN -> elementwise(c, i -> call("ln", el(c.arg("x"), i)));
            case SQRT -> elementwise(c, i -> call("√", el(c.arg("x"), i)));
            case GELU -> elementwise(c,
                    i -> bin("×", bin("×", num("0.5"), el(c.arg("x"), i)),
                            call("", bin("+", num("1"), call("erf", new Expr.Frac(el(c.arg("x"), i), call("√", num("2"))))))),
                    i -> bin("×", bin("×", num("0.5"), el(c.arg("x"), i)),
                            call("", bin("+", num("1"), c.num(ActivationOps.geluErf(c.arg("x").at(i)))))));
            case GELU_TANH -> elementwise(c,
                    i -> bin("×", bin("×", num("0.5"), el(c.arg("x"), i)), call("", bin("+", num("1"),
                            call("tanh", bin("×", call("√", new Expr.Frac(num("2"), sym("π"))), call("", bin("+", el(c.arg("x"), i),
                                    bin("×", num("0.044715"), new Expr.Pow(el(c.arg("x"), i), num("3")))))))))),
                    i -> bin("×", bin("×", num("0.5"), el(c.arg("x"), i)),
                            call("", bin("+", num("1"), c.num(ActivationOps.geluTanhTerm(c.arg("x").at(i)))))));
            case MATMUL -> matmul(c, c.arg("a"), c.arg("b"), null);
            case LINEAR -> c.arg("w").value() instanceof Vector ? neuron(c) : matmul(c, c.arg("x"), c.arg("w"), c.has("b") ? c.arg("b") : null);
            case TRANSPOSE -> {
                Matrix a = (Matrix) c.arg("a").value();
                yield elementwise(c, i -> sym(c.arg("a").name() + "[" + i % a.rows() + "][" + i / a.rows() + "]"));
            }
            case DOT -> List.of(new Trace.Block("", List.of(Equation.of(sym(c.name()),
                    products(c.arg("a"), c.arg("b"), c.arg("a").size()), c.out(0)))));
            case OUTER -> {
                int cols = c.arg("b").size();
                yield elementwise(c, i -> bin("×", c.arg("a").element(i / cols), c.arg("b").element(i % cols)));
            }
            case SUM -> List.of(new Trace.Block("", List.of(Equation.of(sym(c.name()), terms(c.arg("x")), c.out(0)))));
            case COUNT -> List.of(new Trace.Block("", List.of(Equation.of(sym(c.name()), call("| |", sym(c.arg("x").name())),
                    new Expr.Words(items(c.arg("x").value())), c.out(0)))));
            case MEAN -> List.of(new Trace.Block("", List.of(mean(c, c.arg("x"), sym(c.name()), c.out(0)))));
            case VARIANCE_POPULATION -> variance(c, false, false);
            case VARIANCE_SAMPLE -> variance(c, true, false);
            case STD_POPULATION -> variance(c, false, true);
            case STD_SAMPLE -> variance(c, true, true);
            case Z_SCORE -> zScore(c);
            case LAYER_NORM -> layerNorm(c);
            case SOFTMAX -> softmax(c, c.arg("x"), false);
            case LOG_SOFTMAX -> softmax(c, c.arg("x"), true);
            case CROSS_ENTROPY -> c.has("target") ? crossEntropy(c) : List.of(new Trace.Block("", List.of(Equation.of(sym(c.name()),
                    new Expr.Neg(call("ln", sym(c.arg("p").name()))), new Expr.Neg(call("ln", c.arg("p").element(0))), c.out(0)))));
            case MSE -> mse(c);
            case SOFTMAX_CROSS_ENTROPY_GRADIENT -> gradient(c);
            case ONE_HOT -> elementwise(c, i -> new Expr.Words(i == (int) c.arg("index").at(0)
                    ? "1 (the index)" : "0"));
            case ARGMAX -> {
                Shown x = c.arg("x");
                int best = (int) ((Numeric) c.result().value()).at(0);
                yield List.of(new Trace.Block("", List.of(
                        Equation.of(sym("max"), maxOf(x), x.element(best)),
                        Equation.of(sym(c.name()), new Expr.Words("index of " + x.text(best) + " (from 0)"), c.out(0)))));
            }
            case BATCH_COUNT -> {
                double quotient = ArithmeticOps.divide(c.arg("n").numeric(), c.arg("batch_size").numeric()).at(0);
                yield List.of(new Trace.Block("", List.of(Equation.of(sym(c.name()),
                        call("⌈⌉", new Expr.Frac(c.arg("n").element(0), c.arg("batch_size").element(0))),
                        call("⌈⌉", c.num(quotient)), c.out(0)))));
            }
            case BATCH_RANGES -> batchRanges(c);
            case TOKENIZE -> List.of(new Trace.Block("split into words and punctuation marks", List.of(
                    Equation.of(sym(c.name()), new Expr.Words(ValueText.exact(c.result().value()))))));
            case ENCODE -> encode(c);
            case DECODE -> decode(c);
            case EMBEDDING_LOOKUP -> embedding(c);
            case ATTENTION_SCORES -> List.of(scores(c, c.name(), c.arg("q"), c.arg("k"), causal(c), c.result()));
            case ATTENTION -> attention(c);
            case WEIGHTED_SUM -> weightedSum(c);
            case ROW -> List.of(new Trace.Block("", List.of(Equation.of(sym(c.name()),
                    sym(c.arg("a").name() + "[" + (int) c.arg("index").at(0) + "]"), c.result().whole()))));
            case RESTATE -> List.of(new Trace.Block("the same value written again", List.of(
                    Equation.of(sym(c.name()), c.arg("x").whole(), c.result().whole()))));
            case NEGATE -> elementwise(c, i -> new Expr.Neg(el(c.arg("x"), i)));
            case POWER -> elementwise(c, i -> new Expr.Pow(el(c.arg("x"), i), c.arg("p").element(0)));
            case ABS -> elementwise(c, i -> call("| |", el(c.arg("x"), i)));
            case DETERMINANT -> determinant(c);
            case INVERSE -> inverse(c);
            case MAX -> List.of(new Trace.Block("", List.of(Equation.of(sym(c.name()), maxOf(c.arg("x")), c.out(0)))));
            case MIN -> List.of(new Trace.Block("", List.of(Equation.of(sym(c.name()), new Expr.Call("min", ((Expr.Call) maxOf(c.arg("x"))).args()),
                    c.out(0)))));
            case ROW_MEANS -> axisMeans(c, true);
            case COLUMN_MEANS -> axisMeans(c, false);
            case ELEMENT -> List.of(new Trace.Block("", List.of(Equation.of(sym(c.name()), sym(c.arg("x").name() + "[" + (int) c.arg("i").at(0) + "]"
                    + (c.has("j") ? "[" + (int) c.arg("j").at(0) + "]" : "")), c.out(0)))));
            case COLUMN -> List.of(new Trace.Block("", List.of(Equation.of(sym(c.name()),
                    sym(c.arg("a").name() + "[:, " + (int) c.arg("index").at(0) + "]"), c.result().whole()))));
            case STACK -> List.of(new Trace.Block("", List.of(Equation.of(sym(c.name()), c.result().whole()))));
            case CONCAT -> List.of(new Trace.Block("", List.of(Equation.of(sym(c.name()),
                    call("concat", c.arg("a").whole(), c.arg("b").whole()), c.result().whole()))));
            case RELU_DERIVATIVE -> elementwise(c, i -> new Expr.Words("1 if " + c.arg("x").text(i) + " > 0, else 0"));
            case SIGMOID_DERIVATIVE -> elementwise(c, i -> bin("×", el(c.arg("s"), i), call("", bin("−", num("1"), el(c.arg("s"), i)))));
            case LOG_BASE -> elementwise(c, i -> new Expr.Frac(call("ln", el(c.arg("x"), i)), call("ln", c.arg("base").element(0))));
            case SOFTMAX_BACKWARD -> softmaxBackward(c);
            case BINARY_CROSS_ENTROPY -> binaryCrossEntropy(c);
            case ENTROPY -> {
                List<Expr> terms = new ArrayList<>();
                for (int i = 0; i < c.arg("p").size(); i++) {
                    // 0 ln 0 counts as 0: such a term is left out rather than shown as an undefined 0×ln(0).
                    if (c.arg("p").at(i) != 0) {
                        terms.add(bin("×", c.arg("p").element(i), call("ln", c.arg("p").element(i))));
                    }
                }
                if (terms.isEmpty()) {
                    terms.add(num("0"));
                }
                yield List.of(new Trace.Block("terms with p = 0 are left out (0 ln 0 counts as 0)", List.of(Equation.of(sym(c.name()), new Expr.Neg(call("", chain("+", terms))),
                        c.out(0)))));
            }
            case HALF_SQUARED_ERROR -> halfSquaredError(c);
            case NORMAL_PDF -> normal(c, false);
            case NORMAL_CDF -> normal(c, true);
            case EMPIRICAL_CDF -> empiricalCdf(c);
            case EXPECTED_VALUE -> List.of(new Trace.Block("", List.of(Equation.of(sym(c.name()),
                    products(c.arg("values"), c.arg("probabilities"), c.arg("values").size()), c.out(0)))));
            case DISTRIBUTION_VARIANCE -> distributionVariance(c);
            case APPROX -> approx(c);
            case EQUAL -> comparison(c, "=");
            case GREATER -> comparison(c, ">");
            case LESS -> comparison(c, "<");
        };
    }

    // ---- element-wise -------------------------------------------------------------------------

    private static List<Trace.Block> elementwise(Context c, IntFunction<Expr> expr) {
        return elementwise(c, expr, null);
    }

    /** name[i] = expr(i) [= evaluated(i)] = result[i], for every element of the result. */
    private static List<Trace.Block> elementwise(Context c, IntFunction<Expr> expr, IntFunction<Expr> evaluated) {
        List<Equation> lines = new ArrayList<>();
        int size = c.result().size();
        for (int i = 0; i < size; i++) {
            List<Expr> sides = new ArrayList<>(List.of(c.outName(i), expr.apply(i)));
            if (evaluated != null) {
                sides.add(evaluated.apply(i));
            }
            sides.add(c.out(i));
            lines.add(new Equation(sides));
        }
        return List.of(new Trace.Block("", lines));
    }

    /** Element i of an argument, a scalar standing for every element (broadcast). */
    private static Expr el(Shown s, int i) {
        return s.element(elIndex(s, i));
    }

    private static int elIndex(Shown s, int i) {
        return s.size() == 1 ? 0 : i;
    }

    /** −x as a learner substitutes it: −(−2) is 2, −0 is 0. */
    private static Expr negated(Shown s, int i) {
        double v = s.at(elIndex(s, i));
        return v < 0 ? num(s.text(elIndex(s, i)).substring(1)) : v == 0 ? el(s, i) : new Expr.Neg(el(s, i));
    }

    // ---- products -----------------------------------------------------------------------------

    /** a₀×b₀ + a₁×b₁ + ... */
    private static Expr products(Shown a, Shown b, int n) {
        List<Expr> terms = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            terms.add(bin("×", a.element(k), b.element(k)));
        }
        return chain("+", terms);
    }

    private static List<Trace.Block> matmul(Context c, Shown a, Shown b, Shown bias) {
        int inner;
        IntFunction<Expr> line;
        if (a.value() instanceof Matrix ma && b.value() instanceof Matrix mb) {
            inner = ma.cols();
            line = i -> {
                int r = i / mb.cols();
                int col = i % mb.cols();
                List<Expr> terms = new ArrayList<>();
                for (int k = 0; k < inner; k++) {
                    terms.add(bin("×", a.element(r, k), b.element(k, col)));
                }
                return withBias(chain("+", terms), bias, col);
            };
        } else if (a.value() instanceof Matrix ma) {
            inner = ma.cols();
            line = i -> {
                List<Expr> terms = new ArrayList<>();
                for (int k = 0; k < inner; k++) {
                    terms.add(bin("×", a.element(i, k), b.element(k)));
                }
                return withBias(chain("+", terms), bias, i);
            };
        } else {
            Matrix mb = (Matrix) b.value();
            inner = mb.rows();
            line = i -> {
                int r = i / mb.cols();
                int col = i % mb.cols();
                List<Expr> terms = new ArrayList<>();
                for (int k = 0; k < inner; k++) {
                    terms.add(bin("×", a.element(r * inner + k), b.element(k, col)));
                }
                return withBias(chain("+", terms), bias, col);
            };
        }
        return elementwise(c, line);
    }

    private static Expr withBias(Expr sum, Shown bias, int col) {
        return bias == null ? sum : bin("+", sum, el(bias, col));
    }

    private static Expr terms(Shown x) {
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            terms.add(x.element(i));
        }
        return chain("+", terms);
    }

    private static Expr maxOf(Shown x) {
        List<Expr> args = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            args.add(x.element(i));
        }
        return new Expr.Call("max", args);
    }

    // ---- statistics ---------------------------------------------------------------------------

    private static Equation mean(Context c, Shown x, Expr lhs, Expr result) {
        double sum = ArithmeticOps.sum(x.numeric());
        return Equation.of(lhs, new Expr.Frac(call("", terms(x)), num(Integer.toString(x.size()))),
                new Expr.Frac(c.num(sum), num(Integer.toString(x.size()))), result);
    }

    private static List<Trace.Block> variance(Context c, boolean sample, boolean root) {
        Shown x = c.arg("x");
        int n = x.size();
        double mu = StatisticsOps.mean(x.numeric());
        Numeric deviations = ArithmeticOps.sub(x.numeric(), Scalar.of(mu));
        Numeric squared = ArithmeticOps.elementwiseProduct(deviations, deviations);
        double total = ArithmeticOps.sum(squared);
        List<Trace.Block> blocks = new ArrayList<>();
        blocks.add(new Trace.Block("mean", List.of(mean(c, x, sym("μ"), c.num(mu)))));
        List<Equation> squares = new ArrayList<>();
        List<Expr> squareTerms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            squares.add(Equation.of(sym("(" + x.elementName(i) + " − μ)²"), new Expr.Pow(call("", bin("−", x.element(i), c.num(mu))), num("2")),
                    c.num(squared.at(i))));
            squareTerms.add(c.num(squared.at(i)));
        }
        blocks.add(new Trace.Block("squared deviations", squares));
        int divisor = sample ? n - 1 : n;
        double variance = sample ? StatisticsOps.varianceSample(x.numeric()) : StatisticsOps.variancePopulation(x.numeric());
        Expr varLhs = sym(sample ? "s²" : "σ²");
        Expr divisorExpr = num(Integer.toString(divisor));
        if (root) {
            blocks.add(new Trace.Block("variance (divides by " + (sample ? "n − 1" : "n") + ")", List.of(Equation.of(varLhs,
                    new Expr.Frac(call("", chain("+", squareTerms)), divisorExpr), new Expr.Frac(c.num(total), divisorExpr), c.num(variance)))));
            blocks.add(new Trace.Block("standard deviation", List.of(Equation.of(sym(c.name()), call("√", c.num(variance)), c.out(0)))));
        } else {
            blocks.add(new Trace.Block("variance (divides by " + (sample ? "n − 1" : "n") + ")", List.of(Equation.of(sym(c.name()),
                    new Expr.Frac(call("", chain("+", squareTerms)), divisorExpr), new Expr.Frac(c.num(total), divisorExpr), c.out(0)))));
        }
        return blocks;
    }

    private static List<Trace.Block> zScore(Context c) {
        Shown x = c.arg("x");
        double mu = c.has("mean") ? c.arg("mean").at(0) : StatisticsOps.mean(x.numeric());
        double sigma = c.has("std") ? c.arg("std").at(0) : StatisticsOps.stdPopulation(x.numeric());
        Expr muExpr = c.has("mean") ? c.arg("mean").element(0) : c.num(mu);
        Expr sigmaExpr = c.has("std") ? c.arg("std").element(0) : c.num(sigma);
        List<Trace.Block> blocks = new ArrayList<>();
        blocks.add(new Trace.Block("", List.of(
                c.has("mean") ? Equation.of(sym("μ"), bin("", muExpr, new Expr.Words("(given)")))
                        : Equation.of(sym("μ"), new Expr.Frac(call("", terms(x)), num(Integer.toString(x.size()))), muExpr),
                c.has("std") ? Equation.of(sym("σ"), bin("", sigmaExpr, new Expr.Words("(given)")))
                        : Equation.of(sym("σ"), call("√", call("", sym("(1/n) Σ (xᵢ − μ)²"))), sigmaExpr))));
        Numeric deviations = ArithmeticOps.sub(x.numeric(), Scalar.of(mu));
        List<Equation> lines = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            lines.add(Equation.of(c.outName(i), new Expr.Frac(call("", bin("−", x.element(i), muExpr)), sigmaExpr),
                    new Expr.Frac(c.num(deviations.at(i)), sigmaExpr), c.out(i)));
        }
        blocks.add(new Trace.Block("z-scores", lines));
        return blocks;
    }

    private static List<Trace.Block> layerNorm(Context c) {
        Shown x = c.arg("x");
        double eps = c.has("eps") ? c.arg("eps").at(0) : StatisticsOps.LAYER_NORM_EPSILON;
        int cols = x.value() instanceof Matrix m ? m.cols() : x.size();
        int rows = x.size() / Math.max(1, cols);
        List<Trace.Block> blocks = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            double[] row = new double[cols];
            for (int k = 0; k < cols; k++) {
                row[k] = x.at(r * cols + k);
            }
            Vector v = Vector.of(row);
            double mu = StatisticsOps.mean(v);
            double var = StatisticsOps.variancePopulation(v);
            double den = StatisticsOps.layerNormDenominator(v, eps);
            List<Equation> lines = new ArrayList<>();
            lines.add(Equation.of(sym("μ"), c.num(mu)));
            lines.add(Equation.of(sym("σ²"), c.num(var)));
            lines.add(Equation.of(sym("√(σ² + ε)"), call("√", bin("+", c.num(var), num(ValueText.exact(eps)))), c.num(den)));
            for (int k = 0; k < cols; k++) {
                int i = r * cols + k;
                Expr normalised = new Expr.Frac(call("", bin("−", x.element(i), c.num(mu))), c.num(den));
                Expr e = c.has("gamma") ? bin("×", c.arg("gamma").element(k), normalised) : normalised;
                if (c.has("beta")) {
                    e = bin("+", e, c.arg("beta").element(k));
                }
                lines.add(Equation.of(c.outName(i), e, c.out(i)));
            }
            blocks.add(new Trace.Block(rows > 1 ? "row " + r : "", lines));
        }
        return blocks;
    }

    // ---- probabilities ------------------------------------------------------------------------

    /** Softmax (or log-softmax) of each row: the max, the shifted scores, the exponentials, the sum, the division. */
    private static List<Trace.Block> softmax(Context c, Shown x, boolean log) {
        return softmaxRows(c, x, c.result(), c.name(), log);
    }

    private static List<Trace.Block> softmaxRows(Context c, Shown x, Shown out, String outName, boolean log) {
        int cols = x.value() instanceof Matrix m ? m.cols() : x.size();
        int rows = x.size() / Math.max(1, cols);
        List<Trace.Block> blocks = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            String row = rows > 1 ? "row " + r + ", " : "";
            String idx = rows > 1 ? "[" + r + "]" : "";
            double[] values = new double[cols];
            List<Expr> elements = new ArrayList<>();
            for (int k = 0; k < cols; k++) {
                values[k] = x.at(r * cols + k);
                elements.add(x.element(r * cols + k));
            }
            ActivationOps.SoftmaxParts parts = ActivationOps.softmaxParts(values);
            double max = parts.max();
            double sum = parts.sum();
            double[] e = parts.exps();
            // The maximum is one of the scores: shown as that score is, never rounded to something else.
            Expr m = c.num(max);
            for (int k = 0; k < cols; k++) {
                m = values[k] == max ? x.element(r * cols + k) : m;
            }
            blocks.add(new Trace.Block(row + "max", List.of(Equation.of(sym("m" + idx), new Expr.Call("max", elements), m))));
            List<Equation> shifted = new ArrayList<>();
            List<Equation> exps = new ArrayList<>();
            List<Expr> expTerms = new ArrayList<>();
            for (int k = 0; k < cols; k++) {
                int i = r * cols + k;
                double s = parts.shifted()[k];
                shifted.add(Equation.of(sym(x.elementName(i) + " − m"), bin("−", x.element(i), m), c.num(s)));
                exps.add(Equation.of(sym("e^(" + x.elementName(i) + " − m)"), new Expr.Pow(sym("e"), c.num(s)), c.num(e[k])));
                expTerms.add(c.num(e[k]));
            }
            blocks.add(new Trace.Block(row + "shifted scores", shifted));
            blocks.add(new Trace.Block(row + "exponentials", exps));
            blocks.add(new Trace.Block(row + "sum", List.of(Equation.of(sym("Σ" + idx), chain("+", expTerms), c.num(sum)))));
            List<Equation> division = new ArrayList<>();
            if (log) {
                division.add(Equation.of(sym("ln Σ" + idx), call("ln", c.num(sum)), c.num(parts.logSum())));
            }
            for (int k = 0; k < cols; k++) {
                int i = r * cols + k;
                Expr lhs = sym(Shown.elementName(outName, out.value(), i));
                division.add(log
                        ? Equation.of(lhs, bin("−", c.num(parts.shifted()[k]), c.num(parts.logSum())), out.element(i))
                        : Equation.of(lhs, new Expr.Frac(c.num(e[k]), c.num(sum)), out.element(i)));
            }
            blocks.add(new Trace.Block(row + (log ? "shifted score minus the log of the sum" : "division"), division));
        }
        return blocks;
    }

    private static List<Trace.Block> crossEntropy(Context c) {
        Shown p = c.arg("p");
        Shown t = c.arg("target");
        List<Equation> lines = new ArrayList<>();
        if (p.value() instanceof Matrix m) {
            List<Expr> losses = new ArrayList<>();
            double[] perRow = new double[m.rows()];
            for (int r = 0; r < m.rows(); r++) {
                try {
                    perRow[r] = LossOps.crossEntropy(m.row(r), Scalar.of(t.at(r)));
                } catch (OpException e) {
                    // A float32 probability that underflowed to 0: −ln 0 is ∞, which the reference refuses to call a loss.
                    perRow[r] = Double.POSITIVE_INFINITY;
                }
            }
            double total = ArithmeticOps.sum(Vector.of(perRow));
            for (int r = 0; r < m.rows(); r++) {
                int target = (int) t.at(r);
                double l = perRow[r];
                lines.add(Equation.of(sym("L[" + r + "]"), new Expr.Neg(call("ln", sym(p.name() + "[" + r + "][" + target + "]"))),
                        new Expr.Neg(call("ln", p.element(r, target))), c.num(l)));
                losses.add(c.num(l));
            }
            lines.add(Equation.of(sym(c.name()), new Expr.Frac(call("", chain("+", losses)), num(Integer.toString(m.rows()))),
                    new Expr.Frac(c.num(total), num(Integer.toString(m.rows()))), c.out(0)));
        } else if (t.value() instanceof Scalar) {
            int target = (int) t.at(0);
            lines.add(Equation.of(sym(c.name()), new Expr.Neg(call("ln", sym(p.name() + "[" + target + "]"))),
                    new Expr.Neg(call("ln", p.element(target))), c.out(0)));
        } else {
            List<Expr> terms = new ArrayList<>();
            for (int i = 0; i < p.size(); i++) {
                if (t.at(i) != 0) {
                    terms.add(bin("×", t.element(i), call("ln", p.element(i))));
                }
            }
            lines.add(Equation.of(sym(c.name()), terms.isEmpty() ? new Expr.Words("0 (every target weight is 0)")
                    : new Expr.Neg(call("", chain("+", terms))), c.out(0)));
        }
        return List.of(new Trace.Block("", lines));
    }

    private static List<Trace.Block> mse(Context c) {
        Shown y = c.arg("prediction");
        Shown t = c.arg("target");
        Numeric errors = ArithmeticOps.sub(y.numeric(), t.numeric());
        Numeric squared = ArithmeticOps.elementwiseProduct(errors, errors);
        double total = ArithmeticOps.sum(squared);
        List<Equation> lines = new ArrayList<>();
        List<Expr> squares = new ArrayList<>();
        for (int i = 0; i < y.size(); i++) {
            lines.add(Equation.of(sym("(" + y.elementName(i) + " − " + t.elementName(i) + ")²"),
                    new Expr.Pow(call("", bin("−", y.element(i), t.element(i))), num("2")), c.num(squared.at(i))));
            squares.add(c.num(squared.at(i)));
        }
        Expr n = num(Integer.toString(y.size()));
        return List.of(new Trace.Block("squared errors", lines), new Trace.Block("mean", List.of(Equation.of(sym(c.name()),
                new Expr.Frac(call("", chain("+", squares)), n), new Expr.Frac(c.num(total), n), c.out(0)))));
    }

    private static List<Trace.Block> gradient(Context c) {
        Shown p = c.arg("p");
        Shown t = c.arg("target");
        int cols = p.value() instanceof Matrix m ? m.cols() : p.size();
        double[] y = new double[p.size()];
        if (t.value() instanceof Scalar) {
            System.arraycopy(LossOps.oneHot((int) t.at(0), cols).toArray(), 0, y, 0, cols);
        } else if (p.value() instanceof Matrix m) {
            for (int r = 0; r < m.rows(); r++) {
                System.arraycopy(LossOps.oneHot((int) t.at(r), cols).toArray(), 0, y, r * cols, cols);
            }
        } else {
            System.arraycopy(t.numeric().flat(), 0, y, 0, y.length);
        }
        List<Expr> yRow = new ArrayList<>();
        for (double v : y) {
            yRow.add(c.num(v));
        }
        List<Trace.Block> blocks = new ArrayList<>();
        blocks.add(new Trace.Block("one-hot target", List.of(Equation.of(sym("y"), new Expr.Grid(List.of(yRow), true)))));
        blocks.addAll(elementwise(c, i -> bin("−", p.element(i), c.num(y[i]))));
        return blocks;
    }

    // ---- training and text --------------------------------------------------------------------

    private static List<Trace.Block> batchRanges(Context c) {
        Matrix ranges = (Matrix) c.result().value();
        List<Equation> lines = new ArrayList<>();
        String bText = c.arg("batch_size").text(0);
        String nText = c.arg("n").text(0);
        for (int k = 0; k < ranges.rows(); k++) {
            lines.add(Equation.of(sym("batch " + (k + 1)),
                    new Expr.Words("[" + k + "×" + bText + ", min(" + (k + 1) + "×" + bText + ", " + nText + ") − 1]"),
                    new Expr.Words("[" + c.result().text(2 * k) + ", " + c.result().text(2 * k + 1) + "]")));
        }
        return List.of(new Trace.Block("first and last example (from 0) of each batch: [k·B, min((k+1)·B, N) − 1]", lines));
    }

    private static List<Trace.Block> encode(Context c) {
        Tokens tokens = (Tokens) c.arg("tokens").value();
        Vocabulary vocabulary = (Vocabulary) c.arg("vocabulary").value();
        List<Equation> lines = new ArrayList<>();
        for (int i = 0; i < tokens.tokens().size(); i++) {
            String token = tokens.tokens().get(i);
            lines.add(Equation.of(sym(Shown.elementName(c.name(), c.result().value(), i)), call("id", new Expr.Words("\"" + token + "\"")),
                    num(String.valueOf(vocabulary.ids().get(token)))));
        }
        return List.of(new Trace.Block("look up each token in the vocabulary", lines));
    }

    private static List<Trace.Block> decode(Context c) {
        Shown ids = c.arg("ids");
        Tokens out = (Tokens) c.result().value();
        List<Equation> lines = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            lines.add(Equation.of(sym(c.name() + "[" + i + "]"), call("token", ids.element(i)), new Expr.Words("\"" + out.tokens().get(i) + "\"")));
        }
        return List.of(new Trace.Block("look up each id in the vocabulary", lines));
    }

    private static List<Trace.Block> embedding(Context c) {
        Shown ids = c.arg("ids");
        int first = c.has("first_id") ? (int) c.arg("first_id").at(0) : 0;
        Matrix table = (Matrix) c.arg("table").value();
        List<Equation> lines = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            int id = (int) ids.at(i);
            Shown row = Shown.computed("", table.row(id - first), java.util.Optional.empty(), c.numbers());
            String lhs = ids.size() == 1 ? c.name() : c.name() + "[" + i + "]";
            lines.add(Equation.of(sym(lhs), sym(c.arg("table").name() + "[" + id + " − " + first + "]"),
                    sym(c.arg("table").name() + "[" + (id - first) + "]"), rowOf(c, i, ids.size(), row)));
        }
        return List.of(new Trace.Block("row id − first_id of the embedding matrix", lines));
    }

    private static Expr rowOf(Context c, int i, int count, Shown fallback) {
        if (count == 1) {
            return c.result().whole();
        }
        Matrix m = (Matrix) c.result().value();
        List<Expr> row = new ArrayList<>();
        for (int k = 0; k < m.cols(); k++) {
            row.add(c.result().element(i, k));
        }
        return m.rows() > i ? new Expr.Grid(List.of(row), true) : fallback.whole();
    }

    // ---- attention ----------------------------------------------------------------------------

    private static boolean causal(Context c) {
        return c.has("causal") && c.arg("causal").value() instanceof Bool b && b.value();
    }

    private static Trace.Block scores(Context c, String name, Shown q, Shown k, boolean causal, Shown out) {
        Matrix mq = (Matrix) q.value();
        Matrix mk = (Matrix) k.value();
        int d = mk.cols();
        Expr root = call("√", num(Integer.toString(d)));
        Expr rootValue = c.num(ActivationOps.sqrt(Scalar.of(d)).at(0));
        List<Equation> lines = new ArrayList<>();
        for (int i = 0; i < mq.rows(); i++) {
            for (int j = 0; j < mk.rows(); j++) {
                Expr lhs = sym(name + "[" + i + "][" + j + "]");
                int flat = i * mk.rows() + j;
                if (causal && j > i) {
                    lines.add(Equation.of(lhs, new Expr.Words("masked (" + j + " > " + i + ")"), out.element(flat)));
                    continue;
                }
                List<Expr> terms = new ArrayList<>();
                for (int t = 0; t < d; t++) {
                    terms.add(bin("×", q.element(i, t), k.element(j, t)));
                }
                double raw = LinearAlgebraOps.dot(mq.row(i), mk.row(j));
                lines.add(Equation.of(lhs, new Expr.Frac(call("", chain("+", terms)), root), new Expr.Frac(c.num(raw), rootValue),
                        out.element(flat)));
            }
        }
        return new Trace.Block("scaled dot products q_i · k_j / √d_k" + (causal ? ", later positions masked" : ""), lines);
    }

    private static List<Trace.Block> attention(Context c) {
        Matrix scores = AttentionOps.attentionScores((Matrix) c.arg("q").value(), (Matrix) c.arg("k").value(), causal(c));
        Numeric weights = ActivationOps.softmax(scores);
        Shown s = Shown.computed("S", scores, java.util.Optional.empty(), c.numbers());
        Shown w = Shown.computed("A", weights, java.util.Optional.empty(), c.numbers());
        List<Trace.Block> blocks = new ArrayList<>();
        blocks.add(scores(c, "S", c.arg("q"), c.arg("k"), causal(c), s));
        blocks.addAll(softmaxRows(c, s, w, "A", false));
        Context product = new Context(c.name(), Operation.MATMUL, Map.of("a", w, "b", c.arg("v")), c.result(), c.numbers());
        for (Trace.Block b : matmul(product, w, c.arg("v"), null)) {
            blocks.add(new Trace.Block("weights A times values V", b.lines()));
        }
        return blocks;
    }

    private static List<Trace.Block> weightedSum(Context c) {
        Shown w = c.arg("weights");
        Shown v = c.arg("values");
        if (v.value() instanceof Matrix m) {
            return elementwise(c, j -> {
                List<Expr> terms = new ArrayList<>();
                for (int i = 0; i < m.rows(); i++) {
                    terms.add(bin("×", w.element(i), v.element(i, j)));
                }
                return chain("+", terms);
            });
        }
        return List.of(new Trace.Block("", List.of(Equation.of(sym(c.name()), products(w, v, w.size()), c.out(0)))));
    }

    private static List<Trace.Block> comparison(Context c, String op) {
        boolean result = ((Bool) c.result().value()).value();
        Expr a = c.arg("a").element(0);
        Expr b = c.arg("b").element(0);
        if (c.arg("a").value() instanceof Numeric x && c.arg("b").value() instanceof Numeric y && x.at(0) != y.at(0)
                && (!op.equals("=") || !result)) {
            // Two different numbers are shown with the digits that tell them apart (0.4037 > 0.4, not 0.40 > 0.4), except
            // where = holds up to floating-point noise.
            int digits = ValueText.digitsApart(x.at(0), y.at(0), 3);
            a = num(ValueText.exact(x.at(0), digits));
            b = num(ValueText.exact(y.at(0), digits));
        }
        // In parentheses, so that the relation's own = (or > or <) is not read as one more side of the line.
        return List.of(new Trace.Block("", List.of(Equation.of(sym(c.name()), call("", bin(op, a, b)),
                new Expr.Words(Boolean.toString(result))))));
    }

    // ---- operations of the expression language ------------------------------------------------

    /** The items of a variadic argument (stack's items[0], items[1], ...), each rendered by {@code arg}. */
    private static List<Expr> items(Context c, Function<String, Expr> arg) {
        List<Expr> out = new ArrayList<>();
        for (int k = 0; c.has("items[" + k + "]"); k++) {
            out.add(arg.apply("items[" + k + "]"));
        }
        return out;
    }

    private static List<Trace.Block> determinant(Context c) {
        Shown a = c.arg("a");
        Matrix m = (Matrix) a.value();
        Expr worked = m.rows() == 2
                ? bin("−", bin("×", a.element(0, 0), a.element(1, 1)), bin("×", a.element(0, 1), a.element(1, 0)))
                : new Expr.Words("by LU decomposition");
        return List.of(new Trace.Block("", List.of(Equation.of(sym(c.name()), worked, c.out(0)))));
    }

    private static List<Trace.Block> inverse(Context c) {
        Shown a = c.arg("a");
        Matrix m = (Matrix) a.value();
        if (m.rows() != 2) {
            return List.of(new Trace.Block("by LU decomposition", List.of(Equation.of(sym(c.name()), c.result().whole()))));
        }
        double det = m.get(0, 0) * m.get(1, 1) - m.get(0, 1) * m.get(1, 0);
        Expr detExpr = c.num(det);
        List<Trace.Block> blocks = new ArrayList<>();
        blocks.add(new Trace.Block("determinant", List.of(Equation.of(sym("det"),
                bin("−", bin("×", a.element(0, 0), a.element(1, 1)), bin("×", a.element(0, 1), a.element(1, 0))), detExpr))));
        Expr[] adjugate = {a.element(1, 1), new Expr.Neg(a.element(0, 1)), new Expr.Neg(a.element(1, 0)), a.element(0, 0)};
        blocks.add(new Trace.Block("[[d, −b], [−c, a]] / det", elementwise(c, i -> new Expr.Frac(adjugate[i], detExpr)).get(0).lines()));
        return blocks;
    }

    private static List<Trace.Block> axisMeans(Context c, boolean rows) {
        Shown a = c.arg("a");
        Matrix m = (Matrix) a.value();
        int n = rows ? m.cols() : m.rows();
        return elementwise(c, i -> {
            List<Expr> terms = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                terms.add(rows ? a.element(i, k) : a.element(k, i));
            }
            return new Expr.Frac(call("", chain("+", terms)), num(Integer.toString(n)));
        });
    }

    private static List<Trace.Block> neuron(Context c) {
        Shown x = c.arg("x");
        Shown w = c.arg("w");
        Shown b = c.has("b") ? c.arg("b") : null;
        int inner = w.size();
        return elementwise(c, r -> {
            List<Expr> terms = new ArrayList<>();
            for (int k = 0; k < inner; k++) {
                terms.add(bin("×", x.element(r * inner + k), w.element(k)));
            }
            return withBias(chain("+", terms), b, 0);
        });
    }

    private static List<Trace.Block> softmaxBackward(Context c) {
        Shown s = c.arg("s");
        Shown g = c.arg("grad");
        int cols = s.value() instanceof Matrix m ? m.cols() : s.size();
        List<Trace.Block> blocks = new ArrayList<>();
        for (int start = 0; start < s.size(); start += cols) {
            String idx = s.size() > cols ? "[" + start / cols + "]" : "";
            double dot = 0;
            for (int k = start; k < start + cols; k++) {
                dot += g.at(k) * s.at(k);
            }
            List<Equation> lines = new ArrayList<>();
            List<Expr> terms = new ArrayList<>();
            for (int k = start; k < start + cols; k++) {
                terms.add(bin("×", g.element(k), s.element(k)));
            }
            Expr dotExpr = c.num(dot);
            lines.add(Equation.of(sym("g·s" + idx), chain("+", terms), dotExpr));
            for (int k = start; k < start + cols; k++) {
                lines.add(Equation.of(c.outName(k), bin("×", s.element(k), call("", bin("−", g.element(k), dotExpr))), c.out(k)));
            }
            blocks.add(new Trace.Block(idx.isEmpty() ? "" : "row " + start / cols, lines));
        }
        return blocks;
    }

    private static List<Trace.Block> binaryCrossEntropy(Context c) {
        Shown p = c.arg("p");
        Shown y = c.arg("y");
        List<Equation> lines = new ArrayList<>();
        List<Expr> losses = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < p.size(); i++) {
            double pi = p.at(i);
            double yi = y.at(i);
            double l = -((yi == 0 ? 0 : yi * Math.log(pi)) + (yi == 1 ? 0 : (1 - yi) * Math.log(1 - pi)));
            total += l;
            Expr lhs = p.size() == 1 ? sym(c.name()) : sym("L[" + i + "]");
            // A term whose weight is 0 is left out (0 ln 0 counts as 0), so no undefined 0×ln(0) is shown.
            List<Expr> terms = new ArrayList<>();
            if (yi != 0) {
                terms.add(bin("×", y.element(i), call("ln", p.element(i))));
            }
            if (yi != 1) {
                terms.add(bin("×", call("", bin("−", num("1"), y.element(i))), call("ln", bin("−", num("1"), p.element(i)))));
            }
            lines.add(Equation.of(lhs, new Expr.Neg(call("", chain("+", terms))), p.size() == 1 ? c.out(0) : c.num(l)));
            losses.add(c.num(l));
        }
        if (p.size() > 1) {
            Expr n = num(Integer.toString(p.size()));
            lines.add(Equation.of(sym(c.name()), new Expr.Frac(call("", chain("+", losses)), n), new Expr.Frac(c.num(total), n), c.out(0)));
        }
        return List.of(new Trace.Block("", lines));
    }

    private static List<Trace.Block> halfSquaredError(Context c) {
        Shown y = c.arg("prediction");
        Shown t = c.arg("target");
        List<Equation> lines = new ArrayList<>();
        List<Expr> halves = new ArrayList<>();
        for (int i = 0; i < y.size(); i++) {
            double d = t.at(i) - y.at(i);
            lines.add(Equation.of(sym("½(" + t.elementName(i) + " − " + y.elementName(i) + ")²"),
                    bin("×", num("0.5"), new Expr.Pow(call("", bin("−", t.element(i), y.element(i))), num("2"))), c.num(0.5 * d * d)));
            halves.add(c.num(0.5 * d * d));
        }
        return List.of(new Trace.Block("halved squared errors", lines),
                new Trace.Block("sum", List.of(Equation.of(sym(c.name()), chain("+", halves), c.out(0)))));
    }

    private static List<Trace.Block> normal(Context c, boolean cumulative) {
        Expr mu = c.has("mean") ? c.arg("mean").element(0) : num("0");
        Expr sigma = c.has("std") ? c.arg("std").element(0) : num("1");
        double m = c.has("mean") ? c.arg("mean").at(0) : 0;
        double sd = c.has("std") ? c.arg("std").at(0) : 1;
        Shown x = c.arg("x");
        return elementwise(c, i -> {
            Expr centred = call("", bin("−", el(x, i), mu));
            return cumulative
                    ? bin("×", num("0.5"), call("", bin("+", num("1"), call("erf", new Expr.Frac(centred, bin("×", sigma, call("√", num("2"))))))))
                    : new Expr.Frac(new Expr.Pow(sym("e"), new Expr.Neg(new Expr.Frac(new Expr.Pow(centred, num("2")),
                            bin("×", num("2"), new Expr.Pow(sigma, num("2")))))), bin("×", sigma, call("√", bin("×", num("2"), sym("π")))));
        }, i -> {
            double z = (x.at(elIndex(x, i)) - m) / sd;
            return cumulative
                    ? bin("×", num("0.5"), call("", bin("+", num("1"), c.num(org.apache.commons.math3.special.Erf.erf(z / Math.sqrt(2))))))
                    : new Expr.Frac(c.num(Math.exp(-z * z / 2)), c.num(sd * Math.sqrt(2 * Math.PI)));
        });
    }

    private static List<Trace.Block> empiricalCdf(Context c) {
        Shown data = c.arg("data");
        Shown x = c.arg("x");
        int n = data.size();
        return elementwise(c, i -> new Expr.Frac(new Expr.Words("#{dᵢ ≤ " + x.text(i) + "}"), num(Integer.toString(n))), i -> {
            int count = 0;
            for (int k = 0; k < n; k++) {
                if (data.at(k) <= x.at(i)) {
                    count++;
                }
            }
            return new Expr.Frac(num(Integer.toString(count)), num(Integer.toString(n)));
        });
    }

    private static List<Trace.Block> distributionVariance(Context c) {
        Shown v = c.arg("values");
        Shown p = c.arg("probabilities");
        double mu = 0;
        for (int i = 0; i < v.size(); i++) {
            mu += v.at(i) * p.at(i);
        }
        Expr muExpr = c.num(mu);
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            terms.add(bin("×", p.element(i), new Expr.Pow(call("", bin("−", v.element(i), muExpr)), num("2"))));
        }
        return List.of(new Trace.Block("expected value", List.of(Equation.of(sym("E[X]"), products(v, p, v.size()), muExpr))),
                new Trace.Block("variance", List.of(Equation.of(sym(c.name()), chain("+", terms), c.out(0)))));
    }

    private static List<Trace.Block> approx(Context c) {
        Shown a = c.arg("a");
        Shown b = c.arg("b");
        Shown t = c.arg("tolerance");
        int size = Math.max(a.size(), b.size());
        List<Equation> lines = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            double d = Math.abs(a.at(elIndex(a, i)) - b.at(elIndex(b, i)));
            String relation = d <= t.at(elIndex(t, i)) ? " ≤ " : " > ";
            // The difference on a line of its own, so the line is arithmetic a reader (and the trace property) can redo.
            lines.add(Equation.of(call("| |", bin("−", el(a, i), el(b, i))), c.num(d)));
            lines.add(Equation.of(new Expr.Words(((Expr.Num) c.num(d)).text() + relation + t.text(elIndex(t, i)))));
        }
        lines.add(Equation.of(sym(c.name()), new Expr.Words(Boolean.toString(((Bool) c.result().value()).value()))));
        return List.of(new Trace.Block("", lines));
    }

    private static String items(Value v) {
        return switch (v) {
            case Tokens t -> t.tokens().size() + " tokens";
            case org.bookcheck.reference.TokenBatch b -> b.sequences().size() + " sequences";
            case Vocabulary voc -> voc.ids().size() + " vocabulary entries";
            case Numeric n -> n.size() + " elements";
            case Text t -> "1 text";
            case Bool b -> "1 truth value";
        };
    }
}
