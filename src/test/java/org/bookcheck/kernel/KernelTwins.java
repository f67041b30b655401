package org.bookcheck.kernel;

import java.util.Map;
import java.util.Optional;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.Operation;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.Value;
import org.bookcheck.reference.Vector;

/**
 * The float32 kernel twin of each catalogue operation that a kernel computes: the same arguments
 * as the reference op, converted to float, run through the kernel, converted back. Operations
 * without a kernel (counting, tokenizing, statistics) have no twin.
 */
final class KernelTwins {

    private KernelTwins() {
    }

    /** The kernel's value of the operation on these arguments, or empty when no kernel computes it. */
    static Optional<Value> evaluate(Operation op, Map<String, Value> args) {
        return Optional.ofNullable(switch (op) {
            case ADD, RESIDUAL -> add(args, op == Operation.ADD ? "a" : "fx", op == Operation.ADD ? "b" : "x");
            case MATMUL -> matmul((Numeric) args.get("a"), (Numeric) args.get("b"));
            case DOT -> {
                Vector a = (Vector) args.get("a");
                Vector b = (Vector) args.get("b");
                float[] c = new float[1];
                MatmulKernels.matmul(c, floats(a), floats(b), 1, a.size(), 1, false);
                yield Scalar.of(c[0]);
            }
            case OUTER -> {
                Vector a = (Vector) args.get("a");
                Vector b = (Vector) args.get("b");
                float[] c = new float[a.size() * b.size()];
                MatmulKernels.matmul(c, floats(a), floats(b), a.size(), 1, b.size(), false);
                yield matrix(c, a.size(), b.size());
            }
            case WEIGHTED_SUM -> args.get("values") instanceof Matrix v ? matmul((Vector) args.get("weights"), v) : null;
            case LINEAR -> linear(args);
            case RELU -> elementwise((Numeric) args.get("x"), ActivationKernels::relu);
            case GELU_TANH -> elementwise((Numeric) args.get("x"), ActivationKernels::gelu);
            case SOFTMAX -> softmax((Numeric) args.get("x"));
            case LAYER_NORM -> layerNorm(args);
            case CROSS_ENTROPY -> crossEntropy((Numeric) args.get("p"), (Numeric) args.get("target"));
            case SOFTMAX_CROSS_ENTROPY_GRADIENT -> crossEntropyGradient((Numeric) args.get("p"), (Numeric) args.get("target"));
            case WEIGHT_UPDATE -> args.get("lr") instanceof Scalar lr ? sgd(args, lr) : null;
            case EMBEDDING_LOOKUP -> embedding(args);
            case ATTENTION_SCORES -> scores((Matrix) args.get("q"), (Matrix) args.get("k"), causal(args));
            case ATTENTION -> attention((Matrix) args.get("q"), (Matrix) args.get("k"), (Matrix) args.get("v"), causal(args));
            default -> null;
        });
    }

    private static boolean causal(Map<String, Value> args) {
        return args.get("causal") instanceof org.bookcheck.reference.Bool b && b.value();
    }

    private static Value add(Map<String, Value> args, String first, String second) {
        if (!(args.get(first) instanceof Numeric a) || !(args.get(second) instanceof Numeric b) || !a.shape().equals(b.shape())) {
            return null; // scalar broadcasting is the reference's, not a kernel's
        }
        float[] out = new float[a.size()];
        ActivationKernels.add(out, floats(a), floats(b), out.length);
        return a.withFlat(widen(out));
    }

    private static Value matmul(Numeric a, Numeric b) {
        int m = a instanceof Matrix ma ? ma.rows() : 1;
        int k = a instanceof Matrix ma ? ma.cols() : a.size();
        int n = b instanceof Matrix mb ? mb.cols() : 1;
        float[] c = new float[m * n];
        MatmulKernels.matmul(c, floats(a), floats(b), m, k, n, false);
        return a instanceof Matrix && b instanceof Matrix ? matrix(c, m, n) : Vector.of(widen(c));
    }

    private static Value linear(Map<String, Value> args) {
        Numeric x = (Numeric) args.get("x");
        Matrix w = (Matrix) args.get("w");
        int rows = x instanceof Matrix mx ? mx.rows() : 1;
        float[] out = new float[rows * w.cols()];
        LinearKernels.linear(out, floats(x), floats(w), args.get("b") == null ? null : floats((Numeric) args.get("b")),
                rows, w.rows(), w.cols());
        return x instanceof Matrix ? matrix(out, rows, w.cols()) : Vector.of(widen(out));
    }

    @FunctionalInterface
    private interface Elementwise {
        void apply(float[] out, float[] x, int n);
    }

    private static Value elementwise(Numeric x, Elementwise kernel) {
        float[] out = new float[x.size()];
        kernel.apply(out, floats(x), out.length);
        return x.withFlat(widen(out));
    }

    private static Value softmax(Numeric x) {
        int rows = x instanceof Matrix m ? m.rows() : 1;
        float[] out = new float[x.size()];
        SoftmaxKernels.softmax(out, floats(x), rows, x.size() / rows, false);
        return x.withFlat(widen(out));
    }

