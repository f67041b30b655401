package org.bookcheck.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints trace steps as the book prints a worked example: Given, Equation, Computation, Result, then
 * the reference check. Kept apart from building the steps, so that the fixtures' trace renderer can
 * take its place.
 */
final class TraceText {

    private final PrintWriter out;
    private final int maxColumns;

    TraceText(PrintWriter out, int maxColumns) {
        this.out = out;
        this.maxColumns = maxColumns;
    }

    void print(int number, TraceStep step) {
        out.printf(Locale.ROOT, "%n### Step %d: %s%n%n", number, step.title());
        out.println("**Given:**");
        step.given().forEach(g -> out.println("- " + g));
        out.println();
        out.println("**Equation:** " + step.equation());
        if (!step.computation().isEmpty()) {
            out.println();
            out.println("**Computation:**");
            step.computation().forEach(c -> out.println("- " + c));
        }
        out.println();
        out.println("**Result:** " + step.resultName() + " (" + step.rows() + "×" + step.cols() + ")");
        for (int r = 0; r < step.rows(); r++) {
            String label = r < step.rowLabels().size() ? step.rowLabels().get(r) : "row " + r;
            out.println("    " + pad(label) + row(step.result(), r * step.cols(), step.cols(), step.resultName().equals("ids")));
        }
        TraceStep.Verification v = step.verification();
        out.printf(Locale.ROOT, "%n%s %s: reference %s (double) agrees, max |Δ| = %.1e (tolerance %.0e)%n",
                v.agrees() ? "✓" : "✗", v.agrees() ? "checked" : "MISMATCH", v.referenceOp(), v.maxDifference(), v.tolerance());
    }

    private String row(float[] x, int off, int n, boolean whole) {
        StringBuilder sb = new StringBuilder("[");
        int shown = Math.min(n, maxColumns);
        for (int j = 0; j < shown; j++) {
            sb.append(j == 0 ? "" : ", ").append(whole ? String.valueOf((int) x[off + j]) : format(x[off + j]));
        }
        if (shown < n) {
            sb.append(", … ").append(n - shown).append(" more, all checked");
        }
        return sb.append(']').toString();
    }

    static String format(float v) {
        return Float.isInfinite(v) ? (v < 0 ? "−∞" : "∞") : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String pad(String label) {
        return String.format(Locale.ROOT, "%-6s ", label);
    }
}
