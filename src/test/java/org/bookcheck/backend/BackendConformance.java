package org.bookcheck.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bookcheck.backend.Backend.Floats;
import org.bookcheck.backend.Backend.Ints;
import org.bookcheck.kernel.Check;
import org.bookcheck.kernel.Dims;
import org.bookcheck.kernel.ReferenceAttention;
import org.bookcheck.reference.ActivationOps;
import org.bookcheck.reference.ArithmeticOps;
import org.bookcheck.reference.LinearAlgebraOps;
import org.bookcheck.reference.LossOps;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.OptimizerOps;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.StatisticsOps;
import org.bookcheck.reference.TextOps;
import org.bookcheck.reference.TrainingOps;
import org.bookcheck.reference.Vector;

/**
 * What every {@link Backend} must do: each kernel against the double-precision reference on the
 * generated inputs of the CPU kernel properties ({@link Dims}, {@link Check}), within
 * {@link Check#TOL_F32} relative to the size of what was summed. A backend's test class extends this
 * and says which backend to run; buffers go up and come down through the backend's own copies.
 */
public abstract class BackendConformance {

    /** The backend under test (one per class, reused by every try). */
    protected abstract Backend backend();

    /** Layer norm's ε, the CPU kernels' value, which every backend uses. */
    private static final double EPS = org.bookcheck.kernel.NormKernels.EPSILON;

    // ---- helpers ----------------------------------------------------------------------------------

    private Floats up(float[] x) {
        Floats f = backend().floats(Math.max(1, x.length));
        backend().upload(x, f, x.length);
        return f;
    }

    private Ints up(int[] x) {
        Ints f = backend().ints(Math.max(1, x.length));
        backend().upload(x, f, x.length);
        return f;
    }

    private float[] down(Floats f, int n) {
        float[] out = new float[n];
        backend().download(f, 0, out, n);
        return out;
    }

    private Floats zeros(int n) {
        return backend().floats(Math.max(1, n));
    }

    @Provide
    Arbitrary<Integer> rows() {
        return Dims.upTo(9);
    }

    @Provide
    Arbitrary<Integer> width() {
        return Dims.upTo(70);
    }

    @Provide
    Arbitrary<Integer> dim() {
        return Dims.upTo(40);
    }

    @Provide
    Arbitrary<Integer> size() {
        return Dims.upTo(5000);
    }

    @Provide
    Arbitrary<Integer> vocab() {
        return Dims.upTo(300);
    }

    @Provide
    Arbitrary<Integer> length() {
        return Dims.upTo(20);
    }

    @Provide
    Arbitrary<Integer> heads() {
        return Dims.upTo(3);
    }

    @Provide
    Arbitrary<Integer> headSize() {
        return Dims.upTo(17);
    }

    @Provide
    Arbitrary<Integer> shortLength() {
        return Dims.upTo(7);
    }

    @Provide
    Arbitrary<Integer> smallHeadSize() {
        return Dims.upTo(5);
    }

    // ---- memory -----------------------------------------------------------------------------------

    @Property(tries = 20)
    void uploadDownloadAndZeroKeepEveryBit(@ForAll("size") int n, @ForAll long seed) {
        float[] x = Check.random(new SplittableRandom(seed), n, 1e3);
        Floats f = up(x);
        assertArrayEquals(x, down(f, n), "a buffer comes back as it went up");
        float[] tail = new float[n / 2];
        backend().download(f, n - n / 2, tail, n / 2);
        assertArrayEquals(Arrays.copyOfRange(x, n - n / 2, n), tail, "a download from an offset");
        backend().zero(f, n);
        assertArrayEquals(new float[n], down(f, n), "zeroed");
    }

    // ---- forward ----------------------------------------------------------------------------------

