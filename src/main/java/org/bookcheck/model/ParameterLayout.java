package org.bookcheck.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parameter tensors of the GPT-2 layout, each stored in its own float array. Weight matrices are
 * stored [inputs, outputs] so that a layer computes xW + b as the book writes it; the token
 * embedding wte [V, C] doubles as the output projection (logits = x·wteᵀ, the tied GPT-2 layout).
 */
public final class ParameterLayout {

    /** Offsets of one transformer block's tensors. */
    public record Block(ParameterTensor ln1Gamma, ParameterTensor ln1Beta, ParameterTensor qkvW, ParameterTensor qkvB,
            ParameterTensor projW, ParameterTensor projB, ParameterTensor ln2Gamma, ParameterTensor ln2Beta,
            ParameterTensor fcW, ParameterTensor fcB, ParameterTensor fcProjW, ParameterTensor fcProjB) {
    }

    private final List<ParameterTensor> tensors = new ArrayList<>();
    // Made once: the optimizer walks the tensors every step, and a step allocates nothing.
    private final List<ParameterTensor> tensorsView = Collections.unmodifiableList(tensors);
    private final ParameterTensor wte;
    private final ParameterTensor wpe;
    private final List<Block> blocks = new ArrayList<>();
    private final ParameterTensor lnfGamma;
    private final ParameterTensor lnfBeta;
    private int size;

    /** The layout of the given model. */
    public ParameterLayout(ModelConfig config) {
        int v = config.vocabSize();
        int c = config.channels();
        wte = add("wte", v, c);
        wpe = add("wpe", config.contextLength(), c);
        for (int l = 0; l < config.layers(); l++) {
            String p = "h" + l + ".";
            blocks.add(new Block(add(p + "ln1.gamma", c), add(p + "ln1.beta", c),
                    add(p + "attn.qkv.w", c, 3 * c), add(p + "attn.qkv.b", 3 * c),
                    add(p + "attn.proj.w", c, c), add(p + "attn.proj.b", c),
                    add(p + "ln2.gamma", c), add(p + "ln2.beta", c),
                    add(p + "mlp.fc.w", c, 4 * c), add(p + "mlp.fc.b", 4 * c),
                    add(p + "mlp.proj.w", 4 * c, c), add(p + "mlp.proj.b", c)));
        }
        lnfGamma = add("lnf.gamma", c);
        lnfBeta = add("lnf.beta", c);
    }

    private ParameterTensor add(String name, int... shape) {
        ParameterTensor t = new ParameterTensor(name, tensors.size(), shape);
        tensors.add(t);
        size = Math.addExact(size, t.size());
        return t;
    }

    /** All tensors in storage order. */
    public List<ParameterTensor> tensors() {
        return tensorsView;
    }

    /** Total number of parameters over all tensors. */
    public int size() {
        return size;
    }

    public ParameterTensor wte() {
        return wte;
    }

    public ParameterTensor wpe() {
        return wpe;
    }

    public Block block(int l) {
        return blocks.get(l);
    }

    public ParameterTensor lnfGamma() {
        return lnfGamma;
    }

    public ParameterTensor lnfBeta() {
        return lnfBeta;
    }
}
