package org.bookcheck.check;

import java.util.ArrayList;
import java.util.List;
import org.bookcheck.fixture.PrintedArray;
import org.bookcheck.fixture.PrintedBool;
import org.bookcheck.fixture.PrintedNumber;
import org.bookcheck.fixture.PrintedTokens;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.reference.Bool;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.Tokens;
import org.bookcheck.reference.Value;

/**
 * A printed value compared with a computed one, element by element, at the printed precision (or a
 * stated tolerance): which elements the printed digits cannot stand for, and by how much.
 */
record Comparison(boolean consistent, List<Miss> misses, double maxDifference) {

    /** One printed element that does not stand for its exact value; row and column count from 0. */
    record Miss(int index, int row, int col, PrintedNumber printed, double exact) {
    }

    static Comparison of(PrintedValue printed, Value value, double tolerance) {
        return switch (printed) {
            case PrintedNumber n -> numbers(List.of(n), 1, (Numeric) value, tolerance);
            case PrintedArray a -> numbers(a.elements(), a.cols(), (Numeric) value, tolerance);
            case PrintedTokens t -> new Comparison(value instanceof Tokens v && v.tokens().equals(t.tokens()), List.of(), 0);
            case PrintedBool b -> new Comparison(value instanceof Bool v && v.value() == b.value(), List.of(), 0);
        };
    }

    private static Comparison numbers(List<PrintedNumber> printed, int cols, Numeric value, double tolerance) {
        List<Miss> misses = new ArrayList<>();
        double max = 0;
        for (int i = 0; i < printed.size(); i++) {
            PrintedNumber p = printed.get(i);
            double exact = value.at(i);
            double d = Math.abs(exact - p.value());
            if (!Double.isNaN(d)) {
                max = Math.max(max, Double.isInfinite(d) && p.value() == exact ? 0 : d);
            }
            if (!p.admits(exact, tolerance)) {
                misses.add(new Miss(i, i / cols, i % cols, p, exact));
            }
        }
        return new Comparison(misses.isEmpty(), List.copyOf(misses), max);
    }
}
