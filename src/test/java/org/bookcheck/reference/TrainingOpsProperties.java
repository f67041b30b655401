package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.TOL_F64;
import static org.bookcheck.reference.ReferenceAssertions.assertClose;
import static org.bookcheck.reference.ReferenceAssertions.assertWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** Residual sums, the gradient step and how an epoch splits into batches (issue 2, item 9). */
class TrainingOpsProperties {

    /** Two values of the same shape (scalar, vector of awkward length, or matrix up to 7×7, empty ones included). */
    @Provide
    Arbitrary<Tuple2<Numeric, Numeric>> sameShapePairs() {
        Arbitrary<Shape> shapes = Arbitraries.oneOf(
                Arbitraries.just(Shape.SCALAR),
                Arbitraries.integers().between(0, 40).map(Shape::vector),
                ReferenceArbitraries.dims(0, 7).flatMap(r -> ReferenceArbitraries.dims(0, 7).map(c -> Shape.matrix(r, c))));
        return shapes.flatMap(s -> ReferenceArbitraries.values(1000).list().ofSize(2 * s.size()).map(l -> {
            double[] all = l.stream().mapToDouble(Double::doubleValue).toArray();
            return Tuple.of(of(s, Arrays.copyOfRange(all, 0, s.size())), of(s, Arrays.copyOfRange(all, s.size(), all.length)));
        }));
    }

    private static Numeric of(Shape s, double[] elements) {
        return switch (s.rank()) {
            case 0 -> Scalar.of(elements[0]);
            case 1 -> Vector.of(elements);
            default -> Matrix.of(s.rows(), s.cols(), elements);
        };
    }

    @Property(tries = 500)
    void residualMinusXIsTheLayersOutput(@ForAll("sameShapePairs") Tuple2<Numeric, Numeric> pair) {
        Numeric fx = pair.get1();
        Numeric x = pair.get2();
        Numeric out = TrainingOps.residual(fx, x);
        assertEquals(x.shape(), out.shape());
        for (int i = 0; i < x.size(); i++) {
            // (f + x) − x rounds once in the sum: an ulp of |f| + |x| ≤ 2000 is 2.3e-13.
            assertClose(fx.at(i), out.at(i) - x.at(i), TOL_F64, "element " + i);
        }
    }

    @Property(tries = 500)
    void weightUpdateWithZeroLearningRateIsTheIdentity(@ForAll("sameShapePairs") Tuple2<Numeric, Numeric> weightsAndGradient) {
        Numeric w = weightsAndGradient.get1();
        Numeric updated = TrainingOps.weightUpdate(w, weightsAndGradient.get2(), 0);
        assertEquals(w.shape(), updated.shape());
        for (int i = 0; i < w.size(); i++) {
            assertTrue(w.at(i) == updated.at(i), "element " + i + ": " + w.at(i) + " became " + updated.at(i));
        }
    }

    @Property(tries = 500)
    void weightUpdateIsLinearInTheLearningRate(@ForAll("sameShapePairs") Tuple2<Numeric, Numeric> weightsAndGradient,
                                               @ForAll(supplier = ReferenceArbitraries.LearningRates.class) double eta1,
                                               @ForAll(supplier = ReferenceArbitraries.LearningRates.class) double eta2) {
        Numeric w = weightsAndGradient.get1();
        Numeric g = weightsAndGradient.get2();
        Numeric both = TrainingOps.weightUpdate(w, g, eta1 + eta2);
        Numeric first = TrainingOps.weightUpdate(w, g, eta1);
        Numeric second = TrainingOps.weightUpdate(w, g, eta2);
        for (int i = 0; i < w.size(); i++) {
            double wi = w.at(i);
            // Each update rounds at the size of |W| + η|g|, so that is what the error scales with, not the step.
            double scale = 1 + Math.abs(wi) + (eta1 + eta2) * Math.abs(g.at(i));
            assertWithin((first.at(i) - wi) + (second.at(i) - wi), both.at(i) - wi, TOL_F64 * scale, "element " + i);
        }
    }

    /** Dataset and batch sizes: small ones often, and ones up to Long.MAX_VALUE. */
    @Provide
    Arbitrary<Tuple2<Long, Long>> datasetAndBatchSizes() {
        Arbitrary<Long> n = Arbitraries.oneOf(Arbitraries.longs().between(0, 5000), Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.of(0L, 1L, Long.MAX_VALUE, Long.MAX_VALUE - 1));
        Arbitrary<Long> b = Arbitraries.oneOf(Arbitraries.longs().between(1, 300), Arbitraries.longs().between(1, Long.MAX_VALUE),
                Arbitraries.of(1L, 2L, 7L, Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE));
        return Combinators.combine(n, b).as(Tuple::of);
    }

    @Property(tries = 1000)
    void batchCountIsTheLeastCountThatCoversN(@ForAll("datasetAndBatchSizes") Tuple2<Long, Long> sizes) {
        BigInteger n = BigInteger.valueOf(sizes.get1());
        BigInteger b = BigInteger.valueOf(sizes.get2());
        BigInteger count = BigInteger.valueOf(TrainingOps.batchCount(sizes.get1(), sizes.get2()));
        // (count − 1)·B < N ≤ count·B, in exact arithmetic (N = 0 gives count 0: −B < 0 ≤ 0).
        assertTrue(count.subtract(BigInteger.ONE).multiply(b).compareTo(n) < 0, () -> "(count − 1)·B ≥ N for count " + count);
        assertTrue(n.compareTo(count.multiply(b)) <= 0, () -> "count·B < N for count " + count);
    }

    @Provide
    Arbitrary<Tuple2<Long, Long>> workedExampleSizes() {
        return Combinators.combine(Arbitraries.oneOf(Arbitraries.of(0L, 1L, 997L, 1000L), Arbitraries.longs().between(0, 3000)),
                Arbitraries.oneOf(Arbitraries.of(1L, 2L, 3L, 32L, 1000L), Arbitraries.longs().between(1, 400))).as(Tuple::of);
    }

    @Property(tries = 500)
    void batchRangesPartitionTheExamples(@ForAll("workedExampleSizes") Tuple2<Long, Long> sizes) {
        long n = sizes.get1();
        long b = sizes.get2();
        Matrix ranges = TrainingOps.batchRanges(n, b);
        assertEquals(Shape.matrix((int) TrainingOps.batchCount(n, b), 2), ranges.shape());
        long next = 0; // the first example no batch has covered yet
        for (int k = 0; k < ranges.rows(); k++) {
            double first = ranges.get(k, 0);
            double last = ranges.get(k, 1);
            // contiguous: each batch starts right after the previous one, so batches are disjoint and leave no gap
            assertEquals(next, first, "batch " + k + " starts where the previous ended");
            assertTrue(first <= last && last - first + 1 <= b, "batch " + k + " holds 1.." + b + " examples: " + first + ".." + last);
            next = (long) last + 1;
        }
        assertEquals(n, next, "the batches cover 0..N−1 exactly");
    }
}
