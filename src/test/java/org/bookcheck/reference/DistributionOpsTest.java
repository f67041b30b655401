package org.bookcheck.reference;

import static org.bookcheck.reference.ReferenceAssertions.assertClose;
import static org.bookcheck.reference.ReferenceAssertions.assertOpError;
import static org.bookcheck.reference.ReferenceAssertions.assertScalar;
import static org.bookcheck.reference.ReferenceAssertions.assertVector;
import static org.bookcheck.reference.ReferenceAssertions.vector;

import org.junit.jupiter.api.Test;

/** Normal density and cumulative probability, the empirical cdf, and a discrete distribution's mean and variance, hand-worked. */
class DistributionOpsTest {

    @Test
    void normalPdfAtTheMeanAndOneSigmaAway() {
        assertVector(DistributionOps.normalPdf(vector(0, 1), 0, 1), 0.3989422804014327, 0.24197072451914337); // 1/√(2π), e^(−½)/√(2π)
        assertScalar(0.12098536225957168, DistributionOps.normalPdf(Scalar.of(3), 1, 2)); // e^(−½)/(2√(2π))
    }

    @Test
    void normalCdfGivesTheTablesValues() {
        assertVector(DistributionOps.normalCdf(vector(0, 1, -1.96), 0, 1), 0.5, 0.8413447460685429, 0.024997895148220428);
        assertScalar(0.5, DistributionOps.normalCdf(Scalar.of(100), 100, 15));
    }

    @Test
    void normalRefusesASigmaThatIsNotPositive() {
        assertOpError("normal_pdf: the standard deviation σ must be positive, got 0.0", () -> DistributionOps.normalPdf(Scalar.of(1), 0, 0));
        assertOpError("normal_cdf: the standard deviation σ must be positive, got -1.0", () -> DistributionOps.normalCdf(Scalar.of(1), 0, -1));
    }

    @Test
    void empiricalCdfCountsTheDataAtOrBelow() {
        assertVector(DistributionOps.empiricalCdf(vector(3, 1, 2, 2, 5), vector(0, 2, 4.9, 5)), 0, 0.6, 0.8, 1);
        assertOpError("empirical_cdf: needs at least one element, got an empty vector", () -> DistributionOps.empiricalCdf(vector(), Scalar.of(1)));
    }

    @Test
    void expectedValueAndVarianceOfADie() {
        Vector faces = vector(1, 2, 3, 4, 5, 6);
        Vector fair = vector(1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0);
        assertClose(3.5, DistributionOps.expectedValue(faces, fair));
        assertClose(35 / 12.0, DistributionOps.distributionVariance(faces, fair)); // (91/6) − 3.5²
    }

    @Test
    void rejectsMismatchedOrImpossibleProbabilities() {
        assertOpError("expected_value: values has length 2 and probabilities has length 1: they must have the same length",
                () -> DistributionOps.expectedValue(vector(1, 2), vector(1)));
        assertOpError("expected_value: every probability must be in [0, 1], got 1.5", () -> DistributionOps.expectedValue(vector(1, 2), vector(1.5, -0.5)));
    }
}
