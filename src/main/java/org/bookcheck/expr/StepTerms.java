package org.bookcheck.expr;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bookcheck.fixture.Argument;
import org.bookcheck.fixture.Step;

/** Compiles a step of the {@code op} + {@code args} form to its term, with spans into the step's calculation text. */
final class StepTerms {

    private StepTerms() {
    }

    /** Walks the text {@code name = op(param = arg, ...)} as {@link Step#calculation()} writes it, placing each node. */
    static Term compile(Step step) {
        int opStart = step.name().length() + " = ".length();
        int at = opStart + step.op().opName().length() + 1;
        Map<String, Term> args = new LinkedHashMap<>();
        boolean first = true;
        for (Map.Entry<String, Argument> e : step.args().entrySet()) {
            at += (first ? 0 : ", ".length()) + e.getKey().length() + " = ".length();
            Term arg = switch (e.getValue()) {
                case Argument.Reference r -> new Term.Ref(r.name(), new Span(at, at + r.name().length()));
                case Argument.Literal l -> new Term.Literal(l.value(), l.literal().text(), new Span(at, at + l.literal().text().length()));
            };
            args.put(e.getKey(), arg);
            at = arg.span().end();
            first = false;
        }
        return new Term.Apply(step.op(), args, new Span(opStart, at + 1));
    }
}
