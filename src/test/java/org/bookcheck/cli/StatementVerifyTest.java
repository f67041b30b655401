package org.bookcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code verify} on the statements test book: statements in every format, --statements modes, and the repository's book. */
class StatementVerifyTest {

    private static final String BOOK = "src/test/resources/books/statements";

    @Test
    void aWrongStatementFailsTheRunAndTheTextReportSaysWhereAndWhy() {
        Cli.Run run = Cli.run("verify", "--root", BOOK);
        assertEquals(1, run.exit(), run::toString);
        // y = 0.3 × 4 = 1.1 on line 19: the result 1.1 stands in column 15
        assertTrue(run.out().contains("19:15     statements › y: mismatch (FAILS)"), run::toString);
        assertTrue(run.out().contains("statements › u: propagated (FAILS)"), run::toString);
        assertTrue(run.out().contains("16 statements, 13 checked, 1 left out by statements.json, 2 not understood"), run::toString);
        // the book has no fixture file: its 13 checked statements are counted as statements, not as a fixture
        assertTrue(run.out().contains("; 0 fixtures and 13 statements, 1 failing"), run::toString);
    }

    @Test
    void reportModeNeverFailsAndOffChecksNothing() {
        Cli.Run report = Cli.run("verify", "--statements=report", "--root", BOOK);
        assertEquals(0, report.exit(), report::toString);
        assertTrue(report.out().contains("y: mismatch"), report::toString);
        Cli.Run off = Cli.run("verify", "--statements=off", "--root", BOOK);
        assertEquals(2, off.exit(), off::toString);
        assertTrue(off.err().contains("nothing was checked"), off::toString);
    }

    @Test
    void jsonFindingsSayTheirSourceAndTheStatementsTextAndSpan() throws Exception {
        Cli.Run run = Cli.run("verify", "--format", "json", "--root", BOOK);
        JsonNode root = new ObjectMapper().readTree(run.out());
        List<JsonNode> statements = new ArrayList<>();
        root.get("findings").forEach(f -> {
            if (f.get("source").asText().equals("statement")) {
                statements.add(f);
            }
        });
        assertEquals(13, statements.size());
        JsonNode y = statements.stream().filter(f -> f.get("step").asText().equals("y")).findFirst().orElseThrow();
        assertEquals("y = 0.3 × 4 = 1.1", y.get("statement").get("text").asText());
        assertEquals(19, y.get("statement").get("line").asInt());
        assertEquals("code", y.get("statement").get("context").asText());
        // sides y, 0.3 × 4 and 1.1: columns 1, 5-12 and 15-18
        assertEquals(5, y.get("statement").get("spans").get(1).get("column").asInt());
        assertEquals(12, y.get("statement").get("spans").get(1).get("endColumn").asInt());
        assertEquals("mismatch", y.get("verdict").asText());
        assertEquals("1.2", y.get("suggestedFix").get("to").asText());
    }

    @Test
    void theRepositorysBookHasNoFalseAlarmAndReportsEachValueOnce() {
        Cli.Run on = Cli.run("verify");
        Cli.Run off = Cli.run("verify", "--statements=off");
        assertEquals(0, on.exit(), on::toString);
        assertTrue(on.out().contains("04-training-neural-networks.md: 5 statements, 5 checked, 0 not understood"), on::toString);
        // every statement of chapter 4 prints a value a fixture checks too: reported once, by the fixture
        assertFalse(on.out().contains("statements ›"), on::toString);
        String summary = "Book: 35 printed values: 33 ok, 2 wrong (2 known errata)";
        assertTrue(on.out().contains(summary) && off.out().contains(summary), on::toString);
        assertTrue(on.out().contains("; 27 fixtures and 5 statements, all as claimed"), on::toString);
        assertTrue(off.out().contains("; 27 fixtures, all as claimed"), off::toString);
    }

    @Test
    void theHtmlReportMarksWhatAStatementChecks() {
        Cli.Run run = Cli.run("verify", "--format", "html", "--root", BOOK);
        assertEquals(1, run.exit(), run::err);
        // "z = 0.5×2 + 0.25×4 = 2.0" is in a code block, marked in the page's own HTML
        assertTrue(run.out().contains("= <span class=\"bc-num bc-holds bc-statement\""), "the statement's result is marked");
        assertTrue(run.out().contains("<span class=\"bc-num bc-wrong bc-statement\""), "the wrong statement's result is marked");
    }

