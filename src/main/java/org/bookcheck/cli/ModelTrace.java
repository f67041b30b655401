package org.bookcheck.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bookcheck.kernel.ActivationKernels;
import org.bookcheck.kernel.AttentionKernels;
import org.bookcheck.kernel.EmbeddingKernels;
import org.bookcheck.kernel.LinearKernels;
import org.bookcheck.kernel.LossKernels;
import org.bookcheck.kernel.MatmulKernels;
import org.bookcheck.kernel.NormKernels;
import org.bookcheck.model.Gpt;
import org.bookcheck.model.ParameterLayout;
import org.bookcheck.model.ParameterTensor;
import org.bookcheck.model.WordTokenizer;
import org.bookcheck.reference.ActivationOps;
import org.bookcheck.reference.ArithmeticOps;
import org.bookcheck.reference.AttentionOps;
import org.bookcheck.reference.LinearAlgebraOps;
import org.bookcheck.reference.LossOps;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.StatisticsOps;
import org.bookcheck.reference.TextOps;
import org.bookcheck.reference.TrainingOps;
import org.bookcheck.reference.Vector;
import org.bookcheck.reference.Vocabulary;

/**
 * The forward pass of one sequence through a model, kernel by kernel in the model's own order, with
 * every intermediate kept as a {@link TraceStep} and checked against the reference op (double
 * precision) applied to the same inputs. The trace's loss must equal the model's own forward loss
 * bit for bit, which ties the trace to the code that trains.
 */
final class ModelTrace {

    /** A float32 result against its double reference: |Δ| ≤ 10⁻⁴·max(1, |largest reference value|). */
    static final double TOL_F32 = 1e-4;

    /** What a traced pass gives. */
    record Pass(List<TraceStep> steps, float loss, float modelLoss) {
        boolean allAgree() {
            return steps.stream().allMatch(s -> s.verification().agrees()) && Float.floatToIntBits(loss) == Float.floatToIntBits(modelLoss);
        }
    }

    private final Gpt model;
    private final WordTokenizer tokenizer;
    private final List<TraceStep> steps = new ArrayList<>();
    private List<String> labels = List.of();

    private ModelTrace(Gpt model, WordTokenizer tokenizer) {
        this.model = model;
        this.tokenizer = tokenizer;
    }

    /** Traces the model predicting each next token of the text from the tokens before it. */
    static Pass forward(Gpt model, WordTokenizer tokenizer, String text) {
        return new ModelTrace(model, tokenizer).run(text);
    }

    private float[] p(ParameterTensor t) {
        return model.parameters()[t.index()];
    }

