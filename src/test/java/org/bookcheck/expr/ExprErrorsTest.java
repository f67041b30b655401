package org.bookcheck.expr;

import static org.bookcheck.expr.ExprTestSupport.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every kind of error message: what is wrong, what was expected, and a caret under the column. */
class ExprErrorsTest {

    private static ExprException error(String source) {
        return assertThrows(ExprException.class, () -> compile(source));
    }

    @Test
    void aMissingOperandSaysAValueWasExpectedWithACaretUnderWhatWasFound() {
        ExprException e = error("w[0] × * 1");
        assertEquals("""
                expected a value (a number, a name, a call such as exp(x), or a bracket) but found "*" (column 8)
                  w[0] × * 1
                         ^""", e.getMessage());
        assertEquals(8, e.column());
    }

    @Test
    void anUnclosedBracketSaysWhichCloserOrOperatorWasExpected() {
        assertEquals("expected \")\" or an operator (+ − × · / ^) but the expression ends here",
                error("(1 + 2").problem());
        assertEquals(7, error("(1 + 2").column());
        assertEquals("expected \"]\", \",\" or an operator (+ − × · / ^) but the expression ends here", error("[1, 2").problem());
    }

    @Test
    void twoValuesWithoutAnOperator() {
        ExprException e = error("0.5 0.25");
        assertEquals("expected an operator (+ − × · / ^) or the end of the expression but found \"0.25\"",
                e.problem());
        assertEquals(5, e.column());
    }

    @Test
    void anUnknownCharacter() {
        ExprException e = error("1 $ 2");
        assertEquals("unexpected character \"$\": an expression has numbers, names, operators (+ − × · / ^ @), brackets and commas",
                e.problem());
        assertEquals(3, e.column());
    }

    @Test
    void anUnknownFunctionListsTheNearestOnes() {
        ExprException e = error("softmx(z)");
        assertEquals("unknown function \"softmx\"; did you mean softmax? Functions are the operations of the catalogue (README § Operations)"
                + " and log, log10, log2", e.problem());
        assertEquals("  ^^^^^^", e.getMessage().lines().toList().get(2));
    }

    @Test
    void anUnknownNameListsTheNearestOnesAndAllInScope() {
        ExprException e = error("1 + etta");
        assertEquals("unknown name \"etta\"; did you mean eta? Names available here: " + String.join(", ", ExprTestSupport.SCOPE.keySet()),
                e.problem());
        assertEquals(5, e.column());
    }

    @Test
    void anUnknownParameterNameListsTheNearestAndTheSignature() {
        assertEquals("layer_norm has no parameter \"epsilon\" (did you mean eps?); its parameters are layer_norm(x, gamma?, beta?, eps?)",
                error("layer_norm(z, epsilon=0)").problem());
    }

    @Test
    void tooManyArgumentsAndArgumentsGivenTwice() {
        assertEquals("softmax takes 1 argument (softmax(x)), got 2", error("softmax(z, z)").problem());
        assertEquals("argument \"x\" of softmax is given twice", error("softmax(x=z, x=z)").problem());
        assertEquals("argument \"x\" of softmax is given both by position and by name", error("softmax(z, x=z)").problem());
        assertEquals("a positional argument after a named one; write the positional arguments first",
                error("layer_norm(eps=0, z)").problem());
    }

    @Test
    void aMissingArgumentNamesIt() {
        assertEquals("weight_update needs argument \"lr\" (learning rate η)", error("weight_update(W_old, W_old)").problem());
    }

    @Test
    void anOperationThatRefusesItsValuesPointsAtItsNode() {
        ExprException e = error("1 + w[5]");
        assertEquals("element: index 5 is outside 0..1 of a vector of length 2", e.problem());
        assertEquals(new Span(4, 8), e.span());
        assertEquals("      ^^^^", e.getMessage().lines().toList().get(2));
        assertEquals("add: the operands must have the same shape, but the first is vector of length 2 and the second is vector of length 3",
                error("w + z").problem());
    }