    @Property(tries = 20)
    void embedAndItsBackwardAgreeWithReferenceLookup(@ForAll("dim") int vocab, @ForAll("dim") int t, @ForAll("dim") int c,
            @ForAll long seed) {
        int b = 2;
        SplittableRandom r = new SplittableRandom(seed);
        float[] wte = Check.random(r, vocab * c, 2);
        float[] wpe = Check.random(r, t * c, 2);
        float[] dout = Check.random(r, b * t * c, 2);
        int[] tokens = new int[b * t];
        Arrays.setAll(tokens, i -> r.nextInt(vocab));
        Ints tok = up(tokens);
        Floats out = zeros(b * t * c);
        backend().embed(out, tok, up(wte), up(wpe), b, t, c, vocab);
        double[] expected = new double[b * t * c];
        double[] positions = new double[t];
        Arrays.setAll(positions, i -> i);
        for (int s = 0; s < b; s++) {
            double[] ids = new double[t];
            for (int i = 0; i < t; i++) {
                ids[i] = tokens[s * t + i];
            }
            System.arraycopy(ArithmeticOps.add(TextOps.embeddingLookup(Vector.of(ids), Check.matrix(wte, vocab, c), 0),
                    TextOps.embeddingLookup(Vector.of(positions), Check.matrix(wpe, t, c), 0)).flat(), 0, expected, s * t * c, t * c);
        }
        Check.close(expected, down(out, b * t * c), "embedding");
        // d/dwte of Σ dout·out: row tokens[i] gathers dout[i]; d/dwpe: row p gathers the dout of position p.
        double[] dwteRef = new double[vocab * c];
        double[] dwpeRef = new double[t * c];
        float[] dwte0 = Check.random(r, vocab * c, 1);
        float[] dwpe0 = Check.random(r, t * c, 1);
        for (int i = 0; i < vocab * c; i++) {
            dwteRef[i] = dwte0[i];
        }
        for (int i = 0; i < t * c; i++) {
            dwpeRef[i] = dwpe0[i];
        }
        for (int i = 0; i < b * t; i++) {
            for (int j = 0; j < c; j++) {
                dwteRef[tokens[i] * c + j] += dout[i * c + j];
                dwpeRef[(i % t) * c + j] += dout[i * c + j];
            }
        }
        Floats dwte = up(dwte0);
        Floats dwpe = up(dwpe0);
        backend().embedBackward(dwte, dwpe, up(dout), tok, b, t, c);
        Check.close(dwteRef, down(dwte, vocab * c), "dwte");
        Check.close(dwpeRef, down(dwpe, t * c), "dwpe");
    }

    @Property(tries = 30)
    void layerNormAndItsBackwardAgreeWithReference(@ForAll("rows") int rows, @ForAll("width") int c, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = Check.random(r, rows * c, 3);
        float[] gamma = Check.random(r, c, 2);
        float[] beta = Check.random(r, c, 2);
        float[] dy = Check.random(r, rows * c, 2);
        float[] dx0 = Check.random(r, rows * c, 1);
        var expected = StatisticsOps.layerNorm(Check.matrix(x, rows, c), Check.vector(gamma), Check.vector(beta), EPS);
        Floats out = zeros(rows * c);
        Floats mean = zeros(rows);
        Floats rstd = zeros(rows);
        Floats xs = up(x);
        Floats g = up(gamma);
        backend().layerNorm(out, mean, rstd, xs, g, up(beta), rows, c);
        Check.close(expected.flat(), down(out, rows * c), Check.layerNormConditioned(expected.flat(), x, rows, c), "layer_norm");

        double[] dyd = Check.widen(dy);
        double[] dxRef = Check.gradient(v -> Check.weightedSum(dyd, StatisticsOps.layerNorm(Matrix.of(rows, c, v),
                Check.vector(gamma), Check.vector(beta), EPS)), Check.widen(x));
        double[] dgRef = Check.gradient(gg -> Check.weightedSum(dyd, StatisticsOps.layerNorm(Check.matrix(x, rows, c),
                Vector.of(gg), Check.vector(beta), EPS)), Check.widen(gamma));
        double[] dbRef = Check.gradient(bb -> Check.weightedSum(dyd, StatisticsOps.layerNorm(Check.matrix(x, rows, c),
                Check.vector(gamma), Vector.of(bb), EPS)), Check.widen(beta));
        Floats dx = up(dx0);
        Floats dgamma = zeros(c);
        Floats dbeta = zeros(c);
        backend().layerNormBackward(dx, dgamma, dbeta, up(dy), xs, g, mean, rstd, rows, c);
        Check.close(ArithmeticOps.add(Vector.of(dxRef), Check.vector(dx0)).flat(), down(dx, rows * c),
                Check.layerNormConditioned(dxRef, x, rows, c), "dx");
        Check.close(dgRef, down(dgamma, c), "dγ");
        Check.close(dbRef, down(dbeta, c), "dβ");
    }

