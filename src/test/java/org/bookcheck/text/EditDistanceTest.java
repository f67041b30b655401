package org.bookcheck.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void levenshteinDistances() {
        assertEquals(3, EditDistance.distance("kitten", "sitting"));
        assertEquals(0, EditDistance.distance("softmax", "softmax"));
        assertEquals(1, EditDistance.distance("softmx", "softmax"));
        assertEquals(4, EditDistance.distance("", "abcd"));
    }

    @Test
    void bestSubstringIgnoresTheRestOfTheLine() {
        assertEquals(0, EditDistance.distanceToBestSubstring("2 + 2 = 4", "Sum: 2 + 2 = 4 exactly."));
        assertEquals(1, EditDistance.distanceToBestSubstring("2 + 2 = 5", "Sum: 2 + 2 = 4 exactly."));
    }

    @Test
    void nearestCandidatesComeFirstAndFarOnesAreDropped() {
        assertEquals(List.of("softmax", "log_softmax"), EditDistance.nearest("softmax", List.of("relu", "log_softmax", "softmax"), 3));
        assertEquals(List.of("softmax"), EditDistance.nearest("softmx", List.of("relu", "log_softmax", "softmax"), 3));
        assertEquals(List.of(), EditDistance.nearest("zzzzzz", List.of("relu", "softmax"), 3));
    }
}