    @Test
    void indexingWhatHasNoSuchIndex() {
        assertEquals("cannot index a number with [0]: a vector takes v[i], a matrix A[i] (a row), A[i][j] or A[i, j] (an element),"
                + " A[:, j] (a column); indices count from 0", error("p[0]").problem());
        assertEquals("cannot index a vector of length 2 with [0, 1]: a vector takes v[i], a matrix A[i] (a row), A[i][j] or A[i, j]"
                + " (an element), A[:, j] (a column); indices count from 0", error("w[0, 1]").problem());
    }

    @Test
    void approximatelyNeedsAPrintedNumberOrAStatedTolerance() {
        assertEquals("≈ compares with the printed precision of a number written on one side; neither side is one, so state the tolerance:"
                + " a ≈ b ± 0.01", error("p ≈ w[0]").problem());
        assertEquals("± gives the tolerance of ≈; write a ≈ b ± t", error("p < 0.3 ± 0.1").problem());
    }

    /** One message: the source, the problem as the reader sees it, the column (from 1) and the width of the caret line. */
    record Message(String kind, String source, String problem, int column, int width) {
    }

    private static final String VALUE = "a value (a number, a name, a call such as exp(x), or a bracket)";
    private static final String OPERATOR = "an operator (+ − × · / ^)";
    private static final String INDEXING = ": a vector takes v[i], a matrix A[i] (a row), A[i][j] or A[i, j] (an element), A[:, j] (a column);"
            + " indices count from 0";