    private Pass run(String text) {
        List<String> tokens = WordTokenizer.split(text);
        int[] ids = tokenizer.encode(text);
        int t = ids.length - 1;
        int c = model.config().channels();
        int v = model.config().vocabSize();
        int heads = model.config().heads();
        int d = model.config().headSize();
        int[] inputs = Arrays.copyOf(ids, t);
        int[] targets = Arrays.copyOfRange(ids, 1, t + 1);
        labels = tokens.subList(0, t);
        ParameterLayout layout = model.layout();

        tokenization(text, tokens, ids);
        float[] x = new float[t * c];
        EmbeddingKernels.embed(x, inputs, p(layout.wte()), p(layout.wpe()), 1, t, c, v);
        double[] positions = new double[t];
        for (int i = 0; i < t; i++) {
            positions[i] = i;
        }
        add("Embedding lookup plus position embedding",
                List.of("ids " + Arrays.toString(inputs) + " (the last token is only a target)",
                        "token embedding E = wte, " + v + "×" + c + "; position embedding P = wpe, " + model.config().contextLength() + "×" + c),
                "x₀[i] = E[id_i] + P[i]", List.of(), "x₀", x, t, c, "embedding_lookup + add",
                ArithmeticOps.add(TextOps.embeddingLookup(Vector.of(toDoubles(inputs)), matrix(p(layout.wte()), v, c), 0),
                        TextOps.embeddingLookup(Vector.of(positions), matrix(p(layout.wpe()), model.config().contextLength(), c), 0)));

        for (int l = 0; l < model.config().layers(); l++) {
            ParameterLayout.Block k = layout.block(l);
            String b = "block " + (l + 1) + ": ";
            float[] ln1 = layerNorm(b + "layer normalisation before attention", "x", x, k.ln1Gamma(), k.ln1Beta(), t, c, "LN₁(x)");
            float[] qkv = new float[t * 3 * c];
            LinearKernels.linear(qkv, ln1, p(k.qkvW()), p(k.qkvB()), t, c, 3 * c);
            add(b + "Q/K/V maps", List.of("LN₁(x), " + t + "×" + c, "W_QKV = [W_Q | W_K | W_V], " + c + "×" + 3 * c + ", and its bias"),
                    "[Q | K | V] = LN₁(x)·W_QKV + b", List.of("one product gives all three views of every token"),
                    "[Q | K | V]", qkv, t, 3 * c, "linear",
                    LinearAlgebraOps.linear(matrix(ln1, t, c), matrix(p(k.qkvW()), c, 3 * c), vector(p(k.qkvB()))));
            float[] att = new float[heads * t * t];
            float[] scores = new float[heads * t * t];
            float[] context = new float[t * c];
            AttentionKernels.attention(context, att, scores, new float[t * c], qkv, 1, t, c, heads, true);
            Matrix qkvRef = matrix(qkv, t, 3 * c);
            for (int h = 0; h < heads; h++) {
                attentionHead(b, h, qkvRef, scores, att, context, t, c, d);
            }
            float[] proj = new float[t * c];
            LinearKernels.linear(proj, context, p(k.projW()), p(k.projB()), t, c, c);
            add(b + "output projection W_O", List.of("context vectors of all heads side by side, " + t + "×" + c, "W_O, " + c + "×" + c + ", and its bias"),
                    "o = context·W_O + b", List.of(), "o", proj, t, c, "linear",
                    LinearAlgebraOps.linear(matrix(context, t, c), matrix(p(k.projW()), c, c), vector(p(k.projB()))));
            float[] x2 = residual(b, "attention", x, proj, t, c);
            float[] ln2 = layerNorm(b + "layer normalisation before the feed-forward network", "x′", x2, k.ln2Gamma(), k.ln2Beta(), t, c, "LN₂(x′)");
            float[] fc = new float[t * 4 * c];
            LinearKernels.linear(fc, ln2, p(k.fcW()), p(k.fcB()), t, c, 4 * c);
            add(b + "feed-forward layer up to 4·C", List.of("LN₂(x′), " + t + "×" + c, "W₁, " + c + "×" + 4 * c + ", and its bias"),
                    "h = LN₂(x′)·W₁ + b₁", List.of(), "h", fc, t, 4 * c, "linear",
                    LinearAlgebraOps.linear(matrix(ln2, t, c), matrix(p(k.fcW()), c, 4 * c), vector(p(k.fcB()))));
            float[] gelu = new float[t * 4 * c];
            ActivationKernels.gelu(gelu, fc, t * 4 * c);
            add(b + "GELU", List.of("h, " + t + "×" + 4 * c),
                    "GELU(h) = ½h(1 + tanh(√(2/π)(h + 0.044715h³)))  (Hendrycks & Gimpel, 2016; GPT-2's tanh form)",
                    List.of(), "GELU(h)", gelu, t, 4 * c, "gelu_tanh", ActivationOps.geluTanh(matrix(fc, t, 4 * c)));
            float[] down = new float[t * c];
            LinearKernels.linear(down, gelu, p(k.fcProjW()), p(k.fcProjB()), t, 4 * c, c);
            add(b + "feed-forward layer back to C", List.of("GELU(h), " + t + "×" + 4 * c, "W₂, " + 4 * c + "×" + c + ", and its bias"),
                    "f = GELU(h)·W₂ + b₂", List.of(), "f", down, t, c, "linear",
                    LinearAlgebraOps.linear(matrix(gelu, t, 4 * c), matrix(p(k.fcProjW()), 4 * c, c), vector(p(k.fcProjB()))));
            x = residual(b, "feed-forward network", x2, down, t, c);
        }
        float[] lnf = layerNorm("final layer normalisation", "x", x, layout.lnfGamma(), layout.lnfBeta(), t, c, "LN_f(x)");
        float[] logits = new float[t * v];
        MatmulKernels.matmulTransposedB(logits, lnf, p(layout.wte()), new float[v * c], t, c, v, false);
        add("Output projection to vocabulary logits", List.of("LN_f(x), " + t + "×" + c, "the token embedding E, " + v + "×" + c + " (tied, as in GPT-2)"),
                "z = LN_f(x)·Eᵀ", List.of("one score per vocabulary entry: " + tokenizer.vocabulary()), "z (logits)", logits, t, v, "matmul",
                LinearAlgebraOps.matmul(matrix(lnf, t, c), LinearAlgebraOps.transpose(matrix(p(layout.wte()), v, c))));
        float[] probs = new float[t * v];
        float[] losses = new float[t];
        LossKernels.softmaxCrossEntropy(probs, losses, logits, targets, t, v);
        Numeric probsRef = ActivationOps.softmax(matrix(logits, t, v));
        add("Softmax: logits to probabilities", List.of("z, " + t + "×" + v), "p_j = e^(z_j − m) / Σ_k e^(z_k − m), m = max_k z_k",
                List.of("each row sums to 1"), "p", probs, t, v, "softmax", probsRef);
        // Summed as the model sums a sequence's mean: in double, each loss weighted by 1/t rounded to float.
        double sum = 0;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            sum += (double) (float) (1.0 / t) * losses[i];
            lines.add("after \"" + labels.get(i) + "\" the target is \"" + tokenizer.token(targets[i]) + "\": −ln p = " + TraceText.format(losses[i]));
        }
        float loss = (float) sum;
        add("Cross-entropy loss, averaged over positions", List.of("p, " + t + "×" + v, "targets " + Arrays.toString(targets) + " (each next token)"),
                "L = (1/t) Σ_i −ln p_i[target_i]", lines, "L", new float[] {loss}, 1, 1, "cross_entropy",
                Vector.of(LossOps.crossEntropy(probsRef, Vector.of(toDoubles(targets)))));
        float modelLoss = model.forward(inputs, targets, 1, t);
        return new Pass(List.copyOf(steps), loss, modelLoss);
    }

    private void tokenization(String text, List<String> tokens, int[] ids) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int i = 0; i < tokenizer.vocabSize(); i++) {
            vocab.put(tokenizer.token(i), i);
        }
        Numeric reference = TextOps.encode(TextOps.tokenize(text), new Vocabulary(vocab));
        boolean sameTokens = TextOps.tokenize(text).tokens().equals(tokens);
        float[] result = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            result[i] = ids[i];
        }
        List<String> previous = labels;
        labels = List.of("ids");
        add("Tokenization and token encoding", List.of("text \"" + text + "\"", "vocabulary " + vocab),
                "tokens = words and punctuation marks; id = vocabulary[token]",
                List.of("tokens " + tokens), "ids", result, 1, ids.length, "tokenize + encode",
                sameTokens ? reference : Vector.of(new double[ids.length]).map(x -> Double.NaN));
        labels = previous;
    }

    private float[] layerNorm(String title, String inputName, float[] x, ParameterTensor gamma, ParameterTensor beta, int t, int c,
            String resultName) {
        float[] out = new float[t * c];
        float[] mean = new float[t];
        float[] rstd = new float[t];
        NormKernels.layerNorm(out, mean, rstd, x, p(gamma), p(beta), t, c);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            lines.add(String.format(Locale.ROOT, "row \"%s\": μ = %s, 1/√(σ² + ε) = %s", labels.get(i), TraceText.format(mean[i]),
                    TraceText.format(rstd[i])));
        }
        add(title, List.of(inputName + ", " + t + "×" + c, "γ = " + gamma.name() + ", β = " + beta.name() + ", ε = 10⁻⁵"),
                "LN(x) = γ ⊙ (x − μ)/√(σ² + ε) + β, population variance  (Ba, Kiros & Hinton, 2016)", lines, resultName, out, t, c,
                "layer_norm", StatisticsOps.layerNorm(matrix(x, t, c), vector(p(gamma)), vector(p(beta)), NormKernels.EPSILON));
        return out;
    }

    private void attentionHead(String b, int h, Matrix qkvRef, float[] scores, float[] att, float[] context, int t, int c, int d) {
        Matrix q = columns(qkvRef, h * d, d);
        Matrix k = columns(qkvRef, c + h * d, d);
        Matrix v = columns(qkvRef, 2 * c + h * d, d);
        String head = b + "attention head " + (h + 1) + ": ";
        float[] shownScores = Arrays.copyOfRange(scores, h * t * t, (h + 1) * t * t);
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                shownScores[i * t + j] = Float.NEGATIVE_INFINITY;
            }
        }
        add(head + "scaled dot products", List.of("Q, K: columns " + h * d + ".." + (h * d + d - 1) + " of their blocks, " + t + "×" + d),
                "S = QKᵀ/√d_k with d_k = " + d + "; S[i][j] = −∞ for j > i (causal mask)", List.of(), "S", shownScores, t, t,
                "attention_scores", AttentionOps.attentionScores(q, k, true));
        add(head + "softmax", List.of("S, " + t + "×" + t), "A = softmax(S) row by row; e^(−∞) = 0, so no weight on later positions",
                List.of("each row sums to 1"), "A", Arrays.copyOfRange(att, h * t * t, (h + 1) * t * t), t, t, "softmax",
                ActivationOps.softmax(AttentionOps.attentionScores(q, k, true)));
        float[] ctx = new float[t * d];
        for (int i = 0; i < t; i++) {
            System.arraycopy(context, i * c + h * d, ctx, i * d, d);
        }
        add(head + "context vectors", List.of("A, " + t + "×" + t, "V: columns " + h * d + ".." + (h * d + d - 1) + " of the V block"),
                "c_i = Σ_j A[i][j]·v_j  (context = AV)", List.of(), "context", ctx, t, d, "attention", AttentionOps.attention(q, k, v, true));
    }

    private float[] residual(String b, String what, float[] x, float[] fx, int t, int c) {
        float[] out = new float[t * c];
        ActivationKernels.add(out, x, fx, t * c);
        add(b + "residual connection around the " + what, List.of("the input x and the layer's output f(x), " + t + "×" + c),
                "Output = f(x) + x", List.of(), "x′", out, t, c, "residual",
                TrainingOps.residual(matrix(fx, t, c), matrix(x, t, c)));
        return out;
    }

    private void add(String title, List<String> given, String equation, List<String> computation, String name, float[] result,
            int rows, int cols, String referenceOp, Numeric reference) {
        double max = 0;
        double scale = 1;
        for (int i = 0; i < result.length; i++) {
            double r = reference.at(i);
            if (Double.isInfinite(r) || Float.isInfinite(result[i])) {
                max = Math.max(max, r == result[i] ? 0 : Double.POSITIVE_INFINITY);
                continue;
            }
            max = Math.max(max, Math.abs(result[i] - r));
            scale = Math.max(scale, Math.abs(r));
            if (Double.isNaN(r) || Float.isNaN(result[i])) {
                max = Double.POSITIVE_INFINITY;
            }
        }
        steps.add(new TraceStep(title, given, equation, computation, name, result, rows, cols, labels,
                new TraceStep.Verification(referenceOp, max, TOL_F32 * scale)));
    }

    static Matrix matrix(float[] x, int rows, int cols) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i];
        }
        return Matrix.of(rows, cols, d);
    }

    private static Vector vector(float[] x) {
        return Vector.of(matrix(x, 1, x.length).flat());
    }

    private static double[] toDoubles(int[] ids) {
        return Arrays.stream(ids).asDoubleStream().toArray();
    }

    private static Matrix columns(Matrix m, int from, int count) {
        double[] out = new double[m.rows() * count];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < count; j++) {
                out[i * count + j] = m.get(i, from + j);
            }
        }
        return Matrix.of(m.rows(), count, out);
    }
}
