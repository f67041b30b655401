package org.bookcheck.chapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers of a chapter, read with commonmark as whole tokens with their spans: headings, code spans, links, images and HTML are never claims. */
class ChapterNumbersTest {

    private static List<String> numbers(String markdown) {
        return ChapterNumbers.scan(markdown).numbers().stream().map(n -> n.text() + ":" + n.context().word()).toList();
    }

    private static List<String> texts(String markdown) {
        return ChapterNumbers.scan(markdown).numbers().stream().map(ChapterNumber::text).toList();
    }

    @Test
    void readsCodeBlocksButNotHeadingsCodeSpansLinksImagesAndHtml() {
        String md = """
                ## Step 3: the sum

                We add $x = 0.5$ to [1, 2] and count 7 apples; see [Example 2](10-example2.md) and ![fig 9](img9.png).

                ```
                int x = 42;
                ```

                Inline `code 5` and <img width="60"> are not claims; 10,000 ÷ 32 = 313 is.

                <div>
                an HTML block with 8
                </div>
                """;
        assertEquals(List.of("0.5:math", "1:list", "2:list", "7:prose", "42:code", "10,000:expression", "32:expression", "313:expression"),
                numbers(md));
    }

    @Test
    void indicesAndWordsAreNotNumbersButSignsAndPercentagesBelongToThem() {
        assertEquals(List.of("2:math", "3:math", "-0.5:math", "25\\%:math", "1:math"),
                numbers("Here $y_1 = 2x_1 + 3x_2$, $W1 = -0.5$, $x^2$, $25\\%$ and $\\frac{p}{1-p}$.\n"));
    }

    @Test
    void aNumberIsAWholeTokenNeverPartOfALongerOne() {
        assertEquals(List.of("0.0498", "-0.03", "90", "80", "70", "1.2e-5", "3E8", "10,000", "−0.2", "75%"),
                texts("We get 0.0498 and -0.03, scores [90, 80, 70], 1.2e-5 and 3E8, 10,000 steps, −0.2 and 75%.\n"));
        // A minus between numbers is an operator, not a sign; a word after digits is not an exponent.
        assertEquals(List.of("0.0", "0.00707", "2", "3"), texts("Subtract: 0.0 - 0.00707, then 2em and 3 rows.\n"));
    }

    @Test
    void fencedIndentedAndMermaidCodeBlocksAreReadWithTheirIndices() {
        String md = """
                Text.

                ```
                Q[0][0] = 1×0.1 + 0×0.0 = 0.1
                L1 = -log(0.251) ≈ 1.383
                X = [1, 0]   ← Token A
                    [0, 1]
                ```

                    indented = 2.5

                ```mermaid
                graph LR
                  A[Input 3] --> B[Layer_2]
                ```
                """;
        assertEquals(List.of("1:code", "0.1:code", "0:code", "0.0:code", "0.1:code", "0.251:code", "1.383:code", "1:code", "0:code",
                "0:code", "1:code", "2.5:code", "3:code"), numbers(md));
    }

    @Test
    void inCodeACommaAlwaysSeparates() {
        assertEquals(List.of("100", "200", "10,000"), texts("```\nx = [100,200]\n```\n\nWe take 10,000.\n"));
    }

    @Test
    void tablesListsAndMultiLineMathAreRead() {
        String md = """
                | x | p |
                |---|---|
                | 1 | 0.25 |

                - A = [1, 0]
                - weight ≈ 0.498

                $$
                \\begin{bmatrix} 0.1 & 0.2 \\end{bmatrix}
                $$
                """;
        assertEquals(List.of("1:prose", "0.25:prose", "1:list", "0:list", "0.498:prose", "0.1:math", "0.2:math"), numbers(md));
    }

    @Test
    void everyTokenHasItsSpanInLinesAndCodePointColumns() {
        // Line 3 of the code block: "Q[0][0] = 1×0.1 + 0×0.0 = 0.1"; "1" stands at column 11, "0.1" at 13–15.
        ChapterNumbers.Scan scan = ChapterNumbers.scan("```\nQ[0][0] = 1×0.1 + 0×0.0 = 0.1\n```\n\nπ𝜋 = 3.14\n");
        assertEquals(List.of(new Span(2, 11, 12), new Span(2, 13, 16), new Span(2, 19, 20), new Span(2, 21, 24), new Span(2, 27, 30)),
                scan.onLine(2).stream().map(ChapterNumber::span).toList());
        // 𝜋 is two chars but one code point: 3.14 starts at char 6 and column 6.
        ChapterNumber pi = scan.onLine(5).get(0);
        assertEquals(new Span(5, 6, 10), pi.span());
        assertEquals(6, pi.start());
    }

    @Test
    void tokensOfTextThatIsNotAClaimCanStillBeFoundInAQuote() {
        ChapterNumbers.Scan scan = ChapterNumbers.scan("## Step 3\n\nSee `x = 5`.\n");
        assertEquals(List.of(), scan.numbers());
        assertEquals(List.of("3", "5"), scan.within(List.of(new Span(1, 1, 10), new Span(3, 1, 13))).stream().map(ChapterNumber::text).toList());
    }

