package org.bookcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.check.Book;
import org.bookcheck.check.BookChecker;
import org.bookcheck.check.Evaluation;
import org.bookcheck.check.Finding;
import org.bookcheck.check.FindingText;
import org.bookcheck.check.FixtureChecker;
import org.bookcheck.check.FixtureResult;
import org.bookcheck.draft.ChainReader;
import org.bookcheck.draft.ElementRuns;
import org.bookcheck.draft.Proposal;
import org.bookcheck.draft.Scope;
import org.bookcheck.draft.Unread;
import org.bookcheck.draft.Written;
import org.bookcheck.draft.WrittenReader;
import org.bookcheck.expr.ExprException;
import org.bookcheck.expr.Expressions;
import org.bookcheck.expr.TermEvaluator;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.FixtureLoad;
import org.bookcheck.fixture.FixtureReader;
import org.bookcheck.fixture.Input;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.fixture.PrintedValueParser;
import org.bookcheck.fixture.Step;
import org.bookcheck.io.AtomicFiles;
import org.bookcheck.reference.Value;
import org.bookcheck.trace.TraceBuilder;
import org.bookcheck.trace.TraceNumbers;
import org.bookcheck.trace.TraceRenderer;

/**
 * {@code bookcheck new CHAPTER:FIRST-LAST}: reads the calculations written out on those lines ({@link WrittenReader}),
 * proposes a step or an input for each ({@link ChainReader}), lets options or answers on standard input override any
 * proposal, writes the fixture (or adds to one with {@code --append}) atomically, checks it and prints verdicts and trace.
 */
final class NewChain {

    private static final Pattern RANGE = Pattern.compile("(.*):(\\d+)(?:-(\\d+))?");

    /** A proposal as accepted, and whether an option or an answer changed it. */
    private record Decision(Proposal proposal, boolean edited) {
    }

    private final NewCommand cmd;
    private final BufferedReader input;
    private final PrintWriter out;
    private final Set<String> usedKeys = new HashSet<>();

    NewChain(NewCommand cmd, BufferedReader input) {
        this.cmd = cmd;
        this.input = input;
        this.out = cmd.output();
    }

