package org.bookcheck.reference;

/** Odds, odds ratios and the logit transformation of the chapter's "Understanding the Original Meaning". */
public final class ProbabilityOps {

    private ProbabilityOps() {
    }

    /** odds(p) = p / (1 − p), for 0 ≤ p &lt; 1. */
    public static Numeric odds(Numeric p) {
        return p.map(v -> {
            requireProbability("odds", v, true);
            return v / (1 - v);
        });
    }

    /** The odds ratio a / b of two odds. */
    public static Numeric oddsRatio(Numeric oddsA, Numeric oddsB) {
        return oddsA.zip("odds_ratio", oddsB, (a, b) -> {
            if (!(b > 0) || a < 0) {
                throw new OpException("odds_ratio: odds must be non-negative and the second positive, got " + a + " and " + b);
            }
            return a / b;
        });
    }

    /** logit(p) = ln(p / (1 − p)), the log-odds, for 0 &lt; p &lt; 1. */
    public static Numeric logit(Numeric p) {
        return p.map(v -> {
            requireProbability("logit", v, false);
            return Math.log(v / (1 - v));
        });
    }

    /** logit⁻¹(x) = 1 / (1 + e^(−x)), which maps any real number back to a probability. */
    public static Numeric inverseLogit(Numeric x) {
        return x.map(ActivationOps::sigmoid);
    }

    private static void requireProbability(String op, double p, boolean zeroAllowed) {
        boolean ok = zeroAllowed ? p >= 0 && p < 1 : p > 0 && p < 1;
        if (!ok) {
            throw new OpException(op + ": p must be a probability in " + (zeroAllowed ? "[0, 1)" : "(0, 1)") + ", got " + p);
        }
    }
}
