package org.bookcheck.backend;

/**
 * One forward kernel call as an {@link ObservedBackend} saw it: the kernel and copies of what it
 * wrote, downloaded from the backend right after the call (row-major, packed for the shape in use).
 */
public sealed interface ForwardCall {

    /** {@link Backend#embed}: out [b·t, c]. */
    record Embed(float[] out) implements ForwardCall {
    }

    /** {@link Backend#layerNorm}: out [rows, c]. */
    record LayerNorm(float[] out) implements ForwardCall {
    }

    /** {@link Backend#linear}: out [rows, n]. */
    record Linear(float[] out) implements ForwardCall {
    }

    /** {@link Backend#attention}: out [b·t, c], the weights and the scaled scores [b, heads, t, t]. */
    record Attention(float[] out, float[] att, float[] scores) implements ForwardCall {
    }

    /** {@link Backend#add}: out [n]. */
    record Add(float[] out) implements ForwardCall {
    }

    /** {@link Backend#gelu}: out [n]. */
    record Gelu(float[] out) implements ForwardCall {
    }

    /** {@link Backend#logits}: out [rows, v]. */
    record Logits(float[] out) implements ForwardCall {
    }

    /** {@link Backend#softmax}: probs [rows, v]. */
    record Softmax(float[] probs) implements ForwardCall {
    }

    /** {@link Backend#crossEntropy}: probs [rows, v] and losses [rows]. */
    record CrossEntropy(float[] probs, float[] losses) implements ForwardCall {
    }
}