    @Property(tries = 30)
    void linearAndItsBackwardAgreeWithReferenceProducts(@ForAll("dim") int rows, @ForAll("dim") int k, @ForAll("dim") int n,
            @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = Check.random(r, rows * k, 2);
        float[] w = Check.random(r, k * n, 2);
        float[] bias = Check.random(r, n, 2);
        float[] dy = Check.random(r, rows * n, 2);
        float[] dw0 = Check.random(r, k * n, 1);
        float[] db0 = Check.random(r, n, 1);
        Matrix mx = Check.matrix(x, rows, k);
        Matrix mw = Check.matrix(w, k, n);
        Matrix mdy = Check.matrix(dy, rows, n);
        Floats out = zeros(rows * n);
        Floats xs = up(x);
        Floats ws = up(w);
        backend().linear(out, xs, ws, up(bias), rows, k, n);
        Check.close(LinearAlgebraOps.linear(mx, mw, Check.vector(bias)), down(out, rows * n),
                LinearAlgebraOps.linear(Check.abs(mx), Check.abs(mw), (Vector) Check.vector(bias).map(Math::abs)), "xW + b");

        Floats dx = zeros(rows * k);
        Floats dw = up(dw0);
        Floats db = up(db0);
        backend().linearBackward(dx, dw, db, up(dy), xs, ws, rows, k, n);
        double[] ones = new double[rows];
        Arrays.fill(ones, 1);
        Check.close(LinearAlgebraOps.matmul(mdy, LinearAlgebraOps.transpose(mw)), down(dx, rows * k),
                LinearAlgebraOps.matmul(Check.abs(mdy), LinearAlgebraOps.transpose(Check.abs(mw))), "dX = dY·Wᵀ");
        Check.close(ArithmeticOps.add(Check.matrix(dw0, k, n), LinearAlgebraOps.matmul(LinearAlgebraOps.transpose(mx), mdy)),
                down(dw, k * n), ArithmeticOps.add(Check.abs(Check.matrix(dw0, k, n)),
                        LinearAlgebraOps.matmul(LinearAlgebraOps.transpose(Check.abs(mx)), Check.abs(mdy))), "dW += Xᵀ·dY");
        Check.close(ArithmeticOps.add(Check.vector(db0), LinearAlgebraOps.matmul(Vector.of(ones), mdy)), down(db, n),
                ArithmeticOps.add(Check.vector(db0).map(Math::abs), LinearAlgebraOps.matmul(Vector.of(ones), Check.abs(mdy))),
                "db += Σ dY");
    }

    @Property(tries = 30)
    void logitsAndTheirBackwardAgreeWithReferenceProducts(@ForAll("dim") int rows, @ForAll("dim") int c, @ForAll("vocab") int v,
            @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = Check.random(r, rows * c, 2);
        float[] wte = Check.random(r, v * c, 2);
        float[] dl = Check.random(r, rows * v, 2);
        float[] dwte0 = Check.random(r, v * c, 1);
        Matrix mx = Check.matrix(x, rows, c);
        Matrix mw = Check.matrix(wte, v, c);
        Matrix mdl = Check.matrix(dl, rows, v);
        Floats out = zeros(rows * v);
        Floats xs = up(x);
        Floats ws = up(wte);
        backend().logits(out, xs, ws, rows, c, v);
        Check.close(LinearAlgebraOps.matmul(mx, LinearAlgebraOps.transpose(mw)), down(out, rows * v),
                LinearAlgebraOps.matmul(Check.abs(mx), LinearAlgebraOps.transpose(Check.abs(mw))), "x·wteᵀ");
        Floats dx = zeros(rows * c);
        Floats dwte = up(dwte0);
        backend().logitsBackward(dx, dwte, up(dl), xs, ws, rows, c, v);
        Check.close(LinearAlgebraOps.matmul(mdl, mw), down(dx, rows * c), LinearAlgebraOps.matmul(Check.abs(mdl), Check.abs(mw)),
                "dx = dlogits·wte");
        Check.close(ArithmeticOps.add(Check.matrix(dwte0, v, c), LinearAlgebraOps.matmul(LinearAlgebraOps.transpose(mdl), mx)),
                down(dwte, v * c), ArithmeticOps.add(Check.abs(Check.matrix(dwte0, v, c)),
                        LinearAlgebraOps.matmul(LinearAlgebraOps.transpose(Check.abs(mdl)), Check.abs(mx))), "dwte += dlogitsᵀ·x");
    }

    /** The reference context vectors [t, c] of sequence s. */
    private static double[] attentionReference(double[] qkv, int s, int t, int c, int heads) {
        Matrix seq = Matrix.of(t, 3 * c, Arrays.copyOfRange(qkv, s * t * 3 * c, (s + 1) * t * 3 * c));
        return ReferenceAttention.multiHead(seq, heads, true).flat();
    }

