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
import org.bookcheck.fixture.Argument;
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
        List<Trace.StepTrace> steps = new ArrayList<>();
        int number = 1;
        for (Step step : fixture.steps()) {
            Shown out = Shown.computed(step.name(), evaluation.exact(step.name()), step.printed(), numbers);
            Map<String, Shown> args = new LinkedHashMap<>();
            step.args().forEach((param, arg) -> args.put(param, switch (arg) {
                case Argument.Reference r -> known.get(r.name());
                case Argument.Literal l -> Shown.given(l.literal().text(), l.value(), Optional.of(l.literal()), numbers);
            }));
            OperationTracer.Parts parts = OperationTracer.trace(new OperationTracer.Context(step.name(), step.op(), args, out, numbers));
            Optional<Trace.BookMark> mark = result.flatMap(r -> r.findings().stream().filter(f -> f.step().equals(step.name())).findFirst())
                    .map(TraceBuilder::mark);
            steps.add(new Trace.StepTrace(number++, step.name(), step.calculation(),
                    step.op().formula() + ": " + step.op().summary(), "", parts.equation(), parts.computation(),
                    Equation.of(Expr.sym(step.name()), out.whole()), mark, List.of()));
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
