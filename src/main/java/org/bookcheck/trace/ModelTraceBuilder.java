package org.bookcheck.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.bookcheck.backend.ForwardCall;
import org.bookcheck.check.ValueText;
import org.bookcheck.fixture.Argument;
import org.bookcheck.fixture.Step;
import org.bookcheck.fixture.StepForm;
import org.bookcheck.kernel.LossKernels;
import org.bookcheck.kernel.NormKernels;
import org.bookcheck.model.Gpt;
import org.bookcheck.model.ModelConfig;
import org.bookcheck.model.Optimizer;
import org.bookcheck.model.OptimizerState;
import org.bookcheck.model.ParameterLayout;
import org.bookcheck.model.ParameterTensor;
import org.bookcheck.model.WordTokenizer;
import org.bookcheck.reference.Arguments;
import org.bookcheck.reference.Bool;
import org.bookcheck.reference.LinearAlgebraOps;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.OpException;
import org.bookcheck.reference.Operation;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.Text;
import org.bookcheck.reference.Tokens;
import org.bookcheck.reference.Value;
import org.bookcheck.reference.Vector;
import org.bookcheck.reference.Vocabulary;

/**
 * The worked trace of a model reading a text, as one more producer of {@link Trace}: the forward pass
 * of a {@link Gpt} as its backend ran it, observed kernel by kernel in the model's own order (and optionally one gradient-descent step),
 * each step an operation of the catalogue applied to named values, shown by {@link OperationTracer} as a
 * fixture's step is. Each float32 kernel result is checked against the same operation of the reference
 * (double precision) applied to the same inputs; the few steps the kernels do inside another (the two
 * embedding lookups, the gradient before its averaging) are shown as the reference computes them. The
 * trace's loss must equal the model's own forward loss bit for bit, which ties the trace to the code
 * that trains.
 */
public final class ModelTraceBuilder {

    /** A float32 result against its double reference: |Δ| ≤ 10⁻⁴·max(1, |largest reference value|). */
    public static final double TOL_F32 = 1e-4;

    /**
     * What to trace.
     *
     * @param name         the model's configuration ("tiny")
     * @param origin       how its weights came to be ("initialised with seed 1 (GPT-2's scheme)")
     * @param text         words of the tokenizer's vocabulary, at least 2 tokens (each predicts the next)
     * @param learningRate the η of one plain gradient-descent step to trace after the forward pass, if any;
     *                     the step changes the model's weights
     * @param show         how many rows, columns, terms and computation lines of each value to show (all are checked)
     */
    public record Request(String name, String origin, Gpt model, WordTokenizer tokenizer, String text, Optional<Float> learningRate,
            TraceNumbers numbers, int show) {
    }

    private final Gpt model;
    private final WordTokenizer tokenizer;
    private final TraceNumbers numbers;
    private final Elision elision;
    private final BiFunction<String, Value, Value> kernelResults;
    private final Map<String, Shown> known = new HashMap<>();
    private final List<Trace.StepTrace> steps = new ArrayList<>();
    private Iterator<ForwardCall> pass;

