package org.bookcheck.cli;

import java.util.List;

/**
 * One worked step of a model trace, in the book's layout: what is given, the equation, the
 * computation, the result, and how the result compares with the double-precision reference op.
 */
record TraceStep(String title, List<String> given, String equation, List<String> computation, String resultName,
        float[] result, int rows, int cols, List<String> rowLabels, Verification verification) {

    /** The float32 result against the reference computed from the same inputs in double. */
    record Verification(String referenceOp, double maxDifference, double tolerance) {
        boolean agrees() {
            return maxDifference <= tolerance;
        }
    }

    TraceStep {
        given = List.copyOf(given);
        computation = List.copyOf(computation);
        rowLabels = List.copyOf(rowLabels);
    }
}
