package org.bookcheck.expr;

import static org.bookcheck.expr.ExprTestSupport.compile;
import static org.bookcheck.expr.ExprTestSupport.eval;
import static org.bookcheck.expr.ExprTestSupport.structure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.bookcheck.reference.Bool;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Scalar;
import org.junit.jupiter.api.Test;

/**
 * Details of the expression language that the mutation run found untested: a bmatrix's shape, the side
 * of a ≈ that gives the printed precision, log with a named base, the span of a parse error and the
 * silence of the parser on standard error. Values worked by hand; p = 0.251 (see {@link ExprTestSupport}).
 */
class ExpressionsDetailsTest {

    @Test
    void aBmatrixOfTwoRowsAndTwoColumnsIsAMatrixNotFourNumbers() {
        Matrix m = assertInstanceOf(Matrix.class, eval("\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}"));
        assertEquals(2, m.rows());
        assertEquals(2, m.cols());
        assertEquals(3, m.get(1, 0));
        assertEquals(2, m.get(0, 1));
    }

    @Test
    void theSideWrittenAsNumbersGivesThePrecisionEvenWhenTheOtherIsAListWithAName() {
        // [p, 0.5] is not all numbers, so the left side's digits decide: 0.25 → ±0.005, 0.5 → ±0.05; |0.25 − 0.251| = 0.001.
        Term approx = compile("[0.25, 0.5] ≈ [p, 0.5]");
        assertEquals("±[0.005, 0.05]", structure(((Term.Apply) approx).args().get("tolerance")));
        assertEquals(new Bool(true), eval("[0.25, 0.5] ≈ [p, 0.5]"));
        // 0.24 is 0.011 from 0.251, more than 0.005.
        assertEquals(new Bool(false), eval("[0.24, 0.5] ≈ [p, 0.5]"));
    }

    @Test
    void logWithANamedBaseIsTheLogarithmToThatBase() {
        // log₂ 8 = 3 and log₁₀ 1000 = 3, with the base named or given second.
        assertEquals(3, ((Scalar) eval("log(8, base = 2)")).value(), 1e-12);
        assertEquals(3, ((Scalar) eval("log(1000, 10)")).value(), 1e-12);
        assertEquals("log_base(x=8, base=2)", structure(compile("log(8, base = 2)")));
    }

    @Test
    void log10TakesOneArgumentItsBaseIsFixed() {
        // log₁₀ 100 = 2; a second argument is a mistake, not a base that replaces 10.
        assertEquals(2, ((Scalar) eval("log10(100)")).value(), 1e-12);
        ExprException e = assertThrows(ExprException.class, () -> compile("log10(100, 2)"));
        assertEquals(true, e.problem().startsWith("log10 takes 1 argument"), e.problem());
    }

    @Test
    void stackCalledByNameStacksItsArguments() {
        assertArrayEquals(new double[] {0.5, 2, 0.251}, ((org.bookcheck.reference.Vector) eval("stack(0.5, 2, p)")).flat());
    }

    @Test
    void aParseErrorSpansTheTokenFoundAndAnEndErrorIsEmpty() {
        // "0.5 0.25": the unexpected 0.25 stands at characters 4 to 8.
        assertEquals(new Span(4, 8), assertThrows(ExprException.class, () -> compile("0.5 0.25")).span());
        // "(1 + 2" ends where ")" was expected: an empty span at its end, 6.
        assertEquals(new Span(6, 6), assertThrows(ExprException.class, () -> compile("(1 + 2")).span());
        // "1 $ 2": the character $ at 2.
        assertEquals(new Span(2, 3), assertThrows(ExprException.class, () -> compile("1 $ 2")).span());
    }

    @Test
    void aBadExpressionIsOneExceptionAndNothingOnStandardError() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThrows(ExprException.class, () -> compile("1 $ 2"));
            assertThrows(ExprException.class, () -> compile("1 + )"));
        } finally {
            System.setErr(saved);
        }
        assertArrayEquals(new byte[0], err.toByteArray(), () -> err.toString(StandardCharsets.UTF_8));
    }
}
