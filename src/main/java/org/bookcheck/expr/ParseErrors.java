package org.bookcheck.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns the first syntax error of the lexer or parser into an {@link ExprException} that says, in the
 * words of the language, what was expected at that column and what was found instead.
 */
final class ParseErrors extends BaseErrorListener {

    /** What a value may be, in the words of every "expected" message. */
    static final String VALUE = "a value (a number, a name, a call such as exp(x), or a bracket)";

    private final String source;

    ParseErrors(String source) {
        this.source = source;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine, String msg,
            RecognitionException e) {
        if (recognizer instanceof Lexer lexer) {
            // the character the failed token starts at: for "1." the point, not the end after it
            int at = chars(lexer._tokenStartCharIndex);
            String c = new String(Character.toChars(source.codePointAt(at)));
            throw new ExprException(source, new Span(at, at + c.length()), "unexpected character \"" + c + "\": "
                    + (c.equals(".") ? "a decimal point is followed by digits (0.5, 1.0); a number may start with it (.5)"
                    : "an expression has numbers, names, operators (+ − × · / ^ @), brackets and commas"));
        }
        Token token = (Token) offendingSymbol;
        Parser parser = (Parser) recognizer;
        boolean atEnd = token.getType() == Token.EOF;
        int start = chars(atEnd ? codePoints() : token.getStartIndex());
        int end = atEnd ? start : chars(token.getStopIndex() + 1);
        String found = atEnd ? " but the expression ends here" : " but found \"" + token.getText() + "\""
                + (IntStream.of(ExprParser.LT, ExprParser.GT, ExprParser.EQ, ExprParser.APPROX).anyMatch(t -> t == token.getType())
                && parser.getExpectedTokens().contains(Token.EOF)
                ? ": an expression makes one comparison, so write a < b < c as two (a < b, b < c)" : "");
        Optional<String> inContext = inContext(parser.getInputStream(), token.getTokenIndex());
        throw new ExprException(source, new Span(start, end), inContext.orElseGet(() -> "expected " + describe(parser.getExpectedTokens())) + found);
    }

    /**
     * After {@code \text} (or {@code \mathrm}, ...) only {@code {name}} may follow, though the parser, deciding between a
     * name and a call, reports the error where the primary starts and expects any value; say what the command needs.
     */
    private static Optional<String> inContext(TokenStream tokens, int at) {
        if (at >= 1 && tokens.get(at - 1).getType() == ExprParser.ROW_SEP) {
            // the parser reports a bmatrix's error at the row separator's decision, expecting what could come before it
            return Optional.of("expected " + VALUE + " to start the next row, or \\end{bmatrix}");
        }
        if (at >= 1 && tokens.get(at - 1).getType() == ExprParser.TEXT_COMMAND) {
            String command = tokens.get(at - 1).getText();
            return Optional.of("expected \"{\" after " + command + ", which takes a name in braces (" + command + "{softmax})");
        }
        if (at >= 2 && tokens.get(at - 2).getType() == ExprParser.TEXT_COMMAND && tokens.get(at - 1).getType() == ExprParser.LBRACE) {
            String command = tokens.get(at - 2).getText();
            return Optional.of("expected a name (letters, digits and _, starting with a letter) in " + command + "{…}");
        }
        return Optional.empty();
    }

    /** The expected tokens in words: closing brackets by name, then "a value", "an operator", "the end of the expression". */
    static String describe(IntervalSet expected) {
        List<String> parts = new ArrayList<>();
        for (int type : new int[] {ExprParser.RPAREN, ExprParser.RBRACK, ExprParser.RBRACE, ExprParser.PIPE, ExprParser.COMMA,
                ExprParser.AMP, ExprParser.ROW_SEP, ExprParser.END_MATRIX, ExprParser.LBRACE, ExprParser.LPAREN}) {
            if (expected.contains(type) && !(type == ExprParser.LPAREN && expected.contains(ExprParser.NUMBER))
                    && !(type == ExprParser.LBRACE && expected.contains(ExprParser.NUMBER))
                    && !(type == ExprParser.PIPE && expected.contains(ExprParser.NUMBER))) {
                parts.add(ExprParser.VOCABULARY.getLiteralName(type) == null ? "\\end{bmatrix}"
                        : "\"" + ExprParser.VOCABULARY.getLiteralName(type).replace("'", "") + "\"");
            }
        }
        if (expected.contains(ExprParser.END_MATRIX) && !expected.contains(ExprParser.AMP)) {
            // after a value in a row another column may follow, though the parser, past the row, lists only its end
            parts.add(parts.indexOf("\\end{bmatrix}") - (expected.contains(ExprParser.ROW_SEP) ? 1 : 0), "\"&\"");
        }
        if (expected.contains(ExprParser.NUMBER)) {
            parts.add(VALUE);
        } else if (expected.contains(ExprParser.NAME)) {
            parts.add("a name");
        }
        // After a complete value an operator may always continue it, though the parser, having decided where
        // the value ends, only lists the closing bracket or the end.
        boolean closer = IntStream.of(ExprParser.RPAREN, ExprParser.RBRACK, ExprParser.RBRACE, ExprParser.PIPE, ExprParser.COMMA,
                ExprParser.AMP, ExprParser.ROW_SEP, ExprParser.END_MATRIX).anyMatch(expected::contains);
        boolean afterValue = !expected.contains(ExprParser.NUMBER) && closer || expected.contains(Token.EOF)
                || expected.contains(ExprParser.LT);
        if (expected.contains(ExprParser.TIMES) || afterValue) {
            parts.add("an operator (+ − × · / ^)");
        }
        if (expected.contains(ExprParser.LT)) {
            parts.add("a comparison (<, >, =, ≈)");
        }
        if (expected.contains(Token.EOF)) {
            parts.add("the end of the expression");
        }
        if (parts.isEmpty()) {
            return expected.toString(ExprParser.VOCABULARY);
        }
        return parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }

    private int codePoints() {
        return source.codePointCount(0, source.length());
    }

    /** A code-point index of the ANTLR stream as a char index of the source. */
    private int chars(int codePointIndex) {
        return source.offsetByCodePoints(0, Math.min(codePointIndex, codePoints()));
    }
}