    private static Value layerNorm(Map<String, Value> args) {
        Numeric x = (Numeric) args.get("x");
        int rows = x instanceof Matrix m ? m.rows() : 1;
        int c = x.size() / rows;
        if (args.get("eps") instanceof Scalar eps && (float) eps.value() != NormKernels.EPSILON) {
            return null; // the kernel's ε is GPT-2's fixed 10⁻⁵
        }
        float[] gamma = args.get("gamma") == null ? filled(c, 1f) : floats((Numeric) args.get("gamma"));
        float[] beta = args.get("beta") == null ? new float[c] : floats((Numeric) args.get("beta"));
        float[] out = new float[x.size()];
        NormKernels.layerNorm(out, new float[rows], new float[rows], floats(x), gamma, beta, rows, c);
        return x.withFlat(widen(out));
    }

    /** The fused kernel takes logits: ln p are logits whose softmax is p again. */
    private static float[] logitsOf(Numeric p) {
        float[] z = new float[p.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) Math.log(p.at(i));
        }
        return z;
    }

    private static int[] targets(Numeric p, Numeric target) {
        int rows = p instanceof Matrix m ? m.rows() : 1;
        return switch (target) {
            case Scalar s -> new int[] {(int) s.value()};
            case Vector y when rows == 1 -> new int[] {org.bookcheck.reference.LossOps.argmax(y)};
            case Vector y -> java.util.Arrays.stream(y.flat()).mapToInt(d -> (int) d).toArray();
            case Matrix m -> null;
        };
    }

    private static Value crossEntropy(Numeric p, Numeric target) {
        int[] t = targets(p, target);
        if (t == null) {
            return null;
        }
        int v = p.size() / t.length;
        float[] losses = new float[t.length];
        LossKernels.softmaxCrossEntropy(new float[p.size()], losses, logitsOf(p), t, t.length, v);
        double mean = 0;
        for (float l : losses) {
            mean += l;
        }
        return Scalar.of(mean / t.length);
    }

    private static Value crossEntropyGradient(Numeric p, Numeric target) {
        int[] t = targets(p, target);
        if (t == null) {
            return null;
        }
        float[] d = new float[p.size()];
        LossKernels.softmaxCrossEntropyBackward(d, floats(p), t, filled(t.length, 1f), t.length, p.size() / t.length);
        return p.withFlat(widen(d));
    }

    private static Value sgd(Map<String, Value> args, Scalar lr) {
        Numeric w = (Numeric) args.get("w");
        float[] out = floats(w);
        OptimizerKernels.sgd(out, floats((Numeric) args.get("grad")), out.length, (float) lr.value());
        return w.withFlat(widen(out));
    }

    private static Value embedding(Map<String, Value> args) {
        Numeric ids = (Numeric) args.get("ids");
        Matrix table = (Matrix) args.get("table");
        int first = args.get("first_id") instanceof Scalar s ? (int) s.value() : 0;
        int[] rows = java.util.Arrays.stream(ids.flat()).mapToInt(d -> (int) d - first).toArray();
        int c = table.cols();
        float[] out = new float[rows.length * c];
        // One "sequence" per id, so the position table (zeros) adds nothing.
        EmbeddingKernels.embed(out, rows, floats(table), new float[c], rows.length, 1, c, table.rows());
        return ids instanceof Scalar ? Vector.of(widen(out)) : matrix(out, rows.length, c);
    }

    private static Value scores(Matrix q, Matrix k, boolean causal) {
        int tq = q.rows();
        int tk = k.rows();
        int d = q.cols();
        float[] s = new float[tq * tk];
        MatmulKernels.matmulTransposedB(s, floats(q), floats(k), tq, d, tk, false);
        float scale = (float) (1 / Math.sqrt(d));
        double[] out = new double[s.length];
        for (int i = 0; i < tq; i++) {
            for (int j = 0; j < tk; j++) {
                out[i * tk + j] = causal && j > i ? Double.NEGATIVE_INFINITY : s[i * tk + j] * scale;
            }
        }
        return Matrix.of(tq, tk, out);
    }

    private static Value attention(Matrix q, Matrix k, Matrix v, boolean causal) {
        int t = q.rows();
        int d = q.cols();
        if (k.rows() != t || v.rows() != t || v.cols() != d || k.cols() != d) {
            return null; // the kernel packs Q, K and V of one width for self-attention
        }
        float[] qkv = new float[t * 3 * d];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < d; j++) {
                qkv[i * 3 * d + j] = (float) q.get(i, j);
                qkv[i * 3 * d + d + j] = (float) k.get(i, j);
                qkv[i * 3 * d + 2 * d + j] = (float) v.get(i, j);
            }
        }
        float[] out = new float[t * d];
        AttentionKernels.attention(out, new float[t * t], new float[t * t], qkv, 1, t, d, 1, causal);
        return matrix(out, t, d);
    }

    private static float[] floats(Numeric x) {
        float[] out = new float[x.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) x.at(i);
        }
        return out;
    }

    private static double[] widen(float[] x) {
        return Check.widen(x);
    }

    private static Matrix matrix(float[] x, int rows, int cols) {
        return Matrix.of(rows, cols, widen(x));
    }

    private static float[] filled(int n, float v) {
        float[] out = new float[n];
        java.util.Arrays.fill(out, v);
        return out;
    }
}
