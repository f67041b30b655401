package org.bookcheck.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.chapter.QuoteLocator;
import org.bookcheck.expr.ExprException;
import org.bookcheck.expr.Expressions;
import org.bookcheck.fixture.PrintedValueParser;
import org.bookcheck.statement.Side;
import org.bookcheck.statement.Statement;
import org.bookcheck.statement.StatementFinder;

/**
 * What {@code new} reads on lines of a chapter: the calculations written out in full, as the statement finder
 * ({@link StatementFinder}, the one reader of a chapter's arithmetic) reads them, and on the lines it leaves (they hold
 * no arithmetic with a printed result) the values a chapter prints or gives ({@code A = [1, 0]}, a matrix printed one row
 * per line, {@code Max: 0.00502}) and formulas without a result ({@code K = X × WK}), kept for a value printed later.
 * Markdown around them (list bullets, {@code **}, backticks, {@code $}) is not part of the values.
 */
public final class WrittenReader {

    /** The calculations found and the lines with arithmetic that hold none. */
    public record Reading(List<Written> written, List<Unread> unread) {
        public Reading {
            written = List.copyOf(written);
            unread = List.copyOf(unread);
        }
    }

    private static final Pattern BULLET = Pattern.compile("^(\\s*)([-*+]|\\d+\\.)(\\s+)");
    private static final String NAME = "[\\p{L}_][\\p{L}\\p{N}_]*";
    /** A left-hand side: a name with indices, a parenthesised name, subscripts, a transpose mark, or a quotient dL/dx. */
    private static final Pattern LHS = Pattern.compile("(?<![\\p{L}\\p{N}_\\])])" + NAME + "(?:/" + NAME + ")?"
            + "(?:\\[[^\\[\\]=]*]|\\(" + NAME + "\\)|_\\{?[\\p{L}\\p{N}_]+}?|\\^\\{?T}?|ᵀ)*\\s*$");
    private static final Pattern LHS_WHOLE = Pattern.compile(NAME + "(?:/" + NAME + ")?"
            + "(?:\\[[^\\[\\]=]*]|\\(" + NAME + "\\)|_\\{?[\\p{L}\\p{N}_]+}?|\\^\\{?T}?|ᵀ)*");
    private static final Pattern LATEX_LHS = Pattern.compile("\\s*(?=[^ ]*\\\\)[\\\\\\p{L}\\p{N}{}_^ ]+");
    private static final Pattern PROSE = Pattern.compile("[\\p{L}\\p{N}\\s,.:;()'’]*");
    private static final Pattern NUMBER = Pattern.compile("[+\\-−]?\\d+(?:\\.\\d+)?(?:[eE][+\\-−]?\\d+)?(?:\\\\?%)?");
    private static final Pattern LABELLED = Pattern.compile("\\s*(\\p{L}[\\p{L}\\p{N}\\s,()'’]*):\\s*(?=[\\[\\d+\\-−\\\\])");
    /** Where a side's arithmetic ends and a remark begins: an arrow, a tick, a colon, or a parenthesis of words. */
    private static final Pattern REMARK = Pattern.compile("\\s*(?:←|✓|✗|:|\\s\\((?=\\p{Ll}+\\s)).*", Pattern.DOTALL);

    private WrittenReader() {
    }

    /** The calculations and values on lines {@code from..to} (1-based, inclusive) of a chapter, in line order. */
    public static Reading read(Chapter chapter, int from, int to) {
        List<Written> written = new ArrayList<>();
        List<Unread> unread = new ArrayList<>();
        java.util.BitSet covered = new java.util.BitSet();
        for (Statement statement : StatementFinder.onLines(chapter, from, to)) {
            Written w = withRows(chapter, written(chapter, statement), to);
            Optional<Written> head = statement.line() > from ? headOf(chapter, statement.line()) : Optional.empty();
            if (head.isPresent()) {
                w = merged(chapter, head.get(), w);
            }
            written.add(w);
            covered.set(w.firstLine(), w.lastLine() + 1);
        }
        List<Integer> group = new ArrayList<>();
        for (int n = from; n <= to + 1; n++) {
            if (n <= to && covered.get(n)) {
                n = flush(chapter, group, written, unread, n);
                continue;
            }
            String clean = n <= to ? clean(chapter.line(n)) : "";
            String trimmed = clean.strip();
            boolean continues = !group.isEmpty() && (trimmed.startsWith("=") || trimmed.startsWith("≈") || trimmed.startsWith("\\approx")
                    || (trimmed.startsWith("[") && endsInList(clean(chapter.line(group.getLast()))) && hasRelation(group, chapter)));
            if (continues) {
                group.add(n);
                continue;
            }
            flush(chapter, group, written, unread, n);
            if (!trimmed.isEmpty()) {
                group.add(n);
            }
        }
        written.sort(java.util.Comparator.comparingInt(Written::firstLine).thenComparingInt(Written::column));
        return new Reading(written, unread);
    }

