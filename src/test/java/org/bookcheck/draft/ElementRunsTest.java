package org.bookcheck.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bookcheck.chapter.Chapter;
import org.junit.jupiter.api.Test;

/** The elements of a list or matrix worked out on consecutive lines become one step; later steps use its elements. */
class ElementRunsTest {

    private static final String TEXT = """
            ```
            s[0] = 1.5 × 0.2 + 0.25 × 0.4 = 0.4
            s[1] = 1.5 × 0.6 + 0.25 × -0.2 = 0.85

            s = [0.4, 0.85]
            t = s[0] + s[1] = 1.25
            Q[0][0] = 1×0.1 + 0×0.0 = 0.1
            Q[0][1] = 1×0.0 + 0×0.1 = 0.0
            Q[1][0] = 0×0.1 + 1×0.0 = 0.0
            Q[1][1] = 0×0.0 + 1×0.1 = 0.1
            score[1][0] = 0.0 × 0.707 = 0.0
            score[1][1] = 0.01 × 0.707 = 0.00707
            Some words between.
            u[0] = 0.5 + 0.5 = 1.0
            and more words.
            u[1] = 1.0 + 1.0 = 2.0
            - P(A) ≈ 0.250
            - P(B) ≈ 0.249
            - P(C) ≈ 0.249
            v[1] = 1 + 1 = 2
            v[1] = 3 - 1 = 2
            v[2] = 2 + 1 = 3
            a[0] = 1 + 1 = 2; a[1] = 2 + 2 = 4
            ```
            """;

    private static final Chapter CHAPTER = new Chapter("t.md", Path.of("t.md"), TEXT, TEXT.lines().toList());

    private static Proposal.Step step(int line, String lhs, String name, String expr, String printed) {
        String text = CHAPTER.line(line);
        int column = text.indexOf(lhs.isEmpty() ? text.strip() : lhs) + 1;
        return new Proposal.Step(name, expr, printed, new Written(line, line, "", lhs.isEmpty() ? Optional.empty() : Optional.of(lhs), List.of(),
                Optional.of(printed), text.substring(column - 1), column), "read");
    }

    private static List<String> described(List<Proposal> proposals) {
        List<String> out = new ArrayList<>();
        for (Proposal p : proposals) {
            Proposal.Step s = (Proposal.Step) p;
            out.add(s.name() + " = " + s.expr() + " | " + s.printed() + " | " + s.written().lines());
        }
        return out;
    }

    @Test
    void aListWorkedOutByElementIsOneStepAndLaterStepsUseItsElements() {
        List<Proposal> in = List.of(
                step(2, "s[0]", "s_0", "1.5 × 0.2 + 0.25 × 0.4", "0.4"),
                step(3, "s[1]", "s_1", "1.5 × 0.6 + 0.25 × -0.2", "0.85"),
                step(5, "s", "s", "[s_0, s_1]", "[0.4, 0.85]"),
                step(6, "t", "t", "s_0 + s_1", "1.25"));
        ElementRuns.Result r = ElementRuns.gather(in, CHAPTER, Set.of());
        assertEquals(List.of(
                "s = [1.5 × 0.2 + 0.25 × 0.4, 1.5 × 0.6 + 0.25 × -0.2] | [0.4, 0.85] | 2-3",
                // The value built from exactly those elements restates the gathered step, under a name of its own.
                "s_2 = s | [0.4, 0.85] | 5",
                "t = s[0] + s[1] | 1.25 | 6"), described(r.proposals()));
        Proposal.Step gathered = (Proposal.Step) r.proposals().getFirst();
        assertEquals("s[0] = 1.5 × 0.2 + 0.25 × 0.4 = 0.4\ns[1] = 1.5 × 0.6 + 0.25 × -0.2 = 0.85", gathered.written().quote());
        assertEquals(List.of("s_0", "s_1"), r.gathered().getFirst().elements());
        assertEquals(List.of("s_2"), r.gathered().getFirst().restating().stream().map(Proposal.Step::name).toList());
    }

