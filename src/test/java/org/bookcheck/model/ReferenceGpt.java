package org.bookcheck.model;

import java.util.List;
import org.bookcheck.kernel.ReferenceAttention;
import org.bookcheck.reference.ActivationOps;
import org.bookcheck.reference.LinearAlgebraOps;
import org.bookcheck.reference.LossOps;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.StatisticsOps;
import org.bookcheck.reference.TextOps;
import org.bookcheck.reference.TrainingOps;
import org.bookcheck.reference.Vector;

/**
 * The same GPT, written in double precision from the verifier's reference ops (EJML and Commons
 * Math), one sequence at a time: the independent oracle that the float32 model and its hand-written
 * backward pass are checked against.
 */
final class ReferenceGpt {

    private final ModelConfig config;
    private final ParameterLayout layout;

    ReferenceGpt(ModelConfig config) {
        this.config = config;
        this.layout = new ParameterLayout(config);
    }

    /** The batch loss: mean over sequences of each sequence's mean cross-entropy over scored positions. */
    double loss(double[][] params, int[] inputs, int[] targets, int b, int t) {
        double total = 0;
        int counted = 0;
        for (int s = 0; s < b; s++) {
            double seq = 0;
            int n = 0;
            Matrix probs = probabilities(params, inputs, s, t);
            for (int i = 0; i < t; i++) {
                int target = targets[s * t + i];
                if (target >= 0) {
                    seq += LossOps.crossEntropy(probs.row(i), Scalar.of(target));
                    n++;
                }
            }
            if (n > 0) {
                total += seq / n;
                counted++;
            }
        }
        return total / counted;
    }

    /** softmax(logits) [t, V] for sequence s. */
    Matrix probabilities(double[][] params, int[] inputs, int s, int t) {
        return (Matrix) ActivationOps.softmax(logits(params, inputs, s, t));
    }

    Matrix logits(double[][] params, int[] inputs, int s, int t) {
        double[] ids = new double[t];
        for (int i = 0; i < t; i++) {
            ids[i] = inputs[s * t + i];
        }
        Matrix wte = matrix(params, layout.wte());
        Matrix wpe = matrix(params, layout.wpe());
        Numeric x = TextOps.embeddingLookup(Vector.of(ids), wte, 0);
        double[] positions = new double[t];
        for (int i = 0; i < t; i++) {
            positions[i] = i;
        }
        x = TrainingOps.residual(x, TextOps.embeddingLookup(Vector.of(positions), wpe, 0));
        for (int l = 0; l < config.layers(); l++) {
            ParameterLayout.Block k = layout.block(l);
            Numeric ln1 = StatisticsOps.layerNorm(x, vector(params, k.ln1Gamma()), vector(params, k.ln1Beta()),
                    StatisticsOps.LAYER_NORM_EPSILON);
            Matrix qkv = (Matrix) LinearAlgebraOps.linear(ln1, matrix(params, k.qkvW()), vector(params, k.qkvB()));
            Matrix heads = ReferenceAttention.multiHead(qkv, config.heads(), true);
            x = TrainingOps.residual(LinearAlgebraOps.linear(heads, matrix(params, k.projW()), vector(params, k.projB())), x);
            Numeric ln2 = StatisticsOps.layerNorm(x, vector(params, k.ln2Gamma()), vector(params, k.ln2Beta()),
                    StatisticsOps.LAYER_NORM_EPSILON);
            Numeric fc = ActivationOps.geluTanh(LinearAlgebraOps.linear(ln2, matrix(params, k.fcW()), vector(params, k.fcB())));
            x = TrainingOps.residual(LinearAlgebraOps.linear(fc, matrix(params, k.fcProjW()), vector(params, k.fcProjB())), x);
        }
        Numeric lnf = StatisticsOps.layerNorm(x, vector(params, layout.lnfGamma()), vector(params, layout.lnfBeta()),
                StatisticsOps.LAYER_NORM_EPSILON);
        return (Matrix) LinearAlgebraOps.matmul(lnf, LinearAlgebraOps.transpose(matrix(params, layout.wte())));
    }

    static Matrix matrix(double[][] params, ParameterTensor t) {
        return Matrix.of(t.rows(), t.cols(), params[t.index()]);
    }

    static Vector vector(double[][] params, ParameterTensor t) {
        return Vector.of(params[t.index()]);
    }

    /** A double copy of float parameters. */
    static double[][] widen(float[][] params) {
        double[][] out = new double[params.length][];
        for (int i = 0; i < params.length; i++) {
            out[i] = new double[params[i].length];
            for (int j = 0; j < params[i].length; j++) {
                out[i][j] = params[i][j];
            }
        }
        return out;
    }

    List<ParameterTensor> tensors() {
        return layout.tensors();
    }
}
