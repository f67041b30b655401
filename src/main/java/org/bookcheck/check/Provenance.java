package org.bookcheck.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bookcheck.expr.Term;
import org.bookcheck.expr.TermEvaluator;
import org.bookcheck.reference.ElementDependency;
import org.bookcheck.reference.Value;

/**
 * Where every element of a fixture's chain comes from: the wrong printed elements it is computed from
 * (its origins) and the printed elements nearest upstream that the book's chain carries into it. It
 * follows each operation's {@link ElementDependency}, so a wrong element is blamed only on the elements
 * computed from it (row 1 of a product does not follow from a wrong row 0 of its left factor).
 */
final class Provenance {

    /** Above this many element reads for one step, every element of it is given the sources of the whole step. */
    private static final long MAX_READS = 250_000;

    /** The sources of every element of one value. */
    record Flow(List<Set<ElementRef>> origins, List<Set<ElementRef>> printed) {

        Set<ElementRef> originsOf(int k) {
            return origins.get(origins.size() == 1 ? 0 : k);
        }

        Set<ElementRef> printedOf(int k) {
            return printed.get(printed.size() == 1 ? 0 : k);
        }
    }

    private final Map<String, Flow> flows = new HashMap<>();

    /** Nothing flows in: a literal, an input, or a value computed from those only. */
    private static final Flow CLEAN = new Flow(List.of(Set.of()), List.of(Set.of()));

    /** The sources flowing into each element of a step's result, node by node through its term (exact values). */
    Flow inflow(Term term, TermEvaluator.Values values) {
        return switch (term) {
            case Term.Ref r -> flows.getOrDefault(r.name(), CLEAN);
            case Term.Literal l -> CLEAN;
            case Term.Apply a -> applied(a, values);
        };
    }

    private Flow applied(Term.Apply node, TermEvaluator.Values values) {
        Map<String, Flow> argFlows = new LinkedHashMap<>();
        Map<String, Value> args = new LinkedHashMap<>();
        node.args().forEach((param, sub) -> {
            argFlows.put(param, inflow(sub, values));
            args.put(param, values.of(sub));
        });
        if (argFlows.values().stream().allMatch(f -> f == CLEAN)) {
            return CLEAN;
        }
        Value result = values.of(node);
        int n = ElementDependency.elements(result);
        long argElements = args.values().stream().mapToLong(ElementDependency::elements).sum();
        if ((long) n * Math.max(1, argElements) > MAX_READS) {
            Set<ElementRef> origins = new LinkedHashSet<>();
            Set<ElementRef> printed = new LinkedHashSet<>();
            for (Flow f : argFlows.values()) {
                f.origins().forEach(origins::addAll);
                f.printed().forEach(printed::addAll);
            }
            return new Flow(List.of(origins), List.of(printed));
        }
        ElementDependency dependency = ElementDependency.of(node.op());
        List<Set<ElementRef>> origins = new ArrayList<>(n);
        List<Set<ElementRef>> printed = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Set<ElementRef> o = new LinkedHashSet<>();
            Set<ElementRef> p = new LinkedHashSet<>();
            for (Map.Entry<String, int[]> read : dependency.reads(k, args, result).entrySet()) {
                Flow f = argFlows.get(read.getKey());
                if (f == null || f == CLEAN) {
                    continue;
                }
                int size = Math.max(f.origins().size(), f.printed().size());
                for (int index : read.getValue()) {
                    // A flow of one set stands for every element alike (a scalar, or a value too large to follow element by element).
                    if (size == 1 || (index >= 0 && index < size)) {
                        o.addAll(f.originsOf(index));
                        p.addAll(f.printedOf(index));
                    }
                }
            }
            origins.add(o);
            printed.add(p);
        }
        return new Flow(origins, printed);
    }

    /** An imported value: its elements carry the sources they had in the fixture they come from. */
    void imported(String name, Flow flow) {
        flows.put(name, flow);
    }

    /**
     * The sources of a value of this fixture as another fixture sees them: every element reference named by
     * {@code fixture-id/step}, so it cannot be mistaken for a step of the importing fixture.
     */
    Flow exported(String name, String fixtureId) {
        Flow f = flows.getOrDefault(name, CLEAN);
        return new Flow(qualified(f.origins(), fixtureId), qualified(f.printed(), fixtureId));
    }

    private static List<Set<ElementRef>> qualified(List<Set<ElementRef>> sets, String fixtureId) {
        return sets.stream().map(set -> {
            Set<ElementRef> q = new LinkedHashSet<>();
            set.forEach(r -> q.add(r.step().contains("/") ? r : new ElementRef(fixtureId + "/" + r.step(), r.index(), r.position())));
            return q;
        }).toList();
    }

    /** A step the book does not print: its elements carry what flows into them. */
    void unprinted(String step, Flow inflow) {
        flows.put(step, inflow);
    }

    /**
     * A step the book prints: from here on the book's chain carries its printed elements, and a wrong
     * element is an origin of its own unless it follows from earlier ones.
     */
    void printed(String step, Value value, List<ElementVerdict> verdicts) {
        List<Set<ElementRef>> origins = new ArrayList<>(verdicts.size());
        List<Set<ElementRef>> printed = new ArrayList<>(verdicts.size());
        for (ElementVerdict v : verdicts) {
            ElementRef self = ElementRef.of(step, v.index(), value);
            origins.add(switch (v.verdict()) {
                case Verdict.Mismatch m -> Set.of(self);
                case Verdict.Propagated p -> new LinkedHashSet<>(p.from());
                default -> Set.of();
            });
            printed.add(Set.of(self));
        }
        flows.put(step, new Flow(origins, printed));
    }
}
