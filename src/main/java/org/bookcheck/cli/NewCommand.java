package org.bookcheck.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.chapter.ChapterNumbers;
import org.bookcheck.chapter.LineValues;
import org.bookcheck.chapter.QuoteLocation;
import org.bookcheck.chapter.QuoteLocator;
import org.bookcheck.chapter.Span;
import org.bookcheck.check.Book;
import org.bookcheck.check.Finding;
import org.bookcheck.check.FindingText;
import org.bookcheck.check.FixtureChecker;
import org.bookcheck.check.FixtureResult;
import org.bookcheck.fixture.ClaimKind;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.FixtureLoad;
import org.bookcheck.fixture.FixtureReader;
import org.bookcheck.fixture.PrintedValueParser;
import org.bookcheck.io.AtomicFiles;
import org.bookcheck.reference.Operation;
import org.bookcheck.reference.Param;
import org.bookcheck.statement.StatementFinder;
import org.bookcheck.text.EditDistance;
import org.bookcheck.trace.TraceBuilder;
import org.bookcheck.trace.TraceNumbers;
import org.bookcheck.trace.TraceRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bookcheck new}: a fixture from a chapter line (over a range of lines, or with the options of that mode, see
 * {@link NewChain}). Finds the values printed on the line, proposes
 * the last as the printed result and the others as inputs, takes the operation and its bindings from
 * options or asks for them, writes {@code fixtures/<stem>/<id>.json} atomically (never over an existing
 * file without {@code --force}), checks it at once and prints the verdict and the worked trace.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Add a fixture for a worked example of a chapter. With a range of lines (chapters/worksheet.md:40-52), bookcheck"
                + " reads every calculation written out there into one expression step per printed result (or an input for a value"
                + " the book gives), lists how it read each, lets --name, --expr, --value, --skip, --input or the prompt change any"
                + " (--yes accepts them all), gathers the elements of a list or matrix worked out on consecutive lines into one step"
                + " (--separate keeps them apart), writes the fixture (or adds to one with --append), checks it and prints verdicts and trace.",
                "With one line that writes its calculation out, the same for that line (Enter takes the statement as a step).",
                "With one line and --op (chapters/04-training-neural-networks.md:37), a line with no written-out calculation,"
                + " or a --quote; bookcheck lists the values printed there as v1, v2, ..., proposes the last as the printed result,"
                + " asks for the operation and which value each argument takes (or takes them from --op and --arg), writes the"
                + " fixture, checks it and prints the verdict and the trace.",
                "Exit codes: 0 the new fixture's claim holds; 1 it fails (the book may be wrong: see the verdict); 2 bad usage."})
public final class NewCommand extends BaseCommand {

    @Parameters(paramLabel = "CHAPTER[:LINE[-LAST]]", arity = "0..1",
            description = "The chapter and line, e.g. chapters/04-training-neural-networks.md:37 (with --quote, the chapter alone),"
                    + " or a range of lines, e.g. chapters/worksheet.md:40-52.")
    String location;

    @Option(names = "--quote", paramLabel = "TEXT", description = "Exact text of the chapter line instead of a line number; only its values are used.")
    String quote;

    @Option(names = "--occurrence", paramLabel = "N", description = "Which occurrence of --quote (from 1) when it occurs more than once.")
    Integer occurrence;

    @Option(names = "--id", paramLabel = "ID", description = "The fixture's id and file name (lower-case words joined by hyphens).")
    String id;

    @Option(names = "--title", paramLabel = "TEXT", description = "A short title (default: the operation and the line).")
    String title;

    @Option(names = "--op", paramLabel = "OP", description = "The operation of the catalogue (bookcheck schema lists them); without it, bookcheck asks.")
    String op;

    @Option(names = "--arg", paramLabel = "PARAM=VALUE",
            description = "Bind a parameter of the operation to a value of the line (v1, v2, ...) or to a number, e.g. --arg lr=v2 or --arg lr=0.1.")
    Map<String, String> args = new LinkedHashMap<>();

    @Option(names = "--printed", paramLabel = "VALUE",
            description = "The printed result: a value of the line (v3) or the text as printed (default: the last value of the line).")
    String printed;

    @Option(names = "--step", paramLabel = "NAME", defaultValue = "result", description = "The step's name (default: ${DEFAULT-VALUE}).")
    String step;

    @Option(names = "--claim", paramLabel = "CLAIM", defaultValue = "holds",
            description = "holds, erratum, illustrative or supplementary (default: ${DEFAULT-VALUE}).")
    ClaimKind claim;

