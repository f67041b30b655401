package org.bookcheck.model;

import org.bookcheck.backend.Backend;
import org.bookcheck.backend.Backend.Floats;
import org.bookcheck.backend.Backend.Ints;

/**
 * Every buffer of one forward and backward pass, allocated up front for the largest batch B and the
 * context length T, so a training step allocates nothing. They live on the model's backend; only the
 * batch's targets and loss weights and the per-position losses have host copies. Shapes below are for a pass over b ≤ B
 * sequences of t ≤ T positions; buffers are packed tight for the b and t in use.
 */
final class Activations {

    /** The buffers of one transformer block. */
    static final class Layer {
        final Floats ln1;        // [B, T, C]
        final Floats ln1Mean;    // [B, T]
        final Floats ln1Rstd;    // [B, T]
        final Floats qkv;        // [B, T, 3C]
        final Floats att;        // [B, heads, T, T] softmax weights
        final Floats atty;       // [B, T, C] context vectors of all heads
        final Floats attProj;    // [B, T, C]
        final Floats residual2;  // [B, T, C]
        final Floats ln2;        // [B, T, C]
        final Floats ln2Mean;    // [B, T]
        final Floats ln2Rstd;    // [B, T]
        final Floats fch;        // [B, T, 4C]
        final Floats fchGelu;    // [B, T, 4C]
        final Floats fcProj;     // [B, T, C]
        final Floats residual3;  // [B, T, C]

        Layer(Backend backend, int bt, int c, int attSize) {
            ln1 = backend.floats(bt * c);
            ln1Mean = backend.floats(bt);
            ln1Rstd = backend.floats(bt);
            qkv = backend.floats(bt * 3 * c);
            att = backend.floats(attSize);
            atty = backend.floats(bt * c);
            attProj = backend.floats(bt * c);
            residual2 = backend.floats(bt * c);
            ln2 = backend.floats(bt * c);
            ln2Mean = backend.floats(bt);
            ln2Rstd = backend.floats(bt);
            fch = backend.floats(bt * 4 * c);
            fchGelu = backend.floats(bt * 4 * c);
            fcProj = backend.floats(bt * c);
            residual3 = backend.floats(bt * c);
        }
    }

    final int maxBatch;
    final Ints tokens;       // [B, T]
    final Ints targets;      // [B, T], LossKernels.IGNORE where not scored
    final Floats weights;    // [B, T] weight of each position's loss in the batch mean
    final int[] hostTargets;  // [B, T] the targets of the last scored pass
    final float[] hostWeights; // [B, T]
    final float[] hostLosses; // [B, T]
    final Floats encoded;    // [B, T, C]
    final Layer[] layers;
    final Floats lnf;        // [B, T, C]
    final Floats lnfMean;    // [B, T]
    final Floats lnfRstd;    // [B, T]
    final Floats logits;     // [B, T, V], reused for dlogits in the backward pass
    final Floats probs;      // [B, T, V]
    final Floats losses;     // [B, T]

    final Floats scores;     // [B, heads, T, T] scaled attention scores of the last block run

    // gradients of activations
    final Floats dres;       // [B, T, C] gradient of the residual stream
    final Floats dln;        // [B, T, C]
    final Floats datty;      // [B, T, C]
    final Floats dqkv;       // [B, T, 3C]
    final Floats dfch;       // [B, T, 4C]

    Activations(Backend backend, ModelConfig config, int maxBatch) {
        this.maxBatch = maxBatch;
        int c = config.channels();
        int v = config.vocabSize();
        int bt = Math.multiplyExact(maxBatch, config.contextLength());
        int attSize = Math.multiplyExact(Math.multiplyExact(bt, config.heads()), config.contextLength());
        tokens = backend.ints(bt);
        targets = backend.ints(bt);
        weights = backend.floats(bt);
        hostTargets = new int[bt];
        hostWeights = new float[bt];
        hostLosses = new float[bt];
        encoded = backend.floats(bt * c);
        layers = new Layer[config.layers()];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new Layer(backend, bt, c, attSize);
        }
        lnf = backend.floats(bt * c);
        lnfMean = backend.floats(bt);
        lnfRstd = backend.floats(bt);
        logits = backend.floats(Math.multiplyExact(bt, v));
        probs = backend.floats(bt * v);
        losses = backend.floats(bt);
        scores = backend.floats(attSize);
        dres = backend.floats(bt * c);
        dln = backend.floats(bt * c);
        datty = backend.floats(bt * c);
        dqkv = backend.floats(bt * 3 * c);
        dfch = backend.floats(bt * 4 * c);
    }
}
