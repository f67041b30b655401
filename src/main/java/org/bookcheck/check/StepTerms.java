package org.bookcheck.check;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bookcheck.expr.Expressions;
import org.bookcheck.expr.Span;
import org.bookcheck.expr.Term;
import org.bookcheck.fixture.Argument;
import org.bookcheck.fixture.Step;
import org.bookcheck.fixture.StepForm;
import org.bookcheck.reference.Value;

/**
 * Compiles a fixture step of either form to its term, with spans into {@link StepForm#source()}: the
 * {@code op} + {@code args} form is the application of its operation to references and literals, exactly
 * the call {@code op(args)}; the {@code expr} form is read by the expression language over the names in scope.
 */
public final class StepTerms {

    private StepTerms() {
    }

    /**
     * The term of a step over the values in scope (inputs, earlier steps, imports), which decide what × and
     * [i] mean in an expression. Throws {@link org.bookcheck.expr.ExprException} for an expression that
     * cannot be read or compiled.
     */
    public static Term compile(Step step, Map<String, ? extends Value> scope) {
        return switch (step.form()) {
            case StepForm.Call call -> call(call);
            case StepForm.Expression e -> Expressions.compile(e.text(), scope);
        };
    }

    /** Walks the text {@code op(param = arg, ...)} as {@link StepForm.Call#source()} writes it, placing each node. */
    static Term call(StepForm.Call call) {
        int at = call.op().opName().length() + 1;
        Map<String, Term> args = new LinkedHashMap<>();
        boolean first = true;
        for (Map.Entry<String, Argument> e : call.args().entrySet()) {
            at += (first ? 0 : ", ".length()) + e.getKey().length() + " = ".length();
            Term arg = switch (e.getValue()) {
                case Argument.Reference r -> new Term.Ref(r.name(), new Span(at, at + r.name().length()));
                case Argument.Literal l -> new Term.Literal(l.value(), l.literal().text(), new Span(at, at + l.literal().text().length()));
            };
            args.put(e.getKey(), arg);
            at = arg.span().end();
            first = false;
        }
        return new Term.Apply(call.op(), args, new Span(0, at + 1));
    }
}
