package org.bookcheck.chapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The token rule case by case: what characters make one number, and what is an index or part of a word. */
class NumberTokensTest {

    private static List<String> texts(String s) {
        return NumberTokens.texts(s);
    }

    @Test
    void aNumberMayStartWithItsDecimalPoint() {
        assertEquals(List.of(".5"), texts("x = .5"));
        // The .2 of 1.5.2 continues a number: only 1.5 is one.
        assertEquals(List.of("1.5"), texts("1.5.2"));
        assertEquals(List.of("1"), texts("1."));
    }

    @Test
    void digitsAfterALetterSubscriptOrSuperscriptAreIndices() {
        assertEquals(List.of(), texts("v2.5"));
        assertEquals(List.of("4"), texts("x_{12} and W^{3} and a{4}"));
        assertEquals(List.of("5"), texts("{5}"));
    }

    @Test
    void digitsAloneInBracketsAfterANameAreIndices() {
        // x[0], f(x)[2] and Q[0][1] index; "= [1]" is a list; "[5]" at the start has no name before it.
        assertEquals(List.of("1"), texts("x[0] = [1] and f(x)[2], Q[0][1]"));
        assertEquals(List.of("5"), texts("[5]"));
        assertEquals(List.of("3"), texts("x[3"));
    }

    @Test
    void aMinusIsASignUnlessItFollowsSomethingItCouldSubtractFrom() {
        assertEquals(List.of("-5", "5", "2", "5", "4", "3", "2", "1", "1", "−7"), texts("-5 a-5 (2)-5 x]-4 y_-3 }-2 1-1 −7"));
        // A sign is attached only from inside the range read.
        assertEquals(List.of(new NumberTokens.Bounds(1, 2)), NumberTokens.in("-5", 1, 2, false));
        assertEquals(List.of(new NumberTokens.Bounds(0, 2)), NumberTokens.in("-5", 0, 2, false));
    }

    @Test
    void aPercentSignBelongsToItsNumber() {
        assertEquals(List.of("25%", "25\\%", "25"), texts("25% and 25\\% and 25\\x"));
        assertEquals(List.of("5"), texts("5\\"));
        // Not past the end of the range.
        assertEquals(List.of(new NumberTokens.Bounds(0, 1)), NumberTokens.in("5%", 0, 1, false));
        assertEquals(List.of(new NumberTokens.Bounds(0, 1)), NumberTokens.in("5\\%", 0, 2, false));
    }

    @Test
    void thousandsSeparatorsJoinGroupsOfThreeOutsideCode() {
        assertEquals(List.of("1,000,000", "1", "0000", "1234", "567"), texts("1,000,000 and 1,0000 and 1234,567"));
        assertEquals(List.of("1", "00"), texts("1,00"));
        assertEquals(List.of("1,000"), texts("1,000"));
        assertEquals(List.of("1,000.5"), texts("1,000.5"));
        assertEquals(List.of(new NumberTokens.Bounds(0, 2), new NumberTokens.Bounds(3, 6)), NumberTokens.in("10,000", 0, 6, true));
        // The group must lie inside the range: cut after "1,00", the 1 and the 00 are two.
        assertEquals(List.of(new NumberTokens.Bounds(0, 1), new NumberTokens.Bounds(2, 4)), NumberTokens.in("1,000", 0, 4, false));
    }

    @Test
    void anExponentNeedsDigitsAndNoLetterAfterThem() {
        assertEquals(List.of("1.2e-5", "3E+8", "2e−3", "4", "5", "6", "7e5"), texts("1.2e-5, 3E+8, 2e−3, 4e, 5ex, 6e7x, 7e5"));
        assertEquals(List.of("8"), texts("8e-"));
        // The exponent must lie inside the range.
        assertEquals(List.of(new NumberTokens.Bounds(0, 1)), NumberTokens.in("1e5", 0, 2, false));
        assertEquals(List.of(new NumberTokens.Bounds(0, 3)), NumberTokens.in("1e5x", 0, 3, false));
    }

    @Test
    void aDecimalPartMustLieInsideTheRange() {
        assertEquals(List.of(new NumberTokens.Bounds(0, 1)), NumberTokens.in("1.5", 0, 2, false));
        assertEquals(List.of(), NumberTokens.in(".5", 0, 1, false));
    }

    @Test
    void numbersAreComparedAndValuedAsWritten() {
        assertEquals("-1000%", NumberTokens.normal(" −1,000\\% "));
        assertEquals(-1250.0, NumberTokens.valueOf("−1,250"));
        assertEquals(0.125, NumberTokens.valueOf("12.5%"));
        assertEquals(0.25, NumberTokens.valueOf("25\\%"));
        assertEquals(3.0, NumberTokens.valueOf("3"));
    }

    @Test
    void edgesOfTheTokenRule() {
        assertEquals(List.of("123,456"), texts("123,456"));
        assertEquals(List.of(), texts("_{5}"));
        assertEquals(List.of(), texts("y_1 x^2 \\3"));
        assertEquals(List.of(".5", "1.5"), texts(".5 and 1.5"));
    }
}
