package org.bookcheck.check;

import java.util.ArrayList;
import java.util.List;
import org.bookcheck.fixture.PrintedArray;
import org.bookcheck.fixture.PrintedNumber;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.Value;

/** Names the common slips that a mismatch shows: truncation, a lost sign, a power of ten, a copied row, a transpose. */
final class SlipDetector {

    private static final int MAX_EXPONENT = 6;

    private SlipDetector() {
    }

    static List<Slip> detect(PrintedValue printed, Value exact, Comparison comparison) {
        List<Slip> slips = new ArrayList<>();
        List<Comparison.Miss> misses = comparison.misses();
        if (misses.isEmpty() || !(exact instanceof Numeric)) {
            return slips;
        }
        if (misses.stream().allMatch(SlipDetector::truncated)) {
            Comparison.Miss first = misses.get(0);
            slips.add(new Slip.Truncated(first.printed().renderLike(first.exact())));
        }
        if (misses.stream().allMatch(m -> m.exact() != 0 && m.printed().value() != 0 && m.printed().admits(-m.exact(), 0))) {
            slips.add(new Slip.SignDropped());
        }
        // A printed zero stands for every tiny number, so it shows no misplaced decimal point.
        for (int n = -MAX_EXPONENT; n <= MAX_EXPONENT; n++) {
            int exponent = n;
            if (n != 0 && misses.stream().allMatch(m -> m.exact() != 0 && m.printed().value() != 0
                    && m.printed().admits(m.exact() * Math.pow(10, exponent), 0))) {
                slips.add(new Slip.PowerOfTen(exponent));
                break;
            }
        }
        if (printed instanceof PrintedArray a && exact instanceof Matrix m && a.rows() == m.rows() && a.cols() == m.cols()) {
            rowCopies(a, m, misses, slips);
            if (a.rows() == a.cols() && a.rows() > 1 && misses.stream().allMatch(x -> a.element(x.col(), x.row()).admits(x.exact(), 0)
                    && a.element(x.row(), x.col()).admits(m.get(x.col(), x.row()), 0))) {
                slips.add(new Slip.Transposed());
            }
        }
        return slips;
    }

    private static boolean truncated(Comparison.Miss m) {
        PrintedNumber p = m.printed();
        if (p.form() != PrintedNumber.Form.DECIMAL && p.form() != PrintedNumber.Form.PERCENT) {
            return false;
        }
        double cut = p.truncateLike(m.exact());
        return Math.abs(cut - p.value()) <= PrintedNumber.NOISE * Math.max(1, Math.abs(cut));
    }

    private static void rowCopies(PrintedArray a, Matrix m, List<Comparison.Miss> misses, List<Slip> slips) {
        misses.stream().map(Comparison.Miss::row).distinct().forEach(row -> {
            for (int other = 0; other < a.rows(); other++) {
                if (other != row && sameRow(a, row, other)) {
                    slips.add(new Slip.RowCopied(row + 1, other + 1));
                    return;
                }
            }
        });
    }

    private static boolean sameRow(PrintedArray a, int row, int other) {
        for (int c = 0; c < a.cols(); c++) {
            if (a.element(row, c).value() != a.element(other, c).value()) {
                return false;
            }
        }
        return true;
    }
}
