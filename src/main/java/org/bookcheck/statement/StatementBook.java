package org.bookcheck.statement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.chapter.Span;
import org.bookcheck.check.Book;
import org.bookcheck.check.BookReport;
import org.bookcheck.check.Failure;
import org.bookcheck.check.Finding;
import org.bookcheck.check.FixtureResult;
import org.bookcheck.check.Verdict;
import org.bookcheck.fixture.FixtureError;

/**
 * A book's statements checked beside its fixtures: each selected chapter's statements become one more result of the
 * book report, so every format reports them. A printed value that a fixture checks too is reported once, by the
 * fixture; where the two disagree the report says so in a note about the fixture.
 */
public final class StatementBook {

    /** What {@code verify --statements} does with the statements. */
    public enum Mode {
        /** Statements are not looked for. */
        OFF,
        /** Statements are reported, never failing the run. */
        REPORT,
        /** Statements are holds claims (the default): a wrong one fails the run. */
        CHECK;

        /** The mode of an option value: {@code off}, {@code report} or {@code check}. */
        public static Mode parse(String option) {
            return switch (option) {
                case "off" -> OFF;
                case "report" -> REPORT;
                case "check" -> CHECK;
                default -> throw new IllegalArgumentException("--statements takes off, report or check, not \"" + option + "\"");
            };
        }
    }

    /** The report with the statements of the chapters, and what each chapter's check found. */
    public record Checked(BookReport report, List<StatementCheck.Result> chapters) {

        public Checked {
            chapters = List.copyOf(chapters);
        }

        /** The statement a statement finding checks (by its chapter and step). */
        public Optional<Statement> statementOf(Finding finding) {
            if (!StatementCheck.isStatement(finding)) {
                return Optional.empty();
            }
            return chapters.stream().filter(r -> r.chapter().name().equals(finding.location().chapter()))
                    .flatMap(r -> r.statementOf(finding).stream()).findFirst();
        }
    }

    private StatementBook() {
    }

    /** The exceptions file of a chapter: {@code fixtures/<chapter-stem>/statements.json}. */
    public static Path exceptionsFile(Book book, Chapter chapter) {
        return book.fixturesDir().resolve(chapter.stem()).resolve(StatementCheck.EXCEPTIONS_FILE);
    }

    /** Checks the statements of the chapters and adds them to the fixtures' report. */
    public static Checked check(Book book, List<String> chapterNames, BookReport fixtures, Mode mode) {
        if (mode == Mode.OFF) {
            return new Checked(fixtures, List.of());
        }
        List<FixtureResult> results = new ArrayList<>(fixtures.results());
        List<String> notes = new ArrayList<>(fixtures.notes());
        List<StatementCheck.Result> checked = new ArrayList<>();
        for (String name : chapterNames) {
            Optional<Chapter> chapter = book.chapter(name);
            if (chapter.isEmpty()) {
                continue;
            }
            Path file = exceptionsFile(book, chapter.get());
            StatementExceptions.Read read = StatementExceptions.read(file);
            List<FixtureError> errors = new ArrayList<>(read.exceptions().errors());
            if (errors.isEmpty()) {
                errors.addAll(read.exceptions().unmatched(StatementFinder.find(chapter.get()), read.json()));
            }
            if (!errors.isEmpty()) {
                results.add(new FixtureResult(file, Optional.empty(), List.of(), List.of(), List.of(), errors));
                continue;
            }
            StatementCheck.Result result = StatementCheck.check(chapter.get(), file, read.exceptions(), mode == Mode.REPORT);
            checked.add(result);
            if (!result.statements().isEmpty()) {
                notes.add(summary(result));
            }
            if (result.fixture().isEmpty()) {
                continue;
            }
            FixtureResult own = result.fixture().get();
            List<Finding> kept = new ArrayList<>();
            for (Finding f : own.findings()) {
                Optional<Finding> byFixture = fixtures.findings().filter(x -> x.location().chapter().equals(f.location().chapter())
                        && overlaps(x.spans(), f.spans())).findFirst();
                if (byFixture.isEmpty()) {
                    kept.add(f);
                } else if (f.verdict() instanceof Verdict.Mismatch && !wrong(byFixture.get())) {
                    // the line's own arithmetic is wrong, yet the fixture finds the value right: the fixture computes something
                    // else than the line says (a fixture that finds a value wrong which the line's own numbers give is no
                    // disagreement: the error is upstream, in an operand)
                    Finding fixtureFinding = byFixture.get();
                    Failure disagreement = new Failure.LineDisagrees(fixtureFinding,
                            result.statementOf(f).map(Statement::text).orElse(f.quote()), f.exactRounded());
                    results.replaceAll(r -> r.findings().contains(fixtureFinding) ? withFailure(r, disagreement) : r);
                }
            }
            // the kept findings' failures, and those about no single value (sides of a line that disagree)
            List<Failure> failures = new ArrayList<>(own.failures().stream().filter(x -> x.checkedValue().isEmpty()).toList());
            failures.addAll(kept.stream().filter(Finding::failsClaim).map(Failure::of).toList());
            results.add(new FixtureResult(own.file(), own.fixture(), kept, own.givens(), failures, own.errors(), own.evaluation()));
        }
        return new Checked(new BookReport(fixtures.root(), results, fixtures.waivers(), notes), checked);
    }

    /** {@code chapters/x.md: 22 statements, 21 checked, 1 not understood (75:1 K^T = [0.1, 0.0]: unknown name "K")}. */
    static String summary(StatementCheck.Result result) {
        List<StatementCheck.Outcome.NotUnderstood> not = result.notUnderstood();
        long exempt = result.outcomes().stream().filter(o -> o instanceof StatementCheck.Outcome.Exempt).count();
        StringBuilder sb = new StringBuilder("chapters/" + result.chapter().name() + ": " + result.statements().size() + " statements, "
                + result.checked().size() + " checked" + (exempt > 0 ? ", " + exempt + " left out by " + StatementCheck.EXCEPTIONS_FILE : "")
                + ", " + not.size() + " not understood");
        if (!not.isEmpty()) {
            sb.append(not.stream().map(n -> n.statement().location() + " " + n.statement().text() + ": "
                    + n.reason().lines().findFirst().orElse("").replaceFirst(" Names available here:.*", ""))
                    .collect(java.util.stream.Collectors.joining("; ", " (", ")")));
        }
        return sb.toString();
    }

    private static FixtureResult withFailure(FixtureResult r, Failure failure) {
        List<Failure> failures = new ArrayList<>(r.failures());
        failures.add(failure);
        return new FixtureResult(r.file(), r.fixture(), r.findings(), r.givens(), failures, r.errors(), r.evaluation());
    }

    private static boolean wrong(Finding f) {
        // mismatch or propagated: the value is wrong against the exact chain
        return f.verdict() instanceof Verdict.Mismatch || f.verdict() instanceof Verdict.Propagated;
    }

    private static boolean overlaps(List<Span> a, List<Span> b) {
        for (Span x : a) {
            for (Span y : b) {
                if (x.line() == y.line() && x.column() < y.endColumn() && y.column() < x.endColumn()) {
                    return true;
                }
            }
        }
        return false;
    }
}