    ExitCode run() throws IOException {
        if (cmd.location == null) {
            throw new UserError("give the chapter and its lines, e.g. bookcheck new chapters/worksheet.md:40-52");
        }
        Matcher m = RANGE.matcher(cmd.location);
        if (!m.matches()) {
            throw new UserError("\"" + cmd.location + "\" names no lines; write CHAPTER:FIRST-LAST, e.g. chapters/worksheet.md:40-52");
        }
        Path path = cmd.bookOption.resolve(Path.of(m.group(1)));
        if (!Files.exists(path)) {
            throw new UserError("no such file: " + m.group(1));
        }
        Book book = cmd.bookOption.book(path);
        String chapterName = BookSelection.chapterName(book, path.toAbsolutePath().normalize(), path);
        Chapter chapter = book.chapter(chapterName).orElseThrow(() -> new UserError("cannot read " + m.group(1)));
        int first = Integer.parseInt(m.group(2));
        int last = m.group(3) == null ? first : Integer.parseInt(m.group(3));
        if (first < 1 || last > chapter.lines().size() || first > last) {
            throw new UserError(m.group(1) + " has lines 1 to " + chapter.lines().size() + "; " + first + "-" + last
                    + " is not a range of them (FIRST-LAST, FIRST ≤ LAST)");
        }

        Scope scope = new Scope();
        Optional<Appended> appended = Optional.empty();
        if (cmd.append != null) {
            appended = Optional.of(appended(book, chapter, scope));
        }
        Set<String> outside = scope.entries().stream().map(Scope.Entry::name).collect(Collectors.toSet());

        WrittenReader.Reading reading = WrittenReader.read(chapter, first, last);
        List<Unread> unread = new ArrayList<>(reading.unread());
        List<Decision> decisions = new ArrayList<>();
        int skipped = 0;
        out.println("Calculations on chapters/" + chapterName + " lines " + first + "-" + last + ":");
        for (Written w : reading.written()) {
            ChainReader.Outcome outcome = ChainReader.read(w, scope);
            Optional<Proposal> proposal = switch (outcome) {
                case ChainReader.Outcome.Formula f -> {
                    scope.formula(f.name(), f.expression());
                    out.println(String.format("  %-6s formula %s = %s (for a value of %s printed later)", w.lines(), f.name(), f.expression(), f.name()));
                    yield Optional.empty();
                }
                case ChainReader.Outcome.NotRead n -> {
                    Optional<Proposal> written = handWritten(w, n.unread(), scope);
                    if (written.isEmpty()) {
                        unread.add(n.unread());
                    }
                    yield written;
                }
                case ChainReader.Outcome.Proposed p -> Optional.of(p.proposal());
                case ChainReader.Outcome.Prose p -> Optional.empty();
            };
            if (proposal.isEmpty()) {
                continue;
            }
            Optional<Decision> decision = decide(proposal.get(), outcome instanceof ChainReader.Outcome.NotRead, scope);
            if (decision.isEmpty()) {
                scope.previous(Optional.empty());
                skipped++;
                continue;
            }
            decisions.add(decision.get());
            scope.add(entry(decision.get().proposal(), scope));
            scope.previous(decision.get().proposal() instanceof Proposal.Step s
                    ? Optional.of(new Scope.Previous(ChainReader.family(w), s.expr())) : Optional.empty());
        }
        for (String key : keys()) {
            if (!usedKeys.contains(key)) {
                throw new UserError("no calculation on lines " + first + "-" + last + " has the line or name \"" + key
                        + "\" given to an option; the proposals are listed above");
            }
        }
        unread.sort((a, b) -> Integer.compare(a.line(), b.line()));
        for (Unread u : unread) {
            out.println("  not read: line " + u.line() + " \"" + NewCommand.abbreviate(u.text()) + "\": " + u.reason());
        }
        if (decisions.isEmpty()) {
            throw new UserError("lines " + first + "-" + last + " of chapters/" + chapterName + " give no step or input; nothing to write");
        }

        if (appended.isEmpty() && decisions.stream().noneMatch(d -> d.proposal() instanceof Proposal.Step)) {
            throw new UserError("lines " + first + "-" + last + " of chapters/" + chapterName + " give inputs only, and a fixture needs a step:"
                    + " take in the lines that use them, or write a step with --expr LINE=EXPR");
        }
        List<Proposal> accepted = decisions.stream().map(Decision::proposal).toList();
        if (!cmd.separate) {
            ElementRuns.Result runs = ElementRuns.gather(accepted, chapter, outside);
            for (ElementRuns.Gathered g : runs.gathered()) {
                out.println(String.format("  %-6s gathered %s into one step: %s = %s   printed %s", g.step().written().lines(),
                        String.join(", ", g.elements()), g.step().name(), g.step().expr(), g.step().printed()));
                for (Proposal.Step again : g.restating()) {
                    out.println(String.format("  %-6s step  %s = %s   printed %s   (restates the gathered %s)", again.written().lines(), again.name(),
                            again.expr(), again.printed(), g.step().name()));
                }
            }
            if (!runs.gathered().isEmpty()) {
                out.println("  (each element is checked on its own line; --separate keeps one step per element)");
            }
            accepted = runs.proposals();
        }
        ObjectNode json = appended.map(a -> a.json().deepCopy()).orElseGet(() -> fresh(chapter, first, last));
        Path file = appended.map(Appended::file).orElseGet(() -> book.fixturesDir().resolve(chapter.stem()).resolve(json.get("id").asText() + ".json"));
        for (Proposal p : accepted) {
            add(json, p, chapter);
        }
        if (!json.has("quote")) {
            ObjectNode firstItem = firstAnchored(json);
            json.put("quote", firstItem.get("quote").asText());
            if (firstItem.has("occurrence")) {
                json.put("occurrence", firstItem.get("occurrence").asInt());
            }
        }
        reorder(json);
        String content = NewCommand.pretty(json);
        Fixture fixture = switch (FixtureReader.read(file, content)) {
            case FixtureLoad.Loaded loaded -> loaded.fixture();
            case FixtureLoad.Rejected rejected -> {
                rejected.errors().forEach(e -> cmd.errors().println(e.render(book.root())));
                throw new UserError("the fixture was not written: fix the problems above (--expr, --value or --skip the line)");
            }
        };
        long steps = accepted.stream().filter(p -> p instanceof Proposal.Step).count();
        long inputs = accepted.size() - steps;
        long edited = decisions.stream().filter(Decision::edited).count();
        String summary = steps + " step" + (steps == 1 ? "" : "s") + " and " + inputs + " input" + (inputs == 1 ? "" : "s") + " from "
                + decisions.size() + " calculation" + (decisions.size() == 1 ? "" : "s") + ": " + (decisions.size() - edited) + " as proposed, "
                + edited + " edited, " + skipped + " left out; " + unread.size() + " line" + (unread.size() == 1 ? "" : "s") + " not read";
        FixtureResult result;
        if (cmd.dryRun) {
            out.println();
            out.print(content);
            result = FixtureChecker.check(fixture, chapter);
            out.println("(dry run: nothing written) " + summary);
        } else {
            write(book, file, content, appended);
            out.println("wrote " + book.root().relativize(file) + " (" + summary + ")");
            result = BookChecker.check(book, List.of(file)).results().getFirst();
            fixture = result.fixture().orElse(fixture);
        }
        out.println();
        if (result.invalid()) {
            result.errors().forEach(e -> cmd.errors().println(e.render(book.root())));
            return ExitCode.BAD_INPUT;
        }
        for (Finding f : result.findings()) {
            out.println(FindingText.line(f));
        }
        result.failures().stream().filter(f -> f.checkedValue().isEmpty()).forEach(f -> out.println("✗ " + f.text()));
        out.println();
        out.print(TraceRenderer.text(TraceBuilder.build(fixture, Optional.of(result), TraceNumbers.asPrinted())));
        return result.passed() ? ExitCode.OK : ExitCode.CLAIM_FAILED;
    }

