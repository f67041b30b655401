package org.bookcheck.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Optional;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.fixture.PrintedValueParser;
import org.junit.jupiter.api.Test;

/** Names from what chapters write, and how a written side is bound to the names in scope. */
class ChainReaderTest {

    private static void add(Scope scope, String name, String printed, boolean step) {
        PrintedValue p = PrintedValueParser.parse(printed);
        scope.add(new Scope.Entry(name, PrintedValueParser.value(p), Optional.of(p), step));
    }

    private static Written written(String lhs, List<String> sides, String printed) {
        return new Written(7, 7, "", Optional.ofNullable(lhs), sides, Optional.of(printed), "quote", 1);
    }

    @Test
    void namesComeFromLeftHandSidesAndLabels() {
        assertEquals("Q_0_0", Names.of("Q[0][0]"));
        assertEquals("P_C", Names.of("P(C)"));
        assertEquals("dL_dlogit_A", Names.of("dL/dlogit(A)"));
        assertEquals("K_T", Names.of("K^T"));
        assertEquals("p_0", Names.of("p₀"));
        assertEquals("find_max", Names.ofLabel("1. Find max"));
        // A name that is a function of the language would hide it.
        assertEquals("sum_value", Names.ofLabel("Sum"));
    }

    @Test
    void significantDigitsDecideWhichNumbersAreBound() {
        assertEquals(2, ChainReader.significantDigits("0.250"));
        assertEquals(1, ChainReader.significantDigits("0.1"));
        assertEquals(1, ChainReader.significantDigits("1.0"));
        assertEquals(3, ChainReader.significantDigits("0.00707"));
        assertEquals(0, ChainReader.significantDigits("0.0"));
    }

    @Test
    void elementsCallsAndPrintedNumbersAreBoundToNames() {
        Scope scope = new Scope();
        add(scope, "V", "[[0.1, 0.0], [0.0, 0.1]]", false);
        add(scope, "context_0", "0.0498", true);
        add(scope, "P_C", "0.251", true);
        add(scope, "g", "[0.250, -0.749]", true);
        assertEquals("context_0 × 0.1", ChainReader.prepare("context[0] × 0.1", scope));
        assertEquals("-log(P_C)", ChainReader.prepare("-log(P(C))", scope));
        // 0.1 has one significant digit: too common to stand for a name; the element of V stays an element.
        assertEquals("context_0 × V[0][0]", ChainReader.prepare("0.0498 × V[0][0]", scope));
        // A negative number is bound with its sign to the element that prints it.
        assertEquals("context_0 × (g[1])", ChainReader.prepare("0.0498 × (-0.749)", scope));
        assertEquals("V[1][1] - 0.1 × g[0]", ChainReader.prepare("V[1][1]_old - 0.1 × 0.250", scope));
    }

    @Test
    void aBoundNumberIsTheMostRecentNameThatPrintsIt() {
        Scope scope = new Scope();
        add(scope, "first", "0.25", true);
        add(scope, "second", "0.250", true);
        assertEquals(Optional.of("second"), ChainReader.binding(0.25, scope));
    }

    @Test
    void aValuePrintedAloneIsBuiltFromItsElementsOrIsAnInput() {
        Scope scope = new Scope();
        add(scope, "Q_0", "0.1", true);
        add(scope, "Q_1", "0.2", true);
        ChainReader.Outcome built = ChainReader.read(written("Q", List.of(), "[0.1, 0.2]"), scope);
        assertEquals("[Q_0, Q_1]", ((Proposal.Step) ((ChainReader.Outcome.Proposed) built).proposal()).expr());
        ChainReader.Outcome given = ChainReader.read(written("R", List.of(), "[0.3, 0.0]"), scope);
        assertInstanceOf(Proposal.Input.class, ((ChainReader.Outcome.Proposed) given).proposal());
    }

