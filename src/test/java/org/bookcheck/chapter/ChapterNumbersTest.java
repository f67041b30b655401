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
}
