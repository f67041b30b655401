package org.bookcheck.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.check.BookChecker;
import org.bookcheck.check.BookReport;
import org.bookcheck.report.Correction;
import org.bookcheck.report.UnifiedDiff;
import org.bookcheck.statement.StatementBook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bookcheck fix}: the suggested corrections of every wrong number, as a unified diff for {@code git apply}. */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = {"Suggest a correction for every wrong printed number (the erratum's correction where the fixture gives one,"
                + " else the exact value at the printed precision, or the value the line's own printed inputs give where it shows"
                + " them), as a unified diff of the chapters to review and apply with git apply. Only the wrong numbers' own tokens"
                + " are replaced, so the rest of each line stays as written; illustrative fixtures are left alone unless asked."
                + " Never edits a chapter."})
public final class FixCommand extends BaseCommand {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Chapters, fixtures or folders (default: the whole book).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--include-illustrative", description = "Also correct the numbers of illustrative fixtures (the book says they are made up).")
    boolean includeIllustrative;

    @Option(names = "--statements", paramLabel = "MODE", defaultValue = "check",
            description = "off, report or check (default: ${DEFAULT-VALUE}): also correct the calculations the chapters write out in"
                    + " full (x = 0.5 × 2 = 1.0), checked with no fixture.")
    String statements;

    @Mixin
    OutputOption output;

    @Mixin
    BookOption bookOption;

    @Override
    protected ExitCode execute() throws Exception {
        StatementBook.Mode mode = VerifyCommand.statementMode(statements);
        BookSelection selection = BookSelection.of(bookOption, paths);
        boolean onlyFixtures = !paths.isEmpty() && paths.stream().allMatch(p -> p.toString().endsWith(".json"));
        if (mode == StatementBook.Mode.OFF || onlyFixtures) {
            selection.requireFixtures();
        }
        BookReport fixtures = BookChecker.check(selection.book(), selection.fixtureFiles());
        BookReport report = StatementBook.check(selection.book(), onlyFixtures ? List.of() : selection.chapters(), fixtures, mode).report();
        if (selection.fixtureFiles().isEmpty() && report.results().isEmpty()) {
            selection.requireFixtures();
        }
        List<Correction> corrections = Correction.all(report.results(), selection.book()::chapter, includeIllustrative);
        Map<String, TreeMap<Integer, List<Correction.Replacement>>> byChapter = new LinkedHashMap<>();
        int unplaced = 0;
        for (Correction c : corrections) {
            c.notes().forEach(note -> err().println("note: " + note));
            if (c.replacements().isEmpty() && c.notes().stream().noneMatch(n -> n.contains("needs rewriting"))) {
                unplaced++;
                err().println("note: " + c.finding().fixtureId() + " › " + c.finding().step() + " (chapters/" + c.finding().location()
                        + "): no element of " + c.from() + " could be placed on the line; correct it by hand to " + c.to());
            }
            for (Correction.Replacement r : c.replacements()) {
                List<Correction.Replacement> onLine = byChapter.computeIfAbsent(c.finding().location().chapter(), k -> new TreeMap<>())
                        .computeIfAbsent(r.line(), k -> new ArrayList<>());
                if (onLine.stream().noneMatch(x -> x.start() == r.start())) {
                    onLine.add(r);
                }
            }
        }
        StringBuilder diff = new StringBuilder();
        for (var e : byChapter.entrySet()) {
            Chapter chapter = selection.book().chapter(e.getKey()).orElseThrow();
            Map<Integer, String> lines = new TreeMap<>();
            e.getValue().forEach((line, replacements) -> {
                StringBuilder text = new StringBuilder(chapter.line(line));
                replacements.stream().sorted(Comparator.comparingInt(Correction.Replacement::start).reversed())
                        .forEach(r -> text.replace(r.start(), r.end(), r.to()));
                lines.put(line, text.toString());
            });
            diff.append(UnifiedDiff.of("chapters/" + e.getKey(), chapter.text(), lines));
        }
        if (diff.isEmpty()) {
            err().println("bookcheck fix: no wrong numbers to correct" + (unplaced > 0 ? " on the chapters' lines" : "")
                    + " (" + report.summaryLine() + ")");
        }
        output.write(diff.toString(), out(), err());
        selection.reportUnusable(report, err(), "fix");
        return report.invalid() > 0 ? ExitCode.BAD_INPUT : ExitCode.OK;
    }
}
