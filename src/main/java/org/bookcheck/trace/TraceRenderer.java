package org.bookcheck.trace;

import java.util.List;

/**
 * Writes a trace in the chapter's layout (Given, Equation to solve, Computation, Result) as plain
 * text, as Markdown with MathJax math ({@code $...$}, bmatrix, {@code aligned}), or as LaTeX
 * ({@code align*}, amsmath): the same layout and number formatting for a fixture's trace and for the
 * model's ({@link ModelTraceBuilder}).
 */
public final class TraceRenderer {

    private TraceRenderer() {
    }

    public static String render(Trace trace, TraceFormat format) {
        return switch (format) {
            case TEXT -> text(trace);
            case MARKDOWN -> markdown(trace);
            case LATEX -> latex(trace);
        };
    }

    // ---- text ---------------------------------------------------------------------------------

    public static String text(Trace t) {
        StringBuilder out = new StringBuilder();
        out.append("Trace of ").append(t.id()).append(": ").append(t.title()).append('\n');
        out.append(t.location()).append(" · claim: ").append(t.claim()).append("\n\n");
        out.append("Given:\n");
        if (t.given().isEmpty()) {
            out.append("  (no inputs)\n");
        }
        for (Trace.Given g : t.given()) {
            out.append("  ").append(g.name()).append(" = ").append(ExprText.render(g.value()))
                    .append(g.where().isEmpty() ? "" : "   (" + g.where() + ")").append('\n');
        }
        for (Trace.StepTrace s : t.steps()) {
            out.append("\nStep ").append(s.number()).append(" of ").append(t.steps().size()).append(": ").append(s.calculation()).append('\n');
            out.append("  [").append(s.formula()).append("]\n");
            if (!s.note().isEmpty()) {
                out.append("  ").append(s.note()).append('\n');
            }
            out.append("Equation to solve:\n  ").append(ExprText.equation(s.equation())).append('\n');
            out.append("Computation:\n");
            for (Trace.Block b : s.computation()) {
                String indent = "  ";
                if (!b.caption().isEmpty()) {
                    out.append("  ").append(b.caption()).append(":\n");
                    indent = "    ";
                }
                for (Equation line : b.lines()) {
                    out.append(indent).append(ExprText.equation(line)).append('\n');
                }
                if (b.more() > 0) {
                    out.append(indent).append(more(b)).append('\n');
                }
            }
            out.append("Result:\n  ").append(ExprText.equation(s.result())).append('\n');
            s.book().ifPresent(m -> out.append("  ").append(markText(m)).append('\n'));
            s.checks().forEach(c -> out.append("  ").append(checkText(c)).append('\n'));
        }
        if (!t.checks().isEmpty()) {
            out.append('\n');
            t.checks().forEach(c -> out.append(checkText(c)).append('\n'));
        }
        return out.toString();
    }

    /** {@code ✓ the book prints 0.15 (line 37): ok; exact 0.15}, or the ✗ with the exact value at the printed precision. */
    public static String markText(Trace.BookMark m) {
        return (m.ok() ? "✓" : "✗") + " the book prints " + m.printed() + " (line " + m.line() + "): " + m.verdict() + "; exact "
                + m.exact() + (m.ok() ? "" : ", which at the printed precision is " + m.atPrecision());
    }

    /** {@code ✓ checked against the reference ...}, or the ✗ and what disagrees. */
    public static String checkText(Trace.Check c) {
        return (c.ok() ? "✓ " : "✗ ") + c.text();
    }

    /** What a block leaves out: {@code … 93 more, all checked}. */
    private static String more(Trace.Block b) {
        return "… " + b.more() + " more, all checked";
    }

    // ---- Markdown -----------------------------------------------------------------------------

