package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.EXACT;
import static org.bookcheck.reference.ReferenceAssertions.assertClose;
import static org.bookcheck.reference.ReferenceAssertions.assertElementsClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Matrix products on whole-number entries from −9 to 9, so that every product and sum is exact in
 * double and the identities hold with no tolerance at all. Dimensions run from 0 (empty matrices) to 7.
 */
class LinearAlgebraOpsProperties {

    record Chain(Matrix a, Matrix b, Matrix c) {
    }

    private static final int MAX_DIM = 7;

    /** A (p×q), B (q×r), C (r×s): conformable for ABC, any dimension possibly 0. */
    @Provide
    Arbitrary<Chain> chains() {
        Arbitrary<Integer> dim = ReferenceArbitraries.dims(0, MAX_DIM);
        Arbitrary<Double> x = ReferenceArbitraries.wholeValues(9);
        return Combinators.combine(dim, dim, dim, dim).flatAs((p, q, r, s) -> Combinators.combine(
                ReferenceArbitraries.matrices(p, q, x), ReferenceArbitraries.matrices(q, r, x), ReferenceArbitraries.matrices(r, s, x))
                .as(Chain::new));
    }

    private static Matrix times(Matrix a, Matrix b) {
        return (Matrix) LinearAlgebraOps.matmul(a, b);
    }

    @Property(tries = 300)
    void matmulFollowsTheDefinition(@ForAll("chains") Chain m) {
        Matrix a = m.a();
        Matrix b = m.b();
        Matrix ab = times(a, b);
        assertEquals(Shape.matrix(a.rows(), b.cols()), ab.shape());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double sum = 0;
                for (int k = 0; k < a.cols(); k++) {
                    sum += a.get(i, k) * b.get(k, j);
                }
                assertClose(sum, ab.get(i, j), EXACT, "(AB)[" + i + "][" + j + "]");
            }
        }
    }

    @Property(tries = 300)
    void matmulIsAssociative(@ForAll("chains") Chain m) {
        Matrix left = times(times(m.a(), m.b()), m.c());
        Matrix right = times(m.a(), times(m.b(), m.c()));
        assertEquals(left.shape(), right.shape());
        assertElementsClose(left.flat(), right.flat(), EXACT, "(AB)C against A(BC)");
    }

    @Property(tries = 300)
    void theTransposeOfAProductIsTheProductOfTransposesReversed(@ForAll("chains") Chain m) {
        Matrix abT = LinearAlgebraOps.transpose(times(m.a(), m.b()));
        Matrix bTaT = times(LinearAlgebraOps.transpose(m.b()), LinearAlgebraOps.transpose(m.a()));
        assertEquals(abT.shape(), bTaT.shape());
        assertElementsClose(abT.flat(), bTaT.flat(), EXACT, "(AB)ᵀ against BᵀAᵀ");
    }

    @Property(tries = 300)
    void vectorsActAsColumnsOnTheRightAndRowsOnTheLeft(@ForAll("chains") Chain m) {
        Matrix a = m.a();
        Matrix b = m.b();
        // A times column j of B is column j of AB; row i of A times B is row i of AB.
        Matrix ab = times(a, b);
        Matrix bT = LinearAlgebraOps.transpose(b);
        for (int j = 0; j < b.cols(); j++) {
            assertElementsClose(LinearAlgebraOps.transpose(ab).row(j).toArray(), ((Vector) LinearAlgebraOps.matmul(a, bT.row(j))).toArray(),
                    EXACT, "A·b" + j);
        }
        for (int i = 0; i < a.rows(); i++) {
            assertElementsClose(ab.row(i).toArray(), ((Vector) LinearAlgebraOps.matmul(a.row(i), b)).toArray(), EXACT, "a" + i + "·B");
        }
    }
}