    @Test
    void anUnclosedFenceRunsToTheEndOfTheDocument() {
        assertEquals(List.of("4:code", "5:code"), numbers("```\na = 4\nb = 5\n"));
    }

    @Test
    void lineValuesGroupMatricesAndLists() {
        String line = "$A = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$, scale 0.5, scores [5, 2, 1].";
        List<ChapterNumber> numbers = ChapterNumbers.scan(line + "\n").onLine(1);
        List<String> values = LineValues.of(line, numbers, 0, line.length()).stream().map(v -> v.kind() + " " + v.text()).toList();
        assertEquals(List.of("MATRIX \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}", "NUMBER 0.5", "LIST [5, 2, 1]"), values);
    }

    @Test
    void lineValuesOfACodeLineLeaveIndicesOut() {
        String line = "Q[0][1] = 1×0.0 + 0×0.1 = 0.0";
        List<ChapterNumber> numbers = ChapterNumbers.scan("```\n" + line + "\n```\n").onLine(2);
        assertEquals(List.of("1", "0.0", "0", "0.1", "0.0"), LineValues.of(line, numbers, 0, line.length()).stream().map(LineValues.Found::text).toList());
    }

    @Test
    void aNumberNextToAnOperatorAndAnotherNumberIsPartOfACalculation() {
        assertEquals(List.of("5:prose"), numbers("x = 5\n"));
        assertEquals(List.of("2:expression", "3:expression"), numbers("2 + 3\n"));
        // A percentage before the operator is a number too; a sign after it does not hide the number.
        assertEquals(List.of("50%:expression", "2:expression"), numbers("50% × 2\n"));
        assertEquals(List.of("7:expression", "−8:expression"), numbers("7 = −8\n"));
        assertEquals(List.of("3:expression", "4:expression"), numbers("3 < 4\n"));
        assertEquals(List.of("9:prose"), numbers("9 - x\n"));
        assertEquals(List.of("9:prose"), numbers("9 -\n"));
        assertEquals(List.of("9:prose"), numbers("x + 9\n"));
    }

    @Test
    void aListNeedsABracketBeforeACommaAndItsCloser() {
        assertEquals(List.of("0.3:list", "0.7:list"), numbers("Take (0.3, 0.7) now.\n"));
        assertEquals(List.of("0.3:prose"), numbers("See (0.3) here.\n"));
        assertEquals(List.of("5:prose", "6:prose"), numbers("[a] 5, 6\n"));
        assertEquals(List.of("1:prose", "2:prose"), numbers("So (1, 2 is open.\n"));
        // The opening bracket is looked for at most 120 characters back.
        String near = "(" + "a ".repeat(59) + " 1, 2)";
        assertEquals(List.of("1:list", "2:prose"), numbers(near + "\n"));
        String far = "(" + "a ".repeat(60) + "1, 2)";
        assertEquals(List.of("1:prose", "2:prose"), numbers(far + "\n"));
    }

    @Test
    void mathFollowsPandocsDollarRule() {
        // A $ before a space opens nothing; a $ after a space closes nothing; \$ is a dollar sign.
        assertEquals(List.of("5:prose", "6:prose"), numbers("It costs $5 and $6 now.\n"));
        assertEquals(List.of("5:prose"), numbers("a $ 5$ b\n"));
        assertEquals(List.of("5:prose", "2:math"), numbers("\\$5 and $x = 2$\n"));
        // A closing $ is not followed by a digit.
        assertEquals(List.of("1:math", "2:math"), numbers("$x = 1$2 and y$\n"));
        assertEquals(List.of("1:math", "2:prose"), numbers("$$x = 1$$ and 2\n"));
        assertEquals(List.of(new ChapterNumbers.MathSpan(1, 2, 1, 7, false)), ChapterNumbers.scan("a $x=1$ b\n").math());
        assertEquals(List.of(new ChapterNumbers.MathSpan(1, 0, 3, 2, true)), ChapterNumbers.scan("$$\n0.5\n$$\n").math());
        // Inline math may run over lines of one paragraph.
        ChapterNumbers.Scan scan = ChapterNumbers.scan("a $x =\n2$ b 3\n");
        assertEquals(List.of(new ChapterNumbers.MathSpan(1, 2, 2, 2, false)), scan.math());
        assertEquals(List.of("2:math", "3:prose"), scan.numbers().stream().map(n -> n.text() + ":" + n.context().word()).toList());
    }

    @Test
    void aDollarInACodeSpanOpensNoMath() {
        assertEquals(List.of("4:prose"), numbers("Write `$` then 4 and x$.\n"));
        assertEquals(List.of(), ChapterNumbers.scan("Write `$` then 4 and x$.\n").math());
    }