    /** The fixture appended to: its file, its text as read, and its JSON. */
    private record Appended(Path file, String text, ObjectNode json) {
    }

    private Appended appended(Book book, Chapter chapter, Scope scope) throws IOException {
        Path file = cmd.bookOption.resolve(cmd.append);
        if (!Files.isRegularFile(file)) {
            throw new UserError("--append " + cmd.append + ": no such fixture file");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Fixture fixture = switch (FixtureReader.read(file, text)) {
            case FixtureLoad.Loaded loaded -> loaded.fixture();
            case FixtureLoad.Rejected rejected -> {
                rejected.errors().forEach(e -> cmd.errors().println(e.render(book.root())));
                throw new UserError("--append " + cmd.append + ": the fixture cannot be read; fix the problems above first");
            }
        };
        if (!fixture.chapter().equals(chapter.name())) {
            throw new UserError("--append " + cmd.append + " is a fixture of chapters/" + fixture.chapter() + ", not of chapters/" + chapter.name()
                    + "; its steps can only come from its own chapter");
        }
        Evaluation evaluation = Evaluation.of(fixture);
        for (Input i : fixture.inputs()) {
            scope.add(new Scope.Entry(i.name(), i.value(), i.literal(), false));
        }
        for (Step s : fixture.steps()) {
            Optional<Value> value = evaluation.errors().isEmpty() ? Optional.of(evaluation.exact(s.name()))
                    : s.printed().map(PrintedValueParser::value);
            value.ifPresent(v -> scope.add(new Scope.Entry(s.name(), v, s.printed(), true)));
        }
        return new Appended(file, text, (ObjectNode) new ObjectMapper().readTree(text));
    }

    private ObjectNode fresh(Chapter chapter, int first, int last) {
        String id = cmd.id != null ? cmd.id : chapter.stem().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "")
                + "-lines-" + first + "-" + last;
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("$schema", "../fixture.schema.json");
        root.put("id", id);
        root.put("title", cmd.title != null ? cmd.title : "Lines " + first + "–" + last + " of " + chapter.name() + ", as written out");
        root.put("chapter", chapter.name());
        root.put("claim", cmd.claim.jsonName());
        if (cmd.note != null) {
            root.put("note", cmd.note);
        }
        root.putObject("inputs");
        root.putArray("steps");
        return root;
    }

    /** Puts the fixture's fields in the order the repository writes them (quote before claim). */
    private static void reorder(ObjectNode json) {
        List<String> order = List.of("$schema", "id", "title", "chapter", "quote", "occurrence", "claim", "note", "errata", "tolerance",
                "inputs", "imports", "steps");
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (String f : order) {
            if (json.has(f)) {
                fields.put(f, json.get(f));
            }
        }
        json.fieldNames().forEachRemaining(f -> fields.putIfAbsent(f, json.get(f)));
        json.removeAll();
        fields.forEach(json::set);
    }

