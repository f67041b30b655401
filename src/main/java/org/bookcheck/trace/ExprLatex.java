package org.bookcheck.trace;

import java.util.List;
import java.util.stream.Collectors;

/** Renders expressions as LaTeX math the chapter's MathJax (or a LaTeX book) typesets: bmatrix, \frac, \times. */
final class ExprLatex {

    private ExprLatex() {
    }

    static String render(Expr e) {
        return switch (e) {
            case Expr.Num n -> number(n.text());
            case Expr.Sym s -> name(s.name());
            case Expr.Words w -> "\\text{" + text(w.text()) + "}";
            case Expr.Bin b -> binary(b);
            case Expr.Call c -> call(c);
            case Expr.Frac f -> "\\frac{" + render(f.numerator()) + "}{" + render(f.denominator()) + "}";
            case Expr.Pow p -> power(p);
            case Expr.Neg n -> "-" + wrap(n.operand(), ExprText.Precedence.of(n.operand()) <= ExprText.Precedence.PRODUCT
                    || ExprText.negative(n.operand()));
            case Expr.Grid g -> grid(g);
        };
    }

    /** The sides joined by =, the first = aligned with {@code &} when {@code aligned}. */
    static String equation(Equation eq, boolean aligned) {
        List<String> sides = eq.sides().stream().map(ExprLatex::render).toList();
        if (sides.size() == 1) {
            return sides.get(0);
        }
        return sides.get(0) + (aligned ? " &= " : " = ") + String.join(" = ", sides.subList(1, sides.size()));
    }

    private static String binary(Expr.Bin bin) {
        Expr.Bin b = ExprText.signed(bin);
        int p = ExprText.Precedence.ofOp(b.op());
        String left = wrap(b.left(), ExprText.Precedence.of(b.left()) < p);
        boolean rightParens = ExprText.Precedence.of(b.right()) < p
                || (ExprText.Precedence.of(b.right()) == p && !(b.op().equals("+") || b.op().equals("×") || b.op().equals("·")))
                || (ExprText.negative(b.right()) && p >= ExprText.Precedence.SUM);
        String right = wrap(b.right(), rightParens);
        String op = switch (b.op()) {
            case "×" -> " \\times ";
            case "·" -> " \\cdot ";
            case "−" -> " - ";
            case "÷" -> " \\div ";
            case "⊙" -> " \\odot ";
            case "" -> " \\, ";
            default -> " " + b.op() + " ";
        };
        return left + op + right;
    }

    private static String call(Expr.Call c) {
        String args = c.args().stream().map(ExprLatex::render).collect(Collectors.joining(", "));
        return switch (c.function()) {
            case "" -> "\\left(" + args + "\\right)";
            case "√" -> "\\sqrt{" + args + "}";
            case "⌈⌉" -> "\\left\\lceil " + args + " \\right\\rceil";
            case "| |" -> "\\lvert " + args + " \\rvert";
            case "ln", "exp", "max", "min", "tanh" -> "\\" + c.function() + "\\left(" + args + "\\right)";
            default -> "\\operatorname{" + c.function().replace("_", "\\_") + "}\\left(" + args + "\\right)";
        };
    }

    private static String power(Expr.Pow p) {
        String base = wrap(p.base(), ExprText.Precedence.of(p.base()) < ExprText.Precedence.ATOM || ExprText.negative(p.base()));
        if (p.exponent() instanceof Expr.Sym s && s.name().equals("T")) {
            return base + "^{\\top}";
        }
        return "{" + base + "}^{" + render(p.exponent()) + "}";
    }

    /** A bmatrix; a large one shows its first rows and columns, then ⋯ and ⋮, and its whole shape as a subscript. */
    private static String grid(Expr.Grid g) {
        String body;
        int cols = g.rows().isEmpty() ? 0 : g.rows().get(0).size();
        if (g.vector()) {
            body = g.rows().get(0).stream().map(ExprLatex::render).collect(Collectors.joining(" \\\\ "))
                    + (g.moreCols() > 0 ? " \\\\ \\vdots" : "");
        } else {
            String moreCols = g.moreCols() > 0 ? " & \\cdots" : "";
            body = g.rows().stream().map(r -> r.stream().map(ExprLatex::render).collect(Collectors.joining(" & ")) + moreCols)
                    .collect(Collectors.joining(" \\\\ "));
            if (g.moreRows() > 0) {
                body += " \\\\ " + String.join(" & ", java.util.Collections.nCopies(cols, "\\vdots")) + (g.moreCols() > 0 ? " & \\ddots" : "");
            }
        }
        String shape = !g.elided() ? "" : g.vector() ? "_{" + (cols + g.moreCols()) + "}"
                : "_{" + (g.rows().size() + g.moreRows()) + " \\times " + (cols + g.moreCols()) + "}";
        return "\\begin{bmatrix} " + body + " \\end{bmatrix}" + shape;
    }