    @Property(tries = 30)
    void attentionAgreesWithReferencePerHead(@ForAll("length") int t, @ForAll("heads") int heads, @ForAll("headSize") int d,
            @ForAll long seed) {
        int b = 2;
        int c = heads * d;
        float[] qkv = Check.random(new SplittableRandom(seed), b * t * 3 * c, 2);
        Floats out = zeros(b * t * c);
        Floats att = zeros(b * heads * t * t);
        Floats scores = zeros(b * heads * t * t);
        backend().attention(out, att, scores, up(qkv), b, t, c, heads);
        float[] o = down(out, b * t * c);
        float[] a = down(att, b * heads * t * t);
        float[] s = down(scores, b * heads * t * t);
        for (int seq = 0; seq < b; seq++) {
            Check.close(attentionReference(Check.widen(qkv), seq, t, c, heads), Arrays.copyOfRange(o, seq * t * c, (seq + 1) * t * c),
                    "attention of sequence " + seq);
        }
        double scale = 1 / Math.sqrt(d);
        for (int bh = 0; bh < b * heads; bh++) {
            int seq = bh / heads;
            int h = bh % heads;
            for (int i = 0; i < t; i++) {
                double sum = 0;
                for (int j = 0; j < t; j++) {
                    float w = a[(bh * t + i) * t + j];
                    sum += w;
                    if (j > i) {
                        assertEquals(0f, w, "weight of position " + j + " seen from position " + i);
                        continue;
                    }
                    double dot = 0;
                    double size = 0;
                    for (int e = 0; e < d; e++) {
                        double q = qkv[(seq * t + i) * 3 * c + h * d + e];
                        double k = qkv[(seq * t + j) * 3 * c + c + h * d + e];
                        dot += q * k;
                        size += Math.abs(q * k);
                    }
                    Check.close(new double[] {dot * scale}, new float[] {s[(bh * t + i) * t + j]}, new double[] {size * scale},
                            "score (" + i + ", " + j + ") of head " + h);
                }
                assertEquals(1.0, sum, Check.TOL_F32, "attention row " + i + " of head " + h);
            }
        }
    }

    @Property(tries = 15)
    void attentionBackwardAgreesWithDifferencesOfReference(@ForAll("shortLength") int t, @ForAll("heads") int heads,
            @ForAll("smallHeadSize") int d, @ForAll long seed) {
        int b = 2;
        int c = heads * d;
        SplittableRandom r = new SplittableRandom(seed);
        float[] qkv = Check.random(r, b * t * 3 * c, 1.5);
        float[] dout = Check.random(r, b * t * c, 2);
        double[] doutd = Check.widen(dout);
        double[] expected = Check.gradient(v -> {
            double s = 0;
            for (int seq = 0; seq < b; seq++) {
                double[] y = attentionReference(v, seq, t, c, heads);
                for (int i = 0; i < y.length; i++) {
                    s += doutd[seq * t * c + i] * y[i];
                }
            }
            return s;
        }, Check.widen(qkv));
        Floats q = up(qkv);
        Floats att = zeros(b * heads * t * t);
        backend().attention(zeros(b * t * c), att, zeros(b * heads * t * t), q, b, t, c, heads);
        Floats dqkv = up(Check.random(r, b * t * 3 * c, 1));
        backend().attentionBackward(dqkv, up(dout), q, att, b, t, c, heads);
        Check.close(expected, down(dqkv, b * t * 3 * c), "attention backward (writes all of dqkv)");
    }

    @Property(tries = 30)
    void addGeluAndGeluBackwardAgreeWithReference(@ForAll("size") int n, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = Check.random(r, n, 3);
        float[] x = Check.random(r, n, 6);
        float[] dy = Check.random(r, n, 2);
        Floats out = zeros(n);
        backend().add(out, up(a), up(x), n);
        Check.close(ArithmeticOps.add(Check.vector(a), Check.vector(x)), down(out, n), null, "a + b");
        Floats xs = up(x);
        backend().gelu(out, xs, n);
        Check.close(ActivationOps.geluTanh(Check.vector(x)), down(out, n), Check.vector(x).map(Math::abs), "gelu");
        // gelu'(x) in closed form would be a second implementation; central differences of the reference are not.
        int m = Math.min(n, 200);
        double[] dyd = Check.widen(Arrays.copyOf(dy, m));
        double[] expected = Check.gradient(v -> Check.weightedSum(dyd, ActivationOps.geluTanh(Vector.of(v))),
                Check.widen(Arrays.copyOf(x, m)));
        Floats d = up(dy);
        backend().geluBackward(d, xs, d, n);
        Check.close(expected, Arrays.copyOf(down(d, n), m), "gelu backward (in place)");
    }