    private static ObjectNode firstAnchored(ObjectNode json) {
        for (JsonNode s : json.get("steps")) {
            if (s.has("quote")) {
                return (ObjectNode) s;
            }
        }
        for (JsonNode i : json.get("inputs")) {
            if (i.has("quote")) {
                return (ObjectNode) i;
            }
        }
        throw new IllegalStateException("a fixture written by new has a quote");
    }

    private static void add(ObjectNode json, Proposal p, Chapter chapter) {
        Written w = p.written();
        int occurrence = NewCommand.occurrenceAt(chapter, w.quote(), w.firstLine(), w.column());
        switch (p) {
            case Proposal.Step s -> {
                ObjectNode step = ((ArrayNode) json.get("steps")).addObject();
                step.put("name", s.name());
                step.put("expr", s.expr());
                step.put("printed", s.printed());
                step.put("quote", w.quote());
                if (occurrence > 0) {
                    step.put("occurrence", occurrence);
                }
            }
            case Proposal.Input i -> {
                ObjectNode inputs = json.has("inputs") ? (ObjectNode) json.get("inputs") : json.putObject("inputs");
                ObjectNode in = inputs.putObject(i.name());
                in.put("printed", i.printed());
                in.put("quote", w.quote());
                if (occurrence > 0) {
                    in.put("occurrence", occurrence);
                }
            }
        }
    }

