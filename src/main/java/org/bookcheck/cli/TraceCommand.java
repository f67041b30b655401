package org.bookcheck.cli;

import java.util.List;
import java.util.Optional;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.check.Book;
import org.bookcheck.check.BookChecker;
import org.bookcheck.check.Evaluation;
import org.bookcheck.check.FixtureChecker;
import org.bookcheck.check.FixtureResult;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.FixtureLoad;
import org.bookcheck.statement.StatementBook;
import org.bookcheck.statement.StatementCheck;
import org.bookcheck.statement.StatementExceptions;
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

    @Parameters(paramLabel = "FIXTURE-ID", description = "The id of the fixture (its file name without .json), or CHAPTER:LINE"
            + " (chapters/x.md:103) for the statement written out on that line.")
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
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("(.+\\.md):(\\d+)").matcher(id);
        if (at.matches()) {
            return statement(book, at.group(1), Integer.parseInt(at.group(2)), numbers);
        }
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

    /** {@code trace chapters/x.md:LINE}: the statement written out on that line, checked and traced as a fixture's step. */
    private ExitCode statement(Book book, String path, int line, TraceNumbers numbers) throws Exception {
        java.nio.file.Path given = java.nio.file.Path.of(path);
        java.nio.file.Path file = (given.isAbsolute() ? given : book.root().resolve(given)).toAbsolutePath().normalize();
        String name = BookSelection.chapterName(book, file, given);
        Chapter chapter = book.chapter(name).orElseThrow(() -> new UserError("cannot trace " + path + ": " + book.chapterProblem(name)));
        if (line < 1 || line > chapter.lines().size()) {
            throw new UserError(path + " has " + chapter.lines().size() + " lines; there is no line " + line);
        }
        java.nio.file.Path exceptionsFile = StatementBook.exceptionsFile(book, chapter);
        StatementExceptions.Read read = StatementExceptions.read(exceptionsFile);
        if (!read.exceptions().errors().isEmpty()) {
            read.exceptions().errors().forEach(e -> err().println(e.render(book.root())));
            throw new UserError("the statement exceptions file cannot be read; fix the problems above first");
        }
        StatementCheck.Result result = StatementCheck.check(chapter, exceptionsFile, read.exceptions());
        Fixture fixture = StatementCheck.fixtureFor(result, line).orElseThrow(() -> new UserError(path + ":" + line
                + " has no checked statement (a written-out calculation such as x = 0.5 × 2 = 1.0)"
                + result.notUnderstood().stream().filter(n -> line >= n.statement().line() && line <= n.statement().endLine())
                        .findFirst().map(n -> "; the statement there is not understood: " + n.reason().lines().findFirst().orElse(""))
                        .orElse(result.checked().isEmpty() ? "" : "; checked statements start on lines " + result.checked().stream()
                                .map(c -> String.valueOf(c.statement().line())).distinct().collect(java.util.stream.Collectors.joining(", ")))));
        FixtureResult checked = FixtureChecker.check(fixture, chapter);
        Evaluation evaluation = checked.evaluation().orElseGet(() -> Evaluation.of(fixture));
        output.write(trace.render(TraceBuilder.build(evaluation, Optional.of(checked).filter(r -> !r.invalid()), numbers)), out(), err());
        return ExitCode.OK;
    }
}
