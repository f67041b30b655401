package org.bookcheck.chapter;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
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
 * The one reader of a chapter's numbers: every number token with its exact span, found with a Markdown
 * parser that keeps source positions (commonmark-java with source spans). verify, coverage, new, fix,
 * the HTML report and the JSON findings all read the chapter through it, so they never disagree about
 * what it says.
 *
 * <p>The rule, as the README states it: a number is a whole token ({@link NumberTokens}) that stands in
 * a paragraph's text (list items, block quotes and tables too, with inline and display math) or in a
 * fenced or indented code block (mermaid too). Headings, code spans, links (text and destination),
 * images (alt text) and HTML are not the book's claims: their tokens are read too, so that a quote there
 * can still be placed, but coverage does not count them. Each counted number gets the context that
 * makes it a claim: math ({@code $...$}, {@code $$...$$}), code, a bracketed list, a written calculation
 * (next to =, ÷, ≈, ×, +, −, /), or prose.
 */
public final class ChapterNumbers {

    /** A stretch of math in the chapter, delimiters included; lines 1-based, columns 0-based character offsets, end exclusive. */
    public record MathSpan(int startLine, int startColumn, int endLine, int endColumn, boolean display) {
    }

    /**
     * Everything read from one chapter: its numbers in reading order, the number tokens of text that is
     * not the book's claims (headings, code spans, links, HTML), and its math.
     */
    public record Scan(List<ChapterNumber> numbers, List<ChapterNumber> uncounted, List<MathSpan> math) {

        public Scan {
            numbers = List.copyOf(numbers);
            uncounted = List.copyOf(uncounted);
            math = List.copyOf(math);
        }

        /** The counted numbers of one line. */
        public List<ChapterNumber> onLine(int line) {
            return numbers.stream().filter(n -> n.line() == line).toList();
        }

        /** Every number token inside the spans (a quote's lines), counted or not, in reading order. */
        public List<ChapterNumber> within(List<Span> spans) {
            List<ChapterNumber> out = new ArrayList<>();
            for (List<ChapterNumber> list : List.of(numbers, uncounted)) {
                for (ChapterNumber n : list) {
                    if (spans.stream().anyMatch(s -> s.contains(n.span()))) {
                        out.add(n);
                    }
                }
            }
            out.sort(Comparator.comparing(ChapterNumber::span));
            return out;
        }
    }

    private static final String OPERATORS = "=÷≈×+−-/*<>≤≥";

    /** Scans by chapter text: every fixture of a chapter is placed with the same reading, read once. */
    private static final Map<String, Scan> SCANS = Collections.synchronizedMap(new WeakHashMap<>());

    private ChapterNumbers() {
    }

    /** Reads the chapter's numbers and math. */
    public static Scan scan(Chapter chapter) {
        return SCANS.computeIfAbsent(chapter.text(), ChapterNumbers::scan);
    }

    /** Reads the numbers and math of Markdown text. */
    public static Scan scan(String markdown) {
        List<String> lines = markdown.lines().toList();
        Node document = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build().parse(markdown);
        Map<Integer, BitSet> prose = new HashMap<>();
        Map<Integer, BitSet> code = new HashMap<>();
        Map<Integer, BitSet> math = new HashMap<>();
        List<MathSpan> mathSpans = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                Map<Integer, BitSet> excluded = new HashMap<>();
                exclude(paragraph, excluded);
                List<SourceSpan> spans = paragraph.getSourceSpans();
                for (SourceSpan span : spans) {
                    BitSet bits = mark(prose, span);
                    BitSet out = excluded.get(span.getLineIndex() + 1);
                    if (out != null) {
                        bits.andNot(out);
                    }
                }
                findMath(lines, spans, excluded, math, mathSpans);
            }

            @Override
            public void visit(FencedCodeBlock block) {
                List<SourceSpan> spans = block.getSourceSpans();
                // The first span is the opening fence, the last the closing one when the block is closed.
                int last = block.getClosingFenceLength() != null ? spans.size() - 1 : spans.size();
                for (int k = 1; k < last; k++) {
                    mark(code, spans.get(k));
                }
            }

