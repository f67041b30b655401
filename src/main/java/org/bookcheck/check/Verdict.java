package org.bookcheck.check;

import java.util.List;
import org.bookcheck.fixture.Tolerance;

/** What the check found for one printed value. */
public sealed interface Verdict {

    /** Whether the printed value is right (within rounding, tolerance, or carried rounding). */
    boolean isOk();

    /** A short label for reports: {@code ok}, {@code ok (rounding carried)}, {@code mismatch}, ... */
    String label();

    /** The printed digits stand for the exact value. */
    record Ok() implements Verdict {
        @Override
        public boolean isOk() {
            return true;
        }

        @Override
        public String label() {
            return "ok";
        }
    }

    /** Outside the printed precision but within the fixture's stated tolerance. */
    record OkWithinTolerance(Tolerance tolerance) implements Verdict {
        @Override
        public boolean isOk() {
            return true;
        }

        @Override
        public String label() {
            return "ok (within stated tolerance ±" + ValueText.exact(tolerance.absolute()) + ")";
        }
    }

    /**
     * Wrong against the exact chain, right against the chain computed from the book's own rounded
     * intermediates: the difference comes only from rounding the book carried forward.
     */
    record OkRoundingCarried(List<String> carriedFrom, double carriedValue, String interval) implements Verdict {
        @Override
        public boolean isOk() {
            return true;
        }

        @Override
        public String label() {
            return "ok (rounding carried)";
        }
    }

    /** The printed value is wrong: an origin of error, possibly with the slips that explain it. */
    record Mismatch(List<Slip> slips) implements Verdict {
        @Override
        public boolean isOk() {
            return false;
        }

        @Override
        public String label() {
            return "mismatch";
        }
    }

    /**
     * Wrong, but it follows correctly from wrong printed values of earlier steps (the origins); {@code from}
     * names the wrong elements themselves, so only what was computed from them is blamed on them.
     */
    record Propagated(List<String> origins, List<ElementRef> from) implements Verdict {

        public Propagated {
            origins = List.copyOf(origins);
            from = List.copyOf(from);
        }

        @Override
        public boolean isOk() {
            return false;
        }

        @Override
        public String label() {
            return "propagated";
        }
    }
}
