package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.TOL_F64;
import static org.bookcheck.reference.ReferenceAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Attention weights and context vectors on generated queries, keys and values (issue 2, item 9). */
class AttentionOpsProperties {

    /** Queries, keys and values: n queries, m keys and values, width d of Q and K, width e of V. */
    record Qkv(Matrix q, Matrix k, Matrix v) {
    }

    private static final int MAX_POSITIONS = 7;
    private static final int MAX_WIDTH = 5;
    /** |q·k|/√d ≤ 25√5 ≈ 56 for entries within ±5: scores differ by < 112, so no unmasked weight underflows to 0. */
    private static final double ENTRY_BOUND = 5;

    private static Arbitrary<Qkv> qkv(Arbitrary<Integer> queries, boolean sameCount) {
        Arbitrary<Double> x = ReferenceArbitraries.values(ENTRY_BOUND);
        return Combinators.combine(queries, ReferenceArbitraries.dims(1, MAX_POSITIONS), ReferenceArbitraries.dims(1, MAX_WIDTH),
                        ReferenceArbitraries.dims(1, MAX_WIDTH))
                .flatAs((n, m, d, e) -> {
                    int keys = sameCount ? n : m;
                    return Combinators.combine(ReferenceArbitraries.matrices(n, d, x), ReferenceArbitraries.matrices(keys, d, x),
                            ReferenceArbitraries.matrices(keys, e, x)).as(Qkv::new);
                });
    }

    @Provide
    Arbitrary<Qkv> anyQkv() {
        return qkv(ReferenceArbitraries.dims(1, MAX_POSITIONS), false);
    }

    @Provide
    Arbitrary<Qkv> selfAttention() {
        return qkv(ReferenceArbitraries.dims(1, MAX_POSITIONS), true);
    }

    private static Matrix weights(Qkv a, boolean causal) {
        return (Matrix) ActivationOps.softmax(AttentionOps.attentionScores(a.q(), a.k(), causal));
    }

    @Property(tries = 300)
    void attentionWeightRowsSumToOne(@ForAll("anyQkv") Qkv a) {
        Matrix w = weights(a, false);
        assertEquals(Shape.matrix(a.q().rows(), a.k().rows()), w.shape());
        for (int i = 0; i < w.rows(); i++) {
            double sum = 0;
            for (double x : w.row(i).toArray()) {
                assertTrue(x > 0, "weight " + x + " in row " + i);
                sum += x;
            }
            assertClose(1, sum, TOL_F64, "Σ weights of row " + i);
        }
    }

    @Property(tries = 300)
    void causalMaskingGivesZeroWeightToLaterPositionsOnly(@ForAll("selfAttention") Qkv a) {
        Matrix w = weights(a, true);
        for (int i = 0; i < w.rows(); i++) {
            double sum = 0;
            for (int j = 0; j < w.cols(); j++) {
                if (j > i) {
                    assertEquals(0.0, w.get(i, j), "position " + i + " attends to later position " + j);
                } else {
                    assertTrue(w.get(i, j) > 0, "position " + i + " ignores earlier position " + j);
                }
                sum += w.get(i, j);
            }
            assertClose(1, sum, TOL_F64, "Σ weights of row " + i);
        }
    }

    @Property(tries = 300)
    void contextVectorsOfConstantValuesAreThatConstant(@ForAll("anyQkv") Qkv a) {
        // With every value 1, each context vector is Σ weights = 1: the weights sum to 1 through the op itself.
        double[] ones = new double[a.v().rows() * a.v().cols()];
        Arrays.fill(ones, 1);
        Matrix context = AttentionOps.attention(a.q(), a.k(), Matrix.of(a.v().rows(), a.v().cols(), ones), false);
        assertEquals(Shape.matrix(a.q().rows(), a.v().cols()), context.shape());
        for (double c : context.flat()) {
            assertClose(1, c, TOL_F64, "context element");
        }
    }

    @Property(tries = 300)
    void underTheCausalMaskLaterValuesDoNotChangeEarlierContext(@ForAll("selfAttention") Qkv a,
                                                                @ForAll @IntRange(min = 0, max = MAX_POSITIONS - 1) int split) {
        // Replace the values of every position after k with other numbers: positions 0..k must not notice.
        Matrix v = a.v();
        int k = split % v.rows();
        double[] changed = v.flat();
        for (int i = (k + 1) * v.cols(); i < changed.length; i++) {
            changed[i] = 10 + changed[i] * 3;
        }
        Matrix before = AttentionOps.attention(a.q(), a.k(), v, true);
        Matrix after = AttentionOps.attention(a.q(), a.k(), Matrix.of(v.rows(), v.cols(), changed), true);
        for (int i = 0; i <= k; i++) {
            assertArrayEquals(before.row(i).toArray(), after.row(i).toArray(), "context of position " + i);
        }
        assertArrayEquals(v.row(0).toArray(), before.row(0).toArray(), "position 0 sees only its own value");
    }
}
