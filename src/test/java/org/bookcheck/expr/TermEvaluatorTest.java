package org.bookcheck.expr;

import static org.bookcheck.expr.ExprTestSupport.SCOPE;
import static org.bookcheck.expr.ExprTestSupport.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.Value;
import org.bookcheck.reference.Vector;
import org.junit.jupiter.api.Test;

/** One evaluator over an environment, with the value of every node kept. */
class TermEvaluatorTest {

    @Test
    void everyNodeHasItsValue() {
        Term.Apply sum = (Term.Apply) compile("w[0]×V[0][0] + w[1]×V[1][0]");
        TermEvaluator.Values values = TermEvaluator.evaluate(sum, SCOPE);
        assertEquals(0.0498, ((Scalar) values.value()).value(), 1e-15);
        Term left = sum.args().get("a");
        Term right = sum.args().get("b");
        assertEquals(0.0498, ((Scalar) values.of(left)).value(), 1e-15); // 0.498 × 0.1
        assertEquals(0.0, ((Scalar) values.of(right)).value()); // 0.502 × 0.0
        Term w0 = ((Term.Apply) left).args().get("s");
        assertEquals(Scalar.of(0.498), values.of(w0));
        assertSame(SCOPE.get("w"), values.of(((Term.Apply) w0).args().get("x")));
    }

    @Test
    void theSameTermOverTheBooksPrintedValuesGivesTheCarriedChain() {
        Term t = compile("w[0]×V[0][0] + w[1]×V[1][0]");
        Map<String, Value> printed = new HashMap<>(SCOPE);
        printed.put("w", Vector.of(0.5, 0.5));
        assertEquals(0.05, ((Scalar) TermEvaluator.evaluate(t, printed).value()).value(), 1e-15);
    }

    @Test
    void aMissingNameOrAFailingOperationNamesTheNode() {
        Term t = compile("w[1] + p");
        Map<String, Value> withoutP = new HashMap<>(SCOPE);
        withoutP.remove("p");
        TermException missing = assertThrows(TermException.class, () -> TermEvaluator.evaluate(t, withoutP));
        assertEquals("\"p\" has no value here", missing.getMessage());
        assertEquals(new Span(7, 8), missing.term().span());

        Map<String, Value> shortW = new HashMap<>(SCOPE);
        shortW.put("w", Vector.of(1));
        TermException outside = assertThrows(TermException.class, () -> TermEvaluator.evaluate(t, shortW));
        assertEquals("element: index 1 is outside 0..0 of a vector of length 1", outside.getMessage());
        assertEquals(new Span(0, 4), outside.term().span());
    }

    @Test
    void aNodeOfAnotherTermIsRefused() {
        TermEvaluator.Values values = TermEvaluator.evaluate(compile("p + 1"), SCOPE);
        assertThrows(IllegalArgumentException.class, () -> values.of(compile("p")));
    }
}
