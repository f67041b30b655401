package org.bookcheck.chapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers of a chapter, read with commonmark: code, links, headings, images and HTML are never claims. */
class ChapterNumbersTest {

    private static List<String> numbers(String markdown) {
        return ChapterNumbers.scan(markdown).numbers().stream().map(n -> n.text() + ":" + n.context().word()).toList();
    }

    @Test
    void skipsHeadingsCodeLinksImagesAndHtmlTagsAndBlocks() {
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
        assertEquals(List.of("0.5:math", "1:list", "2:list", "7:prose", "10,000:expression", "32:expression", "313:expression"),
                numbers(md));
    }

    @Test
    void indicesAndWordsAreNotNumbersButSignsAndPercentagesBelongToThem() {
        assertEquals(List.of("2:math", "3:math", "-0.5:math", "25\\%:math", "1:math"),
                numbers("Here $y_1 = 2x_1 + 3x_2$, $W1 = -0.5$, $x^2$, $25\\%$ and $\\frac{p}{1-p}$.\n"));
    }

    @Test
    void lineValuesGroupMatricesAndLists() {
        String line = "$A = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$, scale 0.5, scores [5, 2, 1].";
        List<ChapterNumber> numbers = ChapterNumbers.scan(line + "\n").onLine(1);
        List<String> values = LineValues.of(line, numbers, 0, line.length()).stream().map(v -> v.kind() + " " + v.text()).toList();
        assertEquals(List.of("MATRIX \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}", "NUMBER 0.5", "LIST [5, 2, 1]"), values);
    }
}
