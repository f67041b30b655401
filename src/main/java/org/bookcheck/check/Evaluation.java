package org.bookcheck.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bookcheck.fixture.Argument;
import org.bookcheck.fixture.ErratumEntry;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.FixtureError;
import org.bookcheck.fixture.Input;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.fixture.Step;
import org.bookcheck.reference.Arguments;
import org.bookcheck.reference.OpException;
import org.bookcheck.reference.Value;

/**
 * A fixture computed twice: the exact chain, every step from the exact values before it; and the
 * book's chain, every step from the values the book printed for earlier steps where it printed them.
 * The second tells rounding carried forward and propagated errors from new ones.
 */
public final class Evaluation {

    private final Fixture fixture;
    private final Map<String, Value> exact = new LinkedHashMap<>();
    private final Map<String, Value> carried = new HashMap<>();
    private final Map<String, Value> asPrinted = new HashMap<>();
    private final List<FixtureError> errors = new ArrayList<>();

    private Evaluation(Fixture fixture) {
        this.fixture = fixture;
    }

    /** Evaluates both chains; problems that make the fixture unusable are in {@link #errors()}. */
    public static Evaluation of(Fixture fixture) {
        Evaluation e = new Evaluation(fixture);
        e.run();
        return e;
    }

    public Fixture fixture() {
        return fixture;
    }

    /** Exact values of every input and step, in order. */
    public Map<String, Value> exact() {
        return java.util.Collections.unmodifiableMap(exact);
    }

    /** The exact value of an input or step. */
    public Value exact(String name) {
        return exact.get(name);
    }

    /** A step's value computed from the book's printed intermediates, if it could be computed. */
    public Optional<Value> carried(String step) {
        return Optional.ofNullable(carried.get(step));
    }

    /** A step's arguments by parameter, as the exact chain binds them (earlier exact values and literals). */
    public Map<String, Value> exactArgs(Step step) {
        Map<String, Value> args = new LinkedHashMap<>();
        step.args().forEach((param, arg) -> args.put(param, switch (arg) {
            case Argument.Reference r -> exact.get(r.name());
            case Argument.Literal l -> l.value();
        }));
        return args;
    }

    public List<FixtureError> errors() {
        return List.copyOf(errors);
    }

    private void run() {
        for (Input input : fixture.inputs()) {
            exact.put(input.name(), input.value());
            asPrinted.put(input.name(), input.value());
        }
        for (Step step : fixture.steps()) {
            Value value = computeExact(step);
            if (value == null) {
                return;
            }
            exact.put(step.name(), value);
            if (step.printed().isPresent()) {
                Optional<String> problem = PrintedShapes.mismatch(step.printed().get(), value);
                if (problem.isPresent()) {
                    errors.add(fixture.error(step.pointer() + "/printed", "step \"" + step.name() + "\": " + problem.get()
                            + "; print the value the step computes, or change the step"));
                    return;
                }
            }
            computeCarried(step, value);
        }
        checkCorrections();
    }

    private Value computeExact(Step step) {
        Map<String, Value> args = exactArgs(step);
        Optional<String> problem = step.op().checkArguments(args);
        if (problem.isPresent()) {
            errors.add(fixture.error(step.pointer() + "/args", "step \"" + step.name() + "\": " + problem.get()
                    + " (" + describeArgs(args) + ")"));
            return null;
        }
        try {
            return step.op().apply(new Arguments(args));
        } catch (OpException e) {
            errors.add(fixture.error(step.pointer(), "step \"" + step.name() + "\" (" + step.calculation() + "): "
                    + e.getMessage()));
            return null;
        }
    }

    private void computeCarried(Step step, Value exactValue) {
        Map<String, Value> args = new LinkedHashMap<>();
        boolean complete = true;
        for (Map.Entry<String, Argument> e : step.args().entrySet()) {
            Value v = switch (e.getValue()) {
                case Argument.Reference r -> asPrinted.get(r.name());
                case Argument.Literal l -> l.value();
            };
            if (v == null) {
                complete = false;
                break;
            }
            args.put(e.getKey(), v);
        }
        if (complete && step.op().checkArguments(args).isEmpty()) {
            try {
                carried.put(step.name(), step.op().apply(new Arguments(args)));
            } catch (OpException e) {
                // The book's rounded numbers can leave an op's domain (a probability of 0.0); then there is no carried chain.
            }
        }
        Value bookValue = step.printed().map(p -> PrintedShapes.asValueLike(p, exactValue)).orElse(carried.get(step.name()));
        if (bookValue != null) {
            asPrinted.put(step.name(), bookValue);
        }
    }

    private void checkCorrections() {
        if (!(fixture.claim() instanceof org.bookcheck.fixture.Claim.Erratum erratum) || !errors.isEmpty()) {
            return;
        }
        for (ErratumEntry entry : erratum.entries()) {
            Value value = exact.get(entry.step());
            PrintedValue corrected = entry.corrected();
            Optional<String> problem = PrintedShapes.mismatch(corrected, value);
            if (problem.isPresent()) {
                errors.add(fixture.error(entry.pointer() + "/corrected", "the correction for step \"" + entry.step() + "\": "
                        + problem.get()));
            } else if (!Comparison.of(corrected, value, 0).consistent()) {
                errors.add(fixture.error(entry.pointer() + "/corrected", "the correction " + corrected.text() + " for step \""
                        + entry.step() + "\" is itself wrong: the exact value is " + ValueText.exact(value) + ", which at these digits is "
                        + ValueText.likePrinted(corrected, value)));
            }
        }
    }

    private static String describeArgs(Map<String, Value> args) {
        List<String> parts = new ArrayList<>();
        args.forEach((k, v) -> parts.add(k + " is a " + v.kind() + ", " + v.describeShape()));
        return String.join("; ", parts);
    }
}