    @Option(names = "--note", paramLabel = "TEXT",
            description = "Why the claim is what it is: required for erratum (the explanation), illustrative and supplementary.")
    String note;

    @Option(names = "--force", description = "Replace an existing fixture file with the same id.")
    boolean force;

    @Option(names = "--append", paramLabel = "FIXTURE",
            description = "Add the steps read from the lines to this fixture file (replaced atomically, only if unchanged since read).")
    Path append;

    @Option(names = "--name", paramLabel = "KEY=NAME", description = "Name the step of a line (KEY: its line, or the proposed name) NAME.")
    Map<String, String> names = new LinkedHashMap<>();

    @Option(names = "--expr", paramLabel = "KEY=EXPR", description = "Write the step of a line (KEY: its line, or the proposed name) as EXPR.")
    Map<String, String> exprs = new LinkedHashMap<>();

    @Option(names = "--value", paramLabel = "KEY=PRINTED", description = "Take PRINTED as the printed value of the line (KEY: its line, or the proposed name).")
    Map<String, String> values = new LinkedHashMap<>();

    @Option(names = "--skip", paramLabel = "KEY", description = "Leave out the proposal of a line (its line, or the proposed name).")
    List<String> skips = new ArrayList<>();

    @Option(names = "--input", paramLabel = "KEY", description = "Take the value of a line (its line, or the proposed name) as an input the book gives.")
    List<String> givens = new ArrayList<>();

    @Option(names = "--yes", description = "Accept every proposal not decided by an option, without asking.")
    boolean yes;

    @Option(names = "--dry-run", description = "Show the fixture and its verdicts, and write nothing.")
    boolean dryRun;

    @Option(names = "--separate", description = "Keep one step per element the chapter works out (s[0], s[1], ...) instead of gathering"
            + " the elements of a list or matrix worked out on consecutive lines into one step.")
    boolean separate;

    @Mixin
    BookOption bookOption;

    private BufferedReader input;

    /** A value found on the line, named v1, v2, ... */
    private record Value(String name, LineValues.Found found) {
        String describe() {
            return switch (found.kind()) {
                case MATRIX -> "a matrix of " + found.numbers() + " numbers";
                case LIST -> "a list of " + found.numbers() + " numbers";
                case NUMBER -> "a number";
            };
        }
    }

