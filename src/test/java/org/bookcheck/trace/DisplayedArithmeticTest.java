package org.bookcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A line read back as displayed: numbers, their half units and the arithmetic, each value worked out by hand. */
class DisplayedArithmeticTest {

    private static final double TOL = 1e-12;

    private static Expr num(String s) {
        return new Expr.Num(s);
    }

    private static Expr bin(String op, Expr l, Expr r) {
        return new Expr.Bin(op, l, r);
    }

    private static Expr call(String f, Expr... args) {
        return new Expr.Call(f, List.of(args));
    }

    private static double value(Expr e) {
        OptionalDouble v = DisplayedArithmetic.value(e);
        assertTrue(v.isPresent(), () -> e + " has no value");
        return v.getAsDouble();
    }

    @Test
    void displayedNumbers() {
        assertEquals(0.75, DisplayedArithmetic.number("75%").getAsDouble(), TOL);
        assertEquals(1.0 / 3, DisplayedArithmetic.number("1/3").getAsDouble(), TOL);
        assertEquals(-0.5, DisplayedArithmetic.number("−0.5").getAsDouble(), TOL);
        assertEquals(3.06e-7, DisplayedArithmetic.number("3.06e-7").getAsDouble(), 1e-20);
        assertEquals(Double.POSITIVE_INFINITY, DisplayedArithmetic.number("∞").getAsDouble());
        assertEquals(Double.NEGATIVE_INFINITY, DisplayedArithmetic.number("−∞").getAsDouble());
        assertTrue(DisplayedArithmetic.number("abc").isEmpty());
    }

    @Test
    void halfAUnitInTheLastDigit() {
        assertEquals(0.00005, DisplayedArithmetic.halfUnit("0.0067"), 1e-18);
        assertEquals(0.005, DisplayedArithmetic.halfUnit("75%"), 1e-18);
        assertEquals(0.0005, DisplayedArithmetic.halfUnit("7.5%"), 1e-18);
        assertEquals(5e-10, DisplayedArithmetic.halfUnit("3.06e-7"), 1e-22);
        assertEquals(0, DisplayedArithmetic.halfUnit("15"));
        assertEquals(0, DisplayedArithmetic.halfUnit("1/3"));
        assertEquals(0, DisplayedArithmetic.halfUnit("∞"));
        assertEquals(0, DisplayedArithmetic.halfUnit("abc"));
    }

    @Test
    void arithmeticOnDisplayedNumbers() {
        assertEquals(2.5, value(bin("+", num("2"), num("0.5"))), TOL);
        assertEquals(1.5, value(bin("−", num("2"), num("0.5"))), TOL);
        assertEquals(1, value(bin("×", num("2"), num("0.5"))), TOL);
        assertEquals(1, value(bin("·", num("2"), num("0.5"))), TOL);
        assertEquals(4, value(bin("÷", num("2"), num("0.5"))), TOL);
        assertTrue(DisplayedArithmetic.value(bin("=", num("2"), num("2"))).isEmpty());
        assertEquals(0.25, value(new Expr.Frac(num("1"), num("4"))), TOL);
        assertEquals(8, value(new Expr.Pow(num("2"), num("3"))), TOL);
        assertEquals(-2, value(new Expr.Neg(num("2"))), TOL);
        assertEquals(Math.E, value(new Expr.Sym("e")), TOL);
        assertEquals(Math.PI, value(new Expr.Sym("π")), TOL);
        assertTrue(DisplayedArithmetic.value(new Expr.Sym("y")).isEmpty());
        assertTrue(DisplayedArithmetic.value(bin("+", new Expr.Sym("y"), num("1"))).isEmpty());
    }

    @Test
    void functionsOnDisplayedNumbers() {
        assertEquals(2, value(call("", num("2"))), TOL);
        assertTrue(DisplayedArithmetic.value(call("", num("2"), num("3"))).isEmpty());
        assertTrue(DisplayedArithmetic.value(call("max")).isEmpty());
        assertTrue(DisplayedArithmetic.value(call("max", new Expr.Sym("y"))).isEmpty());
        assertTrue(DisplayedArithmetic.value(call("softmax", num("1"))).isEmpty());
        assertEquals(2, value(call("√", num("4"))), TOL);
        assertEquals(0, value(call("ln", num("1"))), TOL);
        assertEquals(1, value(call("exp", num("0"))), TOL);
        assertEquals(0, value(call("tanh", num("0"))), TOL);
        assertEquals(0, value(call("erf", num("0"))), TOL);
        assertEquals(2, value(call("| |", num("−2"))), TOL);
        assertEquals(3, value(call("⌈⌉", num("2.5"))), TOL);
        assertEquals(3, value(call("max", num("1"), num("3"), num("2"))), TOL);
        assertEquals(1, value(call("min", num("2"), num("1"), num("3"))), TOL);
    }

    @Test
    void aLineHoldsWhenEverySideRoundsToTheLastAtItsDigits() {
        Expr y = new Expr.Sym("y");
        assertTrue(DisplayedArithmetic.holds(Equation.of(y, bin("+", num("0.0067"), num("1")), num("1.0067"))));
        // 0.0067 + 1 + 0.0000454 = 1.0067454, more than half a unit (0.00005) from 1.0068.
        Equation off = Equation.of(y, bin("+", bin("+", num("0.0067"), num("1")), num("4.54e-5")), num("1.0068"));
        assertFalse(DisplayedArithmetic.holds(off));
        // A whole number stands for itself: 0.5 + 0.6 is not 1.
        assertFalse(DisplayedArithmetic.holds(Equation.of(y, bin("+", num("0.5"), num("0.6")), num("1"))));
        assertTrue(DisplayedArithmetic.holds(Equation.of(y, bin("+", num("0.5"), num("0.5")), num("1"))));
        // Infinities are equal only to themselves.
        assertTrue(DisplayedArithmetic.holds(Equation.of(y, new Expr.Neg(num("∞")), num("−∞"))));
        assertFalse(DisplayedArithmetic.holds(Equation.of(y, num("5"), num("∞"))));
        // Nothing to work out: a name or a word on the right, or no arithmetic on the left.
        assertTrue(DisplayedArithmetic.holds(Equation.of(num("5"), y)));
        assertTrue(DisplayedArithmetic.holds(Equation.of(num("5"), num("masked"))));
        assertTrue(DisplayedArithmetic.holds(Equation.of(y, new Expr.Words("masked"), num("3"))));
        Equation right = Equation.of(y, bin("+", num("1"), num("2")), num("3"));
        Equation wrong = Equation.of(y, bin("+", num("1"), num("2")), num("4"));
        assertEquals(List.of(wrong), DisplayedArithmetic.falseLines(List.of(new Trace.Block("", List.of(right, wrong)))));
    }
}
