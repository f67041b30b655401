package org.bookcheck.cli;

import org.bookcheck.statement.StatementBook;
import org.bookcheck.statement.StatementCheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bookcheck.check.BookChecker;
import org.bookcheck.check.BookReport;
import org.bookcheck.coverage.ChapterCoverage;
import org.bookcheck.coverage.CoverageAnalyzer;
import org.bookcheck.coverage.NumberCoverage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bookcheck coverage}: every number of the chapters, and whether a fixture checks it, a waiver explains it, or nothing does. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"List every number of the chapters (read with a Markdown parser: code, links, headings, images and HTML are"
                + " skipped) with what accounts for it: covered (a fixture's quote holds it), waived (fixtures/<chapter>/waivers.json"
                + " lists it, with the reason) or uncovered; then the fraction per chapter.",
                "Exit codes: 0 done; 1 a chapter is below --fail-under; 2 bad fixtures or bad usage."})
public final class CoverageCommand extends BaseCommand {

    /** The forms of the coverage report. */
    public enum Format { TEXT, JSON }

    @Parameters(paramLabel = "CHAPTER", arity = "0..*", description = "Chapters (.md) to report on (default: every chapter of the book).")
    List<Path> chapters = new ArrayList<>();

    @Option(names = "--fail-under", paramLabel = "PERCENT",
            description = "Exit with 1 when a chapter has less than PERCENT of its numbers covered or waived.")
    Double failUnder;