    @Override
    protected ExitCode execute() throws Exception {
        input = ((Bookcheck) spec.root().userObject()).input();
        if (chainMode()) {
            return new NewChain(this, input).run();
        }
        validateOptions();
        if (location == null) {
            throw new UserError("give the chapter line, e.g. bookcheck new chapters/04-training-neural-networks.md:37,"
                    + " or the chapter and --quote TEXT");
        }
        Target target = target();
        Book book = target.book;
        Chapter chapter = book.chapter(target.chapterName).orElseThrow(() -> new UserError("cannot read chapters/" + target.chapterName));
        String line = chapter.line(target.line);
        List<Value> values = new ArrayList<>();
        for (LineValues.Found f : LineValues.of(line, ChapterNumbers.scan(chapter).onLine(target.line), target.from, target.to)) {
            values.add(new Value("v" + (values.size() + 1), f));
        }
        if (values.isEmpty()) {
            throw new UserError("line " + target.line + " of chapters/" + target.chapterName + " has no numbers"
                    + (quote != null ? " in the quote" : "") + ": \"" + abbreviate(line.substring(target.from, target.to)) + "\"");
        }
        boolean interactive = op == null;
        out().println("Values on chapters/" + target.chapterName + " line " + target.line + ":");
        for (Value v : values) {
            out().println("  " + v.name + "  " + v.found.text() + "   (" + v.describe() + ")");
        }
        out().flush();

        String printedText = printed;
        if (interactive && printedText == null) {
            printedText = ask("Printed result (a value v1..v" + values.size() + ", or the text as printed)", values.getLast().name);
        }
        Optional<Value> printedValue = byName(values, printedText == null ? values.getLast().name : printedText);
        String printedLiteral = printedValue.map(v -> v.found.text()).orElse(printedText);
        parsePrinted(printedLiteral, "--printed");

        Operation operation = operation(interactive ? ask("Operation (e.g. weight_update, softmax, matmul; bookcheck schema lists all)", null) : op);
        Map<String, String> bindings = new LinkedHashMap<>();
        List<Value> unused = new ArrayList<>(values);
        printedValue.ifPresent(unused::remove);
        for (Param p : operation.params()) {
            String given = args.get(p.name());
            if (given == null && interactive) {
                String proposal = p.required() && !unused.isEmpty() ? unused.getFirst().name : "";
                given = ask((p.required() ? "Argument " : "Optional argument ") + p.name() + " — " + p.description()
                        + " (v1..v" + values.size() + " or a number" + (p.required() ? "" : "; empty to leave out") + ")", proposal);
                if (given.isEmpty()) {
                    given = null;
                }
            }
            if (given == null && p.required()) {
                throw new UserError(operation.opName() + " needs argument " + p.name() + " (" + p.description() + "); give --arg "
                        + p.name() + "=v1 (a value of the line) or --arg " + p.name() + "=NUMBER. Its signature: " + operation.signature());
            }
            if (given != null) {
                bindings.put(p.name(), given);
                byName(values, given).ifPresent(unused::remove);
            }
        }
        for (String name : args.keySet()) {
            if (operation.param(name).isEmpty()) {
                throw new UserError(operation.opName() + " has no parameter \"" + name + "\"; its signature is " + operation.signature());
            }
        }
        String fixtureId = id != null ? id : interactive ? ask("Fixture id", defaultId(operation, target)) : defaultId(operation, target);
        String fixtureTitle = title != null ? title : interactive ? ask("Title", defaultTitle(operation, target)) : defaultTitle(operation, target);
        ClaimKind kind = claim;
        if (interactive && !specified("--claim")) {
            kind = claimKind(ask("Claim (holds, erratum, illustrative, supplementary)", "holds"));
        }
        String why = note;
        if (why == null && kind != ClaimKind.HOLDS && interactive) {
            why = ask(kind == ClaimKind.ERRATUM ? "Explanation of the erratum" : "Note (why the claim is " + kind.jsonName() + ")", "");
        }
        if ((why == null || why.isBlank()) && kind != ClaimKind.HOLDS) {
            throw new UserError("a " + kind.jsonName() + " fixture needs --note TEXT: " + (kind == ClaimKind.ERRATUM
                    ? "why the printed value is wrong" : "where the book says so, or the concept worked through"));
        }

        // The quote spans every value used, from the first to the printed result, on this one line.
        int from = Integer.MAX_VALUE;
        int to = -1;
        for (Value v : values) {
            boolean used = bindings.containsValue(v.name) || printedValue.filter(p -> p == v).isPresent();
            if (used) {
                from = Math.min(from, v.found.start());
                to = Math.max(to, v.found.end());
            }
        }
        if (to < 0) {
            from = target.from;
            to = target.to;
        }
        String fixtureQuote = line.substring(from, to);
        int fixtureOccurrence = occurrenceOf(chapter, fixtureQuote, target.line, from);

        Path file = book.fixturesDir().resolve(chapter.stem()).resolve(fixtureId + ".json");
        ObjectNode json = fixtureJson(fixtureId, fixtureTitle, target.chapterName, fixtureQuote, fixtureOccurrence, kind, why,
                operation, bindings, values, printedLiteral, null);
        Fixture fixture = validate(book, chapter, file, json);
        FixtureResult result = FixtureChecker.check(fixture, chapter);
        if (result.invalid() && printedValue.isPresent() && printedValue.get().found.start() > from) {
            // The printed value also stands earlier in the quote with no =, ≈ or → to tell them apart: quote from it on.
            from = printedValue.get().found.start();
            fixtureQuote = line.substring(from, to);
            fixtureOccurrence = occurrenceOf(chapter, fixtureQuote, target.line, from);
            json = fixtureJson(fixtureId, fixtureTitle, target.chapterName, fixtureQuote, fixtureOccurrence, kind, why,
                    operation, bindings, values, printedLiteral, null);
            fixture = validate(book, chapter, file, json);
            result = FixtureChecker.check(fixture, chapter);
        }
        if (kind == ClaimKind.ERRATUM) {
            Optional<Finding> finding = result.findings().stream().findFirst();
            if (finding.isEmpty() || finding.get().verdict().isOk()) {
                throw new UserError("the printed value " + printedLiteral + " is right (exact " + finding.map(f -> f.exactRounded()).orElse("?")
                        + "), so it is not an erratum; use --claim holds");
            }
            json = fixtureJson(fixtureId, fixtureTitle, target.chapterName, fixtureQuote, fixtureOccurrence, kind, why, operation,
                    bindings, values, printedLiteral, finding.get().exactRounded());
            fixture = validate(book, chapter, file, json);
            result = FixtureChecker.check(fixture, chapter);
        }
        if (result.invalid()) {
            result.errors().forEach(e -> err().println(e.render(book.root())));
            throw new UserError("the fixture was not written: fix the problems above");
        }
        checkIdIsFree(book, fixtureId, file);
        try {
            book.createFolder(file.getParent());
            AtomicFiles.writeString(file, render(json), force);
        } catch (FileAlreadyExistsException e) {
            throw new UserError(book.root().relativize(file) + " already exists; choose another --id, or give --force to replace it");
        } catch (IOException e) {
            throw new UserError("cannot write " + file + " (" + OutputOption.reason(e) + ")");
        }
        out().println("wrote " + book.root().relativize(file));
        out().println();
        for (Finding f : result.findings()) {
            out().println(FindingText.line(f));
        }
        result.failures().stream().filter(f -> f.checkedValue().isEmpty()).forEach(f -> out().println("✗ " + f.text()));
        out().println();
        out().print(TraceRenderer.text(TraceBuilder.build(fixture, Optional.of(result), TraceNumbers.asPrinted())));
        return result.passed() ? ExitCode.OK : ExitCode.CLAIM_FAILED;
    }