    /** Every message ParseErrors and ExprCompiler give, each where a reader would meet it, with what it must say and where. */
    static final List<Message> MESSAGES = List.of(
            // the lexer
            new Message("a character outside the language", "1 $ 2",
                    "unexpected character \"$\": an expression has numbers, names, operators (+ − × · / ^ @), brackets and commas", 3, 1),
            new Message("a point without digits after it", "1. + 2",
                    "unexpected character \".\": a decimal point is followed by digits (0.5, 1.0); a number may start with it (.5)", 2, 1),
            new Message("a number too large to read", "2 × 1e99999999999", "the number 1e99999999999 is beyond what bookcheck reads: write"
                    + " one between 1e-300 and 1e300 in size", 5, 13),
            new Message("a number too small to read", "1e-999", "the number 1e-999 is beyond what bookcheck reads: write"
                    + " one between 1e-300 and 1e300 in size", 1, 6),
            // the parser: what was expected, by name
            new Message("nothing at all", "", "expected " + VALUE + " but the expression ends here", 1, 1),
            new Message("a missing operand", "1 + ,", "expected " + VALUE + " but found \",\"", 5, 1),
            new Message("an unclosed parenthesis", "softmax(z", "expected \")\" or " + OPERATOR + " but the expression ends here", 10, 1),
            new Message("an empty call", "exp(", "expected \")\" or " + VALUE + " but the expression ends here", 5, 1),
            new Message("an unclosed index", "V[0", "expected \"]\", \",\" or " + OPERATOR + " but the expression ends here", 4, 1),
            new Message("an unclosed brace", "{1 + 2", "expected \"}\" or " + OPERATOR + " but the expression ends here", 7, 1),
            new Message("an unclosed absolute value", "|1 + 2", "expected \"|\" or " + OPERATOR + " but the expression ends here", 7, 1),
            new Message("an unclosed bmatrix row", "\\begin{bmatrix} 1 & 2",
                    "expected \"&\", \"\\\\\", \\end{bmatrix} or " + OPERATOR + " but the expression ends here", 22, 1),
            new Message("a bmatrix ending after a row separator", "\\begin{bmatrix} 1 \\\\",
                    "expected " + VALUE + " to start the next row, or \\end{bmatrix} but the expression ends here", 21, 1),
            new Message("\\sqrt without braces", "\\sqrt 4", "expected \"{\" but found \"4\"", 7, 1),
            new Message("\\frac with one argument", "\\frac{1} + 2", "expected \"{\" but found \"+\"", 10, 1),
            new Message("\\text without braces", "\\text p",
                    "expected \"{\" after \\text, which takes a name in braces (\\text{softmax}) but found \"p\"", 7, 1),
            new Message("\\text of a number", "\\mathrm{1}",
                    "expected a name (letters, digits and _, starting with a letter) in \\mathrm{…} but found \"1\"", 9, 1),
            new Message("two values side by side", "0.5 0.25", "expected " + OPERATOR + " or the end of the expression but found \"0.25\"", 5, 4),
            new Message("a closer too many", "(1 + 2))", "expected " + OPERATOR + " or the end of the expression but found \")\"", 8, 1),
            new Message("two comparisons", "0 < p < 1", "expected " + OPERATOR + " or the end of the expression but found \"<\": an expression"
                    + " makes one comparison, so write a < b < c as two (a < b, b < c)", 7, 1),
            new Message("a relation missing its right side", "p ≈", "expected " + VALUE + " but the expression ends here", 4, 1),
            // the compiler: names and functions
            new Message("an unknown name, with the nearest", "1 + etta", "unknown name \"etta\"; did you mean eta? Names available here: "
                    + String.join(", ", ExprTestSupport.SCOPE.keySet()), 5, 4),
            new Message("an unknown name, none near", "1 + qqq", "unknown name \"qqq\". Names available here: "
                    + String.join(", ", ExprTestSupport.SCOPE.keySet()), 5, 3),
            new Message("a function used as a value", "1 + softmax",
                    "\"softmax\" is a function, not a value: call it with its arguments in parentheses, softmax(…)", 5, 7),
            new Message("an unknown function, with the nearest", "softmx(z)", "unknown function \"softmx\"; did you mean softmax? Functions"
                    + " are the operations of the catalogue (README § Operations) and log, log10, log2", 1, 6),
            new Message("an unknown function, none near", "frobnicate(z)", "unknown function \"frobnicate\". Functions are the operations of"
                    + " the catalogue (README § Operations) and log, log10, log2", 1, 10),
            // the compiler: arguments
            new Message("too many arguments", "dot(z, z, z)", "dot takes 2 arguments (dot(a, b)), got 3", 1, 12),
            new Message("too many arguments to log", "log(1, 2, 3)",
                    "log takes 1 argument (log(x), the natural logarithm) or 2 (log(x, base)), got 3", 1, 12),
            new Message("too many arguments to log10", "log10(1, 2)", "log10 takes 1 argument (log10(x)), got 2", 1, 11),
            new Message("a missing argument", "approx(p, 0.3)", "approx needs argument \"tolerance\" (tolerance t ≥ 0)", 1, 14),
            new Message("an unknown parameter, with the nearest", "layer_norm(z, epsilon=0)", "layer_norm has no parameter \"epsilon\""
                    + " (did you mean eps?); its parameters are layer_norm(x, gamma?, beta?, eps?)", 15, 7),
            new Message("an unknown parameter, none near", "softmax(z, qqqq=1)",
                    "softmax has no parameter \"qqqq\"; its parameters are softmax(x)", 12, 4),
            new Message("an argument by position and by name", "softmax(z, x=z)",
                    "argument \"x\" of softmax is given both by position and by name", 12, 1),
            new Message("an argument named twice", "softmax(x=z, x=z)", "argument \"x\" of softmax is given twice", 14, 3),
            new Message("a positional argument after a named one", "layer_norm(eps=0, z)",
                    "a positional argument after a named one; write the positional arguments first", 19, 1),
            // the compiler: shapes, indices and relations
            new Message("indexing a matrix with two colons", "V[:, :]", "cannot index a 2×2 matrix with [:, :]" + INDEXING, 1, 7),
            new Message("indexing a number", "p[0]", "cannot index a number with [0]" + INDEXING, 1, 4),
            new Message("transposing a vector", "[1, 2]ᵀ", "a vector has no orientation to transpose: write it without ᵀ (matmul reads a"
                    + " vector on the left as a row and on the right as a column; a·b is the dot product, outer(a, b) the outer product)", 1, 7),
            new Message("± after a comparison other than ≈", "p < 0.3 ± 0.1", "± gives the tolerance of ≈; write a ≈ b ± t", 9, 5),
            new Message("≈ between two computed sides", "p ≈ w[0]", "≈ compares with the printed precision of a number written on one side;"
                    + " neither side is one, so state the tolerance: a ≈ b ± 0.01", 1, 8),
            new Message("≈ between a name and a constant", "p ≈ π", "≈ compares with the printed precision of a number written on one side;"
                    + " neither side is one, so state the tolerance: a ≈ b ± 0.01", 1, 5),
            // an operation that refuses its arguments, underlined at its node
            new Message("an index outside a vector", "1 + w[5]", "element: index 5 is outside 0..1 of a vector of length 2", 5, 4),
            new Message("a row outside a matrix", "V[2][0]", "element: row 2 is outside 0..1 of a 2×2 matrix", 1, 7),
            new Message("operands of different shapes", "w + z", "add: the operands must have the same shape, but the first is vector of"
                    + " length 2 and the second is vector of length 3", 1, 5),
            new Message("a ragged matrix", "[[1, 2], [3]]", "stack: row 0 has 2 elements but row 1 has 1: every row of a matrix must have the"
                    + " same length", 1, 13),
            new Message("a logarithm of 0", "2 × ln(0)", "ln: the natural logarithm needs a positive number, got 0.0", 5, 5),
            new Message("the inverse of a singular matrix", "[[1, 2], [2, 4]]^{-1}",
                    "inverse: A is singular (its determinant is 0), so it has no inverse", 1, 21),
            new Message("the inverse of a matrix that is not square", "K⁻¹", "inverse: needs a square matrix, but A is 2×3", 1, 3));

