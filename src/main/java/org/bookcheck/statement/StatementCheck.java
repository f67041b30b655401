package org.bookcheck.statement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.chapter.QuoteLocation;
import org.bookcheck.chapter.QuoteLocator;
import org.bookcheck.chapter.Span;
import org.bookcheck.check.Failure;
import org.bookcheck.check.Finding;
import org.bookcheck.check.FixtureChecker;
import org.bookcheck.check.FixtureResult;
import org.bookcheck.check.PrintedShapes;
import org.bookcheck.check.ValueText;
import org.bookcheck.check.Verdict;
import org.bookcheck.expr.ExprException;
import org.bookcheck.expr.Expressions;
import org.bookcheck.expr.Term;
import org.bookcheck.fixture.Anchor;
import org.bookcheck.fixture.Claim;
import org.bookcheck.fixture.ErratumEntry;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.LocatedJson;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.fixture.PrintedValueParser;
import org.bookcheck.fixture.Step;
import org.bookcheck.fixture.StepForm;
import org.bookcheck.reference.Value;

/**
 * Checks the statements of a chapter with no fixture: builds one fixture in memory whose steps are the statements
 * (each the first arithmetic side that compiles, printed value the statement's result, anchored on the result's own
 * characters) and judges it with the {@link FixtureChecker}, so verdicts, per-element provenance, slips, fixes and
 * traces are the fixtures' own. A left-hand side's name ({@code context[0]}, {@code P(C)}) is bound to its step for the
 * statements after it, so a wrong value shows as {@code propagated} where it is used. A statement whose arithmetic does
 * not compile (an unknown function, a name with no value, a shape the result does not have) is not understood: listed
 * with the reason, never judged.
 */
public final class StatementCheck {

    /** The fixture id of a chapter's statements: findings with it come from statements, not from a fixture file. */
    public static final String FIXTURE_ID = org.bookcheck.check.Book.STATEMENTS_ID;

    /** The exceptions file beside a chapter's waivers. */
    public static final String EXCEPTIONS_FILE = org.bookcheck.check.Book.STATEMENTS_FILE;

    /** One statement as checked: the step it became, or why it was not understood, or why it was left out. */
    public sealed interface Outcome {

        Statement statement();

        /** Judged as step {@code step} of the chapter's statement fixture, from its side {@code side}. */
        record Checked(Statement statement, String step, Side side) implements Outcome {
        }

        /** Not understood: no arithmetic side compiles here; {@code reason} says why (counted, never a failure). */
        record NotUnderstood(Statement statement, String reason) implements Outcome {
        }

        /** Left out by the exceptions file (illustrative, simplified): {@code reason} is the author's. */
        record Exempt(Statement statement, String kind, String reason) implements Outcome {
        }
    }

    /** A chapter's statements checked: every statement's outcome and the fixture's result (empty when nothing was checked). */
    public record Result(Chapter chapter, List<Outcome> outcomes, Optional<FixtureResult> fixture) {

        public Result {
            outcomes = List.copyOf(outcomes);
        }

        /** The statements found. */
        public List<Statement> statements() {
            return outcomes.stream().map(Outcome::statement).toList();
        }

        /** The statements that were judged. */
        public List<Outcome.Checked> checked() {
            return outcomes.stream().filter(o -> o instanceof Outcome.Checked).map(o -> (Outcome.Checked) o).toList();
        }

        /** The statements not understood. */
        public List<Outcome.NotUnderstood> notUnderstood() {
            return outcomes.stream().filter(o -> o instanceof Outcome.NotUnderstood).map(o -> (Outcome.NotUnderstood) o).toList();
        }

        /** The findings, one per checked statement whose result was placed. */
        public List<Finding> findings() {
            return fixture.map(FixtureResult::findings).orElse(List.of());
        }

        /** The statement a finding of this result belongs to. */
        public Optional<Statement> statementOf(Finding finding) {
            return checked().stream().filter(c -> c.step().equals(finding.step())).map(Outcome::statement).findFirst();
        }
    }

    private StatementCheck() {
    }

    /** Whether a finding was made by a chapter's statements rather than by a fixture. */
    public static boolean isStatement(Finding finding) {
        return finding.fixtureId().equals(FIXTURE_ID);
    }

    /** Checks a chapter's statements, with no exceptions. */
    public static Result check(Chapter chapter, Path exceptionsFile) {
        return check(chapter, exceptionsFile, StatementExceptions.none(exceptionsFile));
    }

