package org.bookcheck.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bookcheck.reference.Scalar;

/**
 * Precedence and associativity against an independent reading: random arithmetic over whole numbers, written
 * fully parenthesised (what it means) and with only the parentheses precedence needs (how a book writes it,
 * in any spelling of the operators), must compile to the same value.
 */
class ExpressionsProperties {

    /** A small expression tree: a whole number, or an operator over two trees. */
    sealed interface Node permits Num, Op {
    }

    record Num(int value) implements Node {
    }

    record Op(char op, Node left, Node right) implements Node {
    }

    @Provide
    Arbitrary<Node> trees() {
        return tree(3);
    }

    private static Arbitrary<Node> tree(int depth) {
        Arbitrary<Node> leaf = Arbitraries.integers().between(1, 9).map(Num::new);
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.oneOf(leaf, Arbitraries.of('+', '-', '*', '/', '^').flatMap(op ->
                tree(depth - 1).flatMap(l -> tree(depth - 1).map(r -> (Node) new Op(op, l, op == '^' ? new Num(((Num) leaf(r)).value() % 3) : r)))));
    }

    /** The exponent is kept a small whole number, so powers stay exact. */
    private static Node leaf(Node n) {
        return n instanceof Num ? n : new Num(2);
    }

    private static int precedence(char op) {
        return switch (op) {
            case '+', '-' -> 1;
            case '*', '/' -> 2;
            default -> 3;
        };
    }

    private static String parenthesised(Node n) {
        return switch (n) {
            case Num v -> Integer.toString(v.value());
            case Op o -> "(" + parenthesised(o.left()) + " " + o.op() + " " + parenthesised(o.right()) + ")";
        };
    }

    /** Only the parentheses that precedence and associativity need, with the operators spelt as given. */
    private static String minimal(Node n, String times, String minus) {
        return switch (n) {
            case Num v -> Integer.toString(v.value());
            case Op o -> {
                String left = minimal(o.left(), times, minus);
                String right = minimal(o.right(), times, minus);
                int p = precedence(o.op());
                boolean rightAssociative = o.op() == '^';
                if (o.left() instanceof Op l && (precedence(l.op()) < p || precedence(l.op()) == p && rightAssociative)) {
                    left = "(" + left + ")";
                }
                if (o.right() instanceof Op r && (precedence(r.op()) < p || precedence(r.op()) == p && !rightAssociative)) {
                    right = "(" + right + ")";
                }
                String op = switch (o.op()) {
                    case '*' -> times;
                    case '-' -> minus;
                    default -> String.valueOf(o.op());
                };
                yield left + " " + op + " " + right;
            }
        };
    }

    private static double value(String source) {
        return ((Scalar) TermEvaluator.evaluate(Expressions.compile(source, Map.of()), Map.of()).value()).value();
    }

    @Property(tries = 200)
    void minimalParenthesesMeanWhatTheFullyParenthesisedFormMeans(@ForAll("trees") Node tree,
                                                                  @ForAll("timesSpellings") String times,
                                                                  @ForAll("minusSpellings") String minus) {
        String full = parenthesised(tree);
        String book = minimal(tree, times, minus);
        double expected;
        try {
            expected = value(full);
        } catch (ExprException e) {
            return; // a division by zero: both forms refuse it
        }
        assertEquals(expected, value(book), 1e-9 * Math.max(1, Math.abs(expected)), book + " against " + full);
    }

    @Provide
    Arbitrary<String> timesSpellings() {
        return Arbitraries.of("×", "*", "·", "\\times", "\\cdot");
    }

    @Provide
    Arbitrary<String> minusSpellings() {
        return Arbitraries.of("-", "−");
    }
}