    @Test
    void theInfoStringOfAFenceIsNotCode() {
        ChapterNumbers.Scan scan = ChapterNumbers.scan("``` v 2\ncode 3\n```\n");
        assertEquals(List.of("3"), scan.numbers().stream().map(ChapterNumber::text).toList());
        assertEquals(List.of("2"), scan.uncounted().stream().map(ChapterNumber::text).toList());
    }

    @Test
    void tokensWithinAQuoteComeInReadingOrderCountedOrNot() {
        // "See `x = 5` and 7.": 5 (in a code span, not counted) at column 10, 7 at column 17.
        ChapterNumbers.Scan scan = ChapterNumbers.scan("## Step 3\n\nSee `x = 5` and 7.\n");
        assertEquals(List.of("3", "5", "7"),
                scan.within(List.of(new Span(1, 1, 10), new Span(3, 1, 19))).stream().map(ChapterNumber::text).toList());
        assertEquals(List.of("5"), scan.within(List.of(new Span(3, 1, 12))).stream().map(ChapterNumber::text).toList());
        assertEquals(List.of("7"), scan.onLine(3).stream().map(ChapterNumber::text).toList());
        assertEquals(List.of(), scan.onLine(1));
    }

    @Test
    void aScanIsReadOncePerChapterText() {
        Chapter ch = new Chapter("ch.md", java.nio.file.Path.of("chapters/ch.md"), "Take 0.25 now.\n", List.of("Take 0.25 now."));
        ChapterNumbers.Scan scan = ChapterNumbers.scan(ch);
        assertEquals(List.of("0.25"), scan.numbers().stream().map(ChapterNumber::text).toList());
        assertEquals(new Span(1, 6, 10), scan.numbers().get(0).span());
    }

    @Test
    void lineValuesKeepListsInsideAMatrixInTheMatrix() {
        String line = "M = \\begin{pmatrix} 1 & [2, 3] \\end{pmatrix} and [4, 5] and (6) and [a, 7]";
        List<ChapterNumber> numbers = ChapterNumbers.scan(line + "\n").onLine(1);
        assertEquals(List.of("MATRIX 4-44 3", "LIST 49-55 2", "NUMBER 61-62 1", "NUMBER 72-73 1"),
                LineValues.of(line, numbers, 0, line.length()).stream().map(v -> v.kind() + " " + v.start() + "-" + v.end() + " " + v.numbers()).toList());
        // Only numbers within [from, to) count: the 6 starts at 61, the 7 ends at 73.
        assertEquals(List.of("6", "7"), LineValues.of(line, numbers, 61, 73).stream().map(LineValues.Found::text).toList());
        assertEquals(List.of("7"), LineValues.of(line, numbers, 62, 73).stream().map(LineValues.Found::text).toList());
        assertEquals(List.of("6"), LineValues.of(line, numbers, 61, 72).stream().map(LineValues.Found::text).toList());
    }

    @Test
    void lineValuesTakeAListRightBesideAMatrixApart() {
        String after = "$\\begin{bmatrix} 1 \\end{bmatrix}[2, 3]$";
        assertEquals(List.of("MATRIX", "LIST"), LineValues.of(after, ChapterNumbers.scan(after + "\n").onLine(1), 0, after.length()).stream()
                .map(v -> v.kind().toString()).toList());
        String before = "$[2, 3]\\begin{bmatrix} 1 \\end{bmatrix}$";
        assertEquals(List.of("LIST", "MATRIX"), LineValues.of(before, ChapterNumbers.scan(before + "\n").onLine(1), 0, before.length()).stream()
                .map(v -> v.kind().toString()).toList());
    }

    @Test
    void dollarsAtTheEdgesOfALine() {
        // A $ at the end of a line opens nothing; one at the start of a paragraph's next line closes nothing.
        assertEquals(List.of("5:prose"), numbers("It is 5 $\n"));
        ChapterNumbers.Scan next = ChapterNumbers.scan("a $x\n$ b 5\n");
        assertEquals(List.of(), next.math());
        assertEquals(List.of("5:prose"), next.numbers().stream().map(n -> n.text() + ":" + n.context().word()).toList());
        // A $ after a space closes nothing, whatever follows it.
        assertEquals(List.of("5:prose"), numbers("$x $y and 5\n"));
        // Three dollars: $$ opens display math, the third $ closes nothing.
        assertEquals(List.of(), ChapterNumbers.scan("$$$ 5\n").math());
        // The second $ of a closing $$ opens nothing.
        assertEquals(List.of("5:prose"), numbers("$$x$$y and 5$\n"));
        // After a closing $$ reading goes on past it: the 5 between two display formulas is prose.
        assertEquals(List.of("5:prose"), numbers("$$x$$ 5 $$y$$\n"));
        // Math over two lines starts at its $: the 5 before it is prose.
        assertEquals(List.of("5:prose", "2:math", "3:prose"), numbers("a 5 $x =\n2$ b 3\n"));
    }

    @Test
    void codeSpansInsideEmphasisAreNotClaims() {
        assertEquals(List.of("7:prose"), numbers("*see `x 5`* and 7\n"));
    }
}
