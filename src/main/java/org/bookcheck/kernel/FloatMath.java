package org.bookcheck.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * eˣ, tanh and lane sums in float32, written twice (for one vector and for one float) with the same
 * sequence of IEEE operations, so both paths give the same bits, and so do the interpreter and the
 * JIT. The Vector API's own EXP/TANH and {@code reduceLanes(ADD)} may round differently from one
 * compilation tier to the next, which would break bit-identical training runs.
 *
 * <p>eˣ: Cody–Waite reduction x = n·ln 2 + r with |r| ≤ ½ln 2, a degree-6 Taylor polynomial for eʳ
 * (truncation below 2·10⁻⁷ relative), and 2ⁿ built from the exponent bits.
 */
public final class FloatMath {

    private static final VectorSpecies<Float> S = Simd.SPECIES;
    private static final float LOG2E = 1.44269504f;
    private static final float LN2_HI = 0.693145751953125f;
    private static final float LN2_LO = 1.428606765330187e-06f;
    /** 1.5·2²³: adding it rounds to an integer kept in the low mantissa bits. */
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = 0x4B400000;
    /** Beyond these eˣ under- or overflows float's normal range: below EXP_MIN it is 0, above EXP_MAX clamped. */
    private static final float EXP_MIN = -87.3f;
    private static final float EXP_MAX = 88.0f;
    private static final float C2 = 1f / 2;
    private static final float C3 = 1f / 6;
    private static final float C4 = 1f / 24;
    private static final float C5 = 1f / 120;
    private static final float C6 = 1f / 720;

    private FloatMath() {
    }

    /** eˣ for one float, accurate to a few ulp for x in [−87.3, 88]; 0 below (so e^(−∞) = 0), clamped above. */
    public static float exp(float x) {
        if (x < EXP_MIN) {
            return 0f;
        }
        float c = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
        float t = c * LOG2E + ROUNDER;
        float n = t - ROUNDER;
        float r = Math.fma(n, -LN2_HI, c);
        r = Math.fma(n, -LN2_LO, r);
        float p = Math.fma(r, C6, C5);
        p = Math.fma(r, p, C4);
        p = Math.fma(r, p, C3);
        p = Math.fma(r, p, C2);
        p = Math.fma(r, p, 1f);
        p = Math.fma(r, p, 1f);
        float scale = Float.intBitsToFloat((Float.floatToRawIntBits(t) - ROUNDER_BITS + 127) << 23);
        return p * scale;
    }

    /** eˣ lane by lane, the same operations as {@link #exp(float)}. */
    public static FloatVector exp(FloatVector x) {
        FloatVector c = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector t = c.mul(LOG2E).add(ROUNDER);
        FloatVector n = t.sub(ROUNDER);
        FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), c);
        r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector p = r.fma(C6, C5);
        p = p.fma(r, FloatVector.broadcast(S, C4));
        p = p.fma(r, FloatVector.broadcast(S, C3));
        p = p.fma(r, FloatVector.broadcast(S, C2));
        p = p.fma(r, FloatVector.broadcast(S, 1f));
        p = p.fma(r, FloatVector.broadcast(S, 1f));
        FloatVector scale = t.reinterpretAsInts().sub(ROUNDER_BITS - 127).lanewise(VectorOperators.LSHL, 23)
                .reinterpretAsFloats();
        return p.mul(scale).blend(0f, x.compare(VectorOperators.LT, EXP_MIN));
    }

    /** tanh u = 1 − 2/(e^(2u) + 1), which saturates cleanly to ±1. */
    public static float tanh(float u) {
        return 1f - 2f / (exp(2f * u) + 1f);
    }

    /** tanh lane by lane, the same operations as {@link #tanh(float)}. */
    public static FloatVector tanh(FloatVector u) {
        FloatVector e1 = exp(u.mul(2f)).add(1f);
        return FloatVector.broadcast(S, 2f).div(e1).neg().add(1f);
    }

    /** Σ of the lanes, added in lane order (unlike {@code reduceLanes}, whose order may vary). */
    public static float sumLanes(FloatVector v) {
        float total = 0f;
        for (int i = 0; i < S.length(); i++) {
            total += v.lane(i);
        }
        return total;
    }
}