    @Property(tries = 30)
    void softmaxCrossEntropyAndItsGradientAgreeWithReference(@ForAll("rows") int rows, @ForAll("vocab") int v,
            @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] logits = Check.random(r, rows * v, 10);
        int[] targets = new int[rows];
        float[] weights = new float[rows];
        for (int i = 0; i < rows; i++) {
            targets[i] = i % 4 == 3 ? -1 : r.nextInt(v);
            weights[i] = (float) r.nextDouble();
        }
        Matrix probs = (Matrix) ActivationOps.softmax(Check.matrix(logits, rows, v));
        Floats l = up(logits);
        Floats p = zeros(rows * v);
        backend().softmax(p, l, rows, v);
        Check.close(probs, down(p, rows * v), null, "softmax without targets");
        Floats losses = zeros(rows);
        Ints tg = up(targets);
        backend().zero(p, rows * v);
        backend().crossEntropy(p, losses, l, tg, rows, v);
        Check.close(probs, down(p, rows * v), null, "softmax");
        float[] loss = down(losses, rows);
        backend().crossEntropyBackward(l, p, tg, up(weights), rows, v);
        float[] dlogits = down(l, rows * v);
        for (int i = 0; i < rows; i++) {
            float[] rowGrad = Arrays.copyOfRange(dlogits, i * v, (i + 1) * v);
            if (targets[i] == -1) {
                assertEquals(0f, loss[i], "an unscored row has no loss");
                Check.close(new double[v], rowGrad, "an unscored row has no gradient");
                continue;
            }
            double expected = LossOps.crossEntropy(probs.row(i), Scalar.of(targets[i]));
            assertEquals(expected, loss[i], Check.TOL_F32 * (1 + expected), "loss of row " + i);
            Vector grad = (Vector) LossOps.softmaxCrossEntropyGradient(probs.row(i), Scalar.of(targets[i]));
            float weight = weights[i];
            Check.close(grad.map(g -> g * weight), rowGrad, null, "weighted p − y of row " + i + " (written over the logits)");
        }
    }

    // ---- update -----------------------------------------------------------------------------------

    @Property(tries = 20)
    void clippingIsTheReferenceClipByGlobalNorm(@ForAll("size") int n1, @ForAll("size") int n2, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] g = {Check.random(r, n1, 2), Check.random(r, n2, 2)};
        double maxNorm = 0.5 + r.nextDouble() * 20;
        double[][] expected = OptimizerOps.clipByGlobalNorm(new double[][] {Check.widen(g[0]), Check.widen(g[1])}, maxNorm);
        Floats[] bufs = {up(g[0]), up(g[1])};
        int[] n = {n1, n2};
        double sum = backend().sumOfSquares(bufs, n);
        double exact = 0;
        for (float[] t : g) {
            for (float x : t) {
                exact += (double) x * x;
            }
        }
        assertEquals(exact, sum, 1e-12 * exact, "Σg² in double");
        double norm = Math.sqrt(sum);
        float s = norm > maxNorm ? (float) (maxNorm / norm) : 1f;
        backend().scale(bufs[0], n1, s);
        backend().scale(bufs[1], n2, s);
        Check.close(expected[0], down(bufs[0], n1), "first tensor");
        Check.close(expected[1], down(bufs[1], n2), "second tensor");
    }

    @Property(tries = 20)
    void sgdIsTheReferenceWeightUpdate(@ForAll("size") int n, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] w0 = Check.random(r, n, 2);
        float[] g = Check.random(r, n, 2);
        float eta = (float) (0.01 + r.nextDouble());
        Floats w = up(w0);
        backend().sgd(w, up(g), n, eta);
        Check.close(TrainingOps.weightUpdate(Check.vector(w0), Check.vector(g), eta), down(w, n), null, "W − η∇W");
    }

    @Property(tries = 20)
    void adamwIsTheReferenceAdamW(@ForAll("size") int n, @ForAll @IntRange(min = 1, max = 1000) int step, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] w0 = Check.random(r, n, 2);
        float[] g = Check.random(r, n, 2);
        float[] m0 = Check.random(r, n, 0.5);
        float[] v0 = Check.random(r, n, 0.5);
        for (int i = 0; i < n; i++) {
            v0[i] = Math.abs(v0[i]);
        }
        float lr = 1e-2f;
        float wd = (float) (r.nextDouble() * 0.1);
        var expected = OptimizerOps.adamw(Check.widen(w0), Check.widen(g), Check.widen(m0), Check.widen(v0), lr, 0.9f, 0.999f,
                1e-8f, wd, step);
        Floats w = up(w0);
        Floats m = up(m0);
        Floats v = up(v0);
        backend().adamw(w, up(g), m, v, n, lr, 0.9f, 0.999f, 1e-8f, wd, step);
        Check.close(expected.weights(), down(w, n), "w");
        Check.close(expected.m(), down(m, n), "m");
        Check.close(expected.v(), down(v, n), "v");
    }
}