    @Test
    void aValueLabelledByWhatWasDoneAppliesItToTheLatestList() {
        Scope scope = new Scope();
        add(scope, "z", "[1, 3]", true);
        Written max = new Written(9, 9, "1. Max", Optional.empty(), List.of(), Optional.of("3"), "Max: 3", 1);
        assertEquals("max(z)", ((Proposal.Step) ((ChainReader.Outcome.Proposed) ChainReader.read(max, scope)).proposal()).expr());
        add(scope, "m", "3", true);
        Written subtract = new Written(10, 10, "2. Subtract", Optional.empty(), List.of(), Optional.of("[-2, 0]"), "Subtract: [-2, 0]", 1);
        assertEquals("z - m", ((Proposal.Step) ((ChainReader.Outcome.Proposed) ChainReader.read(subtract, scope)).proposal()).expr());
        // A reading of the wrong shape is no reading: a list of three is not z - m.
        Written three = new Written(11, 11, "Subtract", Optional.empty(), List.of(), Optional.of("[-2, 0, 1]"), "Subtract: [-2, 0, 1]", 1);
        assertInstanceOf(Proposal.Input.class, ((ChainReader.Outcome.Proposed) ChainReader.read(three, scope)).proposal());
    }

    @Test
    void theFirstSideThatEvaluatesIsTheExpression() {
        Scope scope = new Scope();
        add(scope, "x", "2", false);
        // "P(target)" is no function and no step: the next side is read.
        ChainReader.Outcome o = ChainReader.read(written("L", List.of("-log(P(target))", "x × 3"), "6"), scope);
        Proposal.Step step = (Proposal.Step) ((ChainReader.Outcome.Proposed) o).proposal();
        assertEquals("L", step.name());
        assertEquals("x × 3", step.expr());
    }

    @Test
    void aNumberSeveralNamesPrintContinuesThePatternOfTheCalculationBefore() {
        Scope scope = new Scope();
        add(scope, "P_A", "0.250", true);
        add(scope, "P_B", "0.249", true);
        add(scope, "P_C", "0.251", true);
        add(scope, "P_D", "0.249", true);
        Written b = new Written(8, 8, "", Optional.of("dL/dlogit(B)"), List.of("0.249 - 0"), Optional.of("0.249"), "q", 1);
        // With nothing before it, 0.249 is the most recent name that prints it.
        assertEquals("P_D - 0", ((Proposal.Step) ((ChainReader.Outcome.Proposed) ChainReader.read(b, scope)).proposal()).expr());
        // After dL/dlogit(A) = P_A - 0, the same family goes on with P_B.
        scope.previous(Optional.of(new Scope.Previous("dL/dlogit", "P_A - 0")));
        assertEquals("P_B - 0", ((Proposal.Step) ((ChainReader.Outcome.Proposed) ChainReader.read(b, scope)).proposal()).expr());
        // Another family does not continue it.
        scope.previous(Optional.of(new Scope.Previous("loss", "P_A - 0")));
        assertEquals("P_D - 0", ((Proposal.Step) ((ChainReader.Outcome.Proposed) ChainReader.read(b, scope)).proposal()).expr());
    }

    @Test
    void successorsAndFamiliesAreReadFromTheWriting() {
        assertEquals(java.util.Set.of("L[3]", "M[0][2]", "P_B", "s_1"), ChainReader.successors("L[2] + M[0][1] × P_A - s_0"));
        // A name without a one-letter or numbered key has no successor; z is the last letter.
        assertEquals(java.util.Set.of(), ChainReader.successors("loss + P_z"));
        assertEquals("P", ChainReader.family(new Written(1, 1, "", Optional.of("P(C)"), List.of(), Optional.empty(), "q", 1)));
        assertEquals("dWO", ChainReader.family(new Written(1, 1, "", Optional.of("dWO[0][1]"), List.of(), Optional.empty(), "q", 1)));
        assertEquals("loss", ChainReader.family(new Written(1, 1, "", Optional.of("loss"), List.of(), Optional.empty(), "q", 1)));
    }
}
