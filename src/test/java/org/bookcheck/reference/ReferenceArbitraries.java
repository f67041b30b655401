package org.bookcheck.reference;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators for the reference op properties. Sizes favour the awkward ones (1, primes, 0 where an op
 * allows it), values include their bounds and small pools of repeats, so ties and extremes are common
 * rather than lucky.
 */
final class ReferenceArbitraries {

    /** The largest logit the softmax properties use: e^±100 spans what double can hold without underflow to 0. */
    static final double LOGIT_BOUND = 50;

    private ReferenceArbitraries() {
    }

    /** Vector lengths: 1, small primes and 31 often, anything up to 40 otherwise. */
    static Arbitrary<Integer> lengths() {
        return Arbitraries.oneOf(Arbitraries.of(1, 2, 3, 5, 7, 11, 13, 31), Arbitraries.integers().between(1, 40));
    }

    /** Matrix dimensions in [min, max], with min, 1 and the primes up to max often. */
    static Arbitrary<Integer> dims(int min, int max) {
        return Arbitraries.oneOf(Arbitraries.of(min, Math.max(min, 1), Math.min(max, 2), Math.min(max, 3), Math.min(max, 5), max),
                Arbitraries.integers().between(min, max));
    }

    /** Numbers in [−bound, bound]: six decimals mostly, the bounds, 0 and ±1 often, so ties and extremes appear. */
    static Arbitrary<Double> values(double bound) {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.doubles().between(-bound, bound).ofScale(6)),
                Tuple.of(1, Arbitraries.of(-bound, -1.0, 0.0, 1.0, bound)));
    }

    /** Whole numbers in [−bound, bound], as doubles: products and sums of these are exact in double. */
    static Arbitrary<Double> wholeValues(int bound) {
        return Arbitraries.integers().between(-bound, bound).map(Integer::doubleValue);
    }

    static Arbitrary<double[]> arrays(Arbitrary<Integer> lengths, Arbitrary<Double> elements) {
        return lengths.flatMap(n -> elements.list().ofSize(n)).map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static Arbitrary<Matrix> matrices(Arbitrary<Integer> rows, Arbitrary<Integer> cols, Arbitrary<Double> elements) {
        return Combinators.combine(rows, cols).flatAs((r, c) -> matrices(r, c, elements));
    }

    static Arbitrary<Matrix> matrices(int rows, int cols, Arbitrary<Double> elements) {
        return elements.list().ofSize(rows * cols).map(l -> Matrix.of(rows, cols, l.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /** Softmax inputs: awkward lengths, values in [−50, 50]. */
    static final class Logits implements ArbitrarySupplier<double[]> {
        @Override
        public Arbitrary<double[]> get() {
            return arrays(lengths(), values(LOGIT_BOUND));
        }
    }

    /** Rows of softmax inputs: 1 to 7 rows of 1 to 13 logits. */
    static final class LogitMatrices implements ArbitrarySupplier<Matrix> {
        @Override
        public Arbitrary<Matrix> get() {
            return matrices(dims(1, 7), dims(1, 13), values(LOGIT_BOUND));
        }
    }

    /** Data for statistics: awkward lengths, values in [−1000, 1000]. */
    static final class Samples implements ArbitrarySupplier<double[]> {
        @Override
        public Arbitrary<double[]> get() {
            return arrays(lengths(), values(1000));
        }
    }

    /** A learning rate in [0, 2], with 0 and the book's 0.1 often. */
    static final class LearningRates implements ArbitrarySupplier<Double> {
        @Override
        public Arbitrary<Double> get() {
            return Arbitraries.oneOf(Arbitraries.of(0.0, 0.1, 1.0), Arbitraries.doubles().between(0, 2).ofScale(6));
        }
    }
}