    /**
     * Checks a chapter's statements; {@code file} is where its exceptions file is or would be (it names the fixture of the
     * findings), {@code exceptions} what that file marks.
     */
    public static Result check(Chapter chapter, Path file, StatementExceptions exceptions) {
        return check(chapter, file, exceptions, false);
    }

    /**
     * Checks a chapter's statements; with {@code reportOnly} they are reported and never fail (as an illustrative
     * fixture's values), for {@code verify --statements=report}.
     */
    public static Result check(Chapter chapter, Path file, StatementExceptions exceptions, boolean reportOnly) {
        List<Statement> statements = StatementFinder.find(chapter);
        List<Outcome> outcomes = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        List<ErratumEntry> errata = new ArrayList<>();
        Map<String, Value> scope = new LinkedHashMap<>();
        // the chapter's left-hand sides as written → the step name they are bound to now
        Map<String, String> bound = new LinkedHashMap<>();
        Map<String, Integer> used = new HashMap<>();
        List<LaterSides> laterSides = new ArrayList<>();
        for (Statement s : statements) {
            Optional<StatementExceptions.Entry> exception = exceptions.entryFor(s);
            if (exception.isPresent() && !exception.get().isErratum()) {
                outcomes.add(new Outcome.Exempt(s, exception.get().kind(), exception.get().reason()));
                continue;
            }
            PrintedValue printed;
            try {
                printed = PrintedValueParser.parse(s.result().text());
            } catch (IllegalArgumentException e) {
                outcomes.add(new Outcome.NotUnderstood(s, "the result " + s.result().text() + " is not a printed value: " + e.getMessage()));
                continue;
            }
            Optional<String> reason = Optional.empty();
            Side chosen = null;
            String source = null;
            Value value = null;
            for (Side side : s.expressions()) {
                String text = substitute(side.text(), bound);
                try {
                    Term term = Expressions.compile(text, scope);
                    Value v = org.bookcheck.expr.TermEvaluator.evaluate(term, scope).value();
                    Optional<String> shape = PrintedShapes.mismatch(printed, v);
                    if (shape.isPresent()) {
                        reason = reason.or(() -> shape);
                        continue;
                    }
                    chosen = side;
                    source = text;
                    value = v;
                    break;
                } catch (ExprException e) {
                    String problem = e.problem();
                    reason = reason.or(() -> Optional.of(side.text() + ": " + problem));
                } catch (RuntimeException e) {
                    String problem = e.getMessage();
                    reason = reason.or(() -> Optional.of(side.text() + ": " + problem));
                }
            }
            if (chosen == null) {
                outcomes.add(new Outcome.NotUnderstood(s, reason.orElse("no side to compute")));
                continue;
            }
            Optional<Anchor> anchor = anchor(chapter, s);
            if (anchor.isEmpty()) {
                outcomes.add(new Outcome.NotUnderstood(s, "its result cannot be placed in the chapter"));
                continue;
            }
            List<String> others = new ArrayList<>();
            for (Side side : s.expressions().subList(s.expressions().indexOf(chosen) + 1, s.expressions().size())) {
                others.add(substitute(side.text(), bound));
            }
            String step = stepName(s, used);
            steps.add(new Step(step, new StepForm.Expression(source), Optional.of(printed), anchor, Optional.empty(), "/statements/"
                    + steps.size()));
            exception.filter(StatementExceptions.Entry::isErratum).ifPresent(e -> errata.add(new ErratumEntry(step, e.reason(),
                    e.corrected().orElse(printed), e.pointer())));
            outcomes.add(new Outcome.Checked(s, step, chosen));
            if (!others.isEmpty()) {
                laterSides.add(new LaterSides(s, step, chosen, printed, s.expressions().subList(s.expressions().indexOf(chosen) + 1,
                        s.expressions().size()), others, new LinkedHashMap<>(scope)));
            }
            scope.put(step, value);
            s.name().ifPresent(n -> bound.put(n, step));
        }
        if (steps.isEmpty()) {
            return new Result(chapter, outcomes, Optional.empty());
        }
        Claim claim = reportOnly ? new Claim.Illustrative("statements are reported only (--statements=report)")
                : errata.isEmpty() ? new Claim.Holds() : new Claim.Erratum(errata);
        Fixture fixture = new Fixture(file, FIXTURE_ID, "Statements written out in " + chapter.name(), chapter.name(),
                steps.get(0).anchor().orElseThrow(), claim, List.of(), List.of(), steps, Optional.empty(), emptyJson());
        FixtureResult checked = FixtureChecker.check(fixture, chapter);
        List<Failure> disagreements = new ArrayList<>();
        for (LaterSides later : laterSides) {
            disagreements.addAll(later.disagreements(checked, chapter));
        }
        if (!disagreements.isEmpty() && !reportOnly) {
            List<Failure> failures = new ArrayList<>(checked.failures());
            failures.addAll(disagreements);
            checked = new FixtureResult(checked.file(), checked.fixture(), checked.findings(), checked.givens(), failures,
                    checked.errors(), checked.evaluation());
        }
        return new Result(chapter, outcomes, Optional.of(checked));
    }

