package org.bookcheck.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.Operation;
import org.bookcheck.reference.Value;

/**
 * Two readings of the grammar against each other. A term printed as plain calls ({@code add(a=1, b=scale(x=p, s=2))},
 * the {@code op} + {@code args} form of a step) reads back to the same term and value, whatever spelling the book used,
 * so no node's meaning depends on how it was written. And whatever a reader types, the answer is a term or a located
 * {@link ExprException} in the language's words: never another exception, never ANTLR's token names.
 */
class ExprRoundTripProperties {

    private static final Map<String, Value> SCOPE = ExprTestSupport.SCOPE;

    /** Scalar-valued expressions, one or more per rule of the grammar. */
    private static final List<String> LEAVES = List.of("p", "eta", "w[1]", "V[0][1]", "V[1, 0]", "K[1][2]", "0.25", "25%", ".5", "−0.5",
            "1.2e-1", "12.5\\%", "sum(z)", "mean(1, 2)", "max(1, 5, 3)", "min(z)", "e", "π", "\\frac{1}{4}", "\\sqrt{16}", "√4", "|−2|",
            "log10(1000)", "log(8, 2)", "log2(8)", "\\ln 2", "\\exp{0.5}", "e^{0.5}", "3²", "2³", "z · z", "sum(softmax(z))",
            "W_old^{-1}[0][1]", "W_old⁻¹[1][0]", "[1, 2] · [3, 4]", "\\begin{bmatrix} 1 & 2 \\end{bmatrix} \\cdot w", "W_{old}[0, 1]",
            "\\eta", "\\text{p}", "layer_norm(z, eps=0)[0]", "(V @ W_old)[1][1]", "Kᵀ[2][0]", "K^T[0][1]", "column(K, 1)[0]",
            "cross_entropy(p)", "abs(-2)", "sqrt(9)", "exp(0)", "\\max(1, 2)", "\\left(1 + 2\\right)");

    @Provide
    Arbitrary<String> expressions() {
        return expression(3).flatMap(e -> Arbitraries.of(0, 1, 2, 3, 4).map(top -> switch (top) {
            case 0 -> e + " < 10";
            case 1 -> e + " ≈ " + e + " ± 0.5";
            case 2 -> "0.5 ≈ " + e;
            default -> e;
        }));
    }

    private static Arbitrary<String> expression(int depth) {
        Arbitrary<String> leaf = Arbitraries.of(LEAVES);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> sub = expression(depth - 1);
        Arbitrary<String> binary = Arbitraries.of("+", "−", "-", "×", "*", "·", "\\times", "\\cdot", "/", "÷", "\\div", "frac")
                .flatMap(op -> sub.flatMap(a -> sub.map(b -> op.equals("frac") ? "\\frac{" + a + "}{" + b + "}"
                        : "(" + a + ") " + op + " (" + b + ")")));
        Arbitrary<String> unary = Arbitraries.of("-", "√", "abs", "group", "square", "power").flatMap(op -> sub.map(a -> switch (op) {
            case "abs" -> "|" + a + "|";
            case "group" -> "{" + a + "}";
            case "square" -> "(" + a + ")²";
            case "power" -> "(" + a + ")^{2}";
            default -> op + "(" + a + ")";
        }));
        return Arbitraries.frequencyOf(Tuple(3, leaf), Tuple(3, binary), Tuple(1, unary));
    }

    private static net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends String>> Tuple(int weight, Arbitrary<String> a) {
        return net.jqwik.api.Tuple.of(weight, a);
    }

    /** The term as calls of the catalogue's operations: what a fixture's op + args step says. */
    static String asCalls(Term t) {
        return switch (t) {
            case Term.Ref r -> r.name();
            case Term.Literal l -> l.text().startsWith("±") ? l.text().substring(1) : l.text();
            case Term.Apply a when a.op() == Operation.STACK -> a.args().values().stream().map(ExprRoundTripProperties::asCalls)
                    .collect(Collectors.joining(", ", "[", "]"));
            case Term.Apply a -> a.args().entrySet().stream().map(e -> e.getKey() + "=" + asCalls(e.getValue()))
                    .collect(Collectors.joining(", ", a.op().opName() + "(", ")"));
        };
    }

    @Property(tries = 300)
    void aTermPrintedAsCallsReadsBackToTheSameTermAndValue(@ForAll("expressions") String source) {
        Term term;
        try {
            term = Expressions.compile(source, SCOPE);
        } catch (ExprException e) {
            // a value outside an operation's domain (a root of a negative number): refused with the node underlined
            assertTrue(e.problem().contains(":"), e::getMessage);
            Assume.that(false);
            return;
        }
        String calls = asCalls(term);
        Term again = Expressions.compile(calls, SCOPE);
        assertEquals(calls, asCalls(again), source);
        Value v = TermEvaluator.evaluate(term, SCOPE).value();
        Value w = TermEvaluator.evaluate(again, SCOPE).value();
        if (v instanceof Numeric n && w instanceof Numeric m) {
            double[] a = n.flat();
            double[] b = m.flat();
            assertEquals(a.length, b.length);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 0.0, source + " against " + calls);
            }
        } else {
            assertEquals(v, w, source + " against " + calls);
        }
    }

    /** Pieces of expressions: every literal spelling of every token, names, numbers and what a reader might mistype. */
    @Provide
    Arbitrary<String> typing() {
        List<String> pieces = new ArrayList<>();
        GrammarFile.literalTokens().values().forEach(pieces::addAll);
        pieces.addAll(List.of("p", "w", "V", "qq", "softmax", "log", "\\ln", "\\exp", "e", "0.5", ".5", "7", "1.2e-5", "25%", "1e99999999999",
                "\\begin{bmatrix}", "\\end{bmatrix}", "\\eta", "W_{old}", " ", "$", ".", "'", "\"", "⁻¹", "ᵀ", "x="));
        return Arbitraries.of(pieces).list().ofMinSize(0).ofMaxSize(7).map(l -> String.join("", l));
    }

    @Property(tries = 2000)
    void whateverIsTypedIsATermOrALocatedMessageInTheLanguagesWords(@ForAll("typing") String source) {
        try {
            Expressions.compile(source, SCOPE);
        } catch (ExprException e) {
            String problem = e.problem();
            for (String antlr : List.of("<EOF>", "NUMBER", "NAME", "LATEX", "RPAREN", "LPAREN", "{'", "mismatched", "no viable", "extraneous")) {
                assertFalse(problem.contains(antlr), () -> "ANTLR's words in: " + e.getMessage());
            }
            assertTrue(e.column() >= 1 && e.column() <= source.codePointCount(0, source.length()) + 1, e::getMessage);
            assertTrue(e.span().end() <= source.length(), e::getMessage);
            assertFalse(problem.isBlank());
        } catch (RuntimeException e) {
            fail(source + ": " + e, e);
        }
    }
}
