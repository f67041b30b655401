package org.bookcheck.chapter;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The numbers of a chapter that a reader reads as numbers, found with a Markdown parser that keeps
 * source positions (commonmark-java with source spans), so code, links, headings, images and HTML are
 * never mistaken for claims.
 *
 * <p>The rule, as the README states it: a number is every maximal run of digits (with thousands
 * separators {@code 10,000}, a decimal part {@code 0.15}, a sign attached in front {@code -0.5} and a
 * percent sign {@code 25\%}) that stands in a paragraph's text (in list items and block quotes too),
 * outside headings, code spans and blocks, links (text and destination), images (alt text) and HTML.
 * Digits that continue a word or an index are not numbers: after a letter or digit ({@code W1}), after
 * {@code _} or {@code ^} (the subscript in {@code y_1}, the power in {@code x^2}) or after a backslash.
 * Each number gets the context that makes it a claim: math ({@code $...$}, {@code $$...$$}), a
 * bracketed list, a written calculation (next to =, ÷, ≈, ×, +, −, /), or prose.
 */
public final class ChapterNumbers {

    /** A stretch of math in the chapter, delimiters included; lines 1-based, columns 0-based character offsets, end exclusive. */
    public record MathSpan(int startLine, int startColumn, int endLine, int endColumn, boolean display) {
    }

    /** Everything read from one chapter: its numbers in reading order and its math. */
    public record Scan(List<ChapterNumber> numbers, List<MathSpan> math) {

        public Scan {
            numbers = List.copyOf(numbers);
            math = List.copyOf(math);
        }

        public List<ChapterNumber> onLine(int line) {
            return numbers.stream().filter(n -> n.line() == line).toList();
        }
    }

    private static final String OPERATORS = "=÷≈×+−-/*<>≤≥";

    private ChapterNumbers() {
    }

    /** Reads the chapter's numbers and math. */
    public static Scan scan(Chapter chapter) {
        return scan(chapter.text());
    }

    /** Reads the numbers and math of Markdown text. */
    public static Scan scan(String markdown) {
        List<String> lines = markdown.lines().toList();
        Node document = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build().parse(markdown);
        Map<Integer, BitSet> prose = new HashMap<>();
        Map<Integer, BitSet> math = new HashMap<>();
        List<MathSpan> mathSpans = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                Map<Integer, BitSet> excluded = new HashMap<>();
                exclude(paragraph, excluded);
                List<SourceSpan> spans = paragraph.getSourceSpans();
                for (SourceSpan span : spans) {
                    BitSet bits = prose.computeIfAbsent(span.getLineIndex() + 1, k -> new BitSet());
                    bits.set(span.getColumnIndex(), span.getColumnIndex() + span.getLength());
                    BitSet out = excluded.get(span.getLineIndex() + 1);
                    if (out != null) {
                        bits.andNot(out);
                    }
                }
                findMath(lines, spans, excluded, math, mathSpans);
            }
        });
        List<ChapterNumber> numbers = new ArrayList<>();
        for (int line = 1; line <= lines.size(); line++) {
            BitSet bits = prose.get(line);
            if (bits == null) {
                continue;
            }
            String text = lines.get(line - 1);
            BitSet mathBits = math.getOrDefault(line, new BitSet());
            for (int from = bits.nextSetBit(0); from >= 0 && from < text.length(); from = bits.nextSetBit(from)) {
                int to = Math.min(bits.nextClearBit(from), text.length());
                numbers.addAll(numbersIn(text, line, from, to, mathBits));
                from = to;
            }
        }
        return new Scan(numbers, mathSpans);
    }

    /** Marks the characters of code spans, links, images and inline HTML inside a paragraph. */
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

    /** The numbers in characters [from, to) of one line, as {@link #scan} reads them (outside math). */
    public static List<ChapterNumber> numbersIn(String line, int lineNumber, int from, int to) {
        return numbersIn(line, lineNumber, from, to, new BitSet());
    }

    /** The numbers in characters [from, to) of a line. */
    static List<ChapterNumber> numbersIn(String s, int line, int from, int to, BitSet math) {
        List<ChapterNumber> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            boolean startsNumber = Character.isDigit(c) || (c == '.' && i + 1 < to && Character.isDigit(s.charAt(i + 1))
                    && (i == 0 || !Character.isDigit(s.charAt(i - 1))));
            if (!startsNumber) {
                i++;
                continue;
            }
            int end = digitsEnd(s, i, to);
            char prev = i > 0 ? s.charAt(i - 1) : ' ';
            boolean index = Character.isLetterOrDigit(prev) || prev == '_' || prev == '^' || prev == '\\' || prev == '.'
                    || (prev == '{' && i >= 2 && (s.charAt(i - 2) == '_' || s.charAt(i - 2) == '^'));
            if (index) {
                i = end;
                continue;
            }
            int start = i;
            if ((prev == '-' || prev == '−') && i - 1 >= from) {
                char before = i >= 2 ? s.charAt(i - 2) : ' ';
                if (!(Character.isLetterOrDigit(before) || before == ')' || before == '}' || before == ']')) {
                    start = i - 1;
                }
            }
            if (end < to && s.charAt(end) == '%') {
                end++;
            } else if (end + 1 < to && s.charAt(end) == '\\' && s.charAt(end + 1) == '%') {
                end += 2;
            }
            out.add(new ChapterNumber(line, start, end, s.substring(start, end), context(s, start, end, math)));
            i = end;
        }
        return out;
    }

    /** End of the digits starting at i: 10,000 and 0.15 are one number each; "1, 2" are two. */
    private static int digitsEnd(String s, int i, int to) {
        int j = i;
        while (j < to && Character.isDigit(s.charAt(j))) {
            j++;
        }
        while (j + 3 < to + 0 && s.charAt(j) == ',' && Character.isDigit(s.charAt(j + 1)) && Character.isDigit(s.charAt(j + 2))
                && Character.isDigit(s.charAt(j + 3)) && (j + 4 >= to || !Character.isDigit(s.charAt(j + 4)))) {
            j += 4;
        }
        if (j + 1 < to && s.charAt(j) == '.' && Character.isDigit(s.charAt(j + 1))) {
            j++;
            while (j < to && Character.isDigit(s.charAt(j))) {
                j++;
            }
        }
        return j;
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
        boolean opLeft = left >= 0 && OPERATORS.indexOf(s.charAt(left)) >= 0 && left < start - 1 + 1 && hasNumberBefore(s, left);
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

    /** The value of a number's text: separators dropped, a percentage as a fraction of one. */
    public static double valueOf(String text) {
        String t = text.replace('−', '-').replace(",", "").replace("\\", "");
        boolean percent = t.endsWith("%");
        double v = Double.parseDouble(percent ? t.substring(0, t.length() - 1) : t);
        return percent ? v / 100 : v;
    }
}
