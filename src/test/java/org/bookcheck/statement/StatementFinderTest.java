package org.bookcheck.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.bookcheck.chapter.ChapterNumber;
import org.bookcheck.chapter.Span;
import org.junit.jupiter.api.Test;

/** The written-out calculations of a chapter, found in prose, code blocks (over several lines) and math, with their sides' spans. */
class StatementFinderTest {

    private static final String MD = """
            # Worked 1 = 2 × 3

            Some prose: the sum is 0.9929 + 1.0 = 1.9929 here.

            ```
            context[0] = 0.498 × 0.1 + 0.502 × 0.0
                       = 0.0498
            ```

            Odds: $\\frac{0.75}{1-0.75} = \\frac{0.75}{0.25} = 3$ and a rate $\\eta = 0.1$.

            - logit(A) = context[0] × 0.1 ≈ 0.00498
            - Input → Layer → Output
            - the loss goes from L = 2.5 to L = 0.1
            - with 10,000 ÷ 32 = 313 batches
            - Exponentiate: [exp(-0.00707), exp(0.0)] ≈ [0.9929, 1.0]
            - Inline `2 × 3 = 6` is code, not a statement.
            """;

    private static final List<Statement> FOUND = StatementFinder.find("worked.md", MD);

    private static List<Side.Kind> kinds(Statement s) {
        return s.sides().stream().map(Side::kind).toList();
    }

    @Test
    void findsExactlyTheWrittenOutCalculations() {
        assertEquals(List.of("0.9929 + 1.0 = 1.9929", "context[0] = 0.498 × 0.1 + 0.502 × 0.0 = 0.0498",
                "\\frac{0.75}{1-0.75} = \\frac{0.75}{0.25} = 3", "logit(A) = context[0] × 0.1 ≈ 0.00498",
                "[exp(-0.00707), exp(0.0)] ≈ [0.9929, 1.0]"), FOUND.stream().map(Statement::text).toList());
    }

    @Test
    void aProseStatementHasItsSidesSpansAndNumbers() {
        Statement s = FOUND.get(0);
        assertEquals(Statement.Context.PROSE, s.context());
        assertEquals(List.of(Side.Kind.EXPRESSION, Side.Kind.VALUE), kinds(s));
        assertEquals(List.of(Relation.EQUALS), s.relations());
        assertEquals(Optional.empty(), s.name());
        // "Some prose: the sum is " is 23 characters: the left side starts in column 24
        assertEquals(List.of(new Span(3, 24, 36)), s.sides().get(0).spans());
        assertEquals(List.of(new Span(3, 39, 45)), s.result().spans());
        assertEquals(List.of("0.9929", "1.0", "1.9929"), s.numbers().stream().map(ChapterNumber::text).toList());
        assertEquals(List.of("1.9929"), s.resultNumbers().stream().map(ChapterNumber::text).toList());
        assertEquals("3:24", s.location());
    }

    @Test
    void aChainContinuesOnTheNextCodeLineAndNamesItsLeftHandSide() {
        Statement s = FOUND.get(1);
        assertEquals(Statement.Context.CODE, s.context());
        assertEquals(Optional.of("context[0]"), s.name());
        assertEquals(List.of(Side.Kind.NAME, Side.Kind.EXPRESSION, Side.Kind.VALUE), kinds(s));
        assertEquals(6, s.line());
        assertEquals(7, s.endLine());
        // "           = 0.0498": eleven spaces, '=' in column 12, the result in columns 14 to 19
        assertEquals(List.of(new Span(7, 14, 20)), s.result().spans());
        assertEquals("0.498 × 0.1 + 0.502 × 0.0", s.expressions().get(0).text());
    }