    /**
     * The sides of a statement after the one it was checked by ({@code = 0.0498 × 0.250} after {@code context[0] ×
     * dL[0]}), with the names in scope then: each must give the printed result too, from the exact values or from the
     * book's printed ones (rounding carried), else a number on that side is miscopied.
     */
    private record LaterSides(Statement statement, String step, Side checkedBy, PrintedValue printed, List<Side> sides,
            List<String> sources, Map<String, Value> scope) {

        List<Failure> disagreements(FixtureResult result, Chapter chapter) {
            boolean resultHolds = result.findings().stream().filter(f -> f.step().equals(step)).findFirst()
                    .map(f -> !(f.verdict() instanceof Verdict.Mismatch || f.verdict() instanceof Verdict.Propagated)).orElse(false);
            if (!resultHolds) {
                return List.of(); // the result's own finding says what is wrong
            }
            Map<String, Value> book = new LinkedHashMap<>(scope);
            result.evaluation().ifPresent(e -> scope.keySet().forEach(name -> e.book(name).ifPresent(v -> book.put(name, v))));
            List<Failure> out = new ArrayList<>();
            for (int k = 0; k < sides.size(); k++) {
                Optional<Value> exact = value(sources.get(k), scope);
                Optional<Value> carried = value(sources.get(k), book);
                if (exact.isEmpty() || carried.isEmpty() || stands(printed, exact.get()) || stands(printed, carried.get())) {
                    continue; // a side that does not compute here claims nothing
                }
                Span at = sides.get(k).spans().get(0);
                out.add(new Failure.SidesDisagree("chapters/" + chapter.name() + ":" + at.line() + ":" + at.column(), statement.text(),
                        sides.get(k).text(), ValueText.exact(carried.get(), ValueText.digitsBeside(printed) + 1), checkedBy.text(),
                        printed.text()));
            }
            return out;
        }

        private static Optional<Value> value(String source, Map<String, Value> scope) {
            try {
                return Optional.of(org.bookcheck.expr.TermEvaluator.evaluate(Expressions.compile(source, scope), scope).value());
            } catch (RuntimeException e) { // ExprException too: a side that does not compile here
                return Optional.empty();
            }
        }

        /** Whether the printed result stands for the value; a value of another shape or kind claims nothing here. */
        private static boolean stands(PrintedValue printed, Value value) {
            return PrintedShapes.mismatch(printed, value).isPresent() || PrintedShapes.standsFor(printed, value);
        }
    }

