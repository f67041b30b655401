package org.bookcheck.trace;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bookcheck.expr.Term;
import org.bookcheck.expr.TermEvaluator;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.fixture.PrintedValueParser;
import org.bookcheck.reference.Operation;

/**
 * The arithmetic of the inner nodes of one step's term, in the order they are computed: each operation
 * applied inside an expression ({@code w[0]×V[0][0]} in {@code w[0]×V[0][0] + w[1]×V[1][0]}) is traced by
 * the same renderer as a step, named by its text, so a trace shows every node's arithmetic.
 */
final class TermTrace {

    /** Operations that only pick elements out of a value. */
    private static final Set<Operation> SELECTIONS = EnumSet.of(Operation.ELEMENT, Operation.ROW, Operation.COLUMN);

    /** A name, or a name with indices, or a call: shown as it is; anything else gets parentheses. */
    private static final java.util.regex.Pattern SIMPLE = java.util.regex.Pattern.compile(
            "[\\p{L}_][\\p{L}\\p{N}_]*(\\[[^\\]]*\\])*|[\\p{L}_][\\p{L}\\p{N}_]*\\([^()]*\\)");

    private final String source;
    private final TermEvaluator.Values values;
    private final Map<String, Shown> known;
    private final TraceNumbers numbers;
    private final List<Trace.Block> blocks = new ArrayList<>();

    TermTrace(String source, TermEvaluator.Values values, Map<String, Shown> known, TraceNumbers numbers) {
        this.source = source;
        this.values = values;
        this.known = known;
        this.numbers = numbers;
    }

    /** The root's arguments as shown; traces every inner operation on the way (see {@link #blocks()}). */
    Map<String, Shown> arguments(Term.Apply root) {
        Map<String, Shown> args = new LinkedHashMap<>();
        root.args().forEach((param, sub) -> args.put(param, shown(sub)));
        return args;
    }

    /** The computations of the inner operations traced so far, innermost first. */
    List<Trace.Block> blocks() {
        return List.copyOf(blocks);
    }

    /** A node as an operand: a name as known, a literal with its own digits, an inner operation by its text (traced). */
    Shown shown(Term term) {
        return switch (term) {
            case Term.Ref r -> known.get(r.name());
            case Term.Literal l -> Shown.given(l.text(), l.value(), digits(l.text()), numbers);
            case Term.Apply a when written(a).isPresent() -> {
                // [0.1, 0.2] or a bmatrix of numbers computes nothing: it is given, with the digits it was written with.
                String text = written(a).orElseThrow();
                yield Shown.given(text, values.of(a), digits(text), numbers);
            }
            case Term.Apply a -> {
                String text = a.span().in(source);
                // (eta × grad)[0][0], not eta × grad[0][0], where the trace names the node's elements.
                String name = SIMPLE.matcher(text).matches() ? text : "(" + text + ")";
                Shown out = Shown.computed(name, values.of(a), Optional.empty(), numbers);
                if (SELECTIONS.contains(a.op())) {
                    // w[0] computes nothing: its value shows where it is used.
                    yield out;
                }
                List<Trace.Block> computation = OperationTracer.computation(new OperationTracer.Context(name, a.op(), arguments(a), out, numbers));
                blocks.addAll(computation.isEmpty()
                        ? List.of(new Trace.Block("", List.of(Equation.of(Expr.sym(name), out.whole())), 0))
                        : computation);
                yield out;
            }
        };
    }

    /** A vector or matrix written as numbers ({@code [[0.1, 0.2], [0.3, 0.4]]}), in plain form; empty for anything computed. */
    private static Optional<String> written(Term term) {
        return switch (term) {
            case Term.Literal l -> Optional.of(l.text());
            case Term.Apply a when a.op() == Operation.STACK -> {
                List<String> items = new ArrayList<>();
                for (Term item : a.args().values()) {
                    Optional<String> text = written(item);
                    if (text.isEmpty()) {
                        yield Optional.empty();
                    }
                    items.add(text.get());
                }
                yield Optional.of("[" + String.join(", ", items) + "]");
            }
            default -> Optional.empty();
        };
    }

    /** The digits a literal was written with; a literal that is not a printed number (true, a token list) has none to keep. */
    private static Optional<PrintedValue> digits(String text) {
        try {
            return Optional.of(PrintedValueParser.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
