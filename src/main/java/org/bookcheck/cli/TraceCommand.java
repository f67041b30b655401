package org.bookcheck.cli;

import java.util.List;
import java.util.Optional;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.check.Book;
import org.bookcheck.check.Evaluation;
import org.bookcheck.check.BookChecker;
import org.bookcheck.check.FixtureResult;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.FixtureLoad;
import org.bookcheck.trace.TraceBuilder;
import org.bookcheck.trace.TraceNumbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bookcheck trace <fixture-id>}: the worked calculation of a fixture, step by step, in the chapter's style. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Print the worked calculation of a fixture in the chapter's style: Given, Equation to solve, Computation"
                + " (the arithmetic of every element) and Result, with ✓ or ✗ and the exact value beside each number the book prints.",
                "Numbers appear at the book's printed precision unless --digits is given. Markdown and LaTeX paste into a chapter."})
public final class TraceCommand extends BaseCommand {

    @Parameters(paramLabel = "FIXTURE-ID", description = "The id of the fixture (its file name without .json).")
    String id;

    @Mixin
    TraceOptions trace;

    @Mixin
    OutputOption output;

    @Mixin
    BookOption bookOption;

    @Override
    protected ExitCode execute() throws Exception {
        TraceNumbers numbers = trace.numbers();
        Book book = bookOption.book();
        Fixture fixture = switch (FixtureIndex.find(book, id)) {
            case FixtureLoad.Loaded loaded -> loaded.fixture();
            case FixtureLoad.Rejected rejected -> {
                rejected.errors().forEach(e -> err().println(e.render(book.root())));
                throw new UserError("the fixture \"" + id + "\" cannot be read; fix the problems above first");
            }
        };
        Optional<Chapter> chapter = book.chapter(fixture.chapter());
        // Checked as part of the book, so that the values it imports from other fixtures are there.
        Optional<FixtureResult> result = chapter.isEmpty() ? Optional.empty()
                : BookChecker.check(book, List.of(fixture.file())).results().stream().findFirst();
        // The check's own evaluation, so the trace shows the values that were judged; without the chapter, one evaluation here.
        Evaluation evaluation = result.flatMap(FixtureResult::evaluation).orElseGet(() -> Evaluation.of(fixture));
        if (!evaluation.errors().isEmpty()) {
            evaluation.errors().forEach(e -> err().println(e.render(book.root())));
            throw new UserError("the fixture \"" + id + "\" does not compute; fix the problems above first");
        }
        result.ifPresent(r -> r.errors().forEach(e -> err().println("note: " + e.render(book.root()))));
        output.write(trace.render(TraceBuilder.build(evaluation, result.filter(r -> !r.invalid()), numbers)), out(), err());
        return ExitCode.OK;
    }
}
