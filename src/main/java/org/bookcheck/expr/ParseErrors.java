package org.bookcheck.expr;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns the first syntax error of the lexer or parser into an {@link ExprException} that says, in the
 * words of the language, what was expected at that column and what was found instead.
 */
final class ParseErrors extends BaseErrorListener {

    private final String source;

    ParseErrors(String source) {
        this.source = source;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine, String msg,
            RecognitionException e) {
        if (recognizer instanceof Lexer lexer) {
            int at = chars(lexer.getInputStream().index());
            String c = at < source.length() ? new String(Character.toChars(source.codePointAt(at))) : "";
            throw new ExprException(source, new Span(at, Math.min(source.length(), at + c.length())), "unexpected character \"" + c
                    + "\": an expression has numbers, names, operators (+ − × · / ^ @), brackets and commas");
        }
        Token token = (Token) offendingSymbol;
        IntervalSet expected = ((Parser) recognizer).getExpectedTokens();
        boolean atEnd = token.getType() == Token.EOF;
        int start = chars(atEnd ? codePoints() : token.getStartIndex());
        int end = atEnd ? start : chars(token.getStopIndex() + 1);
        throw new ExprException(source, new Span(start, end), "expected " + describe(expected)
                + (atEnd ? " but the expression ends here" : " but found \"" + token.getText() + "\""));
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
        if (expected.contains(ExprParser.NUMBER)) {
            parts.add("a value (a number, a name, a call such as exp(x), or a bracket)");
        } else if (expected.contains(ExprParser.NAME)) {
            parts.add("a name");
        }
        // After a complete value an operator may always continue it, though the parser, having decided where
        // the value ends, only lists the closing bracket or the end.
        boolean afterValue = !expected.contains(ExprParser.NUMBER) && !parts.isEmpty() || expected.contains(Token.EOF)
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
