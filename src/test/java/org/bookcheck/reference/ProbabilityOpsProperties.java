package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.TOL_F64;
import static org.bookcheck.reference.ReferenceAssertions.assertClose;
import static org.bookcheck.reference.ReferenceAssertions.assertWithin;
import static org.bookcheck.reference.ReferenceAssertions.logitRoundTripTolerance;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** logit and inverse logit undo each other where double precision lets them (issue 2, item 9). */
class ProbabilityOpsProperties {

    /**
     * Log-odds from −700 to 30. Above about 36.7, σ(x) rounds to 1 and logit is undefined; approaching
     * that, 1 − σ(x) keeps fewer and fewer digits, so the round trip's error grows like ε·eˣ (about 0.02
     * at x = 30, 1e-15 around 0). Below 0 nothing cancels, and down to −700 σ(x) ≈ eˣ stays a normal
     * double (it goes subnormal below −708). Most tries fall in [−5, 5], where the book's numbers live.
     */
    @Provide
    Arbitrary<Double> logOdds() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.doubles().between(-5, 5).ofScale(8)),
                Tuple.of(2, Arbitraries.doubles().between(-30, 30).ofScale(8)),
                Tuple.of(1, Arbitraries.doubles().between(-700, 0).ofScale(4)),
                Tuple.of(1, Arbitraries.of(-700.0, -30.0, 0.0, 30.0)));
    }

    @Property(tries = 1000)
    void logitUndoesInverseLogit(@ForAll("logOdds") double x) {
        double p = ProbabilityOps.inverseLogit(Scalar.of(x)).at(0);
        double back = ProbabilityOps.logit(Scalar.of(p)).at(0);
        assertWithin(x, back, logitRoundTripTolerance(x), "logit(inverse_logit(" + x + "))");
    }

    /** Probabilities in (0, 1), with tries close to 0 and to 1 (down to a distance of 1e-9). */
    @Provide
    Arbitrary<Double> probabilities() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(0, false, 1, false).ofScale(10),
                Arbitraries.doubles().between(1e-9, 1e-3).ofScale(12),
                Arbitraries.doubles().between(1 - 1e-3, 1 - 1e-9).ofScale(12));
    }

    @Property(tries = 500)
    void inverseLogitUndoesLogit(@ForAll("probabilities") double p) {
        double back = ProbabilityOps.inverseLogit(ProbabilityOps.logit(Scalar.of(p))).at(0);
        assertClose(p, back, TOL_F64, "inverse_logit(logit(" + p + "))");
    }
}