    @Test
    void traceWorksOnAStatementByItsChapterLine() {
        // line 20 is "u = y + 1 = 2.1": traced with the statement it uses, y = 0.3 × 4 on line 19
        Cli.Run run = Cli.run("trace", "--root", BOOK, "chapters/statements-worksheet.md:20");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("0.3×4") || run.out().contains("0.3 × 4"), run::toString);
        assertTrue(run.out().contains("2.1"), run::toString);
        Cli.Run none = Cli.run("trace", "--root", BOOK, "chapters/statements-worksheet.md:3");
        assertEquals(2, none.exit(), none::toString);
        assertTrue(none.err().contains("chapters/statements-worksheet.md:3 has no checked statement"), none::toString);
        Cli.Run unknown = Cli.run("trace", "--root", BOOK, "chapters/statements-worksheet.md:40");
        assertTrue(unknown.err().contains("not understood: frobnicate(2, 3): unknown function \"frobnicate\""), unknown::toString);
    }

    @Test
    void coverageCountsTheNumbersOfCheckedStatementsAndListsTheStatements() {
        Cli.Run run = Cli.run("coverage", "--root", BOOK);
        assertEquals(0, run.exit(), run::toString);
        // z = 0.5×2 + 0.25×4 = 2.0 on line 10: its operand 0.25 (column 13) is covered, by the statements
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("  10:13") && l.contains("covered") && l.contains("statements")), run::toString);
        assertTrue(run.out().contains("statements written out (16):"), run::toString);
        assertTrue(run.out().contains("not understood  q = frobnicate(2, 3) = 5"), run::toString);
        assertTrue(run.out().contains("left out        7 × 6 = 40 — illustrative: the chapter says it is an illustration only"), run::toString);
        Cli.Run off = Cli.run("coverage", "--statements=off", "--root", BOOK);
        assertTrue(off.out().lines().anyMatch(l -> l.startsWith("  10:13") && l.contains("UNCOVERED")), off::toString);
    }

    @Test
    void aValueAFixtureChecksIsReportedOnceAndAFixtureThatFindsAWrongLineRightIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("chapters"));
        java.nio.file.Files.createDirectories(dir.resolve("fixtures/c"));
        // 2 × 3 is 6, not 7; the fixture below computes 3 + 4 instead, which is 7
        java.nio.file.Files.writeString(dir.resolve("chapters/c.md"), "# C\n\n```\nx = 2 × 3 = 7\ny = 1 + 1 = 2\n```\n");
        java.nio.file.Files.writeString(dir.resolve("fixtures/c/x.json"), """
                {"id": "x", "title": "x", "chapter": "c.md", "quote": "x = 2 × 3 = 7", "claim": "holds",
                 "inputs": {"a": 3, "b": 4}, "steps": [{"name": "x", "op": "add", "args": {"a": "a", "b": "b"}, "printed": "7"}]}
                """);
        Cli.Run run = Cli.run("verify", "--root", dir.toString());
        // the disagreement is a finding about the fixture: it fails
        assertEquals(1, run.exit(), run::toString);
        // x's 7 is reported once, by the fixture; y's 2 by its statement
        assertTrue(run.out().contains("x › x: ok") && !run.out().contains("statements › x"), run::toString);
        assertTrue(run.out().contains("statements › y: ok"), run::toString);
        assertTrue(run.out().contains("the fixture finds 7 ok, but its line's own arithmetic x = 2 × 3 = 7 does not hold as written"
                + " (it gives 6): the fixture computes something other than the line."), run::toString);
    }

    @Test
    void aSideThatDisagreesWithTheOthersFailsWhereItStands(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("chapters"));
        // line 4: 0.5 × 4 + 1 is 3, as printed, but the middle side 2 + 2 is 4 (miscopied);
        // line 5: x × 2 = 3 × 2 = 6 agree; lines 6-7: 0.333 × 3 is 0.999, the book's own rounding of p × 3 (no alarm)
        java.nio.file.Files.writeString(dir.resolve("chapters/t.md"),
                "# T\n\n```\nx = 0.5 × 4 + 1 = 2 + 2 = 3\ny = x × 2 = 3 × 2 = 6\np = 1 / 3 ≈ 0.333\nq = p × 3 = 0.333 × 3 ≈ 0.999\n```\n");
        Cli.Run run = Cli.run("verify", "--root", dir.toString());
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.out().contains("  ✗ chapters/t.md:4:19: the sides of x = 0.5 × 4 + 1 = 2 + 2 = 3 disagree: 2 + 2 gives 4,"
                + " which the printed 3 does not stand for, while 0.5 × 4 + 1 gives 3."), run::toString);
        assertEquals(1, run.out().lines().filter(l -> l.contains("disagree")).count(), run::toString);
        assertTrue(run.out().contains("statements › x: ok") && run.out().contains("statements › q: ok"), run::toString);
        // --statements=report lists, never fails
        assertEquals(0, Cli.run("verify", "--statements=report", "--root", dir.toString()).exit());
    }

    @Test
    void fixCorrectsAWrongStatementsResultOnly() {
        Cli.Run run = Cli.run("fix", "--root", BOOK);
        assertEquals(0, run.exit(), run::toString);
        // 0.3 × 4 is 1.2; u = y + 1 then 2.2; 0.3 × 3 is 0.9: only the results change, never an operand
        assertTrue(run.out().contains("-y = 0.3 × 4 = 1.1\n+y = 0.3 × 4 = 1.2"), run::toString);
        assertTrue(run.out().contains("-u = y + 1 = 2.1\n+u = y + 1 = 2.2"), run::toString);
        assertTrue(run.out().contains("+- Scale: [0.1 × 2, 0.3 × 3] = [0.2, 0.9]"), run::toString);
    }
}