            @Override
            public void visit(IndentedCodeBlock block) {
                block.getSourceSpans().forEach(span -> mark(code, span));
            }
        });
        List<ChapterNumber> numbers = new ArrayList<>();
        List<ChapterNumber> uncounted = new ArrayList<>();
        for (int line = 1; line <= lines.size(); line++) {
            String text = lines.get(line - 1);
            BitSet proseBits = prose.getOrDefault(line, new BitSet());
            BitSet codeBits = code.getOrDefault(line, new BitSet());
            BitSet mathBits = math.getOrDefault(line, new BitSet());
            BitSet rest = new BitSet();
            rest.set(0, text.length());
            rest.andNot(proseBits);
            rest.andNot(codeBits);
            read(text, line, proseBits, false, mathBits, numbers);
            read(text, line, codeBits, true, mathBits, numbers);
            read(text, line, rest, false, mathBits, uncounted);
        }
        numbers.sort(Comparator.comparing(ChapterNumber::span));
        return new Scan(numbers, uncounted, mathSpans);
    }

    private static BitSet mark(Map<Integer, BitSet> lines, SourceSpan span) {
        BitSet bits = lines.computeIfAbsent(span.getLineIndex() + 1, k -> new BitSet());
        bits.set(span.getColumnIndex(), span.getColumnIndex() + span.getLength());
        return bits;
    }

    /** The tokens of each run of marked characters of a line. */
    private static void read(String text, int line, BitSet bits, boolean code, BitSet math, List<ChapterNumber> out) {
        for (int from = bits.nextSetBit(0); from >= 0 && from < text.length(); from = bits.nextSetBit(from)) {
            int to = Math.min(bits.nextClearBit(from), text.length());
            for (NumberTokens.Bounds b : NumberTokens.in(text, from, to, code)) {
                ChapterNumber.Context context = code ? ChapterNumber.Context.CODE : context(text, b.start(), b.end(), math);
                out.add(new ChapterNumber(Span.of(text, line, b.start(), b.end()), b.start(), b.end(), text.substring(b.start(), b.end()),
                        context));
            }
            from = to;
        }
    }

    /** Marks the characters of code spans, links, images and inline HTML inside a paragraph. */
    private static void exclude(Node node, Map<Integer, BitSet> excluded) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Code || child instanceof Link || child instanceof Image || child instanceof HtmlInline) {
                for (SourceSpan span : child.getSourceSpans()) {
                    mark(excluded, span);
                }
            } else {
                exclude(child, excluded);
            }
        }
    }

    /**
     * Finds {@code $...$} and {@code $$...$$} across the lines of one paragraph, pandoc's way: an
     * opening {@code $} is followed by a non-space, a closing one follows a non-space and is not
     * followed by a digit; {@code \$} is a dollar sign; code spans are opaque.
     */
    private static void findMath(List<String> lines, List<SourceSpan> spans, Map<Integer, BitSet> excluded,
            Map<Integer, BitSet> math, List<MathSpan> out) {
        int openLine = -1;
        int openColumn = -1;
        boolean display = false;
        for (SourceSpan span : spans) {
            int line = span.getLineIndex() + 1;
            String text = lines.get(line - 1);
            BitSet code = excluded.getOrDefault(line, new BitSet());
            int end = Math.min(text.length(), span.getColumnIndex() + span.getLength());
            for (int i = span.getColumnIndex(); i < end; i++) {
                char c = text.charAt(i);
                if (code.get(i)) {
                    continue;
                }
                if (c == '\\') {
                    i++;
                    continue;
                }
                if (c != '$') {
                    continue;
                }
                boolean two = i + 1 < end && text.charAt(i + 1) == '$';
                if (openLine < 0) {
                    int after = i + (two ? 2 : 1);
                    if (two || (after < end && !Character.isWhitespace(text.charAt(after)))) {
                        openLine = line;
                        openColumn = i;
                        display = two;
                    }
                    i += two ? 1 : 0;
                } else if (display && two) {
                    record(lines, openLine, openColumn, line, i + 2, true, math, out);
                    openLine = -1;
                    i++;
                } else if (!display && !two && i > 0 && !Character.isWhitespace(text.charAt(i - 1))
                        && !(i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                    record(lines, openLine, openColumn, line, i + 1, false, math, out);
                    openLine = -1;
                }
            }
        }
    }

    private static void record(List<String> lines, int startLine, int startColumn, int endLine, int endColumn, boolean display,
            Map<Integer, BitSet> math, List<MathSpan> out) {
        out.add(new MathSpan(startLine, startColumn, endLine, endColumn, display));
        for (int line = startLine; line <= endLine; line++) {
            int from = line == startLine ? startColumn : 0;
            int to = line == endLine ? endColumn : lines.get(line - 1).length();
            math.computeIfAbsent(line, k -> new BitSet()).set(from, to);
        }
    }

    private static ChapterNumber.Context context(String s, int start, int end, BitSet math) {
        if (math.get(start)) {
            return ChapterNumber.Context.MATH;
        }
        if (inList(s, start, end)) {
            return ChapterNumber.Context.LIST;
        }
        int left = start - 1;
        while (left >= 0 && s.charAt(left) == ' ') {
            left--;
        }
        int right = end;
        while (right < s.length() && s.charAt(right) == ' ') {
            right++;
        }
        boolean opLeft = left >= 0 && OPERATORS.indexOf(s.charAt(left)) >= 0 && hasNumberBefore(s, left);
        boolean opRight = right < s.length() && OPERATORS.indexOf(s.charAt(right)) >= 0 && hasNumberAfter(s, right);
        return opLeft || opRight ? ChapterNumber.Context.EXPRESSION : ChapterNumber.Context.PROSE;
    }

    private static boolean hasNumberBefore(String s, int op) {
        int k = op - 1;
        while (k >= 0 && s.charAt(k) == ' ') {
            k--;
        }
        return k >= 0 && (Character.isDigit(s.charAt(k)) || s.charAt(k) == '%');
    }

    private static boolean hasNumberAfter(String s, int op) {
        int k = op + 1;
        while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '-' || s.charAt(k) == '−')) {
            k++;
        }
        return k < s.length() && Character.isDigit(s.charAt(k));
    }

    private static boolean inList(String s, int start, int end) {
        int open = -1;
        for (int k = start - 1; k >= Math.max(0, start - 120); k--) {
            char c = s.charAt(k);
            if (c == ']' || c == ')') {
                return false;
            }
            if (c == '[' || c == '(') {
                open = k;
                break;
            }
        }
        if (open < 0) {
            return false;
        }
        char closer = s.charAt(open) == '[' ? ']' : ')';
        int close = s.indexOf(closer, end);
        return close > 0 && s.substring(open, close).contains(",");
    }
}
