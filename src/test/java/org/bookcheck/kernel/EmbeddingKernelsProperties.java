package org.bookcheck.kernel;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bookcheck.reference.ArithmeticOps;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.TextOps;
import org.bookcheck.reference.Vector;

/**
 * Token plus position embedding agrees with two reference embedding_lookups added, and the backward
 * with differences of that sum with respect to both tables (repeated tokens included).
 */
class EmbeddingKernelsProperties {

    @Provide
    Arbitrary<Integer> dim() {
        return Dims.upTo(13);
    }

    /** The reference embedding of sequence s: rows of wte for its ids plus rows 0..t−1 of wpe. */
    private static Numeric reference(double[] wte, double[] wpe, int[] tokens, int s, int t, int c, int vocab) {
        double[] ids = new double[t];
        double[] positions = new double[t];
        for (int i = 0; i < t; i++) {
            ids[i] = tokens[s * t + i];
            positions[i] = i;
        }
        return ArithmeticOps.add(TextOps.embeddingLookup(Vector.of(ids), Matrix.of(vocab, c, wte), 0),
                TextOps.embeddingLookup(Vector.of(positions), Matrix.of(t, c, wpe), 0));
    }

    @Property(tries = 25)
    void forwardAndBackwardAgreeWithReferenceLookup(@ForAll("dim") int vocab, @ForAll("dim") int t, @ForAll("dim") int c,
            @ForAll long seed) {
        int b = 2;
        SplittableRandom r = new SplittableRandom(seed);
        float[] wte = Check.random(r, vocab * c, 2);
        float[] wpe = Check.random(r, t * c, 2);
        float[] dout = Check.random(r, b * t * c, 2);
        int[] tokens = new int[b * t];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = r.nextInt(vocab);
        }
        float[] out = new float[b * t * c];
        EmbeddingKernels.embed(out, tokens, wte, wpe, b, t, c, vocab);
        double[] expected = new double[b * t * c];
        for (int s = 0; s < b; s++) {
            System.arraycopy(reference(Check.widen(wte), Check.widen(wpe), tokens, s, t, c, vocab).flat(), 0, expected, s * t * c, t * c);
        }
        Check.close(expected, out, "embedding");

        double[] doutd = Check.widen(dout);
        java.util.function.ToDoubleFunction<double[][]> loss = tables -> {
            double sum = 0;
            for (int s = 0; s < b; s++) {
                double[] y = reference(tables[0], tables[1], tokens, s, t, c, vocab).flat();
                for (int i = 0; i < y.length; i++) {
                    sum += doutd[s * t * c + i] * y[i];
                }
            }
            return sum;
        };
        double[] dwteRef = Check.gradient(x -> loss.applyAsDouble(new double[][] {x, Check.widen(wpe)}), Check.widen(wte));
        double[] dwpeRef = Check.gradient(x -> loss.applyAsDouble(new double[][] {Check.widen(wte), x}), Check.widen(wpe));
        float[] dwte = new float[vocab * c];
        float[] dwpe = new float[t * c];
        EmbeddingKernels.embedBackward(dwte, dwpe, dout, tokens, b, t, c);
        Check.close(dwteRef, dwte, "dwte");
        Check.close(dwpeRef, dwpe, "dwpe");
    }
}
