package org.bookcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code bookcheck trace-model}: every step of the tiny model's pass is printed and checked. */
class TraceModelCommandTest {

    @Test
    void everyStepOfTheForwardPassAndTheTrainingStepIsCheckedAgainstTheReference() {
        CommandRun r = CommandRun.of("trace-model", "--train-step");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        long steps = r.out().lines().filter(l -> l.startsWith("### Step")).count();
        long checked = r.out().lines().filter(l -> l.startsWith("✓ checked: reference")).count();
        // tokens, embedding, 2 blocks of 14 steps (2 heads × 3), final norm, logits, softmax, loss, then ∂L/∂z
        assertEquals(36 + 1, checked, r.out());
        assertEquals(checked + 2, steps, "plus the weight update and the loss after it");
        assertFalse(r.out().contains("✗"), r.out());
        assertTrue(r.out().contains("gives loss") && r.out().contains("bit for bit"), "the trace is the model's own pass");
        assertTrue(r.out().contains("lower, as gradient descent promises"), r.out());
        assertTrue(r.out().contains("**Given:**") && r.out().contains("**Equation:**") && r.out().contains("**Result:**"));
    }

    @Test
    void wordsOutsideTheChaptersBatchAreRefused() {
        CommandRun r = CommandRun.of("trace-model", "--text", "The zebra");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("the word \"zebra\" is not in the model's vocabulary"), r.err());
        CommandRun shortText = CommandRun.of("trace-model", "--text", "The");
        assertEquals(2, shortText.exitCode());
        assertTrue(shortText.err().contains("the text needs 2 to 9 tokens"), shortText.err());
    }
}
