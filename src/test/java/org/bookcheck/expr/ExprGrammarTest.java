package org.bookcheck.expr;

import static org.bookcheck.expr.ExprTestSupport.structure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.bookcheck.reference.Bool;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.Value;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule, every labelled alternative and every spelling of every token of Expr.g4, each as an expression a
 * book might write, with the tree of catalogue operations it must compile to and its value worked by hand.
 * Two further tests hold the cases to the grammar file: every parse-tree context class and every token type
 * occurs in some case, and every literal spelling of a token rule is written in some case.
 */
class ExprGrammarTest {

    /** The shared scope, plus a Greek name, a LaTeX subscript with a comma (W_{i,j} is W_i_j) and subscript digits (p₀ is p_0). */
    private static final Map<String, Value> SCOPE = scope();

    private static Map<String, Value> scope() {
        Map<String, Value> s = new HashMap<>(ExprTestSupport.SCOPE);
        s.put("η", Scalar.of(0.5));
        s.put("W_i_j", Scalar.of(2));
        s.put("p_0", Scalar.of(0.498));
        s.put("x_12", Scalar.of(12));
        return Map.copyOf(s);
    }

    /** One expression: the rule or token it exercises, the source, the structure it compiles to, and its value. */
    record Case(String rule, String source, String structure, Object expected) {
    }

    private static Case n(String rule, String source, String structure, double... value) {
        return new Case(rule, source, structure, value);
    }

    private static Case b(String rule, String source, String structure, boolean value) {
        return new Case(rule, source, structure, value);
    }