    /** A range of lines, or any option of the chain mode: read the written calculations into steps. */
    private boolean chainMode() {
        boolean range = location != null && location.matches(".*:\\d+-\\d+");
        boolean chainOption = append != null || !names.isEmpty() || !exprs.isEmpty() || !values.isEmpty() || !skips.isEmpty()
                || !givens.isEmpty() || yes || dryRun;
        if ((range || chainOption) && (op != null || !args.isEmpty() || quote != null || printed != null || specified("--step"))) {
            throw new UserError("--op, --arg, --quote, --printed and --step make a fixture of one operation from one line;"
                    + " a range of lines (CHAPTER:FIRST-LAST) and --append, --name, --expr, --value, --skip, --input, --yes, --dry-run"
                    + " read the chapter's written calculations into steps: use one or the other");
        }
        return range || chainOption || statementOnLine();
    }

    /**
     * One line that writes out a calculation (a statement the checker reads there) and none of the one-operation options:
     * read as the range of that line, so the statement becomes a step with one keystroke.
     */
    private boolean statementOnLine() {
        if (location == null || op != null || !args.isEmpty() || quote != null || printed != null || specified("--step")) {
            return false;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.*):(\\d+)").matcher(location);
        if (!m.matches()) {
            return false;
        }
        try {
            Path path = bookOption.resolve(Path.of(m.group(1)));
            if (!Files.isRegularFile(path)) {
                return false;
            }
            Book book = bookOption.book(path);
            String chapterName = BookSelection.chapterName(book, path.toAbsolutePath().normalize(), path);
            int line = Integer.parseInt(m.group(2));
            return book.chapter(chapterName).map(chapter -> StatementFinder.find(chapter).stream()
                    .anyMatch(st -> line >= st.line() && line <= st.endLine())).orElse(false);
        } catch (UserError | NumberFormatException | java.nio.file.InvalidPathException e) {
            return false; // the one-line mode says what is wrong with the location
        }
    }

    PrintWriter output() {
        return out();
    }

    PrintWriter errors() {
        return err();
    }