    /** Reads the group of lines gathered so far (a value or a formula, never a calculation: those are the statement finder's). */
    private static int flush(Chapter chapter, List<Integer> group, List<Written> written, List<Unread> unread, int n) {
        if (!group.isEmpty()) {
            Optional<Written> w = read(chapter, group);
            if (w.isPresent() && w.get().printed().isPresent() && !w.get().sides().isEmpty()) {
                unread.add(new Unread(group.getFirst(), chapter.line(group.getFirst()).strip(),
                        "the statement finder reads no calculation here (no side of it reads as arithmetic with the expression grammar)"));
            } else {
                w.ifPresentOrElse(written::add, () -> unreadGroup(chapter, group, unread));
            }
            group.clear();
        }
        return n;
    }

    /**
     * The line before a statement that continues it ({@code = 0.1 - 0.1 × (-0.03760)} on a line of its own) when that line
     * is a left-hand side and a formula the statement finder left ({@code WO[1][1]_new = WO[1][1]_old - 0.1 × dWO[1][2]}).
     */
    private static Optional<Written> headOf(Chapter chapter, int line) {
        String start = clean(chapter.line(line)).strip();
        if (!(start.startsWith("=") || start.startsWith("≈") || start.startsWith("\\approx"))) {
            return Optional.empty();
        }
        return read(chapter, List.of(line - 1)).filter(h -> h.printed().isEmpty() && h.lhs().isPresent());
    }

    /** A formula line and the statement that continues it, as one calculation. */
    private static Written merged(Chapter chapter, Written head, Written w) {
        List<String> sides = new ArrayList<>(head.sides());
        sides.addAll(w.sides());
        return new Written(head.firstLine(), w.lastLine(), head.label(), head.lhs(), sides, w.printed(), quoteFrom(chapter, head, w), head.column());
    }

    /** The chapter's exact text from where {@code first}'s quote starts to where {@code last}'s ends, lines joined by {@code \n}. */
    static String quoteFrom(Chapter chapter, Written first, Written last) {
        String lastQuoteLine = last.quote().substring(last.quote().lastIndexOf('\n') + 1);
        int end = last.quote().indexOf('\n') >= 0 ? lastQuoteLine.length()
                : chapter.line(last.firstLine()).offsetByCodePoints(0, last.column() - 1) + lastQuoteLine.length();
        StringBuilder quote = new StringBuilder();
        for (int line = first.firstLine(); line <= last.lastLine(); line++) {
            String text = chapter.line(line);
            int from = line == first.firstLine() ? text.offsetByCodePoints(0, first.column() - 1) : 0;
            quote.append(line == first.firstLine() ? "" : "\n").append(text, from, line == last.lastLine() ? end : text.length());
        }
        return quote.toString();
    }

    /** A result printed as the first row of a matrix whose other rows follow one per line ({@code K^T = [0.1, 0.0]} then {@code [0.0, 0.1]}). */
    private static Written withRows(Chapter chapter, Written w, int to) {
        if (w.printed().isEmpty() || !w.printed().get().startsWith("[") || w.printed().get().startsWith("[[") || w.lastLine() >= to) {
            return w;
        }
        List<String> rows = new ArrayList<>(List.of(w.printed().get()));
        StringBuilder quote = new StringBuilder(w.quote());
        int last = w.lastLine();
        while (last < to) {
            String line = chapter.line(last + 1);
            String clean = clean(line);
            int open = clean.indexOf('[');
            if (open < 0 || !clean.substring(0, open).isBlank()) {
                break;
            }
            int close = closing(clean, open);
            String rest = close < 0 ? "" : clean.substring(close).strip();
            if (close < 0 || !(rest.isEmpty() || rest.startsWith("←"))) {
                break;
            }
            rows.add(clean.substring(open, close));
            quote.append('\n').append(line, 0, close);
            last++;
        }
        if (rows.size() == 1) {
            return w;
        }
        return new Written(w.firstLine(), last, w.label(), w.lhs(), w.sides(), Optional.of("[" + String.join(", ", rows) + "]"),
                quote.toString(), w.column());
    }