    /** Values worked by hand from the scope: w = [0.498, 0.502], V = [[0.1, 0.2], [0.0, 0.3]], p = 0.251, z = [1, 2, 3], K = [[1, 2, 3], [4, 5, 6]], eta = 0.1, W_old = [[1, 2], [3, 4]]. */
    static final List<Case> CASES = List.of(
            // numbers as books write them
            n("NUMBER decimal", "0.1", "0.1", 0.1),
            n("NUMBER whole", "7", "7", 7),
            n("NUMBER without a leading zero", ".5", ".5", 0.5),
            n("NUMBER trailing zero kept", "0.10", "0.10", 0.1),
            n("NUMBER Unicode minus", "−0.5", "−0.5", -0.5),
            n("NUMBER ASCII minus", "-0.5", "-0.5", -0.5),
            n("NUMBER exponent", "1.2e-5", "1.2e-5", 0.000012),
            n("NUMBER exponent, Unicode minus", "1.2e−5", "1.2e−5", 0.000012),
            n("NUMBER exponent, capital E and plus", "1.2E+5", "1.2E+5", 120000),
            n("NUMBER percent", "25%", "25%", 0.25),
            n("NUMBER LaTeX percent", "12.5\\%", "12.5\\%", 0.125),
            // names
            n("name NAME", "p", "p", 0.251),
            n("name Greek", "η", "η", 0.5),
            n("name LaTeX subscript", "W_{old}", "W_old", 1, 2, 3, 4),
            n("name LaTeX subscript with comma", "W_{i,j}", "W_i_j", 2),
            n("name with a subscript digit", "p₀", "p_0", 0.498),
            n("name with subscript digits", "x₁₂", "x_12", 12),
            n("name LATEX_NAME", "\\eta", "eta", 0.1),
            n("name \\text", "\\text{p}", "p", 0.251),
            n("name \\mathrm", "\\mathrm{p}", "p", 0.251),
            n("name \\operatorname", "\\operatorname{p}", "p", 0.251),
            n("name \\mathbf", "\\mathbf{p}", "p", 0.251),
            n("name \\mathit", "\\mathit{p}", "p", 0.251),
            n("name \\boldsymbol", "\\boldsymbol{p}", "p", 0.251),
            n("constant e", "e", "e", Math.E),
            n("constant π", "π", "π", Math.PI),
            n("constant pi", "pi", "pi", Math.PI),
            // sum
            n("sum +", "1 + 2", "add(a=1, b=2)", 3),
            n("sum -", "5 - 2", "sub(a=5, b=2)", 3),
            n("sum −", "5 − 2", "sub(a=5, b=2)", 3),
            n("sum is left-associative", "5 - 2 - 1", "sub(a=sub(a=5, b=2), b=1)", 2),
            n("sum and sign", "1 - -2", "sub(a=1, b=-2)", 3),
            // product
            n("product ×", "2 × 3", "scale(x=3, s=2)", 6),
            n("product *", "2 * 3", "scale(x=3, s=2)", 6),
            n("product \\times", "2 \\times 3", "scale(x=3, s=2)", 6),
            n("product number on the right scales", "z × 2", "scale(x=z, s=2)", 2, 4, 6),
            n("product · of vectors", "z · z", "dot(a=z, b=z)", 14),
            n("product ⋅ of vectors", "z ⋅ z", "dot(a=z, b=z)", 14),
            n("product \\cdot of vectors", "z \\cdot z", "dot(a=z, b=z)", 14),
            n("product × of vectors", "z × z", "elementwise_product(a=z, b=z)", 1, 4, 9),
            n("product ⊙", "z ⊙ z", "elementwise_product(a=z, b=z)", 1, 4, 9),
            n("product \\odot", "z \\odot z", "elementwise_product(a=z, b=z)", 1, 4, 9),
            n("product @", "W_old @ W_old", "matmul(a=W_old, b=W_old)", 7, 10, 15, 22),
            n("product × of matrices", "W_old × W_old", "matmul(a=W_old, b=W_old)", 7, 10, 15, 22),
            n("product vector × matrix", "w × V", "matmul(a=w, b=V)", 0.0498, 0.2502),
            n("product /", "1 / 4", "divide(a=1, b=4)", 0.25),
            n("product ÷", "1 ÷ 4", "divide(a=1, b=4)", 0.25),
            n("product \\div", "1 \\div 4", "divide(a=1, b=4)", 0.25),
            n("product is left-associative", "8 / 4 / 2", "divide(a=divide(a=8, b=4), b=2)", 1),
            n("product is left-associative across operators", "12 / 2 × 3", "scale(x=3, s=divide(a=12, b=2))", 18),
            n("product binds tighter than sum", "1 + 2 × 3", "add(a=1, b=scale(x=3, s=2))", 7),
            n("product of a signed factor", "2 × -3", "scale(x=-3, s=2)", -6),
            // unary
            n("unary minus of a name", "-p", "negate(x=p)", -0.251),
            n("unary − of a bracket", "−(1 + 2)", "negate(x=add(a=1, b=2))", -3),
            n("unary plus", "+3", "3", 3),
            n("unary minus twice", "--0.5", "negate(x=-0.5)", 0.5),
            n("unary binds looser than power", "-3²", "negate(x=power(x=3, p=2))", -9),
            n("unary binds looser than ^", "-1^2", "negate(x=power(x=1, p=2))", -1),
            n("unary √", "√16", "sqrt(x=16)", 4),
            n("unary √ binds looser than power", "√3^2", "sqrt(x=power(x=3, p=2))", 3),
            n("unary √ binds tighter than product", "√4 × 9", "scale(x=9, s=sqrt(x=4))", 18),
            // power
            n("power ^", "2^3", "power(x=2, p=3)", 8),
            n("power is right-associative", "2^3^2", "power(x=2, p=power(x=3, p=2))", 512),
            n("power with a signed exponent", "2^-1", "power(x=2, p=-1)", 0.5),
            n("power binds tighter than product", "2 × 3^2", "scale(x=power(x=3, p=2), s=2)", 18),
            n("power with a braced exponent", "(1 + 1)^{3}", "power(x=add(a=1, b=1), p=3)", 8),
            n("power of e is exp", "e^1", "exp(x=1)", Math.E),
            n("power of e with braces", "e^{0}", "exp(x=0)", 1),
            n("power −1 of e is exp", "e^{-1}", "exp(x=-1)", 1 / Math.E),
            n("power T is transpose", "K^T", "transpose(a=K)", 1, 4, 2, 5, 3, 6),
            n("power \\top is transpose", "K^{\\top}", "transpose(a=K)", 1, 4, 2, 5, 3, 6),
            n("power −1 of a matrix is its inverse", "W_old^{-1}", "inverse(a=W_old)", -2, 1, 1.5, -0.5),
            n("power −1 of a number is its reciprocal", "4^{-1}", "power(x=4, p=-1)", 0.25),
            n("power −1 of a matrix, Unicode minus", "W_old^−1", "inverse(a=W_old)", -2, 1, 1.5, -0.5),
            // postfix
            n("suffix ²", "3²", "power(x=3, p=2)", 9),
            n("suffix ³", "2³", "power(x=2, p=3)", 8),
            n("suffix ᵀ", "Kᵀ", "transpose(a=K)", 1, 4, 2, 5, 3, 6),
            n("suffix ⁻¹ of a matrix is its inverse", "W_old⁻¹", "inverse(a=W_old)", -2, 1, 1.5, -0.5),
            n("suffix ⁻¹ of a number is its reciprocal", "4⁻¹", "power(x=4, p=-1)", 0.25),
            n("suffix index of a vector", "w[1]", "element(x=w, i=1)", 0.502),
            n("suffix two indices of a matrix", "V[0][1]", "element(x=V, i=0, j=1)", 0.2),
            n("suffix index pair of a matrix", "V[0, 1]", "element(x=V, i=0, j=1)", 0.2),
            n("suffix index of a matrix is a row", "V[1]", "row(a=V, index=1)", 0.0, 0.3),
            n("slot : for every column", "V[1, :]", "row(a=V, index=1)", 0.0, 0.3),
            n("slot : for every row", "V[:, 1]", "column(a=V, index=1)", 0.2, 0.3),
            n("slot is an expression", "K[1][2 - 1]", "element(x=K, i=1, j=sub(a=2, b=1))", 5),
            n("suffixes apply left to right", "Kᵀ[2]", "row(a=transpose(a=K), index=2)", 3, 6),
            n("suffix after an index", "z[2]²", "power(x=element(x=z, i=2), p=2)", 9),
            // primary: calls
            n("call positional", "softmax(z)", "softmax(x=z)", 0.09003057317038046, 0.24472847105479764, 0.6652409557748218),
            n("call named", "layer_norm(z, eps=0)", "layer_norm(x=z, eps=0)", -1.224744871391589, 0, 1.224744871391589),
            n("call every argument named", "layer_norm(x=z, eps=0)", "layer_norm(x=z, eps=0)", -1.224744871391589, 0, 1.224744871391589),
            n("call named out of order", "weight_update(lr=eta, grad=W_old, w=W_old)", "weight_update(w=W_old, grad=W_old, lr=eta)",
                    0.9, 1.8, 2.7, 3.6),
            n("call exp", "exp(0)", "exp(x=0)", 1),
            n("call ln", "ln(1)", "ln(x=1)", 0),
            n("call log is natural", "log(1)", "ln(x=1)", 0),
            n("call log with a base", "log(100, 10)", "log_base(x=100, base=10)", 2),
            n("call log10", "log10(1000)", "log_base(x=1000, base=10)", 3),
            n("call log2", "log2(8)", "log_base(x=8, base=2)", 3),
            n("call sqrt", "sqrt(16)", "sqrt(x=16)", 4),
            n("call max", "max(z)", "max(x=z)", 3),
            n("call min", "min(z)", "min(x=z)", 1),
            n("call abs", "abs(-2)", "abs(x=-2)", 2),
            n("call sum", "sum(z)", "sum(x=z)", 6),
            n("call mean", "mean(z)", "mean(x=z)", 2),
            n("call max of several", "max(1, 5, 3)", "max(x=stack(items[0]=1, items[1]=5, items[2]=3))", 5),
            n("call min of several", "min(4, 2)", "min(x=stack(items[0]=4, items[1]=2))", 2),
            n("call sum of several", "sum(1, 2)", "sum(x=stack(items[0]=1, items[1]=2))", 3),
            n("call mean of several", "mean(1, 2)", "mean(x=stack(items[0]=1, items[1]=2))", 1.5),
            n("call cross-entropy of one probability", "cross_entropy(0.5)", "cross_entropy(p=0.5)", 0.6931471805599453),
            n("call by a LaTeX function name", "\\max(1, 2)", "max(x=stack(items[0]=1, items[1]=2))", 2),
            n("call by \\text name", "\\text{sum}(z)", "sum(x=z)", 6),
            // primary: LaTeX functions without parentheses
            n("latexApplication \\ln", "\\ln 1", "ln(x=1)", 0),
            n("latexApplication \\log", "\\log 1", "ln(x=1)", 0),
            n("latexApplication \\exp", "\\exp 0", "exp(x=0)", 1),
            n("latexApplication of a group", "\\exp{1 - 1}", "exp(x=sub(a=1, b=1))", 1),
            n("latexApplication \\max", "\\max z", "max(x=z)", 3),
            n("latexApplication \\min", "\\min z", "min(x=z)", 1),
            n("latexApplication \\tanh", "\\tanh 0", "tanh(x=0)", 0),
            n("latexApplication binds tighter than sum", "\\ln 1 + 2", "add(a=ln(x=1), b=2)", 2),
            // primary: brackets
            n("parenthesised", "(1 + 2) × 3", "scale(x=3, s=add(a=1, b=2))", 9),
            b("parenthesised comparison", "(p < 0.3)", "less(a=p, b=0.3)", true),
            n("group", "{1 + 2} × 3", "scale(x=3, s=add(a=1, b=2))", 9),
            n("absolute", "|-0.5|", "abs(x=-0.5)", 0.5),
            n("absolute of a vector", "|z - 2|", "abs(x=sub(a=z, b=2))", 1, 0, 1),
            n("list of numbers", "[1, 2]", "stack(items[0]=1, items[1]=2)", 1, 2),
            n("list of expressions", "[w[0], p]", "stack(items[0]=element(x=w, i=0), items[1]=p)", 0.498, 0.251),
            n("list of lists", "[[1, 2], [3, 4]]", "stack(items[0]=stack(items[0]=1, items[1]=2), items[1]=stack(items[0]=3, items[1]=4))",
                    1, 2, 3, 4),
            n("fraction \\frac", "\\frac{1}{4}", "divide(a=1, b=4)", 0.25),
            n("fraction \\dfrac", "\\dfrac{1}{4}", "divide(a=1, b=4)", 0.25),
            n("fraction \\tfrac", "\\tfrac{1}{4}", "divide(a=1, b=4)", 0.25),
            n("latexRoot", "\\sqrt{16}", "sqrt(x=16)", 4),
            n("bmatrix of rows", "\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}",
                    "stack(items[0]=stack(items[0]=1, items[1]=2), items[1]=stack(items[0]=3, items[1]=4))", 1, 2, 3, 4),
            n("bmatrix of one row is a vector", "\\begin{pmatrix} 1 & 2 \\end{pmatrix}", "stack(items[0]=1, items[1]=2)", 1, 2),
            n("bmatrix of one column is a vector", "\\begin{vmatrix} 1 \\\\ 2 \\\\ \\end{vmatrix}", "stack(items[0]=1, items[1]=2)", 1, 2),
            n("bmatrix Bmatrix", "\\begin{Bmatrix} 5 \\end{Bmatrix}", "stack(items[0]=5)", 5),
            n("bmatrix Vmatrix", "\\begin{Vmatrix} 5 \\end{Vmatrix}", "stack(items[0]=5)", 5),
            n("bmatrix plain matrix", "\\begin{matrix} 5 \\end{matrix}", "stack(items[0]=5)", 5),
            // relations
            b("relation <", "p < 0.3", "less(a=p, b=0.3)", true),
            b("relation \\lt", "p \\lt 0.3", "less(a=p, b=0.3)", true),
            b("relation >", "p > 0.3", "greater(a=p, b=0.3)", false),
            b("relation \\gt", "p \\gt 0.3", "greater(a=p, b=0.3)", false),
            b("relation =", "1 + 1 = 2", "equal(a=add(a=1, b=1), b=2)", true),
            b("relation binds loosest", "2 × 3 > 5", "greater(a=scale(x=3, s=2), b=5)", true),
            b("relation ≈ at the printed precision", "p ≈ 0.25", "approx(a=p, b=0.25, tolerance=±0.005)", true),
            b("relation ≈ fails outside it", "p ≈ 0.250", "approx(a=p, b=0.250, tolerance=±0.0005)", false),
            b("relation \\approx", "p \\approx 0.25", "approx(a=p, b=0.25, tolerance=±0.005)", true),
            b("relation ≈ number on the left", "0.25 ≈ p", "approx(a=0.25, b=p, tolerance=±0.005)", true),
            b("relation ≈ against a constant takes the number's precision", "2.7 ≈ e", "approx(a=2.7, b=e, tolerance=±0.05)", true),
            b("relation ≈ against π", "π ≈ 3.14", "approx(a=π, b=3.14, tolerance=±0.005)", true),
            b("tolerance ±", "p ≈ 0.3 ± 0.05", "approx(a=p, b=0.3, tolerance=0.05)", true),
            b("tolerance \\pm", "p \\approx 0.3 \\pm 0.04", "approx(a=p, b=0.3, tolerance=0.04)", false),
            // skipped: spacing and white space
            n("LATEX_SPACING \\left \\right", "\\left( 1 + 2 \\right) \\times 3", "scale(x=3, s=add(a=1, b=2))", 9),
            n("LATEX_SPACING thin and wide spaces", "1\\,+\\;2\\:+\\!3\\quad+\\qquad4", "add(a=add(a=add(a=1, b=2), b=3), b=4)", 10),
            n("WS tab, newline, no-break space", "1\t+\n2\u00A0+\r3", "add(a=add(a=1, b=2), b=3)", 6));

