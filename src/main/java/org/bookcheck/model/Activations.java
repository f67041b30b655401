package org.bookcheck.model;

/**
 * Every buffer of one forward and backward pass, allocated up front for the largest batch B and the
 * context length T, so a training step allocates nothing. Shapes below are for a pass over b ≤ B
 * sequences of t ≤ T positions; buffers are packed tight for the b and t in use.
 */
final class Activations {

    /** The buffers of one transformer block. */
    static final class Layer {
        final float[] ln1;        // [B, T, C]
        final float[] ln1Mean;    // [B, T]
        final float[] ln1Rstd;    // [B, T]
        final float[] qkv;        // [B, T, 3C]
        final float[] att;        // [B, heads, T, T] softmax weights
        final float[] atty;       // [B, T, C] context vectors of all heads
        final float[] attProj;    // [B, T, C]
        final float[] residual2;  // [B, T, C]
        final float[] ln2;        // [B, T, C]
        final float[] ln2Mean;    // [B, T]
        final float[] ln2Rstd;    // [B, T]
        final float[] fch;        // [B, T, 4C]
        final float[] fchGelu;    // [B, T, 4C]
        final float[] fcProj;     // [B, T, C]
        final float[] residual3;  // [B, T, C]

        Layer(int bt, int c, int attSize) {
            ln1 = new float[bt * c];
            ln1Mean = new float[bt];
            ln1Rstd = new float[bt];
            qkv = new float[bt * 3 * c];
            att = new float[attSize];
            atty = new float[bt * c];
            attProj = new float[bt * c];
            residual2 = new float[bt * c];
            ln2 = new float[bt * c];
            ln2Mean = new float[bt];
            ln2Rstd = new float[bt];
            fch = new float[bt * 4 * c];
            fchGelu = new float[bt * 4 * c];
            fcProj = new float[bt * c];
            residual3 = new float[bt * c];
        }
    }

    final int maxBatch;
    final int[] tokens;       // [B, T]
    final int[] targets;      // [B, T], LossKernels.IGNORE where not scored
    final float[] weights;    // [B, T] weight of each position's loss in the batch mean
    final float[] encoded;    // [B, T, C]
    final Layer[] layers;
    final float[] lnf;        // [B, T, C]
    final float[] lnfMean;    // [B, T]
    final float[] lnfRstd;    // [B, T]
    final float[] logits;     // [B, T, V], reused for dlogits in the backward pass
    final float[] probs;      // [B, T, V]
    final float[] losses;     // [B, T]

    // scratch and gradients of activations
    final float[] scores;     // [B, heads, T, T]
    final float[] dres;       // [B, T, C] gradient of the residual stream
    final float[] dln;        // [B, T, C]
    final float[] datty;      // [B, T, C]
    final float[] dqkv;       // [B, T, 3C]
    final float[] dfch;       // [B, T, 4C]
    final float[] datt;       // [B, heads, T, T]

    Activations(ModelConfig config, int maxBatch) {
        this.maxBatch = maxBatch;
        int c = config.channels();
        int v = config.vocabSize();
        int bt = Math.multiplyExact(maxBatch, config.contextLength());
        int attSize = Math.multiplyExact(Math.multiplyExact(bt, config.heads()), config.contextLength());
        tokens = new int[bt];
        targets = new int[bt];
        weights = new float[bt];
        encoded = new float[bt * c];
        layers = new Layer[config.layers()];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new Layer(bt, c, attSize);
        }
        lnf = new float[bt * c];
        lnfMean = new float[bt];
        lnfRstd = new float[bt];
        logits = new float[Math.multiplyExact(bt, v)];
        probs = new float[bt * v];
        losses = new float[bt];
        scores = new float[attSize];
        dres = new float[bt * c];
        dln = new float[bt * c];
        datty = new float[bt * c];
        dqkv = new float[bt * 3 * c];
        dfch = new float[bt * 4 * c];
        datt = new float[attSize];
    }
}
