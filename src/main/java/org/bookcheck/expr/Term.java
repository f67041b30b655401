package org.bookcheck.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bookcheck.reference.Operation;
import org.bookcheck.reference.Value;

/**
 * One calculation as a tree of catalogue operations: what an expression ({@code w[0]×V[0][0] + w[1]×V[1][0]})
 * and a fixture's {@code op} + {@code args} step both compile to, so one evaluator, one trace and one
 * carried chain serve both. Every node keeps its span in the source text it was read from.
 */
public sealed interface Term {

    Span span();

    /** A name bound in the environment: an input, an earlier step, or an imported value. */
    record Ref(String name, Span span) implements Term {
    }

    /** A value written in place, with its text as written ({@code 0.10}, {@code −0.5}, {@code 25%}), so its digits are kept. */
    record Literal(Value value, String text, Span span) implements Term {
    }

    /** An operation of the catalogue applied to named sub-terms, in the operation's parameter order. */
    record Apply(Operation op, Map<String, Term> args, Span span) implements Term {
        public Apply {
            args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        }
    }
}