    @Test
    void aMatrixWorkedOutByElementIsOneStepRowByRow() {
        List<Proposal> in = List.of(
                step(7, "Q[0][0]", "Q_0_0", "1×0.1 + 0×0.0", "0.1"),
                step(8, "Q[0][1]", "Q_0_1", "1×0.0 + 0×0.1", "0.0"),
                step(9, "Q[1][0]", "Q_1_0", "0×0.1 + 1×0.0", "0.0"),
                step(10, "Q[1][1]", "Q_1_1", "0×0.0 + 1×0.1", "0.1"),
                step(11, "score[1][0]", "score_1_0", "Q_1_0 × 0.707", "0.0"),
                step(12, "score[1][1]", "score_1_1", "Q_1_1 × 0.707", "0.00707"));
        ElementRuns.Result r = ElementRuns.gather(in, CHAPTER, Set.of());
        assertEquals(List.of(
                "Q = [[1×0.1 + 0×0.0, 1×0.0 + 0×0.1], [0×0.1 + 1×0.0, 0×0.0 + 1×0.1]] | [[0.1, 0.0], [0.0, 0.1]] | 7-10",
                // One row of a matrix is a list named after the row.
                "score_1 = [Q[1][0] × 0.707, Q[1][1] × 0.707] | [0.0, 0.00707] | 11-12"), described(r.proposals()));
    }

    @Test
    void elementsWithWordsBetweenThemStaySeparate() {
        List<Proposal> in = List.of(
                step(14, "u[0]", "u_0", "0.5 + 0.5", "1.0"),
                step(16, "u[1]", "u_1", "u_0 + u_0", "2.0"));
        assertEquals(described(in), described(ElementRuns.gather(in, CHAPTER, Set.of()).proposals()));
    }

    @Test
    void aListMustStartAtElementZeroAndGoUpByOne() {
        List<Proposal> in = List.of(
                step(3, "s[1]", "s_1", "1.5 × 0.6 + 0.25 × -0.2", "0.85"),
                step(5, "s", "s", "[0.4, s_1]", "[0.4, 0.85]"));
        assertEquals(described(in), described(ElementRuns.gather(in, CHAPTER, Set.of()).proposals()));
    }

    @Test
    void valuesOfOneFunctionListedLineByLineAreOneListAndAnElementMayRestateAnother() {
        List<Proposal> in = List.of(
                step(17, "P(A)", "P_A", "n[0]", "0.250"),
                step(18, "P(B)", "P_B", "n[1]", "0.249"),
                step(19, "P(C)", "P_C", "P_B", "0.249"));
        ElementRuns.Result r = ElementRuns.gather(in, CHAPTER, Set.of());
        assertEquals(List.of("P = [n[0], n[1], n[1]] | [0.250, 0.249, 0.249] | 17-19"), described(r.proposals()));
    }

    @Test
    void aNameAlreadyTakenGetsANumber() {
        List<Proposal> in = List.of(
                step(2, "s[0]", "s_0", "1.5 × 0.2 + 0.25 × 0.4", "0.4"),
                step(3, "s[1]", "s_1", "1.5 × 0.6 + 0.25 × -0.2", "0.85"),
                step(6, "t", "t", "s_0 + s_1", "1.25"));
        // "s" is a name of the fixture appended to.
        assertEquals(List.of(
                "s_2 = [1.5 × 0.2 + 0.25 × 0.4, 1.5 × 0.6 + 0.25 × -0.2] | [0.4, 0.85] | 2-3",
                "t = s_2[0] + s_2[1] | 1.25 | 6"), described(ElementRuns.gather(in, CHAPTER, Set.of("s")).proposals()));
    }

