package org.bookcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bookcheck.expr.Expressions;
import org.bookcheck.expr.Term;
import org.bookcheck.expr.TermEvaluator;
import org.bookcheck.fixture.Argument;
import org.bookcheck.fixture.PrintedValueParser;
import org.bookcheck.fixture.Step;
import org.bookcheck.fixture.StepForm;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Operation;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.Value;
import org.bookcheck.reference.Vector;
import org.junit.jupiter.api.Test;

/** Both forms of a step compile to the same term: the op + args form is exactly the call op(args). */
class StepTermsTest {

    private static final Map<String, Value> SCOPE = Map.of("W_old", Matrix.of(new double[][] {{1, 2}, {3, 4}}),
            "w", Vector.of(0.498, 0.502), "V", Matrix.of(new double[][] {{0.1, 0.2}, {0.0, 0.3}}));

    private static Step weightUpdate() {
        Map<String, Argument> args = new LinkedHashMap<>();
        args.put("w", new Argument.Reference("W_old", "/steps/0/args/w"));
        args.put("grad", new Argument.Reference("W_old", "/steps/0/args/grad"));
        args.put("lr", new Argument.Literal(Scalar.of(0.1), PrintedValueParser.parse("0.10"), "/steps/0/args/lr"));
        return new Step("W_new", new StepForm.Call(Operation.WEIGHT_UPDATE, args), Optional.empty(), Optional.empty(), Optional.empty(),
                "/steps/0");
    }

    private static Step expression(String text) {
        return new Step("c", new StepForm.Expression(text), Optional.empty(), Optional.empty(), Optional.empty(), "/steps/0");
    }

    @Test
    void theCallFormIsTheApplicationOfItsOperationToReferencesAndLiterals() {
        Term t = StepTerms.compile(weightUpdate(), SCOPE);
        assertEquals("weight_update(w=W_old, grad=W_old, lr=0.10)", structure(t));
        assertEquals(structure(Expressions.compile("weight_update(W_old, W_old, 0.10)", SCOPE)), structure(t));
    }

    @Test
    void spansPointIntoTheStepsSource() {
        Step step = weightUpdate();
        String source = step.form().source();
        Term.Apply t = assertInstanceOf(Term.Apply.class, StepTerms.compile(step, SCOPE));
        assertEquals("weight_update(w = W_old, grad = W_old, lr = 0.10)", t.span().in(source));
        assertEquals("W_old", t.args().get("grad").span().in(source));
        assertEquals("0.10", t.args().get("lr").span().in(source));
        assertEquals(source, step.calculation().substring(step.sourceOffset()));
    }

    @Test
    void theCallFormEvaluatesToWhatTheOperationGives() {
        // W − 0.1·W for W = [[1, 2], [3, 4]] is [[0.9, 1.8], [2.7, 3.6]].
        Matrix m = assertInstanceOf(Matrix.class, TermEvaluator.evaluate(StepTerms.compile(weightUpdate(), SCOPE), SCOPE).value());
        assertEquals(0.9, m.get(0, 0), 1e-12);
        assertEquals(1.8, m.get(0, 1), 1e-12);
        assertEquals(2.7, m.get(1, 0), 1e-12);
        assertEquals(3.6, m.get(1, 1), 1e-12);
    }

    @Test
    void theExpressionFormIsReadByTheExpressionLanguageWithSpansIntoItsText() {
        Step step = expression("w[0]×V[0][0] + w[1]×V[1][0]");
        Term.Apply t = assertInstanceOf(Term.Apply.class, StepTerms.compile(step, SCOPE));
        // 0.498 × 0.1 + 0.502 × 0.0 = 0.0498
        assertEquals(0.0498, ((Scalar) TermEvaluator.evaluate(t, SCOPE).value()).value(), 1e-12);
        assertEquals("w[0]×V[0][0] + w[1]×V[1][0]", t.span().in(step.form().source()));
        assertEquals("c = w[0]×V[0][0] + w[1]×V[1][0]", step.calculation());
    }

    private static String structure(Term t) {
        return switch (t) {
            case Term.Ref r -> r.name();
            case Term.Literal l -> l.text();
            case Term.Apply a -> a.op().opName() + "(" + a.args().entrySet().stream()
                    .map(e -> e.getKey() + "=" + structure(e.getValue())).collect(Collectors.joining(", ")) + ")";
        };
    }
}
