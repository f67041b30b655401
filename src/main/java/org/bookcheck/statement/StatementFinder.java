package org.bookcheck.statement;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.bookcheck.chapter.Chapter;
import org.bookcheck.chapter.ChapterNumber;
import org.bookcheck.chapter.ChapterNumbers;
import org.bookcheck.chapter.Span;
import org.bookcheck.expr.ExprLexer;
import org.bookcheck.expr.Expressions;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Finds the calculations a chapter writes out in full ({@code context[0] = 0.498 × 0.1 + 0.502 × 0.0 = 0.0498},
 * {@code [exp(-0.00707), exp(0.0)] ≈ [0.9929, 1.0]}, {@code \frac{0.75}{0.25} = 3}) in code blocks, math and prose.
 *
 * <p>Where the chapter's text is code, math or prose comes from the chapter reader's Markdown parse (commonmark with
 * source spans, and {@link ChapterNumbers}' math); the number tokens are {@link ChapterNumbers}'. A stretch of text is
 * split at its relations (=, ≈, →, \approx, \to outside brackets); every side is read with the expression language's
 * grammar ({@link Expressions#parse}): the left side is the longest end of the text before the first relation that the
 * grammar reads, the right side the longest start of the text after the last one, and a stretch between two relations
 * that the grammar does not read ends the chain there. A line that starts with a relation continues the chain of the
 * line before it in the same block. A chain is a statement when its last side is a printed value and one of its sides
 * is arithmetic (an operator or a function call, told apart by the grammar's tokens).
 */
public final class StatementFinder {

    private StatementFinder() {
    }

    /** The statements of a chapter, in reading order. */
    public static List<Statement> find(Chapter chapter) {
        return find(chapter.name(), chapter.text());
    }

    /** The statements that start on lines {@code from} to {@code to} (inclusive, 1-based) of a chapter. */
    public static List<Statement> onLines(Chapter chapter, int from, int to) {
        return find(chapter).stream().filter(s -> s.line() >= from && s.line() <= to).toList();
    }

    /** The statements of Markdown text, named as chapter {@code chapter}, in reading order. */
    public static List<Statement> find(String chapter, String markdown) {
        List<String> lines = markdown.lines().toList();
        ChapterNumbers.Scan scan = ChapterNumbers.scan(markdown);
        List<Block> blocks = blocks(markdown, lines, scan);
        List<Statement> out = new ArrayList<>();
        for (Block block : blocks) {
            for (Segment segment : segments(block, lines)) {
                chains(segment, block.context(), chapter, scan, out);
            }
        }
        out.sort((a, b) -> a.sides().get(0).spans().get(0).compareTo(b.sides().get(0).spans().get(0)));
        return List.copyOf(out);
    }

    // ---- where the text is: code lines, math, prose ----------------------------------------------

    /** A stretch of one line: characters [start, end) of line {@code line} (1-based). */
    private record Piece(int line, int start, int end) {
    }

    /** The pieces of one code block, one math span or one paragraph's prose, in order. */
    private record Block(Statement.Context context, List<Piece> pieces) {
    }

    private static List<Block> blocks(String markdown, List<String> lines, ChapterNumbers.Scan scan) {
        List<Block> blocks = new ArrayList<>();
        Node document = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build().parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                Map<Integer, BitSet> excluded = new HashMap<>();
                exclude(paragraph, excluded);
                List<Piece> prose = new ArrayList<>();
                for (SourceSpan span : paragraph.getSourceSpans()) {
                    int line = span.getLineIndex() + 1;
                    BitSet bits = new BitSet();
                    int end = Math.min(lines.get(line - 1).length(), span.getColumnIndex() + span.getLength());
                    bits.set(span.getColumnIndex(), end);
                    BitSet out = excluded.get(line);
                    if (out != null) {
                        bits.andNot(out);
                    }
                    for (ChapterNumbers.MathSpan m : scan.math()) {
                        if (line >= m.startLine() && line <= m.endLine()) {
                            bits.clear(line == m.startLine() ? m.startColumn() : 0, line == m.endLine() ? m.endColumn() : end);
                        }
                    }
                    for (int from = bits.nextSetBit(0); from >= 0 && from < end; from = bits.nextSetBit(from)) {
                        int to = Math.min(bits.nextClearBit(from), end);
                        prose.add(new Piece(line, from, to));
                        from = to;
                    }
                }
                blocks.add(new Block(Statement.Context.PROSE, prose));
            }

            @Override
            public void visit(FencedCodeBlock block) {
                List<SourceSpan> spans = block.getSourceSpans();
                int last = block.getClosingFenceLength() != null ? spans.size() - 1 : spans.size();
                blocks.add(new Block(Statement.Context.CODE, spans.subList(Math.min(1, last), last).stream()
                        .flatMap(span -> quoted(piece(span), lines).stream()).toList()));
            }

            @Override
            public void visit(IndentedCodeBlock block) {
                blocks.add(new Block(Statement.Context.CODE, block.getSourceSpans().stream()
                        .flatMap(span -> quoted(piece(span), lines).stream()).toList()));
            }
        });
        for (ChapterNumbers.MathSpan m : scan.math()) {
            int delimiter = m.display() ? 2 : 1;
            List<Piece> pieces = new ArrayList<>();
            for (int line = m.startLine(); line <= m.endLine(); line++) {
                int from = line == m.startLine() ? m.startColumn() + delimiter : 0;
                int to = line == m.endLine() ? m.endColumn() - delimiter : lines.get(line - 1).length();
                if (to > from) {
                    pieces.add(new Piece(line, from, to));
                }
            }
            blocks.add(new Block(Statement.Context.MATH, pieces));
        }
        return blocks;
    }

    /**
     * A code line as pieces: each double-quoted string on its own (a mermaid label, {@code A["z = 0.5 × 2 = 1.0"]}), and the
     * text around them; a line with no pair of quotes is one piece.
     */
    private static List<Piece> quoted(Piece p, List<String> lines) {
        String text = lines.get(p.line() - 1);
        int end = Math.min(p.end(), text.length());
        List<Piece> out = new ArrayList<>();
        int from = p.start();
        int open = text.indexOf('"', from);
        while (open >= 0 && open < end) {
            int close = text.indexOf('"', open + 1);
            if (close < 0 || close >= end) {
                break;
            }
            if (open > from) {
                out.add(new Piece(p.line(), from, open));
            }
            out.add(new Piece(p.line(), open + 1, close));
            from = close + 1;
            open = text.indexOf('"', from);
        }
        if (from < end || out.isEmpty()) {
            out.add(new Piece(p.line(), from, end));
        }
        return out;
    }

    private static Piece piece(SourceSpan span) {
        return new Piece(span.getLineIndex() + 1, span.getColumnIndex(), span.getColumnIndex() + span.getLength());
    }

    /** Marks the characters of code spans, links, images and inline HTML inside a paragraph: never statements. */
    private static void exclude(Node node, Map<Integer, BitSet> excluded) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Code || child instanceof Link || child instanceof Image || child instanceof HtmlInline) {
                for (SourceSpan span : child.getSourceSpans()) {
                    excluded.computeIfAbsent(span.getLineIndex() + 1, k -> new BitSet())
                            .set(span.getColumnIndex(), span.getColumnIndex() + span.getLength());
                }
            } else {
                exclude(child, excluded);
            }
        }
    }

    // ---- segments: pieces joined where a line continues a chain ----------------------------------

    /** Text read as one stretch, with the chapter line and character of each of its characters (−1 for a joining space). */
    private record Segment(String text, int[] line, int[] column, List<String> lines) {

        /** The spans (one per line) of characters [from, to) of the segment. */
        List<Span> spans(int from, int to) {
            List<Span> out = new ArrayList<>();
            int k = from;
            while (k < to) {
                while (k < to && line[k] < 0) {
                    k++;
                }
                if (k >= to) {
                    break;
                }
                int l = line[k];
                int start = column[k];
                int last = k;
                while (k < to && (line[k] == l || line[k] < 0)) {
                    if (line[k] == l) {
                        last = k;
                    }
                    k++;
                }
                out.add(Span.of(lines.get(l - 1), l, start, column[last] + 1));
            }
            return out;
        }
    }

    private static List<Segment> segments(Block block, List<String> lines) {
        List<Segment> out = new ArrayList<>();
        List<Piece> current = new ArrayList<>();
        for (Piece p : block.pieces()) {
            String text = lines.get(p.line() - 1).substring(p.start(), Math.min(p.end(), lines.get(p.line() - 1).length()));
            if (!current.isEmpty() && !startsWithRelation(text.strip())) {
                out.add(segment(current, lines));
                current = new ArrayList<>();
            }
            current.add(p);
        }
        if (!current.isEmpty()) {
            out.add(segment(current, lines));
        }
        return out;
    }

    private static Segment segment(List<Piece> pieces, List<String> lines) {
        StringBuilder text = new StringBuilder();
        List<Integer> line = new ArrayList<>();
        List<Integer> column = new ArrayList<>();
        for (Piece p : pieces) {
            if (!text.isEmpty()) {
                text.append(' ');
                line.add(-1);
                column.add(-1);
            }
            String lineText = lines.get(p.line() - 1);
            int start = p.start();
            while (!text.isEmpty() && start < p.end() && Character.isWhitespace(lineText.charAt(start))) {
                start++;
            }
            for (int c = start; c < Math.min(p.end(), lineText.length()); c++) {
                text.append(lineText.charAt(c));
                line.add(p.line());
                column.add(c);
            }
        }
        return new Segment(text.toString(), line.stream().mapToInt(Integer::intValue).toArray(),
                column.stream().mapToInt(Integer::intValue).toArray(), lines);
    }

    private static boolean startsWithRelation(String s) {
        return relationAt(s, 0) > 0;
    }

    // ---- chains -------------------------------------------------------------------------------------

    /** A relation found in a segment: characters [start, end). */
    private record Rel(Relation relation, int start, int end) {
    }

    /** A side found in a segment: characters [start, end). */
    private record Found(int start, int end) {
    }

    private static void chains(Segment segment, Statement.Context context, String chapter, ChapterNumbers.Scan scan,
            List<Statement> out) {
        String s = segment.text();
        List<Rel> rels = relations(s);
        if (rels.isEmpty()) {
            return;
        }
        // the pieces between relations: piece k runs from the end of relation k-1 to the start of relation k
        int n = rels.size();
        List<Found> sides = new ArrayList<>();
        List<Relation> between = new ArrayList<>();
        boolean bindable = false;
        Optional<Found> left = suffix(s, 0, rels.get(0).start());
        if (left.isPresent()) {
            sides.add(left.get());
            bindable = labelOnly(s.substring(0, left.get().start()));
        }
        for (int k = 1; k <= n; k++) {
            int from = rels.get(k - 1).end();
            int to = k < n ? rels.get(k).start() : s.length();
            Relation rel = rels.get(k - 1).relation();
            Optional<Found> whole = k < n ? whole(s, from, to) : Optional.empty();
            if (whole.isPresent()) {
                if (!sides.isEmpty()) {
                    between.add(rel);
                }
                sides.add(whole.get());
                continue;
            }
            Optional<Found> right = prefix(s, from, to);
            if (!sides.isEmpty() && right.isPresent()) {
                between.add(rel);
                sides.add(right.get());
            }
            emit(segment, sides, between, bindable, context, chapter, scan, out);
            sides = new ArrayList<>();
            between = new ArrayList<>();
            bindable = false;
            if (k < n) {
                Optional<Found> next = suffix(s, from, to);
                if (next.isPresent() && (right.isEmpty() || next.get().start() >= right.get().end())) {
                    sides.add(next.get());
                }
            }
        }
    }

    /** Whether the text before a left-hand side leaves it a definition: nothing, a label ending in ':' or emphasis marks. */
    private static boolean labelOnly(String before) {
        String t = before.strip().replace("*", "").replace("_", "").strip();
        return t.isEmpty() || t.endsWith(":");
    }

    private static void emit(Segment segment, List<Found> found, List<Relation> relations, boolean bindable,
            Statement.Context context, String chapter, ChapterNumbers.Scan scan, List<Statement> out) {
        String s = segment.text();
        List<Found> sides = new ArrayList<>(found);
        List<Relation> rels = new ArrayList<>(relations);
        List<Side.Kind> kinds = new ArrayList<>(sides.stream().map(f -> kind(s.substring(f.start(), f.end()))).toList());
        // a name that is only the end of longer text ("... L = ...") is not the chapter's left-hand side
        if (!bindable && !kinds.isEmpty() && (kinds.get(0) == Side.Kind.NAME || kinds.get(0) == Side.Kind.OTHER) && sides.size() > 2) {
            sides.remove(0);
            rels.remove(0);
            kinds.remove(0);
        }
        // the result is the last printed value
        int last = kinds.lastIndexOf(Side.Kind.VALUE);
        if (last < 1) {
            return;
        }
        sides = sides.subList(0, last + 1);
        rels = rels.subList(0, last);
        kinds = kinds.subList(0, last + 1);
        if (!kinds.contains(Side.Kind.EXPRESSION)) {
            return;
        }
        List<Side> built = new ArrayList<>();
        for (int k = 0; k < sides.size(); k++) {
            Found f = sides.get(k);
            built.add(new Side(s.substring(f.start(), f.end()), segment.spans(f.start(), f.end()), kinds.get(k)));
        }
        Optional<String> name = bindable && kinds.get(0) == Side.Kind.NAME ? Optional.of(built.get(0).text()) : Optional.empty();
        List<Span> all = built.stream().flatMap(b -> b.spans().stream()).toList();
        List<ChapterNumber> numbers = scan.numbers().stream().filter(num -> all.stream().anyMatch(sp -> sp.contains(num.span()))).toList();
        String text = s.substring(sides.get(0).start(), sides.get(sides.size() - 1).end());
        out.add(new Statement(chapter, text, built, rels, name, context, numbers));
    }

    // ---- relations ----------------------------------------------------------------------------------

    private static List<Rel> relations(String s) {
        List<Rel> out = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            if (depth > 0) {
                continue;
            }
            int len = relationAt(s, i);
            if (len > 0) {
                out.add(new Rel(relationOf(s.substring(i, i + len)), i, i + len));
                i += len - 1;
            } else if (c == '\\') {
                // a LaTeX command that is not a relation: skip its letters (\begin{...} keeps its braces)
                int k = i + 1;
                while (k < s.length() && Character.isLetter(s.charAt(k))) {
                    k++;
                }
                i = Math.max(i, k - 1);
            }
        }
        return out;
    }

    private static Relation relationOf(String text) {
        return switch (text) {
            case "=" -> Relation.EQUALS;
            case "≈", "\\approx" -> Relation.APPROX;
            default -> Relation.ARROW;
        };
    }

    /** The length of a relation at i ({@code =}, {@code ≈}, {@code →}, {@code \approx}, {@code \to}, {@code \rightarrow}), else 0. */
    private static int relationAt(String s, int i) {
        char c = s.charAt(i);
        if (c == '=') {
            char before = i > 0 ? s.charAt(i - 1) : ' ';
            char after = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            return "<>!=:".indexOf(before) >= 0 || after == '=' ? 0 : 1;
        }
        if (c == '≈' || c == '→') {
            return 1;
        }
        if (c == '\\') {
            for (String command : List.of("\\approx", "\\rightarrow", "\\to")) {
                int end = i + command.length();
                if (s.startsWith(command, i) && (end >= s.length() || !Character.isLetter(s.charAt(end)))) {
                    return command.length();
                }
            }
        }
        return 0;
    }

    // ---- sides, read with the grammar ---------------------------------------------------------------

    /** The whole stretch [from, to), trimmed, when the grammar reads it. */
    private static Optional<Found> whole(String s, int from, int to) {
        int a = skipSpace(s, from, to);
        int b = trimEnd(s, a, to);
        return b > a && parses(s.substring(a, b)) ? Optional.of(new Found(a, b)) : Optional.empty();
    }

    /** The longest end of [from, to) that the grammar reads, starting at the stretch's start or after a space, '*', ':' or ';'. */
    private static Optional<Found> suffix(String s, int from, int to) {
        int b = trimEnd(s, from, to);
        for (int a = from; a < b; a++) {
            char prev = a > from ? s.charAt(a - 1) : ' ';
            if (Character.isWhitespace(s.charAt(a)) || !(Character.isWhitespace(prev) || "*:;".indexOf(prev) >= 0)
                    || continuesOperation(s, from, a)) {
                continue;
            }
            if (parses(s.substring(a, b))) {
                return Optional.of(new Found(a, b));
            }
        }
        return Optional.empty();
    }

    /** The longest start of [from, to) that the grammar reads and that does not stop inside a word or a number. */
    private static Optional<Found> prefix(String s, int from, int to) {
        int a = skipSpace(s, from, to);
        for (int b = to; b > a; b--) {
            if (Character.isWhitespace(s.charAt(b - 1)) || (b < to && continues(s, b))) {
                continue;
            }
            if (parses(s.substring(a, b))) {
                return Optional.of(new Found(a, b));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether text starting at a would be the end of a longer operation the grammar did not read: it follows an operator
     * ({@code x_old - 0.1 × d}: not {@code d}), or it starts with an operator after an operand ({@code x_old - 0.1}: not
     * {@code - 0.1}).
     */
    private static boolean continuesOperation(String s, int from, int a) {
        int k = a - 1;
        while (k >= from && Character.isWhitespace(s.charAt(k))) {
            k--;
        }
        if (k < from) {
            return false;
        }
        char before = s.charAt(k);
        if ("+-−×*·⋅/÷^⊙@".indexOf(before) >= 0) {
            return true;
        }
        char first = s.charAt(a);
        return "+-−×*·⋅/÷^⊙@".indexOf(first) >= 0 && (Character.isLetterOrDigit(before) || ")]}".indexOf(before) >= 0);
    }

    /** Whether the character at b continues what stands before it (a word, a number, a call, an index, a power). */
    private static boolean continues(String s, int b) {
        char c = s.charAt(b);
        return Character.isLetterOrDigit(c) || "_([{^%²³".indexOf(c) >= 0
                || (c == '.' && b + 1 < s.length() && Character.isDigit(s.charAt(b + 1)))
                || (c == ',' && b + 1 < s.length() && Character.isDigit(s.charAt(b + 1)) && Character.isDigit(s.charAt(b - 1)));
    }

    private static int skipSpace(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String s, int from, int to) {
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    private static boolean parses(String side) {
        try {
            Expressions.parse(side);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static final Set<Integer> VALUE_TOKENS = Set.of(ExprLexer.NUMBER, ExprLexer.LBRACK, ExprLexer.RBRACK, ExprLexer.COMMA,
            ExprLexer.LPAREN, ExprLexer.RPAREN, ExprLexer.BEGIN_MATRIX, ExprLexer.END_MATRIX, ExprLexer.AMP, ExprLexer.ROW_SEP,
            ExprLexer.LBRACE, ExprLexer.RBRACE);
    private static final Set<Integer> OPENERS = Set.of(ExprLexer.LBRACK, ExprLexer.COMMA, ExprLexer.LPAREN, ExprLexer.AMP,
            ExprLexer.ROW_SEP, ExprLexer.BEGIN_MATRIX, ExprLexer.LBRACE);
    private static final Set<Integer> OPERATORS = Set.of(ExprLexer.PLUS, ExprLexer.MINUS, ExprLexer.TIMES, ExprLexer.DOT,
            ExprLexer.HADAMARD, ExprLexer.AT, ExprLexer.DIVIDE, ExprLexer.CARET, ExprLexer.SQUARED, ExprLexer.CUBED,
            ExprLexer.TRANSPOSED, ExprLexer.ROOT, ExprLexer.FRAC, ExprLexer.SQRT, ExprLexer.LATEX_FUNCTION, ExprLexer.PIPE);

    /** What a side is, from the grammar's tokens: a printed value, a name, arithmetic, or other text. */
    static Side.Kind kind(String side) {
        ExprLexer lexer = new ExprLexer(CharStreams.fromString(side));
        lexer.removeErrorListeners();
        List<? extends Token> tokens = lexer.getAllTokens().stream().filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL).toList();
        if (isValue(tokens)) {
            return Side.Kind.VALUE;
        }
        if (isName(tokens)) {
            return Side.Kind.NAME;
        }
        for (int k = 0; k < tokens.size(); k++) {
            int type = tokens.get(k).getType();
            boolean sign = (type == ExprLexer.MINUS || type == ExprLexer.PLUS) && (k == 0 || OPENERS.contains(tokens.get(k - 1).getType()));
            boolean call = (type == ExprLexer.NAME || type == ExprLexer.LATEX_NAME) && k + 1 < tokens.size()
                    && tokens.get(k + 1).getType() == ExprLexer.LPAREN;
            if ((OPERATORS.contains(type) && !sign) || call || (sign && type == ExprLexer.MINUS && !(k + 1 < tokens.size()
                    && tokens.get(k + 1).getType() == ExprLexer.NUMBER))) {
                return Side.Kind.EXPRESSION;
            }
        }
        return Side.Kind.OTHER;
    }

    private static boolean isValue(List<? extends Token> tokens) {
        boolean number = false;
        for (int k = 0; k < tokens.size(); k++) {
            int type = tokens.get(k).getType();
            boolean sign = (type == ExprLexer.MINUS || type == ExprLexer.PLUS) && (k == 0 || OPENERS.contains(tokens.get(k - 1).getType()))
                    && k + 1 < tokens.size() && tokens.get(k + 1).getType() == ExprLexer.NUMBER;
            if (!sign && !VALUE_TOKENS.contains(type)) {
                return false;
            }
            number |= type == ExprLexer.NUMBER;
        }
        return number;
    }

    /** {@code x}, {@code \eta}, {@code \text{W}}, {@code Q[0][0]}, {@code context[1]}, {@code P(C)}: a name, indexed or of one name. */
    private static boolean isName(List<? extends Token> tokens) {
        int k = nameAt(tokens, 0);
        if (k < 0) {
            return false;
        }
        if (k < tokens.size() && tokens.get(k).getType() == ExprLexer.LPAREN) {
            int inner = nameAt(tokens, k + 1);
            return inner > 0 && inner + 1 == tokens.size() && tokens.get(inner).getType() == ExprLexer.RPAREN;
        }
        while (k < tokens.size()) {
            if (k + 2 < tokens.size() && tokens.get(k).getType() == ExprLexer.LBRACK && tokens.get(k + 1).getType() == ExprLexer.NUMBER
                    && tokens.get(k + 2).getType() == ExprLexer.RBRACK) {
                k += 3;
            } else {
                return false;
            }
        }
        return true;
    }

    private static int nameAt(List<? extends Token> tokens, int k) {
        if (k >= tokens.size()) {
            return -1;
        }
        int type = tokens.get(k).getType();
        if (type == ExprLexer.NAME || type == ExprLexer.LATEX_NAME) {
            return k + 1;
        }
        if (type == ExprLexer.TEXT_COMMAND && k + 3 < tokens.size() + 0 && tokens.get(k + 1).getType() == ExprLexer.LBRACE
                && tokens.get(k + 3).getType() == ExprLexer.RBRACE) {
            return k + 4;
        }
        return -1;
    }
}
