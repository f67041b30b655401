package org.bookcheck.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A side is never the tail of an expression the grammar could not read whole. */
class StatementFinderTailTest {

    @Test
    void theTailOfAnUnreadableFirstLineIsNoSide() {
        // "WO[1][1]_old" is no name of the grammar: "- 0.1 × dWO[1][2]" and "dWO[1][2]" are tails, not sides.
        String md = "```\nWO[1][1]_new = WO[1][1]_old - 0.1 × dWO[1][2]\n             = 0.1 - 0.1 × (-0.03760)\n             = 0.10376\n```\n";
        List<Statement> found = StatementFinder.find("c.md", md);
        assertEquals(1, found.size(), found::toString);
        assertEquals(List.of("0.1 - 0.1 × (-0.03760)", "0.10376"), found.get(0).sides().stream().map(Side::text).toList());
        assertEquals(3, found.get(0).line());
    }
}
