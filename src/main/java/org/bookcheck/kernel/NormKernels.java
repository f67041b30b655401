package org.bookcheck.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Layer normalisation in float32 (Ba, Kiros &amp; Hinton, 2016, "Layer Normalization"): each row of
 * width C becomes γ ⊙ (x − μ)/√(σ² + ε) + β with the row's mean μ and population variance σ², and its
 * backward pass. Rows are split between threads for the row-wise parts; the sums over rows that make
 * dγ and dβ are split by column, so every sum keeps its order whatever the thread count.
 */
public final class NormKernels {

    /** ε of GPT-2's layer norms (and PyTorch's default). */
    public static final float EPSILON = 1e-5f;

    private static final VectorSpecies<Float> S = Simd.SPECIES;
    private static final int L = Simd.LANES;
    // One loop object per kernel and calling thread, so a call allocates nothing (see Parallel).
    private static final ThreadLocal<LayerNorm> LAYER_NORM = ThreadLocal.withInitial(LayerNorm::new);
    private static final ThreadLocal<LayerNormBackwardRows> LAYER_NORM_BACKWARD_ROWS =
            ThreadLocal.withInitial(LayerNormBackwardRows::new);
    private static final ThreadLocal<LayerNormBackwardColumns> LAYER_NORM_BACKWARD_COLUMNS =
            ThreadLocal.withInitial(LayerNormBackwardColumns::new);

    private NormKernels() {
    }

    /**
     * out[r] = γ ⊙ (x[r] − μ_r)·rstd_r + β for rows r &lt; rows of width c, rstd_r = 1/√(σ²_r + ε).
     * Writes out, and μ_r and rstd_r into mean and rstd for the backward pass.
     */
    public static void layerNorm(float[] out, float[] mean, float[] rstd, float[] x, float[] gamma, float[] beta,
            int rows, int c) {
        long t0 = KernelProfile.start();
        LayerNorm loop = LAYER_NORM.get();
        loop.out = out;
        loop.mean = mean;
        loop.rstd = rstd;
        loop.x = x;
        loop.gamma = gamma;
        loop.beta = beta;
        loop.c = c;
        Parallel.forRange(rows, 8L * c, loop);
        KernelProfile.stop(KernelProfile.Kernel.LAYER_NORM, t0);
    }

    /** {@link #layerNorm}'s loop; its fields are the call's arguments. */
    private static final class LayerNorm implements Parallel.RangeBody {
        float[] out;
        float[] mean;
        float[] rstd;
        float[] x;
        float[] gamma;
        float[] beta;
        int c;

        @Override
        public void run(int from, int to) {
            for (int r = from; r < to; r++) {
                int off = r * c;
                float mu = sum(x, off, c) / c;
                float var = sumSquaredDeviation(x, off, c, mu) / c;
                float s = (float) (1.0 / Math.sqrt(var + EPSILON));
                mean[r] = mu;
                rstd[r] = s;
                int i = 0;
                if (Simd.vectorised()) {
                    for (; i + L <= c; i += L) {
                        FloatVector n = FloatVector.fromArray(S, x, off + i).sub(mu).mul(s);
                        n.mul(FloatVector.fromArray(S, gamma, i)).add(FloatVector.fromArray(S, beta, i)).intoArray(out, off + i);
                    }
                }
                for (; i < c; i++) {
                    out[off + i] = (x[off + i] - mu) * s * gamma[i] + beta[i];
                }
            }
        }
    }

    /**
     * Backward of {@link #layerNorm}: with n̂ = (x − μ)·rstd and g = dout ⊙ γ,
     * dx += rstd·(g − mean(g) − n̂·mean(g ⊙ n̂)), dγ += Σ_r dout ⊙ n̂, dβ += Σ_r dout. Adds into dx,
     * dgamma and dbeta.
     */
    public static void layerNormBackward(float[] dx, float[] dgamma, float[] dbeta, float[] dout, float[] x,
            float[] gamma, float[] mean, float[] rstd, int rows, int c) {
        long t0 = KernelProfile.start();
        LayerNormBackwardRows rowLoop = LAYER_NORM_BACKWARD_ROWS.get();
        rowLoop.dx = dx;
        rowLoop.dout = dout;
        rowLoop.x = x;
        rowLoop.gamma = gamma;
        rowLoop.mean = mean;
        rowLoop.rstd = rstd;
        rowLoop.c = c;
        Parallel.forRange(rows, 10L * c, rowLoop);
        LayerNormBackwardColumns columnLoop = LAYER_NORM_BACKWARD_COLUMNS.get();
        columnLoop.dgamma = dgamma;
        columnLoop.dbeta = dbeta;
        columnLoop.dout = dout;
        columnLoop.x = x;
        columnLoop.mean = mean;
        columnLoop.rstd = rstd;
        columnLoop.rows = rows;
        columnLoop.c = c;
        Parallel.forAligned(c, L, 3L * rows, columnLoop);
        KernelProfile.stop(KernelProfile.Kernel.LAYER_NORM_BACKWARD, t0);
    }

