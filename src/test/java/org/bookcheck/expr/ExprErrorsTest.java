package org.bookcheck.expr;

import static org.bookcheck.expr.ExprTestSupport.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every kind of error message: what is wrong, what was expected, and a caret under the column. */
class ExprErrorsTest {

    private static ExprException error(String source) {
        return assertThrows(ExprException.class, () -> compile(source));
    }

    @Test
    void aMissingOperandSaysAValueWasExpectedWithACaretUnderWhatWasFound() {
        ExprException e = error("w[0] × * 1");
        assertEquals("""
                expected a value (a number, a name, a call such as exp(x), or a bracket) but found "*" (column 8)
                  w[0] × * 1
                         ^""", e.getMessage());
        assertEquals(8, e.column());
    }

    @Test
    void anUnclosedBracketSaysWhichCloserOrOperatorWasExpected() {
        assertEquals("expected \")\" or an operator (+ − × · / ^) but the expression ends here",
                error("(1 + 2").problem());
        assertEquals(7, error("(1 + 2").column());
        assertEquals("expected \"]\", \",\" or an operator (+ − × · / ^) but the expression ends here", error("[1, 2").problem());
    }

    @Test
    void anUnclosedBmatrixNamesItsEnd() {
        assertEquals("expected \"\\\\\", \\end{bmatrix} or an operator (+ − × · / ^) but the expression ends here",
                error("\\begin{bmatrix} 1 & 2").problem());
    }

    @Test
    void twoValuesWithoutAnOperator() {
        ExprException e = error("0.5 0.25");
        assertEquals("expected an operator (+ − × · / ^) or the end of the expression but found \"0.25\"",
                e.problem());
        assertEquals(5, e.column());
    }

    @Test
    void anUnknownCharacter() {
        ExprException e = error("1 $ 2");
        assertEquals("unexpected character \"$\": an expression has numbers, names, operators (+ − × · / ^ @), brackets and commas",
                e.problem());
        assertEquals(3, e.column());
    }

    @Test
    void anUnknownFunctionListsTheNearestOnes() {
        ExprException e = error("softmx(z)");
        assertEquals("unknown function \"softmx\"; did you mean softmax? Functions are the operations of the catalogue (README § Operations)"
                + " and log, log10, log2", e.problem());
        assertEquals("  ^^^^^^", e.getMessage().lines().toList().get(2));
    }

    @Test
    void anUnknownNameListsTheNearestOnesAndAllInScope() {
        ExprException e = error("1 + etta");
        assertEquals("unknown name \"etta\"; did you mean eta? Names available here: " + String.join(", ", ExprTestSupport.SCOPE.keySet()),
                e.problem());
        assertEquals(5, e.column());
    }

    @Test
    void anUnknownParameterNameListsTheNearestAndTheSignature() {
        assertEquals("layer_norm has no parameter \"epsilon\" (did you mean eps?); its parameters are layer_norm(x, gamma?, beta?, eps?)",
                error("layer_norm(z, epsilon=0)").problem());
    }

    @Test
    void tooManyArgumentsAndArgumentsGivenTwice() {
        assertEquals("softmax takes 1 argument (softmax(x)), got 2", error("softmax(z, z)").problem());
        assertEquals("argument \"x\" of softmax is given twice", error("softmax(x=z, x=z)").problem());
        assertEquals("argument \"x\" of softmax is given both by position and by name", error("softmax(z, x=z)").problem());
        assertEquals("a positional argument after a named one; write the positional arguments first",
                error("layer_norm(eps=0, z)").problem());
    }

    @Test
    void aMissingArgumentNamesIt() {
        assertEquals("weight_update needs argument \"lr\" (learning rate η)", error("weight_update(W_old, W_old)").problem());
    }

    @Test
    void anOperationThatRefusesItsValuesPointsAtItsNode() {
        ExprException e = error("1 + w[5]");
        assertEquals("element: index 5 is outside 0..1 of a vector of length 2", e.problem());
        assertEquals(new Span(4, 8), e.span());
        assertEquals("      ^^^^", e.getMessage().lines().toList().get(2));
        assertEquals("add: the operands must have the same shape, but the first is vector of length 2 and the second is vector of length 3",
                error("w + z").problem());
    }

    @Test
    void indexingWhatHasNoSuchIndex() {
        assertEquals("cannot index a scalar with 1 index: a vector takes v[i], a matrix A[i] (a row), A[i][j] or A[i, j] (an element),"
                + " A[:, j] (a column); indices count from 0", error("p[0]").problem());
        assertEquals("cannot index a vector of length 2 with 2 indices: a vector takes v[i], a matrix A[i] (a row), A[i][j] or A[i, j]"
                + " (an element), A[:, j] (a column); indices count from 0", error("w[0, 1]").problem());
    }

    @Test
    void approximatelyNeedsAPrintedNumberOrAStatedTolerance() {
        assertEquals("≈ compares with the printed precision of a number written on one side; neither side is one, so state the tolerance:"
                + " a ≈ b ± 0.01", error("p ≈ w[0]").problem());
        assertEquals("± gives the tolerance of ≈; write a ≈ b ± t", error("p < 0.3 ± 0.1").problem());
    }
}