    /** A calculation the statement finder read: its left-hand side (or a quotient dL/dx before the first =), its arithmetic sides and result. */
    private static Written written(Chapter chapter, Statement statement) {
        List<Side> sides = statement.sides();
        Optional<String> lhs = statement.name();
        int firstSide = lhs.isPresent() ? 1 : 0;
        if (lhs.isEmpty() && LHS_WHOLE.matcher(sides.getFirst().text()).matches() && sides.getFirst().kind() != Side.Kind.VALUE) {
            lhs = Optional.of(sides.getFirst().text());
            firstSide = 1;
        }
        List<String> arithmetic = new ArrayList<>();
        for (Side side : sides.subList(firstSide, sides.size() - 1)) {
            if (side.kind() == Side.Kind.EXPRESSION) {
                arithmetic.add(side.text());
            }
        }
        org.bookcheck.chapter.Span start = sides.getFirst().spans().getFirst();
        org.bookcheck.chapter.Span end = statement.result().spans().getLast();
        StringBuilder quote = new StringBuilder();
        for (int line = start.line(); line <= end.line(); line++) {
            String text = chapter.line(line);
            int from = line == start.line() ? start.start(text) : 0;
            int to = line == end.line() ? end.end(text) : text.length();
            quote.append(line == start.line() ? "" : "\n").append(text, from, to);
        }
        String before = chapter.line(start.line()).substring(0, start.start(chapter.line(start.line())));
        int firstRelation = clean(before).indexOf('=');
        if (lhs.isEmpty() && firstRelation > 0) {
            // \mathbf{W}_{\text{new}} = ... = [the first side the grammar reads]: the text before the first = defines the name.
            String head = clean(before).substring(0, firstRelation);
            String name = head.substring(head.lastIndexOf(':') + 1).strip();
            if (LATEX_LHS.matcher(name).matches() || LHS_WHOLE.matcher(name).matches()) {
                lhs = Optional.of(name);
                before = head.substring(0, head.lastIndexOf(':') + 1);
            }
        }
        return new Written(start.line(), statement.endLine(), label(clean(before)), lhs, arithmetic, Optional.of(statement.result().text()),
                quote.toString(), start.column());
    }

    private static boolean hasRelation(List<Integer> group, Chapter chapter) {
        return group.stream().anyMatch(l -> !relations(clean(chapter.line(l))).isEmpty());
    }

    private static boolean endsInList(String clean) {
        String t = REMARK.matcher(clean).replaceFirst("").strip();
        int arrow = clean.indexOf('←');
        if (arrow >= 0) {
            t = clean.substring(0, arrow).strip();
        }
        return t.endsWith("]");
    }

    private static void unreadGroup(Chapter chapter, List<Integer> group, List<Unread> unread) {
        String joined = joined(chapter, group, true);
        if (!relations(joined).isEmpty() && joined.chars().anyMatch(Character::isDigit)) {
            unread.add(new Unread(group.getFirst(), chapter.line(group.getFirst()).strip(), "no printed result after its last = or ≈ could be read"));
        }
    }