    /**
     * The fixture that checks the statement on a chapter line, with the earlier statements it uses (for {@code trace
     * chapters/x.md:LINE}); empty when no checked statement covers that line.
     */
    public static Optional<Fixture> fixtureFor(Result result, int line) {
        Optional<Outcome.Checked> target = result.checked().stream()
                .filter(c -> line >= c.statement().line() && line <= c.statement().endLine()).findFirst();
        Optional<Fixture> all = result.fixture().flatMap(FixtureResult::fixture);
        if (target.isEmpty() || all.isEmpty()) {
            return Optional.empty();
        }
        java.util.Set<String> needed = new java.util.LinkedHashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(target.get().step()));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!needed.add(name)) {
                continue;
            }
            String source = all.get().step(name).orElseThrow().form().source();
            for (Step other : all.get().steps()) {
                if (java.util.regex.Pattern.compile("(?<![\\w])" + java.util.regex.Pattern.quote(other.name()) + "(?![\\w])")
                        .matcher(source).find()) {
                    todo.push(other.name());
                }
            }
        }
        List<Step> steps = all.get().steps().stream().filter(st -> needed.contains(st.name())).toList();
        Claim claim = all.get().claim() instanceof Claim.Erratum e && e.entries().stream().anyMatch(x -> needed.contains(x.step()))
                ? new Claim.Erratum(e.entries().stream().filter(x -> needed.contains(x.step())).toList())
                : all.get().claim() instanceof Claim.Illustrative i ? i : new Claim.Holds();
        return Optional.of(new Fixture(all.get().file(), FIXTURE_ID, "The statement on line " + target.get().statement().line() + " of "
                + result.chapter().name() + ": " + target.get().statement().text(), all.get().chapter(), steps.get(0).anchor().orElseThrow(),
                claim, List.of(), List.of(), steps, Optional.empty(), all.get().json()));
    }

    private static LocatedJson emptyJson() {
        try {
            return LocatedJson.parse("{}");
        } catch (LocatedJson.Malformed e) {
            throw new IllegalStateException(e);
        }
    }

    /** A step name from the statement's left-hand side ({@code Q[0][0]} → {@code Q_0_0}), else from its line; unique. */
    private static String stepName(Statement s, Map<String, Integer> used) {
        String base = s.name().map(StatementCheck::identifier).filter(n -> !n.isEmpty()).orElse("line" + s.line());
        int n = used.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "_" + n;
    }

    /** A name of the expression language for a left-hand side: letters, digits and underscores, not starting with a digit. */
    static String identifier(String lhs) {
        String t = lhs.replace("\\text", "").replace("\\mathrm", "").replace("\\mathbf", "").replace("\\", "");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            } else if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '_') {
                sb.append('_');
            }
        }
        while (!sb.isEmpty() && sb.charAt(sb.length() - 1) == '_') {
            sb.setLength(sb.length() - 1);
        }
        if (!sb.isEmpty() && Character.isDigit(sb.charAt(0))) {
            sb.insert(0, 'v');
        }
        return sb.toString();
    }

    /** The side's text with every bound left-hand side ({@code context[0]}) replaced by its step's name, longest first. */
    static String substitute(String text, Map<String, String> bound) {
        List<String> names = new ArrayList<>(bound.keySet());
        names.sort((a, b) -> b.length() - a.length());
        String out = text;
        for (String name : names) {
            StringBuilder sb = new StringBuilder();
            int from = 0;
            for (int at = out.indexOf(name); at >= 0; at = out.indexOf(name, at + name.length())) {
                boolean startOk = at == 0 || !(Character.isLetterOrDigit(out.charAt(at - 1)) || out.charAt(at - 1) == '_'
                        || out.charAt(at - 1) == '\\');
                int end = at + name.length();
                boolean endOk = end >= out.length() || !(Character.isLetterOrDigit(out.charAt(end)) || "_[(".indexOf(out.charAt(end)) >= 0);
                if (startOk && endOk) {
                    sb.append(out, from, at).append(bound.get(name));
                    from = end;
                }
            }
            sb.append(out.substring(from));
            out = sb.toString();
        }
        return out;
    }

    /**
     * The statement as a quote (the chapter's exact text from its first side to its result, line breaks included), with
     * the occurrence that is this place: the checker places the result after the last relation, and coverage counts
     * every number of the statement as checked.
     */
    private static Optional<Anchor> anchor(Chapter chapter, Statement s) {
        Span first = s.sides().get(0).spans().get(0);
        List<Span> last = s.result().spans();
        Span end = last.get(last.size() - 1);
        StringBuilder quote = new StringBuilder();
        for (int line = first.line(); line <= end.line(); line++) {
            String text = chapter.line(line);
            int from = line == first.line() ? first.start(text) : 0;
            int to = line == end.line() ? end.end(text) : text.length();
            quote.append(line == first.line() ? "" : "\n").append(text, from, to);
        }
        if (quote.length() > org.bookcheck.fixture.FixtureReader.MAX_QUOTE_CHARS) {
            return Optional.empty();
        }
        List<QuoteLocation.Found> hits = QuoteLocator.occurrences(chapter, quote.toString());
        for (int k = 0; k < hits.size(); k++) {
            if (hits.get(k).start().line() == first.line() && hits.get(k).start().column() == first.column()) {
                return Optional.of(new Anchor(quote.toString(), hits.size() == 1 ? 0 : k + 1));
            }
        }
        return Optional.empty();
    }
}
