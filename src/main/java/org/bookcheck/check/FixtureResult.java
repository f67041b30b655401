package org.bookcheck.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bookcheck.chapter.Span;
import org.bookcheck.fixture.ClaimKind;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.FixtureError;

/**
 * The outcome of checking one fixture file: its findings, and if it fails, why. A file that is not a
 * usable fixture has errors and no findings.
 *
 * @param failures   why the fixture fails (a wrong number, a fixed erratum, a quote that moved), one each
 * @param evaluation the fixture's exact evaluation, where it computes: a trace renders from it instead of computing again
 */
public record FixtureResult(Path file, Optional<Fixture> fixture, List<Finding> findings, List<Given> givens,
        List<Failure> failures, List<FixtureError> errors, Optional<Evaluation> evaluation) {

    /** An input the book gives, and where: {@code spans} has one span per element of its printed value, as a finding's. */
    public record Given(String input, Location location, String quote, List<Span> spans) {

        public Given {
            spans = List.copyOf(spans);
        }
    }

    public FixtureResult {
        findings = List.copyOf(findings);
        givens = List.copyOf(givens);
        failures = List.copyOf(failures);
        errors = List.copyOf(errors);
    }

    public FixtureResult(Path file, Optional<Fixture> fixture, List<Finding> findings, List<Given> givens, List<Failure> failures,
            List<FixtureError> errors) {
        this(file, fixture, findings, givens, failures, errors, Optional.empty());
    }

    /** This result with the evaluation it was judged from, which must be of its fixture and compute. */
    FixtureResult withEvaluation(Evaluation e) {
        if (fixture.isEmpty() || e.fixture() != fixture.get() || !e.errors().isEmpty()) {
            throw new IllegalArgumentException("the evaluation of " + e.fixture().id() + " does not belong to the result of " + id()
                    + " or does not compute");
        }
        return new FixtureResult(file, fixture, findings, givens, failures, errors, Optional.of(e));
    }

    static FixtureResult invalid(Path file, Optional<Fixture> fixture, List<FixtureError> errors) {
        return new FixtureResult(file, fixture, List.of(), List.of(), List.of(), errors);
    }

    /** The fixture is usable, every claim in it holds as claimed and every quote is in place. */
    public boolean passed() {
        return errors.isEmpty() && failures.isEmpty();
    }

    public boolean invalid() {
        return !errors.isEmpty();
    }

    /** The fixture id, or the file name when the file could not be read as a fixture. */
    public String id() {
        return fixture.map(Fixture::id).orElse(file.getFileName().toString().replaceFirst("\\.json$", ""));
    }

    /** The chapter stem the fixture belongs to, or its folder name when it could not be read. */
    public String chapterStem() {
        return fixture.map(Fixture::chapterStem).orElse(file.getParent() == null ? "" : file.getParent().getFileName().toString());
    }

    public Optional<ClaimKind> claim() {
        return fixture.map(f -> f.claim().kind());
    }
}
