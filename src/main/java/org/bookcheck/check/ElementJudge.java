package org.bookcheck.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.PrintedArray;
import org.bookcheck.fixture.PrintedNumber;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.fixture.Step;
import org.bookcheck.fixture.Tolerance;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.Value;

/**
 * Judges each element of a printed value against the exact chain and against the chain recomputed from
 * the book's own printed inputs, following each element's {@link Provenance}; and the step's verdict
 * from its elements: a mismatch when any element is an origin, propagated when the wrong ones all follow
 * from earlier wrong elements.
 */
final class ElementJudge {

    private static final String EXACT = "the exact chain";
    private static final String BOOK = "the book's own printed inputs";

    private final Step step;
    private final Fixture fixture;
    private final PrintedValue printed;
    private final Value exact;
    private final Optional<Value> carried;
    private final Optional<Tolerance> tolerance;
    private final double allowance;
    private final Provenance.Flow inflow;
    private final Evaluation evaluation;

    ElementJudge(Step step, PrintedValue printed, Value exact, Optional<Value> carried, Optional<Tolerance> tolerance,
            Provenance.Flow inflow, Evaluation evaluation) {
        this.step = step;
        this.fixture = evaluation.fixture();
        this.printed = printed;
        this.exact = exact;
        this.carried = carried;
        this.tolerance = tolerance;
        this.allowance = tolerance.map(Tolerance::absolute).orElse(0.0);
        this.inflow = inflow;
        this.evaluation = evaluation;
    }

    /** The verdict on every element, in row-major order; a number, tokens or a truth value is one element. */
    List<ElementVerdict> verdicts() {
        List<PrintedNumber> numbers = numbers(printed);
        if (numbers.isEmpty() || !(exact instanceof Numeric)) {
            return List.of(whole());
        }
        List<ElementVerdict> out = new ArrayList<>(numbers.size());
        for (int k = 0; k < numbers.size(); k++) {
            out.add(number(k, numbers.get(k)));
        }
        return out;
    }

    /** The step's verdict: the worst of its elements, with the slips its wrong elements show. */
    Verdict overall(List<ElementVerdict> elements, String interval) {
        List<Integer> wrong = elements.stream().filter(e -> e.verdict() instanceof Verdict.Mismatch).map(ElementVerdict::index).toList();
        if (!wrong.isEmpty()) {
            return new Verdict.Mismatch(slips(wrong));
        }
        Set<String> origins = new LinkedHashSet<>();
        Set<ElementRef> from = new LinkedHashSet<>();
        Set<String> carriedFrom = new LinkedHashSet<>();
        OptionalDouble carriedValue = OptionalDouble.empty();
        boolean withinTolerance = false;
        for (ElementVerdict e : elements) {
            switch (e.verdict()) {
                case Verdict.Propagated p -> {
                    origins.addAll(p.origins());
                    from.addAll(p.from());
                }
                case Verdict.OkRoundingCarried c -> {
                    carriedFrom.addAll(c.carriedFrom());
                    carriedValue = carriedValue.isPresent() ? carriedValue : OptionalDouble.of(c.carriedValue());
                }
                case Verdict.OkWithinTolerance t -> withinTolerance = true;
                case Verdict.Ok ok -> {
                }
                case Verdict.Mismatch m -> throw new IllegalStateException("handled above");
            }
        }
        if (!origins.isEmpty()) {
            return new Verdict.Propagated(List.copyOf(origins), List.copyOf(from));
        }
        if (!carriedFrom.isEmpty()) {
            return new Verdict.OkRoundingCarried(List.copyOf(carriedFrom), carriedValue.getAsDouble(), interval);
        }
        return withinTolerance ? new Verdict.OkWithinTolerance(tolerance.orElseThrow()) : new Verdict.Ok();
    }

