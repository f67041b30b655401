package org.bookcheck.gpu;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.bookcheck.model.TrainingStepConformance;
import org.junit.jupiter.api.Test;

/** One training step of the small shape on the GPU agrees with the CPU backend within the stated tolerances. */
class GpuTrainingStepTest {

    @Test
    void aSmallStepOnTheGpuIsTheCpuStep() {
        assumeTrue(GpuAvailability.backend() != null, GpuAvailability::reason);
        TrainingStepConformance.Report report = TrainingStepConformance.compare(GpuAvailability.backend());
        assertTrue(report.passed(), report.toString());
    }
}
