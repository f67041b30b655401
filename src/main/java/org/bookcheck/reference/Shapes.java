package org.bookcheck.reference;

/** Shape checks shared by the operations; each failure names the operation and both shapes. */
final class Shapes {

    private Shapes() {
    }

    static void requireSame(String op, Numeric a, Numeric b) {
        if (!a.shape().equals(b.shape())) {
            throw new OpException(op + ": the operands must have the same shape, but the first is "
                    + a.shape() + " and the second is " + b.shape());
        }
    }

    static void requireSameLength(String op, String nameA, Vector a, String nameB, Vector b) {
        if (a.size() != b.size()) {
            throw new OpException(op + ": " + nameA + " has length " + a.size() + " and " + nameB
                    + " has length " + b.size() + ": they must have the same length");
        }
    }

    static void requireNonEmpty(String op, Numeric x) {
        if (x.size() == 0) {
            throw new OpException(op + ": needs at least one element, got an empty " + x.kind());
        }
    }
}