    @TestFactory
    Stream<DynamicTest> everyMessageSaysWhatWasExpectedAndPointsAtTheColumn() {
        return MESSAGES.stream().map(m -> DynamicTest.dynamicTest(m.kind() + ": " + m.source(), () -> {
            ExprException e = error(m.source());
            assertEquals(m.problem(), e.problem());
            assertEquals(m.column(), e.column(), "column");
            List<String> lines = e.getMessage().lines().toList();
            assertEquals(m.problem() + " (column " + m.column() + ")", lines.get(0));
            assertEquals("  " + m.source(), lines.get(1));
            assertEquals("  " + " ".repeat(m.column() - 1) + "^".repeat(m.width()), lines.get(2), "caret line");
        }));
    }

    @Test
    void theMessagesAreDistinctCases() {
        assertEquals(MESSAGES.size(), MESSAGES.stream().map(Message::source).distinct().count());
    }

    /**
     * Every piece of message text in the compiler and the parse-error listener (each string literal of 12 characters or
     * more with a space: words, not a pattern) occurs in a message this class asserts, so a new message cannot arrive without its test.
     */
    @Test
    void everyPieceOfMessageTextInTheSourcesIsInATestedMessage() throws java.io.IOException {
        StringBuilder tested = new StringBuilder();
        MESSAGES.forEach(m -> tested.append(m.problem()).append('\n'));
        tested.append(assertThrows(ExprException.class, () -> Expressions.chain("0.1 × 2")).problem());
        java.util.regex.Pattern literal = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        List<String> untested = new java.util.ArrayList<>();
        for (String file : List.of("ExprCompiler.java", "ParseErrors.java")) {
            String code = java.nio.file.Files.readString(GrammarFile.ROOT.resolve("src/main/java/org/bookcheck/expr").resolve(file));
            java.util.regex.Matcher m = literal.matcher(code);
            while (m.find()) {
                String text = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
                if (text.length() >= 12 && text.contains(" ") && !tested.toString().contains(text)) {
                    untested.add(file + ": " + text);
                }
            }
        }
        assertEquals(List.of(), untested, "message text that no test of ExprErrorsTest asserts");
    }
}
