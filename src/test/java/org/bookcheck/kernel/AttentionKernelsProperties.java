package org.bookcheck.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.bookcheck.reference.Matrix;

/**
 * Multi-head attention on packed Q/K/V, causal or not, agrees with the reference attention applied
 * head by head; every row of weights sums to 1, with no weight on later positions under the causal
 * mask; the backward agrees with differences of the reference.
 */
class AttentionKernelsProperties {

    /** Up to 60 positions: past the kernel's blocks of 24 query rows, so blocks and the causal cut-off meet. */
    @Provide
    Arbitrary<Integer> length() {
        return Dims.upTo(60);
    }

    @Provide
    Arbitrary<Integer> heads() {
        return Arbitraries.integers().between(1, 3);
    }

    @Provide
    Arbitrary<Integer> headSize() {
        return Dims.upTo(17);
    }

    @Provide
    Arbitrary<Integer> shortLength() {
        return Dims.upTo(9);
    }

    @Provide
    Arbitrary<Integer> smallHeadSize() {
        return Dims.upTo(7);
    }

    /** The reference context vectors [t, c] of sequence s. */
    static double[] reference(double[] qkv, int s, int t, int c, int heads, boolean causal) {
        Matrix seq = Matrix.of(t, 3 * c, java.util.Arrays.copyOfRange(qkv, s * t * 3 * c, (s + 1) * t * 3 * c));
        return ReferenceAttention.multiHead(seq, heads, causal).flat();
    }

    @Property(tries = 40)
    void forwardAgreesWithReferencePerHead(@ForAll("length") int t, @ForAll("heads") int heads, @ForAll("headSize") int d,
            @ForAll boolean causal, @ForAll long seed, @ForAll KernelPath path) {
        int b = 2;
        int c = heads * d;
        float[] qkv = Check.random(new SplittableRandom(seed), b * t * 3 * c, 2);
        path.run(() -> {
            float[] out = new float[b * t * c];
            float[] att = new float[b * heads * t * t];
            AttentionKernels.attention(out, att, new float[b * heads * t * t], qkv, b, t, c, heads, causal);
            for (int s = 0; s < b; s++) {
                float[] mine = java.util.Arrays.copyOfRange(out, s * t * c, (s + 1) * t * c);
                Check.close(reference(Check.widen(qkv), s, t, c, heads, causal), mine, "attention of sequence " + s);
            }
            for (int row = 0; row < b * heads * t; row++) {
                double sum = 0;
                for (int j = 0; j < t; j++) {
                    float w = att[row * t + j];
                    sum += w;
                    if (causal && j > row % t) {
                        assertEquals(0f, w, "weight of position " + j + " seen from position " + row % t);
                    }
                }
                assertEquals(1.0, sum, Check.TOL_F32, "attention row " + row);
            }
        });
    }

    @Property(tries = 20)
    void backwardAgreesWithDifferencesOfReference(@ForAll("shortLength") int t, @ForAll("heads") int heads,
            @ForAll("smallHeadSize") int d, @ForAll boolean causal, @ForAll long seed, @ForAll KernelPath path) {
        assertBackwardAgreesWithDifferences(t, heads, d, causal, seed, path);
    }

    /** Sequences longer than one block of 24 query rows (and than two), where dK and dV skip the causal zeros. */
    @Test
    void backwardAgreesWithDifferencesOfReferenceAcrossRowBlocks() {
        for (int t : new int[] {25, 53}) {
            for (KernelPath path : KernelPath.values()) {
                assertBackwardAgreesWithDifferences(t, 2, 3, true, t, path);
                assertBackwardAgreesWithDifferences(t, 1, 5, false, t + 1, path);
            }
        }
    }

    private static void assertBackwardAgreesWithDifferences(int t, int heads, int d, boolean causal, long seed,
            KernelPath path) {
        int b = 1;
        int c = heads * d;
        SplittableRandom r = new SplittableRandom(seed);
        float[] qkv = Check.random(r, b * t * 3 * c, 1.5);
        float[] dout = Check.random(r, b * t * c, 2);
        double[] doutd = Check.widen(dout);
        double[] expected = Check.gradient(v -> {
            double[] y = reference(v, 0, t, c, heads, causal);
            double s = 0;
            for (int i = 0; i < y.length; i++) {
                s += doutd[i] * y[i];
            }
            return s;
        }, Check.widen(qkv));
        path.run(() -> {
            float[] out = new float[b * t * c];
            float[] att = new float[b * heads * t * t];
            AttentionKernels.attention(out, att, new float[b * heads * t * t], qkv, b, t, c, heads, causal);
            float[] dqkv = new float[b * t * 3 * c];
            AttentionKernels.attentionBackward(dqkv, new float[b * heads * t * t], dout, qkv, att, b, t, c, heads, causal);
            Check.close(expected, dqkv, "attention backward, t = " + t + (causal ? ", causal" : "") + ", " + path);
        });
    }
}