    @Test
    void aNameTakenBeforeOrAfterTheRunGetsANumberAndARestatementKeepsItsOwnName() {
        List<Proposal> in = List.of(
                step(6, "t", "s", "1.25", "1.25"),
                step(2, "s[0]", "s_0", "1.5 × 0.2 + 0.25 × 0.4", "0.4"),
                step(3, "s[1]", "s_1", "1.5 × 0.6 + 0.25 × -0.2", "0.85"),
                step(5, "s", "again", "[s_0, s_1]", "[0.4, 0.85]"));
        assertEquals(List.of(
                "s = 1.25 | 1.25 | 6",
                "s_2 = [1.5 × 0.2 + 0.25 × 0.4, 1.5 × 0.6 + 0.25 × -0.2] | [0.4, 0.85] | 2-3",
                "again = s_2 | [0.4, 0.85] | 5"), described(ElementRuns.gather(in, CHAPTER, Set.of()).proposals()));
        List<Proposal> after = List.of(
                step(2, "s[0]", "s_0", "1.5 × 0.2 + 0.25 × 0.4", "0.4"),
                step(3, "s[1]", "s_1", "1.5 × 0.6 + 0.25 × -0.2", "0.85"),
                step(6, "t", "s", "s_0 + s_1", "1.25"));
        assertEquals(List.of(
                "s_3 = [1.5 × 0.2 + 0.25 × 0.4, 1.5 × 0.6 + 0.25 × -0.2] | [0.4, 0.85] | 2-3",
                "s = s_3[0] + s_3[1] | 1.25 | 6"), described(ElementRuns.gather(after, CHAPTER, Set.of("s_2")).proposals()));
    }

    @Test
    void aListStartingAtOneOrTwoElementsOnOneLineOrARenamedElementStaySeparate() {
        List<Proposal> fromOne = List.of(
                step(21, "v[1]", "v_1_2", "3 - 1", "2"),
                step(22, "v[2]", "v_2", "2 + 1", "3"));
        assertEquals(described(fromOne), described(ElementRuns.gather(fromOne, CHAPTER, Set.of()).proposals()));
        // The same element twice is no list either, even where the second would be element 1 of a list begun at the first.
        List<Proposal> twice = List.of(
                step(20, "v[1]", "v_1", "1 + 1", "2"),
                step(21, "v[1]", "v_1_2", "3 - 1", "2"));
        assertEquals(described(twice), described(ElementRuns.gather(twice, CHAPTER, Set.of()).proposals()));
        List<Proposal> oneLine = List.of(
                step(23, "a[0]", "a_0", "1 + 1", "2"),
                step(23, "a[1]", "a_1", "2 + 2", "4"));
        assertEquals(described(oneLine), described(ElementRuns.gather(oneLine, CHAPTER, Set.of()).proposals()));
        List<Proposal> renamed = List.of(
                step(17, "P(A)", "first", "n[0]", "0.250"),
                step(18, "P(B)", "P_B", "n[1]", "0.249"),
                step(19, "P(C)", "P_C", "n[2]", "0.249"));
        assertEquals(List.of("first = n[0] | 0.250 | 17", "P = [n[1], n[2]] | [0.249, 0.249] | 18-19"),
                described(ElementRuns.gather(renamed, CHAPTER, Set.of()).proposals()));
    }

    @Test
    void aRowThatUsesAnEarlierRowIsAListOfItsOwn() {
        List<Proposal> in = List.of(
                step(7, "Q[0][0]", "Q_0_0", "1×0.1 + 0×0.0", "0.1"),
                step(8, "Q[0][1]", "Q_0_1", "1×0.0 + 0×0.1", "0.0"),
                step(9, "Q[1][0]", "Q_1_0", "Q_0_1 + 0.0", "0.0"),
                step(10, "Q[1][1]", "Q_1_1", "Q_0_0", "0.1"));
        assertEquals(List.of(
                "Q_0 = [1×0.1 + 0×0.0, 1×0.0 + 0×0.1] | [0.1, 0.0] | 7-8",
                "Q_1 = [Q_0[1] + 0.0, Q_0[0]] | [0.0, 0.1] | 9-10"), described(ElementRuns.gather(in, CHAPTER, Set.of()).proposals()));
    }
}
