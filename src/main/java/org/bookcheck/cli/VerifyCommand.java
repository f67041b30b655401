package org.bookcheck.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bookcheck.check.BookChecker;
import org.bookcheck.check.BookReport;
import org.bookcheck.check.FixtureResult;
import org.bookcheck.coverage.ChapterCoverage;
import org.bookcheck.coverage.CoverageAnalyzer;
import org.bookcheck.report.Correction;
import org.bookcheck.report.HtmlReport;
import org.bookcheck.report.JsonReport;
import org.bookcheck.report.JunitReport;
import org.bookcheck.report.MarkdownReport;
import org.bookcheck.report.ReportView;
import org.bookcheck.report.TextReport;
import org.bookcheck.report.VerifyFormat;
import org.bookcheck.statement.StatementBook;
import org.bookcheck.trace.TraceBuilder;
import org.bookcheck.trace.TraceNumbers;
import org.bookcheck.trace.TraceRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bookcheck verify}: checks chapters against their fixtures and prints the report. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the chapters against their fixtures and print the report: per chapter, every checked number with its"
                + " line and verdict, wrong numbers first (origins before the values they propagate to).",
                "Exit codes: 0 every claim as claimed (holds hold, errata still wrong); 1 a claim fails; 2 a bad fixture or bad usage."})
public final class VerifyCommand extends BaseCommand {

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Chapters (.md), fixtures (.json) or folders to check (default: the book's chapters/ and fixtures/).")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown, json, html or junit (default: ${DEFAULT-VALUE}).")
    VerifyFormat format;

    @Option(names = "--statements", paramLabel = "MODE", defaultValue = "check",
            description = "off, report or check (default: ${DEFAULT-VALUE}): the calculations the chapters write out in full"
                    + " (x = 0.5 × 2 = 1.0), checked with no fixture; report lists them without failing the run.")
    String statements;

    @Mixin
    OutputOption output;

    @Mixin
    BookOption bookOption;

    @Override
    protected ExitCode execute() throws Exception {
        StatementBook.Mode mode = statementMode(statements);
        BookSelection selection = BookSelection.of(bookOption, paths);
        boolean onlyFixtures = !paths.isEmpty() && paths.stream().allMatch(p -> p.toString().endsWith(".json"));
        if (mode == StatementBook.Mode.OFF || onlyFixtures) {
            selection.requireFixtures();
        }
        BookReport fixtures = BookChecker.check(selection.book(), selection.fixtureFiles());
        StatementBook.Checked checked = StatementBook.check(selection.book(), onlyFixtures ? List.of() : selection.chapters(), fixtures, mode);
        if (selection.fixtureFiles().isEmpty() && checked.report().results().isEmpty()) {
            selection.requireFixtures();
        }
        BookReport report = checked.report();
        ExitCode code = report.hasInvalidFixtures() || report.invalid() > 0 ? ExitCode.BAD_INPUT
                : report.passed() ? ExitCode.OK : ExitCode.CLAIM_FAILED;
        ReportView view = new ReportView(report, selection.chapters());
        String text = switch (format) {
            case TEXT -> TextReport.render(view);
            case MARKDOWN -> MarkdownReport.render(view);
            case JSON -> JsonReport.render(view, code.code(), Correction.all(report.results(), selection.book()::chapter),
                    checked::statementOf);
            case JUNIT -> JunitReport.render(view);
            case HTML -> html(view, selection);
        };
        output.write(text, out(), err());
        selection.reportUnusable(report, err(), "verify");
        return code;
    }

    /** The value of a {@code --statements} option, or the one message a bad one gets. */
    static StatementBook.Mode statementMode(String option) {
        try {
            return StatementBook.Mode.parse(option);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static String html(ReportView view, BookSelection selection) {
        List<ChapterCoverage> coverage = new ArrayList<>();
        for (String name : view.allChapters()) {
            selection.book().chapter(name).ifPresent(c -> coverage.add(CoverageAnalyzer.analyze(c, view.report())));
        }
        Map<String, String> traces = new LinkedHashMap<>();
        for (FixtureResult r : view.report().results()) {
            if (r.fixture().isPresent() && !r.invalid()) {
                traces.put(r.id(), TraceRenderer.text(TraceBuilder.build(r.fixture().get(), Optional.of(r), TraceNumbers.asPrinted())));
            }
        }
        return HtmlReport.render(view, coverage, traces);
    }
}
