package org.bookcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hand-written backward pass against central finite differences of the double-precision
 * reference model, on every parameter tensor of a tiny model.
 */
class GradientCheckTest {

    /** Entries checked per tensor (all of a tensor that has fewer). */
    private static final int ENTRIES_PER_TENSOR = 12;

    @Test
    void everyParameterTensorMatchesCentralDifferencesOfTheReference() {
        ModelFixtures.Case k = ModelFixtures.randomCase(7, 3);
        Gpt model = k.model();
        float loss = model.forward(k.inputs(), k.targets(), k.batch(), k.length());
        model.backward();

        ReferenceGpt reference = new ReferenceGpt(model.config());
        double[][] params = ReferenceGpt.widen(model.parameters());
        double referenceLoss = reference.loss(params, k.inputs(), k.targets(), k.batch(), k.length());
        assertEquals(referenceLoss, loss, Tolerances.TOL_F32 * Math.abs(referenceLoss), "forward loss");

        SplittableRandom pick = new SplittableRandom(11);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (ParameterTensor t : model.layout().tensors()) {
            double[] p = params[t.index()];
            float[] analytic = model.gradients()[t.index()];
            int entries = Math.min(ENTRIES_PER_TENSOR, p.length);
            double largest = 0;
            for (int e = 0; e < entries; e++) {
                int i = p.length <= ENTRIES_PER_TENSOR ? e : pick.nextInt(p.length);
                double saved = p[i];
                p[i] = saved + Tolerances.FD_STEP;
                double up = reference.loss(params, k.inputs(), k.targets(), k.batch(), k.length());
                p[i] = saved - Tolerances.FD_STEP;
                double down = reference.loss(params, k.inputs(), k.targets(), k.batch(), k.length());
                p[i] = saved;
                double numeric = (up - down) / (2 * Tolerances.FD_STEP);
                largest = Math.max(largest, Math.abs(numeric));
                double error = Math.abs(analytic[i] - numeric);
                if (error > Tolerances.TOL_GRAD_ABS + Tolerances.TOL_GRAD_REL * Math.abs(numeric)) {
                    failures.add(t.name() + "[" + i + "]: backward " + analytic[i] + ", differences " + numeric);
                }
                checked++;
            }
            // A tensor whose gradient is 0 everywhere would pass vacuously; the fixture makes every one move the loss.
            assertTrue(largest > 10 * Tolerances.TOL_GRAD_ABS, t.name() + " has no gradient large enough to check");
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " entries disagree:\n" + String.join("\n", failures));
    }
}