    private ModelTraceBuilder(Gpt model, WordTokenizer tokenizer, TraceNumbers numbers, Elision elision,
            BiFunction<String, Value, Value> kernelResults) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.numbers = numbers;
        this.elision = elision;
        this.kernelResults = kernelResults;
    }

    /** The trace; its trace-level check says whether every step's checks hold (against the reference, and the loss against the model's). */
    public static Trace trace(Request request) {
        return trace(request, (step, result) -> result);
    }

    /**
     * The trace with each kernel result passed through {@code kernelResults} (step name, result) before it
     * is shown and checked: the identity but in tests, which feed a wrong value to see its check fail.
     */
    static Trace trace(Request r, BiFunction<String, Value, Value> kernelResults) {
        Elision elision = new Elision(r.show());
        ModelTraceBuilder b = new ModelTraceBuilder(r.model(), r.tokenizer(), r.numbers(), elision, kernelResults);
        Forward before = b.forward(r.text());
        r.learningRate().ifPresent(lr -> b.trainingStep(r.text(), before, lr));
        List<Trace.Given> given = new ArrayList<>();
        for (String name : r.learningRate().isPresent() ? List.of("text", "vocabulary", "η") : List.of("text", "vocabulary")) {
            given.add(new Trace.Given(name, b.known.get(name).whole(), ""));
        }
        for (ParameterTensor t : r.model().layout().tensors()) {
            given.add(new Trace.Given(t.name(), t.isMatrix()
                    ? Expr.bin("", Expr.bin("×", Expr.num(Integer.toString(t.rows())), Expr.num(Integer.toString(t.cols()))), new Expr.Words("matrix"))
                    : Expr.bin("", new Expr.Words("vector of"), Expr.num(Integer.toString(t.size()))), ""));
        }
        ModelConfig config = r.model().config();
        String title = "the model reads \"" + r.text() + "\": one forward pass"
                + r.learningRate().map(lr -> " and one gradient-descent step").orElse("");
        String location = String.format(Locale.ROOT, "model %s (%s, %,d parameters), %s", r.name(), config, r.model().layout().size(), r.origin());
        return new Trace(r.name(), title, "every float32 result agrees with the reference ops in double precision", location, given, b.steps,
                List.of(b.summary()));
    }

    /** What a traced forward pass leaves for a training step: the kernels' probabilities and the trace's loss. */
    private record Forward(int[] targets, float[] probs, float loss) {
    }

    // ---- the forward pass ---------------------------------------------------------------------

    private Forward forward(String text) {
        ModelConfig config = model.config();
        int[] ids = tokenizer.encode(text);
        int t = ids.length - 1;
        if (t < 1 || t > config.contextLength()) {
            throw new IllegalArgumentException("the text needs 2 to " + (config.contextLength() + 1) + " tokens, got " + ids.length);
        }
        int c = config.channels();
        int v = config.vocabSize();
        int heads = config.heads();
        int d = config.headSize();
        int[] inputs = Arrays.copyOf(ids, t);
        int[] targets = Arrays.copyOfRange(ids, 1, t + 1);
        List<String> words = WordTokenizer.split(text);
        ParameterLayout layout = model.layout();
        for (ParameterTensor tensor : layout.tensors()) {
            define(tensor.name(), parameter(tensor, model.parameter(tensor)));
        }
        Map<String, Integer> vocabulary = new LinkedHashMap<>();
        for (int i = 0; i < tokenizer.vocabSize(); i++) {
            vocabulary.put(tokenizer.token(i), i);
        }
        define("text", new Text(text));
        define("vocabulary", new Vocabulary(vocabulary));
        define("inputs", ints(inputs));
        define("targets", ints(targets));
        double[] positions = new double[t];
        Arrays.setAll(positions, i -> i);
        define("positions", Vector.of(positions));
        define("ε", Scalar.of(NormKernels.EPSILON));
        define("true", new Bool(true));

        step("tokens", Operation.TOKENIZE, new Tokens(words), "the model's word tokenizer", "text", "text");
        step("ids", Operation.ENCODE, ints(ids), "inputs = the ids but the last (it is only a target), targets = the ids but the first:"
                + " each position predicts the next token", "tokens", "tokens", "vocabulary", "vocabulary");
        List<ForwardCall> calls = new ArrayList<>();
        float modelLoss = model.forward(inputs, targets, 1, t, calls::add);
        pass = calls.iterator();
        float[] x = next(ForwardCall.Embed.class).out();
        step("tok_emb", Operation.EMBEDDING_LOOKUP, null, "the token embedding of every input (the kernel does both lookups and"
                + " their sum in one pass, checked as x0)", "ids", "inputs", "table", layout.wte().name());
        step("pos_emb", Operation.EMBEDDING_LOOKUP, null, "the position embedding of every position", "ids", "positions", "table",
                layout.wpe().name());
        step("x0", Operation.ADD, matrix(x, t, c), "the input of the first block; row i of every activation is position i: "
                + String.join(", ", words.subList(0, t)), "a", "tok_emb", "b", "pos_emb");
        String input = "x0";
        for (int l = 0; l < config.layers(); l++) {
            ParameterLayout.Block k = layout.block(l);
            String h = "h" + l + ".";
            String block = "block " + (l + 1) + " of " + config.layers() + ": ";
            float[] ln1 = layerNorm(h + "ln1", input, x, k.ln1Gamma(), k.ln1Beta(), t, c, block + "layer normalisation before attention");
            float[] qkv = next(ForwardCall.Linear.class).out();
            step(h + "qkv", Operation.LINEAR, matrix(qkv, t, 3 * c), block + "the queries, keys and values of every position in one"
                    + " product: Q is columns 0.." + (c - 1) + ", K " + c + ".." + (2 * c - 1) + ", V " + 2 * c + ".." + (3 * c - 1),
                    "x", h + "ln1", "w", k.qkvW().name(), "b", k.qkvB().name());
            ForwardCall.Attention attention = next(ForwardCall.Attention.class);
            float[] att = attention.att();
            float[] scores = attention.scores();
            float[] context = attention.out();
            Matrix qkvMatrix = matrix(qkv, t, 3 * c);
            for (int head = 0; head < heads; head++) {
                attentionHead(h, block, head, qkvMatrix, scores, att, context, t, c, d);
            }
            define(h + "ctx", matrix(context, t, c));
            float[] proj = next(ForwardCall.Linear.class).out();
            step(h + "attn", Operation.LINEAR, matrix(proj, t, c), block + "the output projection W_O of the heads' context vectors"
                    + " side by side (" + h + "ctx)", "x", h + "ctx", "w", k.projW().name(), "b", k.projB().name());
            float[] x2 = next(ForwardCall.Add.class).out();
            step(h + "res1", Operation.RESIDUAL, matrix(x2, t, c), block + "the residual connection around attention",
                    "x", input, "fx", h + "attn");
            float[] ln2 = layerNorm(h + "ln2", h + "res1", x2, k.ln2Gamma(), k.ln2Beta(), t, c,
                    block + "layer normalisation before the feed-forward network");
            float[] fc = next(ForwardCall.Linear.class).out();
            step(h + "fc", Operation.LINEAR, matrix(fc, t, 4 * c), block + "the feed-forward layer, up to 4·C = " + 4 * c + " columns",
                    "x", h + "ln2", "w", k.fcW().name(), "b", k.fcB().name());
            float[] gelu = next(ForwardCall.Gelu.class).out();
            step(h + "gelu", Operation.GELU_TANH, matrix(gelu, t, 4 * c), block + "GELU (Hendrycks & Gimpel, 2016) in GPT-2's tanh form",
                    "x", h + "fc");
            float[] down = next(ForwardCall.Linear.class).out();
            step(h + "mlp", Operation.LINEAR, matrix(down, t, c), block + "the feed-forward layer, back to C = " + c + " columns",
                    "x", h + "gelu", "w", k.fcProjW().name(), "b", k.fcProjB().name());
            float[] x3 = next(ForwardCall.Add.class).out();
            step(h + "res2", Operation.RESIDUAL, matrix(x3, t, c), block + "the residual connection around the feed-forward network",
                    "x", h + "res1", "fx", h + "mlp");
            x = x3;
            input = h + "res2";
        }
        float[] lnf = layerNorm("lnf", input, x, layout.lnfGamma(), layout.lnfBeta(), t, c, "the final layer normalisation");
        float[] logits = next(ForwardCall.Logits.class).out();
        define(layout.wte().name() + "ᵀ", LinearAlgebraOps.transpose(matrix(p(layout.wte()), v, c)));
        step("logits", Operation.MATMUL, matrix(logits, t, v), "one score per vocabulary entry; the output projection is the token"
                + " embedding transposed (tied, as in GPT-2)", "a", "lnf", "b", layout.wte().name() + "ᵀ");
        ForwardCall.CrossEntropy crossEntropy = next(ForwardCall.CrossEntropy.class);
        float[] probs = crossEntropy.probs();
        float[] losses = crossEntropy.losses();
        step("p", Operation.SOFTMAX, matrix(probs, t, v), "p[i][j] is the probability that token j follows position i; each row sums to 1",
                "x", "logits");
        // Summed as the model sums a sequence's mean: in double, each loss weighted by 1/t rounded to float.
        double sum = 0;
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            sum += (double) (float) (1.0 / t) * losses[i];
            pairs.add("\"" + words.get(i) + "\" → \"" + words.get(i + 1) + "\"");
        }
        float loss = (float) sum;
        step("L", Operation.CROSS_ENTROPY, Scalar.of(loss), "the cross-entropy of each next token (" + String.join(", ", pairs)
                + "), averaged over the " + t + " positions", "p", "p", "target", "targets");
        boolean same = Float.floatToIntBits(loss) == Float.floatToIntBits(modelLoss);
        addCheck(new Trace.Check(same, "the model's own forward pass (the code that trains) gives L = " + modelLoss
                + (same ? ", bit for bit this trace's" : ", NOT bit for bit this trace's " + loss)));
        return new Forward(targets, probs, loss);
    }

    private float[] layerNorm(String name, String input, float[] x, ParameterTensor gamma, ParameterTensor beta, int t, int c, String note) {
        float[] out = next(ForwardCall.LayerNorm.class).out();
        step(name, Operation.LAYER_NORM, matrix(out, t, c), note + " (Ba, Kiros & Hinton, 2016)",
                "x", input, "gamma", gamma.name(), "beta", beta.name(), "eps", "ε");
        return out;
    }

    private void attentionHead(String h, String block, int head, Matrix qkv, float[] scores, float[] att, float[] context, int t, int c, int d) {
        String q = h + "q" + head;
        String k = h + "k" + head;
        String v = h + "v" + head;
        define(q, LinearAlgebraOps.columns(qkv, head * d, d));
        define(k, LinearAlgebraOps.columns(qkv, c + head * d, d));
        define(v, LinearAlgebraOps.columns(qkv, 2 * c + head * d, d));
        String columns = "columns " + head * d + ".." + (head * d + d - 1);
        String about = block + "attention head " + (head + 1) + ": ";
        float[] s = Arrays.copyOfRange(scores, head * t * t, (head + 1) * t * t);
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                s[i * t + j] = Float.NEGATIVE_INFINITY; // masked: the kernel leaves them out, the reference writes −∞
            }
        }
        step(h + "S" + head, Operation.ATTENTION_SCORES, matrix(s, t, t), about + q + " and " + k + " are " + columns + " of Q and of K in "
                + h + "qkv; later positions are masked", "q", q, "k", k, "causal", "true");
        step(h + "A" + head, Operation.SOFTMAX, matrix(Arrays.copyOfRange(att, head * t * t, (head + 1) * t * t), t, t),
                about + "the attention weights; each row sums to 1, with no weight on later positions", "x", h + "S" + head);
        float[] ctx = new float[t * d];
        for (int i = 0; i < t; i++) {
            System.arraycopy(context, i * c + head * d, ctx, i * d, d);
        }
        step(h + "ctx" + head, Operation.MATMUL, matrix(ctx, t, d), about + "the context vectors: the values " + v + " (" + columns
                + " of V) weighted by the attention", "a", h + "A" + head, "b", v);
    }

    // ---- one training step --------------------------------------------------------------------

    private void trainingStep(String text, Forward before, float lr) {
        int t = before.targets().length;
        int v = model.config().vocabSize();
        define("η", Scalar.of(lr));
        step("g", Operation.SOFTMAX_CROSS_ENTROPY_GRADIENT, null, "one step of plain gradient descent (η = " + numbers.derived(lr)
                + "): the gradient of the loss starts at the logits, softmax and cross-entropy together", "p", "p", "target", "targets");
        float[] weights = new float[t];
        Arrays.fill(weights, (float) (1.0 / t));
        define("1/t", Scalar.of((float) (1.0 / t)));
        float[] dlogits = new float[t * v];
        LossKernels.softmaxCrossEntropyBackward(dlogits, before.probs(), before.targets(), weights, t, v);
        step("∂L/∂logits", Operation.SCALE, matrix(dlogits, t, v), "averaged over the " + t + " positions; the model's backward pass"
                + " carries it through every block back to the embeddings", "x", "g", "s", "1/t");

        model.backward();
        // The old weights are the forward pass's parameters, copied into reference values when it was traced.
        new OptimizerState(new Optimizer.Sgd(lr), model.layout()).step(model);
        String note = "∇W is the model's own backward pass (its tests check every gradient against central finite differences)";
        for (ParameterTensor tensor : model.layout().tensors()) {
            define("∇" + tensor.name(), parameter(tensor, model.gradient(tensor)));
            step(tensor.name() + "′", Operation.WEIGHT_UPDATE, parameter(tensor, model.parameter(tensor)), note,
                    "w", tensor.name(), "grad", "∇" + tensor.name(), "lr", "η");
            note = "";
        }

        ModelTraceBuilder again = new ModelTraceBuilder(model, tokenizer, numbers, elision, kernelResults);
        Forward after = again.forward(text);
        define("p′", matrix(after.probs(), t, v));
        String lower = after.loss() < before.loss()
                ? "lower than L = " + numbers.derived(before.loss()) + ", as gradient descent promises"
                : "NOT lower than L = " + numbers.derived(before.loss()) + ": try a smaller learning rate";
        step("L′", Operation.CROSS_ENTROPY, Scalar.of(after.loss()), "the loss after the step, " + lower + "; p′ is the forward pass traced"
                + " again with the new weights", "p", "p′", "target", "targets");
        List<Trace.Check> checks = again.steps.stream().flatMap(s -> s.checks().stream()).toList();
        long failing = checks.stream().filter(c -> !c.ok()).count();
        addCheck(new Trace.Check(failing == 0, "the forward pass traced again with the new weights: " + again.steps.size() + " steps, "
                + (failing == 0 ? "all " + checks.size() + " checks hold" : failing + " of " + checks.size() + " checks fail")));
    }

    // ---- steps and checks ---------------------------------------------------------------------

    private void define(String name, Value value) {
        known.put(name, Shown.computed(name, value, Optional.empty(), numbers));
    }

    /**
     * Adds the step {@code name = op(param = value, ...)} (arguments as pairs of parameter and known name)
     * and returns its value: the kernel's result checked against the reference op applied to the same
     * arguments, or, where the kernels do not compute this step on its own ({@code kernel} null), the
     * reference's result.
     */
    private Value step(String name, Operation op, Value kernel, String note, String... paramsAndNames) {
        Map<String, Shown> args = new LinkedHashMap<>();
        Map<String, Value> values = new HashMap<>();
        Map<String, Argument> references = new LinkedHashMap<>();
        for (int i = 0; i < paramsAndNames.length; i += 2) {
            Shown arg = known.get(paramsAndNames[i + 1]);
            if (arg == null) {
                throw new IllegalStateException(name + ": nothing is called " + paramsAndNames[i + 1] + " yet");
            }
            args.put(paramsAndNames[i], arg);
            values.put(paramsAndNames[i], arg.value());
            references.put(paramsAndNames[i], new Argument.Reference(arg.name(), ""));
        }
        Value result = kernel == null ? null : kernelResults.apply(name, kernel);
        Trace.Check check = null;
        try {
            Value reference = op.apply(new Arguments(values));
            if (kernel == null) {
                result = reference;
            } else {
                check = check(op, name, result, reference);
            }
        } catch (OpException e) {
            if (kernel == null) {
                throw e; // the reference computes from what the kernels computed before, so a refusal here is a bug
            }
            // Float32 can reach what the reference refuses, such as a probability that underflowed to 0.
            check = new Trace.Check(false, "the reference " + op.opName() + " refuses the same inputs: " + e.getMessage());
        }
        Shown shown = Shown.computed(name, result, Optional.empty(), numbers);
        known.put(name, shown);
        OperationTracer.Context context = new OperationTracer.Context(name, op, args, shown, numbers);
        String calculation = new Step(name, new StepForm.Call(op, references), Optional.empty(), Optional.empty(), Optional.empty(), "").calculation();
        steps.add(new Trace.StepTrace(steps.size() + 1, name, calculation, op.formula() + ": " + op.summary(), note,
                Equation.of(Expr.sym(name), OperationTracer.formula(op, context::argName, context)),
                elision.blocks(OperationTracer.computation(context)), elision.equation(Equation.of(Expr.sym(name), shown.whole())),
                Optional.empty(), check == null ? List.of() : List.of(check)));
        return result;
    }

    private void addCheck(Trace.Check check) {
        Trace.StepTrace s = steps.removeLast();
        List<Trace.Check> checks = new ArrayList<>(s.checks());
        checks.add(check);
        steps.add(new Trace.StepTrace(s.number(), s.name(), s.calculation(), s.formula(), s.note(), s.equation(), s.computation(), s.result(),
                s.book(), checks));
    }

    /**
     * The kernel's result against the reference's: every element within {@link #TOL_F32} times the
     * largest finite reference value (at least 1); infinities must match exactly, NaN never does.
     */
    static Trace.Check check(Operation op, String name, Value result, Value reference) {
        if (!(result instanceof Numeric got) || !(reference instanceof Numeric want)) {
            boolean same = result.equals(reference);
            String against = "the reference " + op.opName() + " (same input)";
            return new Trace.Check(same, same ? "the same as " + against
                    : "NOT the same as " + against + ": the model has " + ValueText.exact(result) + ", the reference " + ValueText.exact(reference));
        }
        String against = "the reference " + op.opName() + " (double precision, same inputs)";
        if (got.size() != want.size()) {
            return new Trace.Check(false, "has " + got.size() + " values, " + against + " " + want.size());
        }
        double max = 0;
        double scale = 1;
        int worst = 0;
        for (int i = 0; i < got.size(); i++) {
            double a = got.at(i);
            double b = want.at(i);
            double diff = a == b ? 0 : Math.abs(a - b);
            diff = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff;
            if (Double.isFinite(b)) {
                scale = Math.max(scale, Math.abs(b));
            }
            if (diff > max) {
                max = diff;
                worst = i;
            }
        }
        double tolerance = TOL_F32 * scale;
        if (max <= tolerance) {
            return new Trace.Check(true, "checked against " + against + ": " + (got.size() == 1 ? "" : "all " + got.size() + " values ")
                    + "within " + sci(tolerance) + ", max |Δ| = " + sci(max));
        }
        return new Trace.Check(false, "does NOT agree with " + against + ": " + Shown.elementName(name, reference, worst) + " is "
                + ValueText.exact(got.at(worst)) + ", the reference " + ValueText.exact(want.at(worst)) + "; |Δ| = " + sci(max)
                + ", more than the tolerance " + sci(tolerance));
    }

    private Trace.Check summary() {
        List<Trace.StepTrace> failing = steps.stream().filter(s -> s.checks().stream().anyMatch(c -> !c.ok())).toList();
        long checks = steps.stream().mapToLong(s -> s.checks().size()).sum();
        if (failing.isEmpty()) {
            return new Trace.Check(true, "all " + checks + " checks of the " + steps.size() + " steps hold: every number agrees with the"
                    + " reference ops in double precision");
        }
        return new Trace.Check(false, failing.size() + " of the " + steps.size() + " steps fail a check (marked ✗): "
                + String.join(", ", failing.stream().map(Trace.StepTrace::name).toList()));
    }

    private static String sci(double v) {
        return v == 0 ? "0" : Double.isInfinite(v) ? "∞" : TraceNumbers.scientific(v);
    }

    // ---- float32 to reference values ----------------------------------------------------------

    /** The next call of the model's observed forward pass, which must be of the kind the trace expects next. */
    private <T extends ForwardCall> T next(Class<T> kind) {
        ForwardCall call = pass.next();
        if (!kind.isInstance(call)) {
            throw new IllegalStateException("the model's forward pass ran " + call.getClass().getSimpleName() + " where the trace expects "
                    + kind.getSimpleName());
        }
        return kind.cast(call);
    }

    private float[] p(ParameterTensor t) {
        return model.parameter(t);
    }

    private static Numeric parameter(ParameterTensor t, float[] values) {
        return t.isMatrix() ? matrix(values, t.rows(), t.cols()) : Vector.of(doubles(values));
    }

    private static Matrix matrix(float[] x, int rows, int cols) {
        return Matrix.of(rows, cols, doubles(x));
    }

    private static double[] doubles(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    private static Vector ints(int[] ids) {
        return Vector.of(Arrays.stream(ids).asDoubleStream().toArray());
    }
}