    public static String markdown(Trace t) {
        StringBuilder out = new StringBuilder();
        out.append("### Trace of `").append(t.id()).append("`: ").append(escapeMarkdown(t.title())).append("\n\n");
        out.append(t.location()).append(" · claim: ").append(t.claim()).append("\n\n");
        out.append("**Given:**\n\n");
        for (Trace.Given g : t.given()) {
            out.append("- $").append(ExprLatex.name(g.name())).append(" = ").append(ExprLatex.render(g.value())).append('$')
                    .append(g.where().isEmpty() ? "" : " (" + g.where() + ")").append('\n');
        }
        if (t.given().isEmpty()) {
            out.append("- (no inputs)\n");
        }
        for (Trace.StepTrace s : t.steps()) {
            out.append("\n#### Step ").append(s.number()).append(" of ").append(t.steps().size()).append(": `").append(s.calculation())
                    .append("`\n\n");
            out.append('*').append(escapeMarkdown(s.formula())).append("*\n\n");
            if (!s.note().isEmpty()) {
                out.append(escapeMarkdown(s.note())).append("\n\n");
            }
            out.append("**Equation to solve:**\n$$").append(ExprLatex.equation(s.equation(), false)).append("$$\n\n");
            out.append("**Computation:**\n\n");
            for (Trace.Block b : s.computation()) {
                if (!b.caption().isEmpty()) {
                    out.append('*').append(escapeMarkdown(b.caption())).append(":*\n");
                }
                out.append(aligned(b.lines(), "$$\\begin{aligned}", "\\end{aligned}$$")).append("\n\n");
                if (b.more() > 0) {
                    out.append('*').append(more(b)).append("*\n\n");
                }
            }
            out.append("**Result:** $").append(ExprLatex.equation(s.result(), false)).append("$\n");
            s.book().ifPresent(m -> out.append("\n").append(escapeMarkdown(markText(m))).append('\n'));
            s.checks().forEach(c -> out.append("\n").append(escapeMarkdown(checkText(c))).append('\n'));
        }
        t.checks().forEach(c -> out.append("\n**").append(escapeMarkdown(checkText(c))).append("**\n"));
        return out.toString();
    }

    private static String aligned(List<Equation> lines, String open, String close) {
        StringBuilder out = new StringBuilder(open).append('\n');
        for (int i = 0; i < lines.size(); i++) {
            out.append(ExprLatex.equation(lines.get(i), true)).append(i < lines.size() - 1 ? " \\\\" : "").append('\n');
        }
        return out.append(close).toString();
    }

    private static String escapeMarkdown(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("[", "\\[").replace("]", "\\]")
                .replace("<", "&lt;");
    }

    // ---- LaTeX --------------------------------------------------------------------------------

    public static String latex(Trace t) {
        StringBuilder out = new StringBuilder();
        out.append("% Worked trace of ").append(t.id()).append(" generated by bookcheck (needs amsmath and amssymb)\n");
        out.append("\\subsection*{Trace of ").append(ExprLatex.text(t.id())).append(": ").append(ExprLatex.text(t.title())).append("}\n");
        out.append(ExprLatex.text(t.location())).append(" --- claim: ").append(t.claim()).append("\n\n");
        out.append("\\paragraph{Given}\n\\begin{itemize}\n");
        for (Trace.Given g : t.given()) {
            out.append("  \\item $").append(ExprLatex.name(g.name())).append(" = ").append(ExprLatex.render(g.value())).append('$')
                    .append(g.where().isEmpty() ? "" : " (" + g.where() + ")").append('\n');
        }
        if (t.given().isEmpty()) {
            out.append("  \\item (no inputs)\n");
        }
        out.append("\\end{itemize}\n");
        for (Trace.StepTrace s : t.steps()) {
            out.append("\n\\paragraph{Step ").append(s.number()).append(" of ").append(t.steps().size()).append("} \\texttt{")
                    .append(ExprLatex.text(s.calculation())).append("}\\\\\n");
            out.append("\\emph{").append(ExprLatex.text(s.formula())).append("}\n\n");
            if (!s.note().isEmpty()) {
                out.append(ExprLatex.text(s.note())).append("\n\n");
            }
            out.append("\\textbf{Equation to solve:}\n\\[ ").append(ExprLatex.equation(s.equation(), false)).append(" \\]\n");
            out.append("\\textbf{Computation:}\n");
            for (Trace.Block b : s.computation()) {
                if (!b.caption().isEmpty()) {
                    out.append("\\emph{").append(ExprLatex.text(b.caption())).append(":}\n");
                }
                out.append(aligned(b.lines(), "\\begin{align*}", "\\end{align*}")).append('\n');
                if (b.more() > 0) {
                    out.append("\\emph{").append(ExprLatex.text(more(b))).append("}\n");
                }
            }
            out.append("\\textbf{Result:} $").append(ExprLatex.equation(s.result(), false)).append("$\n");
            s.book().ifPresent(m -> out.append("\n").append(ExprLatex.text(markText(m))).append('\n'));
            s.checks().forEach(c -> out.append("\n").append(ExprLatex.text(checkText(c))).append('\n'));
        }
        t.checks().forEach(c -> out.append("\n\\textbf{").append(ExprLatex.text(checkText(c))).append("}\n"));
        return out.toString();
    }
}