    /** The line with Markdown emphasis, bullets, code marks and math delimiters turned into spaces, so columns stay. */
    static String clean(String line) {
        StringBuilder sb = new StringBuilder(line);
        Matcher b = BULLET.matcher(line);
        if (b.find()) {
            for (int i = b.start(2); i < b.end(2); i++) {
                sb.setCharAt(i, ' ');
            }
        }
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c == '`' || c == '$' || (c == '*' && ((i + 1 < sb.length() && sb.charAt(i + 1) == '*') || (i > 0 && line.charAt(i - 1) == '*')))) {
                sb.setCharAt(i, ' ');
            }
        }
        return sb.toString();
    }

    private static String joined(Chapter chapter, List<Integer> group, boolean cleaned) {
        List<String> lines = new ArrayList<>();
        for (int n : group) {
            lines.add(cleaned ? clean(chapter.line(n)) : chapter.line(n));
        }
        return String.join("\n", lines);
    }

    /** Positions and lengths of the top-level =, ≈ and \approx of a text (not inside brackets, not ==, <=, >=, !=). */
    static List<int[]> relations(String text) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (depth == 0 && c == '=' && (i == 0 || "<>!=".indexOf(text.charAt(i - 1)) < 0)
                    && (i + 1 == text.length() || text.charAt(i + 1) != '=')) {
                out.add(new int[] {i, 1});
            } else if (depth == 0 && c == '≈') {
                out.add(new int[] {i, 1});
            } else if (depth == 0 && text.startsWith("\\approx", i)) {
                out.add(new int[] {i, 7});
            }
        }
        return out;
    }

    private static Optional<Written> read(Chapter chapter, List<Integer> group) {
        String clean = joined(chapter, group, true);
        String original = joined(chapter, group, false);
        List<int[]> relations = relations(clean);
        if (relations.isEmpty()) {
            Matcher labelled = LABELLED.matcher(clean);
            if (!labelled.lookingAt()) {
                return Optional.empty();
            }
            Optional<int[]> literal = literal(clean, labelled.end());
            if (literal.isEmpty()) {
                return Optional.empty();
            }
            int start = labelled.start(1);
            return Optional.of(written(chapter, group, original, label(labelled.group(1)), Optional.empty(), List.of(),
                    Optional.of(printed(clean, literal.get())), start, literal.get()[1]));
        }
        String side0 = clean.substring(0, relations.getFirst()[0]);
        List<String> sides = new ArrayList<>();
        for (int k = 0; k + 1 < relations.size(); k++) {
            sides.add(clean.substring(relations.get(k)[0] + relations.get(k)[1], relations.get(k + 1)[0]).strip());
        }
        int lastStart = relations.getLast()[0] + relations.getLast()[1];
        Optional<int[]> literal = literal(clean, lastStart);
        int end;
        Optional<String> printed;
        if (literal.isPresent()) {
            printed = Optional.of(printed(clean, literal.get()));
            end = literal.get()[1];
        } else {
            String last = REMARK.matcher(clean.substring(lastStart)).replaceFirst("");
            if (last.isBlank()) {
                return Optional.empty();
            }
            sides.add(last.strip());
            printed = Optional.empty();
            end = lastStart + last.stripTrailing().length();
        }
        // The first side: a left-hand side after some prose, or an expression after a label, or a label alone.
        String label;
        Optional<String> lhs = Optional.empty();
        int start;
        Matcher m = LHS.matcher(side0);
        String beforeLhs = m.find() ? side0.substring(0, m.start()) : null;
        String afterColon = side0.substring(side0.lastIndexOf(':') + 1);
        if (LATEX_LHS.matcher(afterColon).matches()) {
            // \mathbf{W}_{\text{old}}, \nabla_{\mathbf{W}} L: a LaTeX name, which neither the pattern nor the grammar reads whole.
            lhs = Optional.of(afterColon.strip());
            label = label(side0.substring(0, side0.lastIndexOf(':') + 1));
            start = side0.lastIndexOf(':') + 1 + (afterColon.length() - afterColon.stripLeading().length());
        } else if (beforeLhs != null && PROSE.matcher(beforeLhs).matches()) {
            lhs = Optional.of(m.group().strip());
            label = label(beforeLhs);
            start = m.start();
        } else {
            int exprStart = expressionStart(side0);
            if (exprStart >= 0 && isName(side0.substring(exprStart).strip())) {
                // A LaTeX name the pattern above does not know (\eta, \mathbf{W}_{\text{old}}): the value's left-hand side.
                lhs = Optional.of(side0.substring(exprStart).strip());
                label = label(side0.substring(0, exprStart));
                start = exprStart;
            } else if (exprStart >= 0) {
                sides.addFirst(side0.substring(exprStart).strip());
                label = label(side0.substring(0, exprStart));
                start = exprStart;
            } else {
                label = label(side0);
                start = side0.isBlank() ? relations.getFirst()[0] : side0.length() - side0.stripLeading().length();
            }
        }
        if (printed.isEmpty() && lhs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(written(chapter, group, original, label, lhs, sides, printed, start, end));
    }

    private static Written written(Chapter chapter, List<Integer> group, String original, String label, Optional<String> lhs,
            List<String> sides, Optional<String> printed, int start, int end) {
        int line = group.getFirst();
        int lineStart = 0;
        for (int nl = original.indexOf('\n'); nl >= 0 && nl < start; nl = original.indexOf('\n', lineStart)) {
            lineStart = nl + 1;
            line++;
        }
        int column = QuoteLocator.column(chapter.line(line), start - lineStart);
        return new Written(line, group.getLast(), label, lhs, sides, printed, original.substring(start, end), column);
    }

    /** Whether the grammar reads the text as one name: no operator, call, number or bracket in it. */
    private static boolean isName(String text) {
        try {
            org.bookcheck.expr.ExprLexer lexer = new org.bookcheck.expr.ExprLexer(org.antlr.v4.runtime.CharStreams.fromString(text));
            lexer.removeErrorListeners();
            return lexer.getAllTokens().stream().allMatch(t -> switch (t.getType()) {
                case org.bookcheck.expr.ExprLexer.NAME, org.bookcheck.expr.ExprLexer.LATEX_NAME, org.bookcheck.expr.ExprLexer.TEXT_COMMAND,
                        org.bookcheck.expr.ExprLexer.LBRACE, org.bookcheck.expr.ExprLexer.RBRACE -> true;
                default -> false;
            });
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The leftmost start (0, or after a colon or a space) from which the text reads as an expression; -1 if none does. */
    private static int expressionStart(String side) {
        for (int i = 0; i < side.length(); i++) {
            boolean boundary = i == 0 || side.charAt(i - 1) == ':' || (Character.isWhitespace(side.charAt(i - 1)) && !Character.isWhitespace(side.charAt(i)));
            if (boundary && !side.substring(i).isBlank()) {
                try {
                    Expressions.parse(side.substring(i));
                    return i;
                } catch (ExprException e) {
                    // not from here
                }
            }
        }
        return -1;
    }

    /** The printed value at the start of the text from {@code from} on: [start, end) of a number, a list (rows over lines) or a bmatrix. */
    private static Optional<int[]> literal(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        int end;
        if (text.startsWith("[", i)) {
            end = closing(text, i);
            // Rows printed one per line continue the matrix.
            for (int next = nextRow(text, end); next >= 0; next = nextRow(text, end)) {
                end = closing(text, next);
            }
        } else if (text.startsWith("\\begin{", i)) {
            int close = text.indexOf("\\end{", i);
            end = close < 0 ? -1 : text.indexOf('}', close) + 1;
        } else {
            Matcher n = NUMBER.matcher(text).region(i, text.length());
            end = n.lookingAt() ? n.end() : -1;
        }
        if (end <= i) {
            return Optional.empty();
        }
        String rest = text.substring(end).strip();
        if (!rest.isEmpty() && ("+-−×*·/^\\0123456789.".indexOf(rest.charAt(0)) >= 0 && !rest.startsWith("\\%"))) {
            return Optional.empty();
        }
        try {
            PrintedValueParser.parse(printed(text, new int[] {i, end}));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new int[] {i, end});
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int k = open; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return k + 1;
            } else if (c == '\n' || c == '=' || c == '≈') {
                return -1;
            }
        }
        return -1;
    }

    /** Where the next row of a matrix printed one row per line starts, or -1. */
    private static int nextRow(String text, int end) {
        if (end < 0) {
            return -1;
        }
        int newline = text.indexOf('\n', end);
        if (newline < 0) {
            return -1;
        }
        String between = text.substring(end, newline);
        if (!between.isBlank() && !between.strip().startsWith("←")) {
            return -1;
        }
        int k = newline + 1;
        while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k++;
        }
        return text.startsWith("[", k) && closing(text, k) > 0 ? k : -1;
    }

    /** A printed value's text: a list, the rows of a matrix printed one per line joined into [[...], [...]], a number or a bmatrix. */
    private static String printed(String text, int[] span) {
        String t = text.substring(span[0], span[1]);
        if (!t.startsWith("[") || !t.contains("\n")) {
            return t;
        }
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < t.length(); k++) {
            if (t.charAt(k) == '[') {
                int close = closing(t, k);
                rows.add(t.substring(k, close));
                k = close - 1;
            }
        }
        return "[" + String.join(", ", rows) + "]";
    }

    private static String label(String prose) {
        String t = prose.strip();
        while (t.endsWith(":") || t.endsWith(",")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }
}
