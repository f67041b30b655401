package org.bookcheck.check;

import static org.bookcheck.check.TempBook.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steps written as expressions: checked like op steps, and every way to get one wrong is a located error. */
class ExpressionStepsTest {

    private static final String CHAPTER = """
            # Context by hand

            ```
            context[0] = 0.498 × 0.1 + 0.502 × 0.0 = 0.0498
            context[1] = 0.498 × 0.2 + 0.502 × 0.3 = 0.2503
            ```
            """;

    @TempDir
    Path dir;

    private TempBook book(String steps) {
        return new TempBook(dir).chapter(CHAPTER).fixture("ctx", TempBook.holds("ctx", "context[0] = 0.498 × 0.1",
                "{\"w\": [0.498, 0.502], \"V\": [[0.1, 0.2], [0.0, 0.3]]}", steps));
    }

    private String errors(String steps) {
        return book(steps).result("ctx").errors().stream().map(e -> e.pointer() + ": " + e.message()).toList().toString();
    }

    @Test
    void anExpressionStepIsCheckedAtThePrintedPrecision() {
        TempBook b = book("""
                [{"name": "c0", "expr": "w[0]×V[0][0] + w[1]×V[1][0]", "printed": "0.0498",
                  "quote": "context[0] = 0.498 × 0.1 + 0.502 × 0.0 = 0.0498"},
                 {"name": "c1", "expr": "w[0]·V[0][1] + w[1]·V[1][1]", "printed": "0.2503",
                  "quote": "context[1] = 0.498 × 0.2 + 0.502 × 0.3 = 0.2503"}]
                """);
        // 0.498 × 0.1 + 0.502 × 0.0 = 0.0498 exactly.
        assertInstanceOf(Verdict.Ok.class, b.finding("ctx", "c0").verdict());
        // 0.498 × 0.2 + 0.502 × 0.3 = 0.0996 + 0.1506 = 0.2502, printed 0.2503.
        Finding c1 = b.finding("ctx", "c1");
        assertInstanceOf(Verdict.Mismatch.class, c1.verdict());
        assertEquals("0.2502", c1.exactRounded());
        assertEquals("c1 = w[0]·V[0][1] + w[1]·V[1][1]", c1.calculation());
    }

    @Test
    void aStepWithBothOpAndExprIsRefused() {
        assertContains(errors("[{\"name\": \"c0\", \"op\": \"dot\", \"expr\": \"w[0]\", \"printed\": \"0.0498\"}]"),
                "/steps/0/op: step \"c0\": a step is either \"op\" with \"args\" or \"expr\", not both");
    }

    @Test
    void anExprThatIsNotTextIsRefused() {
        assertContains(errors("[{\"name\": \"c0\", \"expr\": 3, \"printed\": \"0.0498\"}]"),
                "/steps/0/expr: step \"c0\": \"expr\" must be an expression as text");
    }

    @Test
    void aSyntaxErrorPointsAtItsColumnWithACaret() {
        String e = errors("[{\"name\": \"c0\", \"expr\": \"w[0] × × V[0][0]\", \"printed\": \"0.0498\"}]");
        assertContains(e, "/steps/0/expr: step \"c0\": ", "(column 8)", "w[0] × × V[0][0]\n         ^");
    }

    @Test
    void anUnknownNameIsLocatedAndTheNearestNamesAreListed() {
        String e = errors("[{\"name\": \"c0\", \"expr\": \"ww[0] × V[0][0]\", \"printed\": \"0.0498\"}]");
        assertContains(e, "/steps/0/expr: step \"c0\": ", "\"ww\"", "w", "(column 1)");
    }

    @Test
    void anOperationRefusingItsArgumentsNamesTheSubExpression() {
        String e = errors("[{\"name\": \"c0\", \"expr\": \"1 + ln(w[0] - 1)\", \"printed\": \"0.0498\"}]");
        // ln(0.498 − 1) = ln(−0.502): outside the domain.
        assertContains(e, "/steps/0/expr: step \"c0\": ln: the natural logarithm needs a positive number, got -0.502 (column 5)",
                "1 + ln(w[0] - 1)\n      ^^^^^^^^^^^^");
    }

    @Test
    void anExpressionLongerThanAnyBookLineIsRefused() {
        String e = errors("[{\"name\": \"c0\", \"expr\": \"" + "1+".repeat(2_500) + "1\", \"printed\": \"0.0498\"}]");
        assertContains(e, "/steps/0/expr: step \"c0\": the expression has 5001 characters, more than 4000; split it into several steps");
    }
}
