package org.bookcheck.reference;

import net.jqwik.api.Assume;
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

    @Property(tries = 100)
    void elementRowAndColumnAgree(@ForAll("chains") Chain m) {
        Matrix a = m.a();
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                double e = LinearAlgebraOps.element(a, i, j);
                assertEquals(a.get(i, j), e);
                assertEquals(e, LinearAlgebraOps.element(LinearAlgebraOps.row(a, i), j, null));
                assertEquals(e, LinearAlgebraOps.element(LinearAlgebraOps.column(a, j), i, null));
            }
        }
    }

    @Property(tries = 100)
    void stackingTheRowsGivesTheMatrixBackAndConcatJoinsThem(@ForAll("chains") Chain m) {
        Matrix a = m.a();
        Assume.that(a.rows() > 0);
        java.util.List<Numeric> rows = new java.util.ArrayList<>();
        for (int i = 0; i < a.rows(); i++) {
            rows.add(a.row(i));
        }
        assertEquals(a, LinearAlgebraOps.stack(rows));
        Vector joined = LinearAlgebraOps.concat(a.row(0), Vector.of(a.flat()));
        assertEquals(a.cols() + a.size(), joined.size());
        assertElementsClose(a.flat(), java.util.Arrays.copyOfRange(joined.toArray(), a.cols(), joined.size()), EXACT, "second part");
    }

    /** Square whole-number matrices of size 1 to 4. */
    @Provide
    Arbitrary<Matrix[]> squares() {
        return ReferenceArbitraries.dims(1, 4).flatMap(n -> Combinators.combine(
                ReferenceArbitraries.matrices(n, n, ReferenceArbitraries.wholeValues(5)),
                ReferenceArbitraries.matrices(n, n, ReferenceArbitraries.wholeValues(5))).as((a, b) -> new Matrix[] {a, b}));
    }

    @Property(tries = 200)
    void determinantIsMultiplicativeAndTheInverseUndoesTheMatrix(@ForAll("squares") Matrix[] ab) {
        Matrix a = ab[0];
        Matrix b = ab[1];
        double detA = LinearAlgebraOps.determinant(a);
        // whole entries up to 5 in a 4×4: determinants up to 4!·5⁴ = 15000, products up to 2.25e8; LU rounds relative to that
        assertClose(detA * LinearAlgebraOps.determinant(b), LinearAlgebraOps.determinant(times(a, b)), 1e-9, "det(AB) = det A · det B");
        Assume.that(Math.abs(detA) >= 0.5); // whole entries: a non-singular matrix has |det| ≥ 1
        Matrix identity = times(a, LinearAlgebraOps.inverse(a));
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                ReferenceAssertions.assertWithin(i == j ? 1 : 0, identity.get(i, j), 1e-9, "A·A⁻¹ [" + i + "][" + j + "]");
            }
        }
    }

    @Property(tries = 100)
    void aSingleNeuronIsALayerWithOneColumn(@ForAll("chains") Chain m) {
        Matrix x = m.a();
        Matrix w = m.b();
        Assume.that(w.rows() > 0 && w.cols() > 0 && x.rows() > 0);
        Vector firstColumn = LinearAlgebraOps.column(w, 0);
        Numeric asLayer = LinearAlgebraOps.linear(x, w, null);
        Numeric asNeuron = LinearAlgebraOps.linear(x, firstColumn, Scalar.of(2));
        for (int r = 0; r < x.rows(); r++) {
            assertEquals(((Matrix) asLayer).get(r, 0) + 2, asNeuron.at(r), "row " + r);
        }
    }

    /** The 2×2 forms a book works by hand: det = ad − bc and A⁻¹ = [[d, −b], [−c, a]] / (ad − bc). */
    @Property(tries = 300)
    void aTwoByTwoDeterminantIsAdMinusBcAndItsInverseTheAdjugateOverIt(@ForAll("twoByTwo") Matrix m) {
        double a = m.get(0, 0);
        double b = m.get(0, 1);
        double c = m.get(1, 0);
        double d = m.get(1, 1);
        double det = a * d - b * c;
        assertClose(det, LinearAlgebraOps.determinant(m), 1e-12, "det [[a, b], [c, d]] = ad − bc");
        Assume.that(det != 0);
        Matrix inverse = LinearAlgebraOps.inverse(m);
        double[] expected = {d / det, -b / det, -c / det, a / det};
        for (int i = 0; i < 4; i++) {
            ReferenceAssertions.assertWithin(expected[i], inverse.get(i / 2, i % 2), 1e-12, "A⁻¹ [" + i / 2 + "][" + i % 2 + "]");
        }
    }

    @Provide
    Arbitrary<Matrix> twoByTwo() {
        return ReferenceArbitraries.matrices(2, 2, ReferenceArbitraries.wholeValues(9));
    }

    /** A scalar bias is added to every output, of a whole layer as of a single neuron. */
    @Property(tries = 100)
    void aScalarBiasIsAddedToEveryOutput(@ForAll("chains") Chain m, @ForAll("bias") double bias) {
        Assume.that(m.a().rows() > 0 && m.a().cols() > 0 && m.b().cols() > 0);
        double[] without = LinearAlgebraOps.linear(m.a(), m.b(), (Vector) null).flat();
        double[] with = LinearAlgebraOps.linear(m.a(), (Numeric) m.b(), Scalar.of(bias)).flat();
        assertEquals(without.length, with.length);
        for (int i = 0; i < with.length; i++) {
            assertEquals(without[i] + bias, with[i], "output " + i);
        }
    }

    @Provide
    Arbitrary<Double> bias() {
        return ReferenceArbitraries.wholeValues(9);
    }
}
