package org.bookcheck.expr;

import static org.bookcheck.expr.ExprTestSupport.SCOPE;
import static org.bookcheck.expr.ExprTestSupport.structure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bookcheck.fixture.Argument;
import org.bookcheck.fixture.PrintedValueParser;
import org.bookcheck.fixture.Step;
import org.bookcheck.reference.Arguments;
import org.bookcheck.reference.Operation;
import org.bookcheck.reference.Scalar;
import org.junit.jupiter.api.Test;

/** The op + args form of a step compiles to the same term as the call written as an expression. */
class StepTermsTest {

    private static Step weightUpdate() {
        Map<String, Argument> args = new LinkedHashMap<>();
        args.put("w", new Argument.Reference("W_old", "/steps/0/args/w"));
        args.put("grad", new Argument.Reference("W_old", "/steps/0/args/grad"));
        args.put("lr", new Argument.Literal(Scalar.of(0.1), PrintedValueParser.parse("0.10"), "/steps/0/args/lr"));
        return new Step("W_new", Operation.WEIGHT_UPDATE, args, Optional.empty(), Optional.empty(), Optional.empty(), "/steps/0");
    }

    @Test
    void theStepIsTheApplicationOfItsOperationToReferencesAndLiterals() {
        Term t = Term.compile(weightUpdate());
        assertEquals("weight_update(w=W_old, grad=W_old, lr=0.10)", structure(t));
        assertEquals(structure(Expressions.compile("weight_update(W_old, W_old, 0.10)", SCOPE)), structure(t));
    }

    @Test
    void spansPointIntoTheStepsCalculation() {
        Step step = weightUpdate();
        String calculation = step.calculation();
        Term.Apply t = (Term.Apply) Term.compile(step);
        assertEquals("weight_update(w = W_old, grad = W_old, lr = 0.10)", t.span().in(calculation));
        assertEquals("W_old", t.args().get("grad").span().in(calculation));
        assertEquals("0.10", t.args().get("lr").span().in(calculation));
    }

    @Test
    void itEvaluatesToWhatTheOperationGives() {
        Step step = weightUpdate();
        Map<String, org.bookcheck.reference.Value> args = Map.of("w", SCOPE.get("W_old"), "grad", SCOPE.get("W_old"), "lr", Scalar.of(0.1));
        assertEquals(Operation.WEIGHT_UPDATE.apply(new Arguments(args)), TermEvaluator.evaluate(Term.compile(step), SCOPE).value());
    }
}