    /** {@link #layerNormBackward}'s loop over rows (dx); its fields are the call's arguments. */
    private static final class LayerNormBackwardRows implements Parallel.RangeBody {
        float[] dx;
        float[] dout;
        float[] x;
        float[] gamma;
        float[] mean;
        float[] rstd;
        int c;

        @Override
        public void run(int from, int to) {
            for (int r = from; r < to; r++) {
                int off = r * c;
                float mu = mean[r];
                float s = rstd[r];
                float gMean = 0f;
                float gnMean = 0f;
                int i = 0;
                if (Simd.vectorised() && c >= L) {
                    FloatVector gAcc = FloatVector.zero(S);
                    FloatVector gnAcc = FloatVector.zero(S);
                    for (; i + L <= c; i += L) {
                        FloatVector g = FloatVector.fromArray(S, dout, off + i).mul(FloatVector.fromArray(S, gamma, i));
                        gAcc = gAcc.add(g);
                        gnAcc = g.fma(FloatVector.fromArray(S, x, off + i).sub(mu).mul(s), gnAcc);
                    }
                    gMean = FloatMath.sumLanes(gAcc);
                    gnMean = FloatMath.sumLanes(gnAcc);
                }
                for (; i < c; i++) {
                    float g = dout[off + i] * gamma[i];
                    gMean += g;
                    gnMean += g * (x[off + i] - mu) * s;
                }
                gMean /= c;
                gnMean /= c;
                i = 0;
                if (Simd.vectorised()) {
                    for (; i + L <= c; i += L) {
                        FloatVector n = FloatVector.fromArray(S, x, off + i).sub(mu).mul(s);
                        FloatVector g = FloatVector.fromArray(S, dout, off + i).mul(FloatVector.fromArray(S, gamma, i));
                        FloatVector d = g.sub(gMean).sub(n.mul(gnMean)).mul(s);
                        FloatVector.fromArray(S, dx, off + i).add(d).intoArray(dx, off + i);
                    }
                }
                for (; i < c; i++) {
                    float n = (x[off + i] - mu) * s;
                    float g = dout[off + i] * gamma[i];
                    dx[off + i] += (g - gMean - n * gnMean) * s;
                }
            }
        }
    }

    /** {@link #layerNormBackward}'s loop over columns (dγ and dβ); its fields are the call's arguments. */
    private static final class LayerNormBackwardColumns implements Parallel.RangeBody {
        float[] dgamma;
        float[] dbeta;
        float[] dout;
        float[] x;
        float[] mean;
        float[] rstd;
        int rows;
        int c;

        @Override
        public void run(int from, int to) {
            for (int r = 0; r < rows; r++) {
                int off = r * c;
                float mu = mean[r];
                float s = rstd[r];
                int i = from;
                if (Simd.vectorised()) {
                    for (; i + L <= to; i += L) {
                        FloatVector d = FloatVector.fromArray(S, dout, off + i);
                        FloatVector n = FloatVector.fromArray(S, x, off + i).sub(mu).mul(s);
                        FloatVector.fromArray(S, dgamma, i).add(d.mul(n)).intoArray(dgamma, i);
                        FloatVector.fromArray(S, dbeta, i).add(d).intoArray(dbeta, i);
                    }
                }
                for (; i < to; i++) {
                    float d = dout[off + i];
                    dgamma[i] += d * ((x[off + i] - mu) * s);
                    dbeta[i] += d;
                }
            }
        }
    }

    private static float sum(float[] x, int off, int n) {
        int i = 0;
        float total = 0f;
        if (Simd.vectorised() && n >= L) {
            FloatVector acc = FloatVector.zero(S);
            for (; i + L <= n; i += L) {
                acc = acc.add(FloatVector.fromArray(S, x, off + i));
            }
            total = FloatMath.sumLanes(acc);
        }
        for (; i < n; i++) {
            total += x[off + i];
        }
        return total;
    }

    private static float sumSquaredDeviation(float[] x, int off, int n, float mu) {
        int i = 0;
        float total = 0f;
        if (Simd.vectorised() && n >= L) {
            FloatVector acc = FloatVector.zero(S);
            for (; i + L <= n; i += L) {
                FloatVector d = FloatVector.fromArray(S, x, off + i).sub(mu);
                acc = d.fma(d, acc);
            }
            total = FloatMath.sumLanes(acc);
        }
        for (; i < n; i++) {
            float d = x[off + i] - mu;
            total += d * d;
        }
        return total;
    }
}
