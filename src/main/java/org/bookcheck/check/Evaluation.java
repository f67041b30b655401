package org.bookcheck.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bookcheck.expr.ExprException;
import org.bookcheck.expr.Term;
import org.bookcheck.expr.TermEvaluator;
import org.bookcheck.expr.TermException;
import org.bookcheck.fixture.Argument;
import org.bookcheck.fixture.ErratumEntry;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.FixtureError;
import org.bookcheck.fixture.Import;
import org.bookcheck.fixture.Input;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.fixture.Step;
import org.bookcheck.fixture.StepForm;
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
    private final Map<String, Term> terms = new HashMap<>();
    private final Map<String, TermEvaluator.Values> nodes = new HashMap<>();
    private final List<FixtureError> errors = new ArrayList<>();

    private final Upstream upstream;
    private final Map<String, Value> imported = new LinkedHashMap<>();

    private Evaluation(Fixture fixture, Upstream upstream) {
        this.fixture = fixture;
        this.upstream = upstream;
    }

    /** Evaluates both chains of a fixture that imports nothing; problems that make it unusable are in {@link #errors()}. */
    public static Evaluation of(Fixture fixture) {
        return of(fixture, Upstream.none());
    }

    /** Evaluates both chains, with the fixture's imports taken from the book's checked fixtures. */
    public static Evaluation of(Fixture fixture, Upstream upstream) {
        Evaluation e = new Evaluation(fixture, upstream);
        e.run();
        return e;
    }

    /** The exact values of the fixture's imports, by the names it gives them. */
    public Map<String, Value> imported() {
        return java.util.Collections.unmodifiableMap(imported);
    }

    /** The book's value of an input, import or step: printed where the book prints it, else carried from printed ones. */
    public Optional<Value> book(String name) {
        return Optional.ofNullable(asPrinted.get(name));
    }

    Upstream upstream() {
        return upstream;
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

    /** The term a step compiled to (over the exact values in scope); present for every step that evaluated. */
    public Term term(String step) {
        return terms.get(step);
    }

    /** The exact value of every node of a step's term. */
    public TermEvaluator.Values nodes(String step) {
        return nodes.get(step);
    }

    public List<FixtureError> errors() {
        return List.copyOf(errors);
    }

    private void run() {
        for (Input input : fixture.inputs()) {
            exact.put(input.name(), input.value());
            asPrinted.put(input.name(), input.value());
        }
        for (Import i : fixture.imports()) {
            Optional<Upstream.Exported> value = upstream.get(i.qualified());
            if (value.isEmpty()) {
                errors.add(fixture.error(i.pointer(), "import \"" + i.name() + "\": " + i.qualified() + " has no value here; check the"
                        + " book (bookcheck verify) rather than this fixture alone, or fix the fixture it comes from"));
                return;
            }
            exact.put(i.name(), value.get().exact());
            imported.put(i.name(), value.get().exact());
            value.get().book().ifPresent(v -> asPrinted.put(i.name(), v));
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
        String label = "step \"" + step.name() + "\"";
        Term term;
        try {
            term = StepTerms.compile(step, exact);
        } catch (ExprException e) {
            errors.add(fixture.error(step.pointer() + "/expr", label + ": " + e.getMessage()));
            return null;
        }
        try {
            TermEvaluator.Values values = TermEvaluator.evaluate(term, exact);
            terms.put(step.name(), term);
            nodes.put(step.name(), values);
            return values.value();
        } catch (TermException e) {
            errors.add(switch (step.form()) {
                case StepForm.Call call when e.kind() == TermException.Kind.ARGUMENTS -> fixture.error(step.pointer() + "/args",
                        label + ": " + e.getMessage() + " (" + describeArgs(call, exact) + ")");
                case StepForm.Call call -> fixture.error(step.pointer(), label + " (" + step.calculation() + "): " + e.getMessage());
                case StepForm.Expression x -> fixture.error(step.pointer() + "/expr", label + ": " + e.term().span().in(x.text())
                        + ": " + e.getMessage() + ExprException.at(x.text(), e.term().span()));
            });
            return null;
        }
    }

    private void computeCarried(Step step, Value exactValue) {
        try {
            carried.put(step.name(), TermEvaluator.evaluate(terms.get(step.name()), asPrinted).value());
        } catch (TermException e) {
            // The book's rounded numbers can leave an op's domain (a probability of 0.0), or an earlier step has no
            // book value; then there is no carried chain for this step.
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

    private static String describeArgs(StepForm.Call call, Map<String, Value> scope) {
        List<String> parts = new ArrayList<>();
        call.args().forEach((k, arg) -> {
            Value v = switch (arg) {
                case Argument.Reference r -> scope.get(r.name());
                case Argument.Literal l -> l.value();
            };
            parts.add(k + " is a " + v.kind() + ", " + v.describeShape());
        });
        return String.join("; ", parts);
    }
}