    private static String wrap(Expr e, boolean parens) {
        return parens ? "\\left(" + render(e) + "\\right)" : render(e);
    }

    static String number(String text) {
        return text.replace("−", "-").replace("∞", "\\infty").replace("%", "\\%");
    }

    /** A name as math: multi-letter words upright with escaped underscores, Greek letters and marks as macros. */
    static String name(String name) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < name.length()) {
            int j = i;
            while (j < name.length() && (Character.isLetterOrDigit(name.charAt(j)) || name.charAt(j) == '_')
                    && name.charAt(j) < 0x80) {
                j++;
            }
            if (j > i) {
                String word = name.substring(i, j);
                out.append(word.length() == 1 ? word : "\\mathrm{" + word.replace("_", "\\_") + "}");
                i = j;
                continue;
            }
            out.append(symbol(name.charAt(i)));
            i++;
        }
        return out.toString();
    }

    private static String symbol(char c) {
        return switch (c) {
            case 'μ' -> "\\mu ";
            case 'σ' -> "\\sigma ";
            case 'Σ' -> "\\Sigma ";
            case 'ε' -> "\\varepsilon ";
            case 'π' -> "\\pi ";
            case 'γ' -> "\\gamma ";
            case 'β' -> "\\beta ";
            case 'η' -> "\\eta ";
            case '²' -> "^2";
            case '³' -> "^3";
            case '−' -> "-";
            case '×' -> "\\times ";
            case '·' -> "\\cdot ";
            case '√' -> "\\surd ";
            case '∞' -> "\\infty ";
            case 'ᵢ' -> "_i";
            case 'ᵀ' -> "^{\\top}";
            case '′' -> "'";
            case '∇' -> "\\nabla ";
            case '∂' -> "\\partial ";
            case '…' -> "\\cdots ";
            case '{', '}', '%', '#', '&', '$' -> "\\" + c;
            case ' ' -> "\\ ";
            default -> String.valueOf(c);
        };
    }

    /** Text for \text{...} or LaTeX prose: special characters escaped, math symbols as inline math. */
    static String text(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(switch (c) {
                case '\\' -> "\\textbackslash{}";
                case '{', '}', '%', '#', '&', '$', '_' -> "\\" + c;
                case '^' -> "\\^{}";
                case '~' -> "\\~{}";
                case '−' -> "-";
                case '×' -> "$\\times$";
                case '·' -> "$\\cdot$";
                case '≈' -> "$\\approx$";
                case '÷' -> "$\\div$";
                case '∇' -> "$\\nabla$";
                case 'η' -> "$\\eta$";
                case '→' -> "$\\to$";
                case '⌈' -> "$\\lceil$";
                case '⌉' -> "$\\rceil$";
                case '∞' -> "$\\infty$";
                case '√' -> "$\\surd$";
                case '≤' -> "$\\le$";
                case '≥' -> "$\\ge$";
                case '⊙' -> "$\\odot$";
                case 'μ' -> "$\\mu$";
                case 'σ' -> "$\\sigma$";
                case 'Σ' -> "$\\Sigma$";
                case 'ε' -> "$\\varepsilon$";
                case 'γ' -> "$\\gamma$";
                case 'β' -> "$\\beta$";
                case '²' -> "$^2$";
                case 'ᵀ' -> "$^{\\top}$";
                case '✓' -> "$\\checkmark$";
                case '✗' -> "$\\times$";
                case '…' -> "\\ldots{}";
                case '′' -> "$'$";
                case '∂' -> "$\\partial$";
                case 'Δ' -> "$\\Delta$";
                default -> String.valueOf(c);
            });
        }
        return out.toString();
    }
}