    @Option(names = "--uncovered", description = "List only the numbers nothing accounts for.")
    boolean onlyUncovered;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--statements", paramLabel = "MODE", defaultValue = "check",
            description = "off, report or check (default: ${DEFAULT-VALUE}): count the numbers of the calculations the chapters write"
                    + " out in full (checked with no fixture) as covered, and list those statements.")
    String statements;

    @Mixin
    OutputOption output;

    @Mixin
    BookOption bookOption;

    @Override
    protected ExitCode execute() throws Exception {
        if (failUnder != null && !(failUnder >= 0 && failUnder <= 100)) {
            throw new UserError("--fail-under is a percentage between 0 and 100, got " + failUnder);
        }
        for (Path p : chapters) {
            if (!p.getFileName().toString().endsWith(".md") && java.nio.file.Files.isRegularFile(p)) {
                throw new UserError(p + " is not a Markdown chapter (chapters are .md files)");
            }
        }
        StatementBook.Mode mode = VerifyCommand.statementMode(statements);
        BookSelection selection = BookSelection.of(bookOption, chapters);
        StatementBook.Checked checked = StatementBook.check(selection.book(), selection.chapters(), BookChecker.check(selection.book()), mode);
        BookReport report = checked.report();
        this.checked = checked;
        List<ChapterCoverage> coverage = new ArrayList<>();
        for (String name : selection.chapters()) {
            selection.book().chapter(name).ifPresent(c -> coverage.add(CoverageAnalyzer.analyze(c, report)));
        }
        output.write(format == Format.JSON ? json(coverage) : text(coverage), out(), err());
        if (report.invalid() > 0) {
            err().println("bookcheck coverage: " + report.invalid() + " fixture or waiver files are unusable, so their numbers count as"
                    + " uncovered; run bookcheck verify to see why");
            return ExitCode.BAD_INPUT;
        }
        if (failUnder != null) {
            List<ChapterCoverage> below = coverage.stream().filter(c -> c.accountedPercent() < failUnder).toList();
            below.forEach(c -> err().println("bookcheck coverage: chapters/" + c.chapter().name() + " has "
                    + ChapterCoverage.percent(c.accountedPercent()) + " covered or waived, under --fail-under " + failUnder + "%"));
            return below.isEmpty() ? ExitCode.OK : ExitCode.CLAIM_FAILED;
        }
        return ExitCode.OK;
    }

    private StatementBook.Checked checked;

    private List<StatementCheck.Outcome> statementsOf(ChapterCoverage c) {
        return checked.chapters().stream().filter(r -> r.chapter().name().equals(c.chapter().name()))
                .flatMap(r -> r.outcomes().stream()).toList();
    }

    private static String status(StatementCheck.Outcome o) {
        return switch (o) {
            case StatementCheck.Outcome.Checked k -> "checked";
            case StatementCheck.Outcome.NotUnderstood n -> "not understood";
            case StatementCheck.Outcome.Exempt e -> "left out";
        };
    }

    private static String reason(StatementCheck.Outcome o) {
        return switch (o) {
            case StatementCheck.Outcome.Checked k -> null;
            case StatementCheck.Outcome.NotUnderstood n -> n.reason().lines().findFirst().orElse("").replaceFirst(" Names available here:.*", "");
            case StatementCheck.Outcome.Exempt e -> e.kind() + ": " + e.reason();
        };
    }

    private String text(List<ChapterCoverage> coverage) {
        StringBuilder out = new StringBuilder();
        for (ChapterCoverage c : coverage) {
            out.append("chapters/").append(c.chapter().name()).append('\n');
            for (NumberCoverage n : c.numbers()) {
                if (onlyUncovered && !n.uncovered()) {
                    continue;
                }
                String where = n.number().line() + ":" + n.number().column();
                out.append(String.format(java.util.Locale.ROOT, "  %-9s %-10s %-10s %-9s %s%n", where, n.number().text(),
                        n.number().context().word(), n.covered() ? "covered" : n.waived() ? "waived" : "UNCOVERED",
                        n.covered() ? n.explanation() + " (" + n.mark().label() + ")" : n.waived() ? n.waiver().get().reason() : ""));
            }
            List<StatementCheck.Outcome> found = statementsOf(c);
            if (!found.isEmpty() && !onlyUncovered) {
                out.append("  statements written out (").append(found.size()).append("):\n");
                for (StatementCheck.Outcome o : found) {
                    out.append(String.format(java.util.Locale.ROOT, "  %-9s %-15s %s%s%n", o.statement().location(), status(o),
                            o.statement().text(), reason(o) == null ? "" : " — " + reason(o)));
                }
            }
            out.append(c.summaryLine()).append("\n\n");
        }
        return out.toString();
    }

    private String json(List<ChapterCoverage> coverage) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", "bookcheck-coverage/1");
        ArrayNode chapters = root.putArray("chapters");
        for (ChapterCoverage c : coverage) {
            ObjectNode ch = chapters.addObject();
            ch.put("chapter", c.chapter().name());
            ch.put("numbers", c.numbers().size());
            ch.put("covered", c.covered());
            ch.put("waived", c.waived());
            ch.put("uncovered", c.uncovered());
            ch.put("coveredOrWaivedPercent", c.accountedPercent());
            ArrayNode statementList = ch.putArray("statements");
            for (StatementCheck.Outcome o : statementsOf(c)) {
                ObjectNode st = statementList.addObject();
                st.put("line", o.statement().line());
                st.put("location", o.statement().location());
                st.put("text", o.statement().text());
                st.put("context", o.statement().context().word());
                st.put("status", status(o));
                st.put("reason", reason(o));
            }
            ArrayNode list = ch.putArray("items");
            for (NumberCoverage n : c.numbers()) {
                ObjectNode item = list.addObject();
                item.put("line", n.number().line());
                item.put("column", n.number().column());
                item.put("number", n.number().text());
                item.put("context", n.number().context().word());
                item.put("status", n.covered() ? "covered" : n.waived() ? "waived" : "uncovered");
                item.put("mark", n.mark().word());
                item.put("by", n.covered() ? n.explanation() : null);
                item.put("reason", n.waived() ? n.waiver().get().reason() : null);
            }
        }
        return mapper.writeValueAsString(root) + "\n";
    }
}