    @TestFactory
    Stream<DynamicTest> everyCaseCompilesToItsTreeAndHandWorkedValue() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.rule() + ": " + c.source(), () -> {
            Term term = Expressions.compile(c.source(), SCOPE);
            assertEquals(c.structure(), structure(term), "tree");
            Value value = TermEvaluator.evaluate(term, SCOPE).value();
            switch (c.expected()) {
                case Boolean bool -> assertEquals(new Bool(bool), value);
                case double[] expected -> {
                    double[] flat = assertInstanceOf(Numeric.class, value).flat();
                    assertEquals(expected.length, flat.length, "number of elements");
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(expected[i], flat[i], 1e-12 * Math.max(1, Math.abs(expected[i])), "element " + i);
                    }
                }
                default -> throw new IllegalStateException(c.toString());
            }
        }));
    }

    /** The cases, with the chains of {@link #CHAINS}, use every parser rule, every labelled alternative and every token type. */
    @Test
    void theCasesUseEveryRuleAlternativeAndTokenOfTheGrammar() {
        Set<String> contexts = new TreeSet<>();
        Set<String> tokens = new TreeSet<>();
        List<String> sources = new ArrayList<>(CASES.stream().map(Case::source).toList());
        for (String source : sources) {
            collect(parser(source).expression(), contexts);
            tokens.addAll(tokenNames(source));
        }
        for (String chain : CHAINS.keySet()) {
            collect(parser(chain).chain(), contexts);
            tokens.addAll(tokenNames(chain));
        }
        Set<String> alternatives = new TreeSet<>();
        Set<String> bases = new TreeSet<>();
        for (Class<?> c : ExprParser.class.getDeclaredClasses()) {
            if (ParserRuleContext.class.isAssignableFrom(c)) {
                alternatives.add(c.getSimpleName());
                if (c.getSuperclass() != ParserRuleContext.class) {
                    bases.add(c.getSuperclass().getSimpleName());
                }
            }
        }
        alternatives.removeAll(bases); // a rule with labelled alternatives is only ever one of them
        alternatives.removeAll(contexts);
        assertEquals(Set.of(), alternatives, "rules or alternatives of Expr.g4 that no case uses");

        Set<String> types = new TreeSet<>();
        for (int t = 1; t <= ExprLexer.VOCABULARY.getMaxTokenType(); t++) {
            types.add(ExprLexer.VOCABULARY.getSymbolicName(t));
        }
        types.removeAll(Set.of("WS", "LATEX_SPACING")); // skipped: their spellings are checked below
        types.removeAll(tokens);
        assertEquals(Set.of(), types, "tokens of Expr.g4 that no case uses");
    }

    /** Every spelling of a token rule that is a choice of literals ({@code TIMES : '×' | '*' | '\\times'}) is written in some case. */
    @Test
    void theCasesWriteEverySpellingOfEveryToken() {
        Map<String, List<String>> literals = GrammarFile.literalTokens();
        assertTrue(literals.keySet().containsAll(List.of("TIMES", "MINUS", "LATEX_SPACING", "FRAC", "TEXT_COMMAND")), literals::toString);
        String all = String.join("\n", CASES.stream().map(Case::source).toList()) + String.join("\n", CHAINS.keySet());
        Map<String, List<String>> missing = new LinkedHashMap<>();
        literals.forEach((token, spellings) -> spellings.stream().filter(s -> !all.contains(s))
                .forEach(s -> missing.computeIfAbsent(token, k -> new ArrayList<>()).add(s)));
        assertEquals(Map.of(), missing, "spellings of Expr.g4's tokens that no case writes");
        for (String f : List.of("ln", "log", "exp", "max", "min", "tanh")) {
            assertTrue(all.contains("\\" + f + " "), "LATEX_FUNCTION \\" + f + " without parentheses");
        }
    }

    /** Written-out chains (the {@code chain} entry point): the sides as written and the relation between each pair. */
    static final Map<String, List<String>> CHAINS = chains();

    private static Map<String, List<String>> chains() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("Q[0][0] = 0.1×1 + 0.2×0 = 0.1", List.of("Q[0][0]", "=", "0.1×1 + 0.2×0", "=", "0.1"));
        c.put("L = -\\log(0.251) \\approx 1.38 ± 0.01", List.of("L", "=", "-\\log(0.251)", "≈", "1.38"));
        c.put("0 < p < 1", List.of("0", "<", "p", "<", "1"));
        c.put("s_{1} > s_{2}", List.of("s_{1}", ">", "s_{2}"));
        c.put("p₁ ≈ 0.502", List.of("p₁", "≈", "0.502"));
        return c;
    }

    @Test
    void aChainSplitsIntoItsSidesAndRelations() {
        CHAINS.forEach((line, expected) -> {
            Expressions.Chain chain = Expressions.chain(line);
            List<String> read = new ArrayList<>();
            for (int i = 0; i < chain.sides().size(); i++) {
                read.add(chain.sides().get(i).in(line));
                if (i < chain.relations().size()) {
                    read.add(chain.relations().get(i));
                }
            }
            assertEquals(expected, read, line);
            assertEquals(line.contains("±") ? "0.01" : "", chain.tolerance().map(s -> s.in(line)).orElse(""), line);
        });
    }

    private static ExprParser parser(String source) {
        return Expressions.parser(source);
    }

    private static List<String> tokenNames(String source) {
        ExprLexer lexer = new ExprLexer(CharStreams.fromString(source));
        return lexer.getAllTokens().stream().map(Token::getType).map(ExprLexer.VOCABULARY::getSymbolicName).toList();
    }

    private static void collect(ParseTree tree, Set<String> contexts) {
        if (tree instanceof ParserRuleContext ctx) {
            contexts.add(ctx.getClass().getSimpleName());
            for (int i = 0; i < ctx.getChildCount(); i++) {
                collect(ctx.getChild(i), contexts);
            }
        }
    }

    @Test
    void theCasesAreDistinct() {
        assertEquals(CASES.size(), CASES.stream().map(Case::source).distinct().count(), "a source written twice");
        assertEquals(CASES.size(), Arrays.stream(CASES.toArray(Case[]::new)).map(Case::rule).distinct().count(), "a rule named twice");
    }
}
