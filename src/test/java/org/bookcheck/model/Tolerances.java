package org.bookcheck.model;

/** The named tolerances of the model's tests, with why each is as large as it is. */
final class Tolerances {

    /**
     * float32 vs the double reference for a forward value (a loss, a probability): float's unit
     * roundoff is 6·10⁻⁸, and a tiny model's longest chain of sums (layer norm over C, products over
     * 4C, softmax over V) rounds a few hundred times, so 10⁻⁴ relative leaves a margin of over 10.
     */
    static final double TOL_F32 = 1e-4;

    /**
     * A float32 hand-written gradient vs central finite differences of the double reference loss:
     * the differences are exact to about 10⁻⁹ in double, the float gradient carries the forward's
     * relative error (≈10⁻⁵ after the backward's own sums), so an absolute floor of 5·10⁻⁵ for
     * gradients near 0 and 2·10⁻³ relative elsewhere.
     */
    static final double TOL_GRAD_ABS = 5e-5;
    static final double TOL_GRAD_REL = 2e-3;

    /** Step of the central differences in double: truncation O(h²) ≈ 10⁻¹⁰, cancellation ≈ 10⁻¹¹. */
    static final double FD_STEP = 1e-5;

    private Tolerances() {
    }
}
