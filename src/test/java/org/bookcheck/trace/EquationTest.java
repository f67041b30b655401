package org.bookcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Equation}: a side that repeats the one before it is written once. */
class EquationTest {

    private static final Expr Y = new Expr.Sym("y");
    private static final Expr PRODUCT = new Expr.Bin("·", new Expr.Num("0.3"), new Expr.Num("4"));

    @Test
    void aStepOverLiteralsIsNotWrittenTwice() {
        // y = 0.3·4 with its values put in is y = 0.3·4 again
        assertEquals("y = 0.3·4", ExprText.equation(Equation.of(Y, PRODUCT, PRODUCT)));
    }

    @Test
    void onlyARepeatOfTheSideBeforeIsDropped() {
        Expr sum = new Expr.Bin("+", new Expr.Num("1.2"), new Expr.Num("1"));
        assertEquals("y = 0.3·4 = 1.2 + 1 = 0.3·4", ExprText.equation(Equation.of(Y, PRODUCT, sum, PRODUCT)));
    }
}