    private void write(Book book, Path file, String content, Optional<Appended> appended) throws IOException {
        try {
            if (appended.isPresent()) {
                String now = Files.readString(file, StandardCharsets.UTF_8);
                if (!now.equals(appended.get().text())) {
                    throw new UserError(book.root().relativize(file) + " changed while new was reading the chapter; nothing was written: run new again");
                }
                AtomicFiles.writeString(file, content, true);
            } else {
                if (Files.exists(file)) {
                    throw new UserError(book.root().relativize(file) + " already exists; choose another --id, or add to it with --append "
                            + book.root().relativize(file));
                }
                book.createFolder(file.getParent());
                AtomicFiles.writeString(file, content, false);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UserError(book.root().relativize(file) + " already exists; choose another --id, or add to it with --append");
        } catch (IOException e) {
            throw new UserError("cannot write " + file + " (" + OutputOption.reason(e) + ")");
        }
    }

    /** The scope entry of an accepted proposal: its value evaluated over the scope (a step) or read from its printed form. */
    private static Scope.Entry entry(Proposal p, Scope scope) {
        PrintedValue printed = PrintedValueParser.parse(p.printed());
        return switch (p) {
            case Proposal.Input i -> new Scope.Entry(i.name(), PrintedValueParser.value(printed), Optional.of(printed), false);
            case Proposal.Step s -> {
                Value value;
                try {
                    value = TermEvaluator.evaluate(Expressions.compile(s.expr(), scope.values()), scope.values()).value();
                } catch (RuntimeException e) {
                    value = PrintedValueParser.value(printed);
                }
                yield new Scope.Entry(s.name(), value, Optional.of(printed), true);
            }
        };
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        keys.addAll(cmd.names.keySet());
        keys.addAll(cmd.exprs.keySet());
        keys.addAll(cmd.values.keySet());
        keys.addAll(cmd.skips);
        keys.addAll(cmd.givens);
        return keys;
    }

    /** The option value whose key is one of the lines of this calculation, or its proposed name. */
    private Optional<String> option(Map<String, String> options, Written w, String name) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (matches(e.getKey(), w, name)) {
                usedKeys.add(e.getKey());
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    private boolean listed(List<String> keys, Written w, String name) {
        for (String k : keys) {
            if (matches(k, w, name)) {
                usedKeys.add(k);
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String key, Written w, String name) {
        String k = key.strip();
        if (k.matches("\\d+")) {
            int line = Integer.parseInt(k);
            return line >= w.firstLine() && line <= w.lastLine();
        }
        return k.equals(name);
    }

    /** A calculation the reader could not read, written by --expr (or at the prompt). */
    private Optional<Proposal> handWritten(Written w, Unread unread, Scope scope) {
        String base = w.lhs().map(org.bookcheck.draft.Names::of).orElse("line_" + w.firstLine());
        Optional<String> expr = option(cmd.exprs, w, base);
        if (w.printed().isEmpty() || (expr.isEmpty() && (cmd.yes || input == null))) {
            return Optional.empty();
        }
        return Optional.of(new Proposal.Step(scope.fresh(base), expr.orElse(""), w.printed().get(), w, "not read: " + unread.reason()));
    }

    /** Applies the options to a proposal, then asks (unless --yes) until it is accepted or left out. */
    private Optional<Decision> decide(Proposal proposal, boolean unreadable, Scope scope) {
        Written w = proposal.written();
        String key = proposal.name();
        if (listed(cmd.skips, w, key)) {
            out.println(String.format("  %-6s left out (--skip): %s", w.lines(), describe(proposal)));
            return Optional.empty();
        }
        boolean edited = unreadable;
        Proposal p = proposal;
        Optional<String> name = option(cmd.names, w, key);
        Optional<String> expr = option(cmd.exprs, w, key);
        Optional<String> value = option(cmd.values, w, key);
        boolean given = listed(cmd.givens, w, key);
        boolean decidedByOption = name.isPresent() || expr.isPresent() || value.isPresent() || given;
        if (decidedByOption) {
            p = edit(p, name.orElse(p.name()), given ? null : expr.orElse(p instanceof Proposal.Step s ? s.expr() : null), value.orElse(p.printed()), scope);
            edited = true;
        }
        while (true) {
            out.println(String.format("  %-6s %s   (%s)", w.lines(), describe(p), p.reading()));
            if (cmd.yes || decidedByOption) {
                if (p instanceof Proposal.Step s && s.expr().isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Decision(p, edited));
            }
            String answer = ask("         Enter keeps it; s leaves it out; i makes it an input; n NAME, e EXPR, v VALUE change it: ");
            if (answer.isEmpty()) {
                if (p instanceof Proposal.Step s && s.expr().isEmpty()) {
                    out.println("         it has no expression yet: e EXPR writes one, s leaves it out");
                    continue;
                }
                return Optional.of(new Decision(p, edited));
            }
            String rest = answer.length() > 1 ? answer.substring(1).strip() : "";
            switch (answer.charAt(0)) {
                case 's' -> {
                    return Optional.empty();
                }
                case 'i' -> p = edit(p, p.name(), null, p.printed(), scope);
                case 'n' -> p = edit(p, rest, p instanceof Proposal.Step s ? s.expr() : null, p.printed(), scope);
                case 'e' -> p = edit(p, p.name(), rest, p.printed(), scope);
                case 'v' -> p = edit(p, p.name(), p instanceof Proposal.Step s ? s.expr() : null, rest, scope);
                default -> {
                    out.println("         \"" + answer + "\" is none of Enter, s, i, n NAME, e EXPR, v VALUE");
                    continue;
                }
            }
            edited = true;
        }
    }

    /** The proposal with another name, expression (null: an input) or printed value, each checked at once. */
    private Proposal edit(Proposal p, String name, String expr, String printed, Scope scope) {
        if (!name.matches("[\\p{L}_][\\p{L}\\p{N}_]*")) {
            throw new UserError("line " + p.written().lines() + ": \"" + name + "\" is not a name (letters, digits and _, not starting with a digit)");
        }
        if (scope.entry(name).isPresent()) {
            throw new UserError("line " + p.written().lines() + ": the name \"" + name + "\" is already an input or step; choose another");
        }
        try {
            PrintedValueParser.parse(printed);
        } catch (IllegalArgumentException e) {
            throw new UserError("line " + p.written().lines() + ": the printed value " + printed + ": " + e.getMessage());
        }
        if (expr == null) {
            return new Proposal.Input(name, printed, p.written(), "an input, as you said");
        }
        try {
            TermEvaluator.evaluate(Expressions.compile(expr, scope.values()), scope.values());
        } catch (ExprException e) {
            throw new UserError("line " + p.written().lines() + ": the expression " + e.getMessage());
        } catch (RuntimeException e) {
            throw new UserError("line " + p.written().lines() + ": the expression " + expr + " cannot be evaluated: " + e.getMessage());
        }
        return new Proposal.Step(name, expr, printed, p.written(), "as you wrote it");
    }

    private static String describe(Proposal p) {
        return switch (p) {
            case Proposal.Step s -> "step  " + s.name() + " = " + (s.expr().isEmpty() ? "?" : s.expr()) + "   printed " + s.printed();
            case Proposal.Input i -> "input " + i.name() + "   printed " + i.printed();
        };
    }

    private String ask(String question) {
        return Prompt.answer(out, input, question,
                "no answer (standard input ended); answer each proposal, or give --yes to accept them all");
    }
}
