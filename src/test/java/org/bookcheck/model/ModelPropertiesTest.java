package org.bookcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.TrainingOps;
import org.bookcheck.reference.Vector;
import org.junit.jupiter.api.Test;

/** Identities the chapter states about a batch, a weight update and attention, checked on the tiny model. */
class ModelPropertiesTest {

    @Test
    void batchGradientIsTheMeanOfPerSequenceGradients() {
        ModelFixtures.Case k = ModelFixtures.randomCase(9, 3);
        Gpt model = k.model();
        int t = k.length();
        model.forward(k.inputs(), k.targets(), k.batch(), t);
        model.backward();
        float[][] batch = copy(model.gradients());

        double[][] mean = new double[batch.length][];
        for (int i = 0; i < batch.length; i++) {
            mean[i] = new double[batch[i].length];
        }
        for (int s = 0; s < k.batch(); s++) {
            model.forward(Arrays.copyOfRange(k.inputs(), s * t, (s + 1) * t), Arrays.copyOfRange(k.targets(), s * t, (s + 1) * t), 1, t);
            model.backward();
            float[][] single = model.gradients();
            for (int i = 0; i < batch.length; i++) {
                for (int j = 0; j < batch[i].length; j++) {
                    mean[i][j] += single[i][j] / (double) k.batch();
                }
            }
        }
        for (ParameterTensor tensor : model.layout().tensors()) {
            float[] g = batch[tensor.index()];
            double[] m = mean[tensor.index()];
            for (int j = 0; j < g.length; j++) {
                assertEquals(m[j], g[j], Tolerances.TOL_GRAD_ABS + Tolerances.TOL_GRAD_REL * Math.abs(m[j]),
                        tensor.name() + "[" + j + "]");
            }
        }
    }

    @Test
    void oneSgdStepIsTheReferenceWeightUpdate() {
        ModelFixtures.Case k = ModelFixtures.randomCase(9, 2);
        Gpt model = k.model();
        float lr = 0.05f;
        float[][] before = copy(model.parameters());
        model.forward(k.inputs(), k.targets(), k.batch(), k.length());
        model.backward();
        float[][] grads = copy(model.gradients());
        new OptimizerState(new Optimizer.Sgd(lr), model.layout()).step(model);
        for (ParameterTensor tensor : model.layout().tensors()) {
            Numeric expected = TrainingOps.weightUpdate(vector(before[tensor.index()]), vector(grads[tensor.index()]), lr);
            float[] after = model.parameters()[tensor.index()];
            for (int j = 0; j < after.length; j++) {
                assertEquals(expected.at(j), after[j], Tolerances.TOL_F32 * (1 + Math.abs(expected.at(j))), tensor.name() + "[" + j + "]");
            }
        }
    }

    @Test
    void attentionWeightsSumToOnePerRowAndAreZeroForFuturePositions() {
        ModelFixtures.Case k = ModelFixtures.randomCase(9, 2);
        Gpt model = k.model();
        model.forward(k.inputs(), null, k.batch(), k.length());
        int t = k.length();
        int rows = 0;
        for (int l = 0; l < model.config().layers(); l++) {
            for (int s = 0; s < k.batch(); s++) {
                for (int h = 0; h < model.config().heads(); h++) {
                    float[] w = model.attentionWeights(l, s, h);
                    for (int i = 0; i < t; i++) {
                        double sum = 0;
                        for (int j = 0; j < t; j++) {
                            sum += w[i * t + j];
                            if (j > i) {
                                assertEquals(0f, w[i * t + j], "block " + l + " head " + h + ": position " + i + " sees " + j);
                            }
                        }
                        assertEquals(1.0, sum, Tolerances.TOL_F32, "block " + l + " head " + h + " row " + i);
                        rows++;
                    }
                }
            }
        }
        assertEquals(model.config().layers() * k.batch() * model.config().heads() * t, rows);
        assertTrue(rows > 0);
    }

    static float[][] copy(float[][] a) {
        float[][] out = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    private static Vector vector(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return Vector.of(d);
    }
}