    /**
     * What the book's own printed inputs give for the first element where they and the exact chain differ
     * at the printed precision and the printed element does not follow from earlier wrong ones.
     */
    Optional<BookInputs> bookInputs(List<ElementVerdict> elements, ToIntFunction<String> lineOfStep) {
        List<PrintedNumber> numbers = numbers(printed);
        if (numbers.isEmpty() || !(exact instanceof Numeric e)) {
            return Optional.empty();
        }
        for (ElementVerdict v : elements) {
            int k = v.index();
            OptionalDouble c = carriedAt(k);
            PrintedNumber p = numbers.get(k);
            if (c.isEmpty() || inflow.printedOf(k).isEmpty() || v.verdict() instanceof Verdict.Propagated
                    || p.renderLike(c.getAsDouble()).equals(p.renderLike(e.at(k)))) {
                continue;
            }
            List<BookInputs.OffInput> off = offInputs(k).stream()
                    .map(r -> new BookInputs.OffInput(r, printedText(r), printedAt(r), exactAt(r), lineOfStep.applyAsInt(r.step()))).toList();
            return Optional.of(new BookInputs(ElementRef.of(step.name(), k, exact).position(), e.at(k), c.getAsDouble(),
                    p.renderLike(c.getAsDouble()), off, !shownOnLine(offInputs(k)).isEmpty()));
        }
        return Optional.empty();
    }

    private ElementVerdict number(int k, PrintedNumber p) {
        double e = ((Numeric) exact).at(k);
        String position = ElementRef.of(step.name(), k, exact).position();
        if (p.admits(e, 0)) {
            return new ElementVerdict(k, position, new Verdict.Ok(), new Proposal.Keep());
        }
        if (p.admits(e, allowance)) {
            return new ElementVerdict(k, position, new Verdict.OkWithinTolerance(tolerance.orElseThrow()), new Proposal.Keep());
        }
        Set<ElementRef> origins = inflow.originsOf(k);
        Set<ElementRef> upstream = inflow.printedOf(k);
        OptionalDouble c = carriedAt(k);
        boolean bookDiffers = c.isPresent() && !upstream.isEmpty() && c.getAsDouble() != e;
        if (bookDiffers && p.admits(c.getAsDouble(), allowance)) {
            if (!origins.isEmpty()) {
                return new ElementVerdict(k, position, propagated(origins), new Proposal.Replace(e, EXACT));
            }
            return new ElementVerdict(k, position, new Verdict.OkRoundingCarried(steps(upstream), c.getAsDouble(), p.interval(allowance)),
                    new Proposal.Keep());
        }
        return new ElementVerdict(k, position, new Verdict.Mismatch(List.of()), proposal(k, p, e, c, upstream, origins));
    }

    /**
     * A wrong element's correction: the exact value, unless the line prints an input of the book's own
     * that is off, where the value from the book's inputs is what makes the line true (and is right up
     * to carried rounding); when the book's inputs leave the operation's domain, no edit of this element does.
     */
    private Proposal proposal(int k, PrintedNumber p, double e, OptionalDouble c, Set<ElementRef> upstream, Set<ElementRef> origins) {
        if (!origins.isEmpty() || upstream.isEmpty()) {
            return new Proposal.Replace(e, EXACT);
        }
        List<ElementRef> shown = shownOnLine(offInputs(k));
        if (shown.isEmpty()) {
            return new Proposal.Replace(e, EXACT);
        }
        if (c.isEmpty()) {
            return new Proposal.Rewrite("the line computes from the book's own " + describe(shown)
                    + ", from which the calculation has no value (an operation's domain is left); the exact value is " + ValueText.exact(e));
        }
        return p.renderLike(c.getAsDouble()).equals(p.renderLike(e)) ? new Proposal.Replace(e, EXACT)
                : new Proposal.Replace(c.getAsDouble(), BOOK);
    }

    private ElementVerdict whole() {
        Comparison atPrecision = Comparison.of(printed, exact, 0);
        if (atPrecision.consistent()) {
            return new ElementVerdict(0, "", new Verdict.Ok(), new Proposal.Keep());
        }
        Set<ElementRef> origins = inflow.originsOf(0);
        boolean followsBook = !inflow.printedOf(0).isEmpty() && carried.isPresent() && !carried.get().equals(exact)
                && Comparison.of(printed, carried.get(), allowance).consistent();
        if (followsBook && !origins.isEmpty()) {
            return new ElementVerdict(0, "", propagated(origins), new Proposal.Keep());
        }
        return new ElementVerdict(0, "", new Verdict.Mismatch(List.of()), new Proposal.Keep());
    }

