package org.bookcheck.model;

import java.util.SplittableRandom;
import org.bookcheck.backend.Backend;
import org.bookcheck.backend.CpuBackend;

/**
 * One whole training step of the {@code small} shape (T 64, C 128, 4 heads, 4 layers, batch 8, byte
 * vocabulary, AdamW) on a candidate backend against the same step on the CPU backend, from the same
 * initialisation and batch. The tolerances, per quantity:
 * <ul>
 * <li>the loss: |Δ| ≤ {@value #TOL_LOSS}·(1 + |L|);
 * <li>each gradient: |Δ| ≤ {@value #TOL_GRAD}·max|g| of its tensor (sums of 512 to 8192 products in
 * another order);
 * <li>each parameter after the AdamW step: |Δ| ≤ {@value #TOL_PARAM}·(1 + |w|) + {@value #TOL_UPDATE}·η
 * where the CPU gradient is larger than the gradient tolerance; where it is not, its sign is rounding
 * (a sum that cancels) and AdamW's first update ±η may go either way, so up to 2η.
 * </ul>
 */
public final class TrainingStepConformance {

    public static final double TOL_LOSS = 1e-4;
    public static final double TOL_GRAD = 1e-3;
    public static final double TOL_PARAM = 1e-6;
    public static final double TOL_UPDATE = 1e-3;

    /** The largest deviations seen, each as a fraction of its tolerance (≤ 1 passes), and where. */
    public record Report(float cpuLoss, float candidateLoss, double loss, double gradient, String gradientAt, double parameter,
            String parameterAt) {

        public boolean passed() {
            return loss <= 1 && gradient <= 1 && parameter <= 1;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "loss %.6f vs CPU %.6f (%.3f of tolerance); gradients %.3f of tolerance"
                    + " (worst %s); parameters after AdamW %.3f of tolerance (worst %s): %s", candidateLoss, cpuLoss, loss, gradient,
                    gradientAt, parameter, parameterAt, passed() ? "PASS" : "FAIL");
        }
    }

    private TrainingStepConformance() {
    }

    /** Runs the step on the CPU and on the candidate and compares them. */
    public static Report compare(Backend candidate) {
        TrainingConfig small = Presets.named("small");
        ModelConfig config = small.model(ByteTokenizer.VOCAB_SIZE);
        int b = small.batchSize();
        int t = config.contextLength();
        int[] inputs = new int[b * t];
        int[] targets = new int[b * t];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = random.nextInt(ByteTokenizer.VOCAB_SIZE);
            targets[i] = i % 17 == 5 ? -1 : random.nextInt(ByteTokenizer.VOCAB_SIZE);
        }
        Step cpu = Step.run(new Gpt(config, b, new CpuBackend()), small, inputs, targets);
        Step other = Step.run(new Gpt(config, b, candidate), small, inputs, targets);
        float lr = small.optimizer().learningRate();
        double loss = Math.abs(cpu.loss - other.loss) / (TOL_LOSS * (1 + Math.abs(cpu.loss)));
        double worstGrad = 0;
        String gradAt = "-";
        double worstParam = 0;
        String paramAt = "-";
        ParameterLayout layout = new ParameterLayout(config);
        for (ParameterTensor tensor : layout.tensors()) {
            int k = tensor.index();
            double largest = 0;
            for (float g : cpu.gradients[k]) {
                largest = Math.max(largest, Math.abs(g));
            }
            for (int i = 0; i < tensor.size(); i++) {
                double g = cpu.gradients[k][i];
                double dg = Math.abs(g - other.gradients[k][i]) / (TOL_GRAD * largest + Double.MIN_NORMAL);
                if (!(dg <= worstGrad)) {
                    worstGrad = Double.isNaN(dg) ? Double.POSITIVE_INFINITY : dg;
                    gradAt = tensor.name() + "[" + i + "] " + g + " vs " + other.gradients[k][i];
                }
                double w = cpu.parameters[k][i];
                double tol = Math.abs(g) > TOL_GRAD * largest ? TOL_PARAM * (1 + Math.abs(w)) + TOL_UPDATE * lr : 2 * lr + TOL_PARAM;
                double dw = Math.abs(w - other.parameters[k][i]) / tol;
                if (!(dw <= worstParam)) {
                    worstParam = Double.isNaN(dw) ? Double.POSITIVE_INFINITY : dw;
                    paramAt = tensor.name() + "[" + i + "] " + w + " vs " + other.parameters[k][i];
                }
            }
        }
        return new Report(cpu.loss, other.loss, Double.isNaN(loss) ? Double.POSITIVE_INFINITY : loss, worstGrad, gradAt, worstParam,
                paramAt);
    }

    /** What one step leaves: the loss, the gradients (before clipping) and the parameters after the update. */
    private record Step(float loss, float[][] gradients, float[][] parameters) {

        static Step run(Gpt model, TrainingConfig config, int[] inputs, int[] targets) {
            model.initialise(config.seed());
            OptimizerState optimizer = new OptimizerState(config.optimizer(), model.layout());
            float loss = model.forward(inputs, targets, config.batchSize(), model.config().contextLength());
            model.backward();
            float[][] gradients = model.gradients();
            OptimizerState.clip(model, config.clipNorm());
            optimizer.step(model);
            return new Step(loss, gradients, model.parameters());
        }
    }
}