    /** Options that would otherwise be silently ignored or overridden. */
    private void validateOptions() {
        if (occurrence != null && occurrence < 1) {
            throw new UserError("--occurrence counts from 1 (the first occurrence of --quote), got " + occurrence);
        }
        if (occurrence != null && quote == null) {
            throw new UserError("--occurrence counts occurrences of --quote, which is not given");
        }
        var given = spec.commandLine().getParseResult().matchedOption("--arg");
        if (given != null) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String binding : given.stringValues()) {
                String name = binding.contains("=") ? binding.substring(0, binding.indexOf('=')) : binding;
                if (!seen.add(name)) {
                    throw new UserError("--arg " + name + " is given more than once; bind each parameter once");
                }
            }
        }
    }

    private record Target(Book book, String chapterName, int line, int from, int to) {
    }

    /** The chapter and the line (and the part of it) the fixture is for. */
    private Target target() {
        String pathText = location;
        Integer lineNumber = null;
        int colon = location.lastIndexOf(':');
        if (colon > 0 && location.substring(colon + 1).matches("\\d+")) {
            pathText = location.substring(0, colon);
            lineNumber = Integer.parseInt(location.substring(colon + 1));
        } else if (colon > 0 && !Files.exists(Path.of(location))) {
            throw new UserError("\"" + location.substring(colon + 1) + "\" is not a line number; write CHAPTER:LINE, e.g. "
                    + "chapters/04-training-neural-networks.md:37");
        }
        Path path = bookOption.resolve(Path.of(pathText));
        String shown = pathText;
        if (!Files.exists(path)) {
            throw new UserError("no such file: " + pathText);
        }
        Book book = bookOption.book(path);
        String name = BookSelection.chapterName(book, path.toAbsolutePath().normalize(), path);
        Chapter chapter = book.chapter(name).orElseThrow(() -> new UserError("cannot read " + shown));
        if (quote != null) {
            if (lineNumber != null) {
                throw new UserError("give either a line (" + location + ") or --quote, not both");
            }
            return switch (QuoteLocator.locate(chapter, quote, occurrence == null ? 0 : occurrence)) {
                case QuoteLocation.Found found -> {
                    // A quote over several lines selects the part of its first line.
                    Span first = found.spans().get(0);
                    String text = chapter.line(first.line());
                    yield new Target(book, name, first.line(), first.start(text), first.end(text));
                }
                case QuoteLocation.Missing missing -> throw new UserError("the quote does not occur in " + pathText + "; the closest line is "
                        + missing.closestLine() + ": \"" + abbreviate(missing.closestText()) + "\"");
                case QuoteLocation.Ambiguous ambiguous -> throw new UserError("the quote occurs on lines " + ambiguous.lines()
                        + "; give --occurrence N or the line instead");
                case QuoteLocation.TooFewOccurrences few -> throw new UserError("the quote occurs only " + few.lines().size()
                        + " times (lines " + few.lines() + ")");
            };
        }
        if (lineNumber == null) {
            throw new UserError("give the line as " + pathText + ":LINE, or --quote TEXT");
        }
        if (lineNumber < 1 || lineNumber > chapter.lines().size()) {
            throw new UserError(pathText + " has " + chapter.lines().size() + " lines; there is no line " + lineNumber);
        }
        return new Target(book, name, lineNumber, 0, chapter.line(lineNumber).length());
    }

    private static Optional<Value> byName(List<Value> values, String name) {
        return values.stream().filter(v -> v.name.equals(name.strip())).findFirst();
    }

    private Operation operation(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return Operation.byName(n).orElseThrow(() -> new UserError("no operation \"" + n + "\" in the catalogue"
                + nearest(n) + "; bookcheck schema lists them all"));
    }

    private static String nearest(String name) {
        List<String> near = EditDistance.nearest(name, Arrays.stream(Operation.values()).map(Operation::opName).toList(), 4);
        return near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)";
    }

    private static ClaimKind claimKind(String text) {
        try {
            return ClaimKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("the claim \"" + text.strip() + "\" is none of holds, erratum, illustrative, supplementary");
        }
    }

    private boolean specified(String option) {
        return spec.commandLine().getParseResult() != null && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** Asks on standard output and reads one answer; an empty answer takes the proposal. */
    private String ask(String question, String proposal) {
        String a = Prompt.answer(out(), input, question + (proposal == null || proposal.isEmpty() ? "" : " [" + proposal + "]") + ": ",
                "no answer to \"" + question + "\" (standard input ended); answer the questions, or give --op, --arg, --id and"
                        + " --printed as options");
        if (a.isEmpty() && (proposal == null || proposal.isEmpty()) && question.startsWith("Operation")) {
            throw new UserError("an operation is needed; bookcheck schema lists them");
        }
        return a.isEmpty() && proposal != null ? proposal : a;
    }

    private static void parsePrinted(String text, String what) {
        try {
            PrintedValueParser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(what + ": " + e.getMessage());
        }
    }

    private static String defaultId(Operation op, Target t) {
        return op.opName().replace('_', '-') + "-line-" + t.line;
    }

    private static String defaultTitle(Operation op, Target t) {
        return op.opName() + " on line " + t.line + " (" + op.formula() + ")";
    }

    /** Which occurrence (from 1) of the quote starts at this line and 1-based column; 0 if it is the only one. */
    static int occurrenceAt(Chapter chapter, String quote, int line, int column) {
        List<QuoteLocation.Found> all = QuoteLocator.occurrences(chapter, quote);
        for (int k = 0; k < all.size() && all.size() > 1; k++) {
            if (all.get(k).start().line() == line && all.get(k).start().column() == column) {
                return k + 1;
            }
        }
        return 0;
    }

    /** Which occurrence (from 1) of the quote, in the order QuoteLocator counts them, starts at this line and character; 0 if it is the only one. */
    static int occurrenceOf(Chapter chapter, String quote, int line, int start) {
        List<QuoteLocation.Found> all = QuoteLocator.occurrences(chapter, quote);
        int column = QuoteLocator.column(chapter.line(line), start);
        for (int k = 0; k < all.size() && all.size() > 1; k++) {
            if (all.get(k).start().line() == line && all.get(k).start().column() == column) {
                return k + 1;
            }
        }
        return 0;
    }

    private static ObjectNode fixtureJson(String id, String title, String chapter, String quote, int occurrence, ClaimKind claim,
            String note, Operation op, Map<String, String> bindings, List<Value> values, String printed, String corrected) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("$schema", "../fixture.schema.json");
        root.put("id", id);
        root.put("title", title);
        root.put("chapter", chapter);
        root.put("quote", quote);
        if (occurrence > 0) {
            root.put("occurrence", occurrence);
        }
        root.put("claim", claim.jsonName());
        if (claim == ClaimKind.ERRATUM) {
            ObjectNode e = root.putArray("errata").addObject();
            e.put("step", "STEP");
            e.put("explanation", note);
            e.put("corrected", corrected == null ? printed : corrected);
        } else if (note != null && !note.isBlank()) {
            root.put("note", note);
        }
        ObjectNode inputs = root.putObject("inputs");
        ObjectNode step = mapper.createObjectNode();
        ObjectNode stepArgs = mapper.createObjectNode();
        for (Map.Entry<String, String> b : bindings.entrySet()) {
            Optional<Value> v = byName(values, b.getValue());
            if (v.isPresent()) {
                inputs.putObject(b.getKey()).put("printed", v.get().found.text());
                stepArgs.put(b.getKey(), b.getKey());
            } else {
                literal(stepArgs, b.getKey(), b.getValue());
            }
        }
        step.put("op", op.opName());
        step.set("args", stepArgs);
        step.put("printed", printed);
        ObjectNode named = mapper.createObjectNode();
        named.put("name", "STEP");
        named.setAll(step);
        root.putArray("steps").add(named);
        return root;
    }

    private static void literal(ObjectNode args, String name, String text) {
        String t = text.strip();
        if (t.equals("true") || t.equals("false")) {
            args.put(name, Boolean.parseBoolean(t));
            return;
        }
        try {
            args.put(name, new java.math.BigDecimal(t.replace('−', '-')));
        } catch (NumberFormatException e) {
            throw new UserError("--arg " + name + "=" + text + ": expected a value of the line (v1, v2, ...) or a number");
        }
    }

    String render(ObjectNode json) throws IOException {
        ((ObjectNode) json.get("steps").get(0)).put("name", step);
        if (json.has("errata")) {
            ((ObjectNode) json.get("errata").get(0)).put("step", step);
        }
        return pretty(json);
    }

    /** A fixture's JSON as the repository writes it: two-space indents, one field a line, a newline at the end. */
    static String pretty(com.fasterxml.jackson.databind.JsonNode json) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        return new ObjectMapper().writer(printer).writeValueAsString(json).replace("\r\n", "\n") + "\n";
    }

    private Fixture validate(Book book, Chapter chapter, Path file, ObjectNode json) throws IOException {
        String content = render(json);
        return switch (FixtureReader.read(file, content)) {
            case FixtureLoad.Loaded loaded -> loaded.fixture();
            case FixtureLoad.Rejected rejected -> {
                rejected.errors().forEach(e -> err().println(e.render(book.root())));
                throw new UserError("the fixture was not written: fix the problems above");
            }
        };
    }

    private void checkIdIsFree(Book book, String fixtureId, Path file) throws IOException {
        for (Path other : book.fixtureFiles()) {
            if (!other.equals(file) && FixtureReader.read(other) instanceof FixtureLoad.Loaded l && l.fixture().id().equals(fixtureId)) {
                throw new UserError("the id \"" + fixtureId + "\" is already used by " + book.root().relativize(other) + "; choose another --id");
            }
        }
        if (Files.exists(file) && !force) {
            throw new UserError(book.root().relativize(file) + " already exists; choose another --id, or give --force to replace it");
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