    /**
     * The slips the wrong elements show. Where the book's own inputs give another value than the exact
     * chain at the printed precision, the author worked from those, so the slips are looked for there.
     */
    private List<Slip> slips(List<Integer> wrong) {
        Comparison againstExact = only(Comparison.of(printed, exact, 0), wrong);
        if (carried.isPresent() && carried.get() instanceof Numeric c && exact instanceof Numeric e) {
            List<PrintedNumber> numbers = numbers(printed);
            boolean bookDiffers = wrong.stream().anyMatch(k -> !inflow.printedOf(k).isEmpty()
                    && !numbers.get(k).renderLike(c.at(k)).equals(numbers.get(k).renderLike(e.at(k))));
            if (bookDiffers) {
                return SlipDetector.detect(printed, carried.get(), only(Comparison.of(printed, carried.get(), 0), wrong));
            }
        }
        return SlipDetector.detect(printed, exact, againstExact);
    }

    private static Comparison only(Comparison c, List<Integer> indices) {
        List<Comparison.Miss> misses = c.misses().stream().filter(m -> indices.contains(m.index())).toList();
        return new Comparison(misses.isEmpty(), misses, c.maxDifference());
    }

    private Verdict.Propagated propagated(Set<ElementRef> origins) {
        return new Verdict.Propagated(origins.stream().map(ElementRef::step).distinct().toList(), List.copyOf(origins));
    }

    /** The printed elements upstream of element k whose printed value is not their exact value, the farthest off first. */
    private List<ElementRef> offInputs(int k) {
        return inflow.printedOf(k).stream().filter(r -> {
            double p = printedAt(r);
            double x = exactAt(r);
            return Double.isFinite(p) && Double.isFinite(x) && Math.abs(p - x) > PrintedNumber.NOISE * Math.max(1, Math.abs(x));
        }).sorted(Comparator.comparingDouble((ElementRef r) -> -Math.abs(printedAt(r) - exactAt(r)) / Math.max(1e-300, Math.abs(exactAt(r)))))
                .toList();
    }

    /** Those of the given inputs that the step's quote prints, as whole numbers. */
    private List<ElementRef> shownOnLine(List<ElementRef> inputs) {
        String quote = normalise(fixture.anchorOf(step).quote());
        return inputs.stream().filter(r -> {
            String text = normalise(printedText(r));
            return !text.isEmpty() && Pattern.compile("(?<![\\w.])" + Pattern.quote(text) + "(?![\\w]|\\.\\d)").matcher(quote).find();
        }).toList();
    }

    private static String normalise(String s) {
        return s.replace('−', '-').strip();
    }

    private String describe(List<ElementRef> refs) {
        return String.join(", ", refs.stream().map(r -> printedText(r) + " (step " + r + ")").toList());
    }

    private Optional<PrintedNumber> printedElement(ElementRef r) {
        Optional<PrintedValue> printedValue = r.step().contains("/")
                ? evaluation.upstream().get(r.step()).flatMap(Upstream.Exported::printed)
                : fixture.step(r.step()).flatMap(Step::printed);
        return printedValue.flatMap(p -> {
            List<PrintedNumber> n = numbers(p);
            return r.index() < n.size() ? Optional.of(n.get(r.index())) : Optional.empty();
        });
    }

    private String printedText(ElementRef r) {
        return printedElement(r).map(PrintedNumber::text).orElse("");
    }

    private double printedAt(ElementRef r) {
        return printedElement(r).map(PrintedNumber::value).orElse(Double.NaN);
    }

    private double exactAt(ElementRef r) {
        Value value = r.step().contains("/") ? evaluation.upstream().get(r.step()).map(Upstream.Exported::exact).orElse(null)
                : evaluation.exact(r.step());
        return value instanceof Numeric n && r.index() < n.size() ? n.at(r.index()) : Double.NaN;
    }

    private OptionalDouble carriedAt(int k) {
        return carried.isPresent() && carried.get() instanceof Numeric c && k < c.size() ? OptionalDouble.of(c.at(k)) : OptionalDouble.empty();
    }

    private static List<String> steps(Set<ElementRef> refs) {
        return refs.stream().map(ElementRef::step).distinct().toList();
    }

    static List<PrintedNumber> numbers(PrintedValue printed) {
        return switch (printed) {
            case PrintedNumber n -> List.of(n);
            case PrintedArray a -> a.elements();
            default -> List.of();
        };
    }
}
