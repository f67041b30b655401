package org.bookcheck.check;

import static org.bookcheck.check.TempBook.assertContains;
import static org.bookcheck.check.TempBook.holds;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wording of explanations: the elements a propagated value follows from, the verdict of each element of a
 * short list, and how many off inputs are named. Values worked out by hand in the comments.
 */
class ExplanationsTest {

    @TempDir
    Path dir;
    private TempBook book;

    @BeforeEach
    void setUp() {
        book = new TempBook(dir);
    }

    @Test
    void aTwoElementListWithRightAndWrongElementsIsDescribedByElement() {
        // [1, 1] / [3, 2] printed [0.33, 0.5]; times 3: exact [1.00, 1.5], from the book [0.99, 1.5]; printed [0.99, 1.6].
        book.chapter("Ratios [0.33, 0.5], tripled [0.99, 1.6].\n").fixture("carry", holds("carry", "Ratios [0.33, 0.5], tripled [0.99, 1.6].",
                "{\"one\": [1, 1], \"d\": [3, 2], \"three\": 3}", """
                [{"name": "r", "op": "divide", "args": {"a": "one", "b": "d"}, "printed": "[0.33, 0.5]"},
                 {"name": "t", "op": "scale", "args": {"x": "r", "s": "three"}, "printed": "[0.99, 1.6]"}]"""));
        assertContains(book.finding("carry", "t").explanation(), "; by element: [0] ok (rounding carried), [1] mismatch");
    }

    @Test
    void aValueFollowingFromAWrongNumberNamesNoElement() {
        // exact: 1 + 1 = 2 and 2·2 = 4; the book prints 3 and then, correctly from it, 6.
        book.chapter("First 3, then 6.\n").fixture("chain", holds("chain", "First 3, then 6.", "{\"one\": 1, \"two\": 2}", """
                [{"name": "a", "op": "add", "args": {"a": "one", "b": "one"}, "printed": "3"},
                 {"name": "b", "op": "scale", "args": {"x": "a", "s": "two"}, "printed": "6"}]"""));
        assertContains(book.finding("chain", "b").explanation(), "from the book's wrong step \"a\" (line 1) (giving 6): fix that first");
    }

    private void sumOfList(String printedList, String printedSum) {
        book.chapter("v = " + printedList + "\nSum " + printedSum + "\n").fixture("sum", holds("sum", "Sum " + printedSum,
                "{\"x\": [1, 2, 3, 4, 5, 6]}", """
                [{"name": "v", "op": "restate", "args": {"x": "x"}, "printed": "%s", "quote": "v = %s"},
                 {"name": "s", "op": "sum", "args": {"x": "v"}, "printed": "%s"}]""".formatted(printedList, printedList, printedSum)));
    }

    @Test
    void aValueFollowingFromOneWrongElementNamesIt() {
        // v = [1, ..., 6] printed with 2 for 1; the sum 21 is printed 22, as the printed list gives.
        sumOfList("[2, 2, 3, 4, 5, 6]", "22");
        assertContains(book.finding("sum", "s").explanation(), "from the book's wrong step \"v\" (line 1) (element \"v\"[0]) (giving 22)");
    }

    @Test
    void aValueFollowingFromSixWrongElementsNamesAllSix() {
        // Every element printed one too high: the sum 21 is printed 27, as the printed list gives.
        sumOfList("[2, 3, 4, 5, 6, 7]", "27");
        assertContains(book.finding("sum", "s").explanation(),
                "(elements \"v\"[0], \"v\"[1], \"v\"[2], \"v\"[3], \"v\"[4], \"v\"[5]) (giving 27)");
    }

    private String sumOfRounded(int count, String printed) {
        // a..d are exactly 0.104, 0.203, 0.302, 0.401, printed 0.10, 0.20, 0.30, 0.40 (each right at two decimals),
        // off by 3.8%, 1.5%, 0.66% and 0.25%: named in that order.
        String[] names = {"a", "b", "c", "d"};
        String[] exact = {"0.104", "0.203", "0.302", "0.401"};
        String[] shown = {"0.10", "0.20", "0.30", "0.40"};
        StringBuilder chapter = new StringBuilder();
        StringBuilder inputs = new StringBuilder("{");
        StringBuilder steps = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            chapter.append(names[i]).append(" = ").append(shown[i]).append('\n');
            inputs.append(i > 0 ? ", " : "").append("\"x").append(i).append("\": ").append(exact[i]);
            steps.append("{\"name\": \"").append(names[i]).append("\", \"op\": \"restate\", \"args\": {\"x\": \"x").append(i)
                    .append("\"}, \"printed\": \"").append(shown[i]).append("\", \"quote\": \"").append(names[i]).append(" = ")
                    .append(shown[i]).append("\"}, ");
        }
        chapter.append("Sum ").append(printed).append('\n');
        steps.append("{\"name\": \"s\", \"expr\": \"").append(String.join(" + ", java.util.Arrays.copyOf(names, count)))
                .append("\", \"printed\": \"").append(printed).append("\"}]");
        book.chapter(chapter.toString()).fixture("sum", holds("sum", "Sum " + printed, inputs.append("}").toString(), steps.toString()));
        return book.finding("sum", "s").explanation();
    }

    @Test
    void atMostThreeOffInputsAreNamed() {
        // Exact 1.010 (1.01); from the book 1.00; printed 1.03.
        assertContains(sumOfRounded(4, "1.03"), "from the book's own 0.10 (step \"a\" on line 1, exactly 0.104), 0.20 (step \"b\" on line 2,"
                + " exactly 0.203), 0.30 (step \"c\" on line 3, exactly 0.302) and 1 more it gives 1 (1.00 at the printed precision)");
    }

    @Test
    void threeOffInputsAreAllNamed() {
        // Exact 0.609 (0.61); from the book 0.60; printed 0.63.
        String text = sumOfRounded(3, "0.63");
        assertContains(text, "0.30 (step \"c\" on line 3, exactly 0.302) it gives 0.6 (0.60 at the printed precision)");
        assertFalse(text.contains("more"), text);
    }
}