    @Test
    void mathListsAndApproximations() {
        Statement frac = FOUND.get(2);
        assertEquals(Statement.Context.MATH, frac.context());
        assertEquals(List.of(Side.Kind.EXPRESSION, Side.Kind.EXPRESSION, Side.Kind.VALUE), kinds(frac));
        assertEquals(List.of(Relation.EQUALS, Relation.EQUALS), frac.relations());
        Statement logit = FOUND.get(3);
        assertEquals(Optional.of("logit(A)"), logit.name());
        assertEquals(List.of(Relation.EQUALS, Relation.APPROX), logit.relations());
        Statement list = FOUND.get(4);
        assertEquals(List.of(Side.Kind.EXPRESSION, Side.Kind.VALUE), kinds(list));
        assertEquals(List.of("0.9929", "1.0"), list.resultNumbers().stream().map(ChapterNumber::text).toList());
        // after "- Exponentiate: " the list starts in column 17
        assertEquals(16, MD.lines().toList().get(15).indexOf('['));
        assertEquals(17, list.sides().get(0).spans().get(0).column());
    }

    @Test
    void sideKindsComeFromTheGrammarsTokens() {
        assertEquals(Side.Kind.VALUE, StatementFinder.kind("-0.5"));
        assertEquals(Side.Kind.VALUE, StatementFinder.kind("[-0.00707, 0.0]"));
        assertEquals(Side.Kind.VALUE, StatementFinder.kind("\\begin{bmatrix} 0.15 & 0.23 \\\\ 0.32 & 0.41 \\end{bmatrix}"));
        assertEquals(Side.Kind.EXPRESSION, StatementFinder.kind("0.250 - 0"));
        assertEquals(Side.Kind.EXPRESSION, StatementFinder.kind("-log(0.251)"));
        assertEquals(Side.Kind.EXPRESSION, StatementFinder.kind("0.9929/1.9929"));
        assertEquals(Side.Kind.NAME, StatementFinder.kind("Q[0][1]"));
        assertEquals(Side.Kind.NAME, StatementFinder.kind("P(C)"));
        assertEquals(Side.Kind.NAME, StatementFinder.kind("\\eta"));
        assertEquals(Side.Kind.OTHER, StatementFinder.kind("[A, B]"));
    }

    @Test
    void onLinesSelectsByTheFirstLine() {
        assertTrue(StatementFinder.onLines(new org.bookcheck.chapter.Chapter("worked.md", java.nio.file.Path.of("worked.md"), MD,
                MD.lines().toList()), 6, 7).stream().allMatch(s -> s.line() == 6));
        assertEquals(1, StatementFinder.onLines(new org.bookcheck.chapter.Chapter("worked.md", java.nio.file.Path.of("worked.md"), MD,
                MD.lines().toList()), 6, 7).size());
    }

    @Test
    void theEndOfAnOperationTheGrammarCannotReadIsNoLeftHandSide() {
        // "w_old - 0.1 × d[1]" does not read (w[1]_old is no name): neither "- 0.1 × d[1]" nor "d[1]" is a side
        List<Statement> found = StatementFinder.find("c.md", """
                ```
                w[1]_new = w[1]_old - 0.1 × d[1]
                         = 0.1 - 0.1 × (-0.0376)
                         = 0.10376
                ```
                """);
        assertEquals(List.of("0.1 - 0.1 × (-0.0376) = 0.10376"), found.stream().map(Statement::text).toList());
        assertEquals(3, found.get(0).line());
    }

    @Test
    void mermaidLabelsAndTableCellsAreReadToo() {
        List<Statement> found = StatementFinder.find("c.md", """
                ```mermaid
                graph LR
                  A["z = 0.5 × 2 = 1.0"] --> B["h = z × 3 = 3.0"]
                ```

                | step | value |
                |------|-------|
                | sum | 0.25 + 0.5 = 0.75 |
                """);
        assertEquals(List.of("z = 0.5 × 2 = 1.0", "h = z × 3 = 3.0", "0.25 + 0.5 = 0.75"), found.stream().map(Statement::text).toList());
        assertEquals(Optional.of("z"), found.get(0).name());
        assertEquals(Statement.Context.CODE, found.get(0).context());
        assertEquals(Statement.Context.PROSE, found.get(2).context());
    }
}
