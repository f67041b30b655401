package org.bookcheck.expr;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bookcheck.reference.Arguments;
import org.bookcheck.reference.OpException;
import org.bookcheck.reference.Value;

/**
 * Evaluates a term over an environment (name → value) and keeps the value of every node, so the exact
 * chain, the chain carried from the book's printed values, and a trace can all read the same nodes.
 */
public final class TermEvaluator {

    /** The value of every node of one evaluated term. */
    public static final class Values {

        private final Term root;
        private final Map<Term, Value> values;

        private Values(Term root, Map<Term, Value> values) {
            this.root = root;
            this.values = values;
        }

        /** The value of the whole term. */
        public Value value() {
            return values.get(root);
        }

        /** The value of one of its nodes (by identity: two equal sub-terms at different places are different nodes). */
        public Value of(Term node) {
            Value v = values.get(node);
            if (v == null) {
                throw new IllegalArgumentException("not a node of this term: " + node);
            }
            return v;
        }
    }

    private TermEvaluator() {
    }

    /** Evaluates every node; the first that fails raises a {@link TermException} naming it. */
    public static Values evaluate(Term term, Map<String, ? extends Value> environment) {
        Map<Term, Value> values = new IdentityHashMap<>();
        walk(term, environment, values);
        return new Values(term, values);
    }

    private static Value walk(Term term, Map<String, ? extends Value> environment, Map<Term, Value> values) {
        Value v = switch (term) {
            case Term.Ref r -> {
                Value bound = environment.get(r.name());
                if (bound == null) {
                    throw new TermException(r, TermException.Kind.UNBOUND, "\"" + r.name() + "\" has no value here");
                }
                yield bound;
            }
            case Term.Literal l -> l.value();
            case Term.Apply a -> {
                Map<String, Value> args = new LinkedHashMap<>();
                a.args().forEach((param, sub) -> args.put(param, walk(sub, environment, values)));
                yield apply(a, args);
            }
        };
        values.put(term, v);
        return v;
    }

    /** Applies one node's operation to its arguments' values: the one place an application is checked and run. */
    static Value apply(Term.Apply node, Map<String, Value> args) {
        Optional<String> problem = node.op().checkArguments(args);
        if (problem.isPresent()) {
            throw new TermException(node, TermException.Kind.ARGUMENTS, problem.get());
        }
        try {
            return node.op().apply(new Arguments(args));
        } catch (OpException e) {
            throw new TermException(node, TermException.Kind.DOMAIN, e.getMessage());
        }
    }
}
