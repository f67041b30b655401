package org.bookcheck.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bookcheck.check.Evaluation;
import org.bookcheck.check.Finding;
import org.bookcheck.check.FindingText;
import org.bookcheck.check.FixtureResult;
import org.bookcheck.expr.Term;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.Input;
import org.bookcheck.fixture.Step;

/** Builds the worked trace of a fixture from its exact evaluation and, where the book was checked, its findings. */
public final class TraceBuilder {

    private TraceBuilder() {
    }

    /**
     * The trace of a fixture, from the evaluation its check was judged from where {@code result} holds
     * one (so the trace shows the very values that were judged), else from a new evaluation. The fixture
     * must evaluate (no errors in {@link Evaluation#errors()}); {@code result} adds the book's printed
     * values with their verdicts and lines.
     */
    public static Trace build(Fixture fixture, Optional<FixtureResult> result, TraceNumbers numbers) {
        return build(result.flatMap(FixtureResult::evaluation).filter(e -> e.fixture() == fixture).orElseGet(() -> Evaluation.of(fixture)),
                result, numbers);
    }

    /** The trace of an evaluated fixture; {@code result}, the check of the same fixture, adds the book's printed values. */
    public static Trace build(Evaluation evaluation, Optional<FixtureResult> result, TraceNumbers numbers) {
        Fixture fixture = evaluation.fixture();
        if (!evaluation.errors().isEmpty()) {
            throw new IllegalArgumentException("the fixture " + fixture.id() + " does not evaluate: " + evaluation.errors().get(0).message());
        }
        Map<String, Shown> known = new LinkedHashMap<>();
        Map<String, Integer> givenLines = new LinkedHashMap<>();
        result.ifPresent(r -> r.givens().forEach(g -> givenLines.put(g.input(), g.location().line())));
        List<Trace.Given> given = new ArrayList<>();
        for (Input input : fixture.inputs()) {
            Shown shown = Shown.given(input.name(), input.value(), input.literal(), numbers);
            known.put(input.name(), shown);
            given.add(new Trace.Given(input.name(), shown.whole(),
                    givenLines.containsKey(input.name()) ? "line " + givenLines.get(input.name()) : ""));
        }
        for (org.bookcheck.fixture.Import i : fixture.imports()) {
            Shown shown = Shown.computed(i.name(), evaluation.imported().get(i.name()), Optional.empty(), numbers);
            known.put(i.name(), shown);
            given.add(new Trace.Given(i.name(), shown.whole(), "from " + i.qualified()));
        }
        List<Trace.StepTrace> steps = new ArrayList<>();
        int number = 1;
        for (Step step : fixture.steps()) {
            Shown out = Shown.computed(step.name(), evaluation.exact(step.name()), step.printed(), numbers);
            Term term = evaluation.term(step.name());
            TermTrace nodes = new TermTrace(step.form().source(), evaluation.nodes(step.name()), known, numbers);
            Optional<Trace.BookMark> mark = result.flatMap(r -> r.findings().stream().filter(f -> f.step().equals(step.name())).findFirst())
                    .map(TraceBuilder::mark);
            Equation result1 = Equation.of(Expr.sym(step.name()), out.whole());
            if (term instanceof Term.Apply root) {
                OperationTracer.Parts parts = OperationTracer.trace(new OperationTracer.Context(step.name(), root.op(),
                        nodes.arguments(root), out, numbers));
                List<Trace.Block> computation = new ArrayList<>(nodes.blocks());
                computation.addAll(parts.computation());
                steps.add(new Trace.StepTrace(number++, step.name(), step.calculation(), root.op().formula() + ": " + root.op().summary(),
                        "", parts.equation(), computation, result1, mark, List.of()));
            } else {
                // An expression that only names a value (or writes one): nothing is computed, the step shows it again.
                steps.add(new Trace.StepTrace(number++, step.name(), step.calculation(), "the value of " + step.form().source(), "",
                        Equation.of(Expr.sym(step.name()), nodes.shown(term).whole()), List.of(), result1, mark, List.of()));
            }
            known.put(step.name(), out);
        }
        String location = "chapters/" + fixture.chapter() + result.flatMap(r -> r.findings().stream().findFirst())
                .map(f -> ":" + f.location().line()).orElse("");
        return new Trace(fixture.id(), fixture.title(), fixture.claim().kind().jsonName(), location, given, steps, List.of());
    }

    private static Trace.BookMark mark(Finding f) {
        return new Trace.BookMark(f.verdict().isOk(), f.printed().text(), TraceNumbers.exactBeside(f.printed(), f.exact()), f.exactRounded(),
                FindingText.label(f), f.location().line());
    }
}
