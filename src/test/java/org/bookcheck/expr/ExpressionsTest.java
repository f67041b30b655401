package org.bookcheck.expr;

import static org.bookcheck.expr.ExprTestSupport.SCOPE;
import static org.bookcheck.expr.ExprTestSupport.compile;
import static org.bookcheck.expr.ExprTestSupport.eval;
import static org.bookcheck.expr.ExprTestSupport.structure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.bookcheck.reference.Bool;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.Value;
import org.bookcheck.reference.Vector;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per rule of Expr.g4: what each form compiles to (its structure of catalogue operations) and its hand-worked value. */
class ExpressionsTest {

    /** |expected − actual| within 1e-12 relative to max(1, |expected|), element by element. */
    private static void assertValue(Value actual, double... expected) {
        double[] flat = assertInstanceOf(Numeric.class, actual).flat();
        assertEquals(expected.length, flat.length, "number of elements");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], flat[i], 1e-12 * Math.max(1, Math.abs(expected[i])), "element " + i);
        }
    }

    private static void assertStructure(String expected, String source) {
        assertEquals(expected, structure(compile(source)));
    }

    @Nested
    class Numbers {

        @Test
        void decimalsKeepTheirPrintedDigits() {
            Term.Literal l = assertInstanceOf(Term.Literal.class, compile("0.10"));
            assertEquals("0.10", l.text());
            assertEquals(Scalar.of(0.1), l.value());
        }

        @Test
        void aNegativeNumberIsOneLiteralWithItsSignAsWritten() {
            Term.Literal unicode = assertInstanceOf(Term.Literal.class, compile("−0.5"));
            assertEquals("−0.5", unicode.text());
            assertEquals(Scalar.of(-0.5), unicode.value());
            assertEquals("-0.5", assertInstanceOf(Term.Literal.class, compile("-0.5")).text());
            assertEquals(new Span(0, 4), unicode.span());
        }

        @Test
        void scientificNotationWithEitherMinus() {
            assertValue(eval("1.2e-5"), 1.2e-5);
            assertValue(eval("1.2e−5"), 1.2e-5);
            assertValue(eval("3E2"), 300);
        }

        @Test
        void percentagesAreHundredths() {
            Term.Literal l = assertInstanceOf(Term.Literal.class, compile("25%"));
            assertEquals("25%", l.text());
            assertValue(l.value(), 0.25);
            assertValue(eval("25.1\\%"), 0.251);
        }
    }

    @Nested
    class Names {

        @Test
        void anInputOrStepIsAReference() {
            assertEquals(new Term.Ref("w", new Span(0, 1)), compile("w"));
            assertValue(eval("W_old"), 1, 2, 3, 4);
        }

        @Test
        void latexSubscriptsCommandsAndTextAreNames() {
            assertStructure("W_old", "W_{old}");
            assertStructure("eta", "\\eta");
            assertStructure("p", "\\text{p}");
        }

        @Test
        void eAndPiAreConstantsUnlessTheScopeNamesThem() {
            assertValue(eval("e"), Math.E);
            assertValue(eval("π"), Math.PI);
            assertValue(TermEvaluator.evaluate(Expressions.compile("e", java.util.Map.of("e", Scalar.of(2))), java.util.Map.of("e", Scalar.of(2)))
                    .value(), 2);
        }
    }

    @Nested
    class Arithmetic {

        @Test
        void theBooksContextVectorElement() {
            // 0.498 × 0.1 + 0.502 × 0.0 = 0.0498
            assertStructure("add(a=scale(x=0.1, s=0.498), b=scale(x=0.0, s=0.502))", "0.498 × 0.1 + 0.502 × 0.0");
            assertValue(eval("0.498 × 0.1 + 0.502 × 0.0"), 0.0498);
            assertValue(eval("w[0]×V[0][0] + w[1]×V[1][0]"), 0.0498);
        }

        @Test
        void everySpellingOfTimesMinusAndDivide() {
            assertValue(eval("2 * 3"), 6);
            assertValue(eval("2 · 3"), 6);
            assertValue(eval("2 − 3"), -1);
            assertValue(eval("2 - 3"), -1);
            assertValue(eval("1 / 4"), 0.25);
            assertValue(eval("1 ÷ 4"), 0.25);
        }

        @Test
        void productsBindTighterThanSumsAndBothAssociateLeft() {
            assertValue(eval("1 + 2 × 3"), 7);
            assertValue(eval("8 / 4 / 2"), 1);
            assertValue(eval("5 - 2 - 1"), 2);
            assertValue(eval("(1 + 2) × 3"), 9);
        }

        @Test
        void powersAreRightAssociativeAndBindTighterThanUnaryMinus() {
            assertStructure("power(x=2, p=3)", "2^3");
            assertValue(eval("2^3^2"), 512);
            assertValue(eval("-2^2"), -4);
            assertValue(eval("2^-1"), 0.5);
            assertStructure("power(x=3, p=2)", "3²");
            assertValue(eval("(0.0498 - 0.05)^2"), 4e-8);
            assertValue(eval("2³"), 8);
        }

        @Test
        void unaryMinusOfAnExpressionIsNegate() {
            assertStructure("negate(x=add(a=1, b=2))", "−(1 + 2)");
            assertStructure("negate(x=w)", "-w");
            assertStructure("negate(x=0.5)", "-(0.5)");
            assertStructure("negate(x=-0.5)", "--0.5");
            assertValue(eval("+3"), 3);
        }

        @Test
        void rootsAndAbsoluteValues() {
            assertStructure("sqrt(x=16)", "√16");
            assertValue(eval("√(9 + 16)"), 5);
            assertStructure("sqrt(x=power(x=3, p=2))", "√3^2");
            assertStructure("abs(x=-0.5)", "|-0.5|");
            assertValue(eval("|z - 2|"), 1, 0, 1);
        }
    }

    @Nested
    class Functions {

        @Test
        void catalogueOperationsByPositionOrByName() {
            assertValue(eval("softmax(z)"), 0.09003057317038046, 0.24472847105479764, 0.6652409557748218);
            assertValue(eval("layer_norm(z, eps=0)"), -1.224744871391589, 0, 1.224744871391589);
            assertStructure("weight_update(w=W_old, grad=W_old, lr=eta)", "weight_update(lr=eta, w=W_old, grad=W_old)");
        }

        @Test
        void logIsNaturalAndLog10Log2AreExplicit() {
            assertStructure("ln(x=0.251)", "log(0.251)");
            assertValue(eval("-log(0.251)"), 1.3823023398503531);
            assertValue(eval("ln(e)"), 1);
            assertStructure("log_base(x=1000, base=10)", "log10(1000)");
            assertValue(eval("log10(1000)"), 3);
            assertValue(eval("log2(8)"), 3);
            assertValue(eval("log(8, 2)"), 3);
        }

        @Test
        void expSqrtAbsSumMean() {
            assertValue(eval("exp(0)"), 1);
            assertValue(eval("sqrt(16)"), 4);
            assertValue(eval("abs(-2)"), 2);
            assertValue(eval("sum(z)"), 6);
            assertValue(eval("mean(z)"), 2);
        }

        @Test
        void maxMinSumAndMeanOfSeveralNumbersTakeTheVectorTheyMake() {
            assertStructure("max(x=stack(items[0]=1, items[1]=5, items[2]=3))", "max(1, 5, 3)");
            assertValue(eval("max(1, 5, 3)"), 5);
            assertValue(eval("min(z)"), 1);
            assertValue(eval("sum(0.9929, 1.0)"), 1.9929);
            assertValue(eval("mean(1, 2)"), 1.5);
        }

        @Test
        void aSingleProbabilityHasItsCrossEntropy() {
            assertValue(eval("cross_entropy(p)"), 1.3823023398503531);
        }
    }

    @Nested
    class Indexing {

        @Test
        void anElementOfAVectorCountsFromZero() {
            assertStructure("element(x=w, i=1)", "w[1]");
            assertValue(eval("w[1]"), 0.502);
        }

        @Test
        void anElementOfAMatrixIsOneNodeEitherWay() {
            assertStructure("element(x=V, i=1, j=1)", "V[1][1]");
            assertStructure("element(x=V, i=1, j=0)", "V[1, 0]");
            assertValue(eval("V[0][1]"), 0.2);
            assertEquals(new Span(0, 7), compile("V[1][1]").span());
        }

        @Test
        void rowsAndColumns() {
            assertStructure("row(a=V, index=1)", "V[1]");
            assertStructure("row(a=V, index=0)", "V[0, :]");
            assertStructure("column(a=V, index=1)", "V[:, 1]");
            assertValue(eval("V[:, 1]"), 0.2, 0.3);
            assertValue(eval("K[1][2 - 1]"), 5);
        }
    }

    @Nested
    class Literals {

        @Test
        void aVectorOfExpressions() {
            assertStructure("stack(items[0]=element(x=w, i=0), items[1]=element(x=w, i=1))", "[w[0], w[1]]");
            assertValue(eval("[0.9929/1.9929, 1.0/1.9929]"), 0.9929 / 1.9929, 1.0 / 1.9929);
        }

        @Test
        void aMatrixOfRows() {
            Matrix m = assertInstanceOf(Matrix.class, eval("[[1, 2], [3, 4 + 1]]"));
            assertArrayEquals(new double[] {1, 2, 3, 5}, m.flat());
        }
    }

    @Nested
    class Products {

        @Test
        void matrixProductByAtMatmulOrTimesBetweenMatrices() {
            String product = "matmul(a=W_old, b=W_old)";
            assertStructure(product, "W_old @ W_old");
            assertStructure(product, "matmul(W_old, W_old)");
            assertStructure(product, "W_old × W_old");
            assertValue(eval("W_old × W_old"), 7, 10, 15, 22);
            assertValue(eval("w × V"), 0.0498, 0.2502); // a row vector times a matrix
        }

        @Test
        void betweenVectorsDotIsTheDotProductAndTimesIsElementWise() {
            assertStructure("dot(a=z, b=z)", "z · z");
            assertValue(eval("z · z"), 14);
            assertStructure("elementwise_product(a=z, b=z)", "z × z");
            assertStructure("elementwise_product(a=W_old, b=W_old)", "W_old ⊙ W_old");
        }

        @Test
        void aNumberOnEitherSideScales() {
            assertStructure("scale(x=z, s=2)", "2 × z");
            assertStructure("scale(x=z, s=2)", "z * 2");
            assertStructure("weight_update(w=W_old, grad=W_old, lr=eta)", "weight_update(W_old, W_old, eta)");
            assertValue(eval("W_old - eta × W_old"), 0.9, 1.8, 2.7, 3.6);
        }
    }

    @Nested
    class Comparisons {

        @Test
        void lessGreaterEqual() {
            assertStructure("less(a=p, b=0.3)", "p < 0.3");
            assertEquals(new Bool(true), eval("p < 0.3"));
            assertEquals(new Bool(false), eval("p > 0.3"));
            assertEquals(new Bool(true), eval("sum(softmax(z)) = 1"));
        }

        @Test
        void approximatelyAtThePrintedPrecisionOfTheNumberWritten() {
            // −ln 0.251 = 1.38230: 1.382 holds (half a unit is 0.0005), 1.383 does not
            assertStructure("approx(a=negate(x=ln(x=0.251)), b=1.382, tolerance=±0.0005)", "-log(0.251) ≈ 1.382");
            assertEquals(new Bool(true), eval("-log(0.251) ≈ 1.382"));
            assertEquals(new Bool(false), eval("-log(0.251) ≈ 1.383"));
            assertEquals(new Bool(true), eval("[exp(-0.00707), exp(0.0)] ≈ [0.9930, 1.0]"));
            assertEquals("±[0.00005, 0.05]", structure(((Term.Apply) compile("[exp(-0.00707), exp(0.0)] ≈ [0.9930, 1.0]")).args().get("tolerance")));
        }

        @Test
        void approximatelyWithinAStatedTolerance() {
            assertEquals(new Bool(true), eval("-log(0.251) ≈ 1.4 ± 0.02"));
            assertEquals(new Bool(false), eval("-log(0.251) \\approx 1.4 \\pm 0.01"));
        }

        @Test
        void halfAUnitOfTheLastDigit() {
            assertEquals(0.0005, ExprCompiler.halfUnit("1.383"));
            assertEquals(0.5, ExprCompiler.halfUnit("3"));
            assertEquals(0.005, ExprCompiler.halfUnit("25%"));
            assertEquals(5e-7, ExprCompiler.halfUnit("1.2e-5"), 1e-20);
        }
    }

    @Nested
    class Latex {

        @Test
        void fractionsExponentialsAndRoots() {
            assertStructure("divide(a=1, b=add(a=1, b=exp(x=-0.3775)))", "\\frac{1}{1 + e^{-0.3775}}");
            assertValue(eval("\\frac{1}{1 + e^{-0.3775}}"), 0.5932699921071872);
            assertValue(eval("\\sqrt{16} \\times 0.5 \\cdot 2"), 4);
            assertValue(eval("\\left( 1 + 2 \\right) \\times 3"), 9);
        }

        @Test
        void functionsWithOrWithoutParentheses() {
            assertValue(eval("\\ln 1"), 0);
            assertValue(eval("\\ln(e) + \\exp{0}"), 2);
            assertValue(eval("\\max(1, 2)"), 2);
        }

        @Test
        void bmatrixAndTranspose() {
            assertValue(eval("\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}"), 1, 2, 3, 4);
            assertInstanceOf(Vector.class, eval("\\begin{bmatrix} 0.5 \\\\ 0.25 \\end{bmatrix}"), "a column bmatrix is a vector");
            assertStructure("transpose(a=K)", "K^T");
            assertStructure("transpose(a=K)", "K^{\\top}");
            assertStructure("transpose(a=K)", "Kᵀ");
            assertValue(eval("K^T"), 1, 4, 2, 5, 3, 6);
        }
    }

    @Nested
    class Chains {

        @Test
        void aWrittenOutChainSplitsIntoSidesThatCompileOnTheirOwn() {
            String line = "Q[0][0] = 0.1×1 + 0.2×0 = 0.1";
            Expressions.Chain chain = Expressions.chain(line);
            assertEquals(java.util.List.of("Q[0][0]", "0.1×1 + 0.2×0", "0.1"), chain.sides().stream().map(s -> s.in(line)).toList());
            assertEquals(java.util.List.of("=", "="), chain.relations());
            assertValue(eval(chain.sides().get(1).in(line)), 0.1);
        }

        @Test
        void approximateChainsWithATolerance() {
            String line = "L = -log(0.251) \\approx 1.38 ± 0.01";
            Expressions.Chain chain = Expressions.chain(line);
            assertEquals(java.util.List.of("=", "≈"), chain.relations());
            assertEquals("0.01", chain.tolerance().orElseThrow().in(line));
        }

        @Test
        void aLineThatIsNotAChainIsALocatedError() {
            ExprException e = org.junit.jupiter.api.Assertions.assertThrows(ExprException.class, () -> Expressions.chain("0.1 × 2"));
            assertEquals("expected an operator (+ − × · / ^) or a comparison (<, >, =, ≈) but the expression ends here", e.problem());
        }
    }

    @Test
    void functionsListTheCatalogueAndTheAliases() {
        assertEquals(true, Expressions.functions().containsAll(java.util.List.of("softmax", "log", "log10", "log2", "element", "stack")));
        assertEquals(SCOPE.size(), 7);
    }
}
