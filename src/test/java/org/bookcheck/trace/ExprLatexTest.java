package org.bookcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The LaTeX of expressions, written out by hand: parentheses only where precedence needs them, powers, grids. */
class ExprLatexTest {

    private static final Expr A = new Expr.Sym("a");
    private static final Expr B = new Expr.Sym("b");
    private static final Expr C = new Expr.Sym("c");
    private static final Expr TWO = new Expr.Num("2");
    private static final Expr MINUS_TWO = new Expr.Num("−2");

    private static Expr bin(String op, Expr l, Expr r) {
        return new Expr.Bin(op, l, r);
    }

    @Test
    void parenthesesFollowPrecedence() {
        assertEquals("a - b - c", ExprLatex.render(bin("−", bin("−", A, B), C)));
        assertEquals("a - \\left(b + c\\right)", ExprLatex.render(bin("−", A, bin("+", B, C))));
        assertEquals("a + b + c", ExprLatex.render(bin("+", A, bin("+", B, C))));
        assertEquals("a \\times b \\times c", ExprLatex.render(bin("×", A, bin("×", B, C))));
        assertEquals("a \\cdot b \\cdot c", ExprLatex.render(bin("·", A, bin("·", B, C))));
        assertEquals("a \\div \\left(b \\div c\\right)", ExprLatex.render(bin("÷", A, bin("÷", B, C))));
        assertEquals("\\left(a + b\\right) \\times c", ExprLatex.render(bin("×", bin("+", A, B), C)));
        assertEquals("a \\times \\left(-2\\right)", ExprLatex.render(bin("×", A, MINUS_TWO)));
        assertEquals("a = -2", ExprLatex.render(bin("=", A, MINUS_TWO)));
    }

    @Test
    void aMinusSignWrapsWhatBindsLessThanIt() {
        assertEquals("-\\left(a \\times b\\right)", ExprLatex.render(new Expr.Neg(bin("×", A, B))));
        assertEquals("-\\left(-2\\right)", ExprLatex.render(new Expr.Neg(MINUS_TWO)));
        assertEquals("-{a}^{2}", ExprLatex.render(new Expr.Neg(new Expr.Pow(A, TWO))));
        assertEquals("-a", ExprLatex.render(new Expr.Neg(A)));
    }

    @Test
    void powersAndCalls() {
        assertEquals("{a}^{2}", ExprLatex.render(new Expr.Pow(A, TWO)));
        assertEquals("{\\left(a + b\\right)}^{2}", ExprLatex.render(new Expr.Pow(bin("+", A, B), TWO)));
        assertEquals("{\\left(-2\\right)}^{2}", ExprLatex.render(new Expr.Pow(MINUS_TWO, TWO)));
        assertEquals("M^{\\top}", ExprLatex.render(new Expr.Pow(new Expr.Sym("M"), new Expr.Sym("T"))));
        assertEquals("\\left(a, b\\right)", ExprLatex.render(new Expr.Call("", List.of(A, B))));
    }

    @Test
    void gridsShowTheirShapeWhenElided() {
        List<Expr> row1 = List.of(new Expr.Num("1"), new Expr.Num("2"));
        List<Expr> row2 = List.of(new Expr.Num("3"), new Expr.Num("4"));
        assertEquals("\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}", ExprLatex.render(new Expr.Grid(List.of(row1, row2), false, 0, 0)));
        // 3 × 4 shown as its first 2 × 2.
        assertEquals("\\begin{bmatrix} 1 & 2 & \\cdots \\\\ 3 & 4 & \\cdots \\\\ \\vdots & \\vdots & \\ddots \\end{bmatrix}_{3 \\times 4}",
                ExprLatex.render(new Expr.Grid(List.of(row1, row2), false, 1, 2)));
        // 3 × 2 shown as its first row.
        assertEquals("\\begin{bmatrix} 1 & 2 \\\\ \\vdots & \\vdots \\end{bmatrix}_{3 \\times 2}",
                ExprLatex.render(new Expr.Grid(List.of(row1), false, 2, 0)));
        // 1 × 5 shown as its first 2 columns.
        assertEquals("\\begin{bmatrix} 1 & 2 & \\cdots \\end{bmatrix}_{1 \\times 5}", ExprLatex.render(new Expr.Grid(List.of(row1), false, 0, 3)));
        // A vector of 5 shown as its first 2, as a column.
        assertEquals("\\begin{bmatrix} 1 \\\\ 2 \\\\ \\vdots \\end{bmatrix}_{5}", ExprLatex.render(new Expr.Grid(List.of(row1), true, 0, 3)));
        assertEquals("\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}", ExprLatex.render(new Expr.Grid(List.of(row1), true, 0, 0)));
    }

    @Test
    void equations() {
        assertEquals("a", ExprLatex.equation(Equation.of(A), false));
        assertEquals("a = b = c", ExprLatex.equation(Equation.of(A, B, C), false));
        assertEquals("a &= b = c", ExprLatex.equation(Equation.of(A, B, C), true));
    }
}
