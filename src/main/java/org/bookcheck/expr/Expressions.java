package org.bookcheck.expr;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.bookcheck.reference.Value;

/**
 * The expression language's entry point: reads an expression as books write it ({@code w[0]×V[0][0] + w[1]×V[1][0]},
 * {@code -log(0.251) ≈ 1.383}, {@code \frac{1}{1 + e^{-0.3775}}}) and compiles it to a {@link Term} of catalogue
 * operations over the names in scope. The grammar is {@code src/main/antlr4/org/bookcheck/expr/Expr.g4}.
 */
public final class Expressions {

    private Expressions() {
    }

    /**
     * The term of an expression over the names in scope (with their values, which decide what × and [i] mean).
     * Throws {@link ExprException} with the column, a caret line and what was expected, for a syntax error, an
     * unknown name or function (with the nearest ones), or arguments an operation does not take.
     */
    public static Term compile(String source, Map<String, ? extends Value> scope) {
        return new ExprCompiler(source, scope).expression(parser(source).expression()).term();
    }

    /**
     * Reads an expression for its syntax only (names and shapes are checked when it is compiled over a scope).
     * Throws {@link ExprException} with the column, a caret line and what was expected.
     */
    public static void parse(String source) {
        parser(source).expression();
    }

    /**
     * A written-out chain as chapters print it ({@code Q[0][0] = 0.1×1 + 0.2×0 = 0.1}, {@code L = -log(0.251) ≈ 1.383}):
     * the spans of its sides in order and the relation between each pair, read with the same grammar. It is only
     * parsed, so a side that names what the chapter defines (its left-hand side) can be bound by the caller; each
     * side's text then compiles on its own with {@link #compile}.
     */
    public static Chain chain(String source) {
        ExprParser.ChainContext ctx = parser(source).chain();
        List<Span> sides = ctx.sum().stream().map(side -> new Span(chars(source, side.getStart().getStartIndex()),
                chars(source, side.getStop().getStopIndex() + 1))).toList();
        List<String> relations = ctx.relOp().stream().map(r -> switch (r.getStart().getType()) {
            case ExprParser.LT -> "<";
            case ExprParser.GT -> ">";
            case ExprParser.EQ -> "=";
            default -> "≈";
        }).toList();
        Optional<Span> tolerance = Optional.ofNullable(ctx.tolerance()).map(t -> new Span(chars(source, t.sum().getStart().getStartIndex()),
                chars(source, t.sum().getStop().getStopIndex() + 1)));
        return new Chain(sides, relations, tolerance);
    }

    /** The sides of a written-out chain, the relation (=, ≈, <, >) between each side and the next, and a tolerance after ±. */
    public record Chain(List<Span> sides, List<String> relations, Optional<Span> tolerance) {
        public Chain {
            sides = List.copyOf(sides);
            relations = List.copyOf(relations);
        }
    }

    private static int chars(String source, int codePointIndex) {
        return source.offsetByCodePoints(0, codePointIndex);
    }

    /** Every function an expression may call: the catalogue's operations and the aliases log, log10, log2. */
    public static List<String> functions() {
        return ExprCompiler.functionNames();
    }

    /** The parser over a source, with the located messages of {@link ParseErrors} in place of ANTLR's own. */
    static ExprParser parser(String source) {
        ParseErrors errors = new ParseErrors(source);
        ExprLexer lexer = new ExprLexer(CharStreams.fromString(source));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        ExprParser parser = new ExprParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        return parser;
    }
}
