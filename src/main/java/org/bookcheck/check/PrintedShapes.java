package org.bookcheck.check;

import java.util.Optional;
import org.bookcheck.fixture.PrintedArray;
import org.bookcheck.fixture.PrintedBool;
import org.bookcheck.fixture.PrintedNumber;
import org.bookcheck.fixture.PrintedTokens;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.reference.Bool;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.Tokens;
import org.bookcheck.reference.Value;
import org.bookcheck.reference.Vector;

/**
 * Whether a printed value can stand for a computed one (a number for a scalar, a list or a single
 * row or column for a vector, a grid of the same size for a matrix), and the printed value as a value
 * of the computed shape, for carrying the book's own numbers forward.
 */
public final class PrintedShapes {

    private PrintedShapes() {
    }

    /**
     * Whether the printed value stands for a computed one of its shape, every element at its printed precision (no
     * tolerance beyond it), as a step's finding judges it.
     */
    public static boolean standsFor(PrintedValue printed, Value computed) {
        return mismatch(printed, computed).isEmpty() && Comparison.of(printed, computed, 0).consistent();
    }

    /** Why the printed value cannot stand for the computed one, if it cannot. */
    public static Optional<String> mismatch(PrintedValue printed, Value computed) {
        boolean fits = switch (printed) {
            case PrintedNumber n -> computed instanceof Numeric x && x.size() == 1;
            case PrintedBool b -> computed instanceof Bool;
            case PrintedTokens t -> computed instanceof Tokens;
            case PrintedArray a -> switch (computed) {
                case Vector v -> a.isVectorLike() && a.size() == v.size();
                case Matrix m -> (a.rows() == m.rows() && a.cols() == m.cols())
                        || (a.layout() == PrintedArray.Layout.LIST && (m.rows() == 1 || m.cols() == 1) && a.size() == m.size());
                default -> false;
            };
        };
        if (fits) {
            return Optional.empty();
        }
        return Optional.of("the book prints " + printed.describeShape() + " (" + printed.text() + ") but the step computes a "
                + computed.kind() + " (" + computed.describeShape() + ")");
    }

    /** The printed value as a value shaped like the computed one; the shapes must already fit. */
    static Value asValueLike(PrintedValue printed, Value computed) {
        return switch (printed) {
            case PrintedNumber n -> ((Numeric) computed).withFlat(new double[] {n.value()});
            case PrintedBool b -> new Bool(b.value());
            case PrintedTokens t -> new Tokens(t.tokens());
            case PrintedArray a -> ((Numeric) computed).withFlat(a.elements().stream().mapToDouble(PrintedNumber::value).toArray());
        };
    }
}
