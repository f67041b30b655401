package org.bookcheck.kernel;

import org.bookcheck.reference.AttentionOps;
import org.bookcheck.reference.LinearAlgebraOps;
import org.bookcheck.reference.Matrix;

/** Multi-head attention assembled from the reference's single-head attention: the oracle of the kernel and the model tests. */
public final class ReferenceAttention {

    private ReferenceAttention() {
    }

    /**
     * The context vectors [t, c] of packed projections qkv [t, 3c] (Q, K and V side by side): the
     * reference attention of each head on its d = c/heads columns, heads concatenated.
     */
    public static Matrix multiHead(Matrix qkv, int heads, boolean causal) {
        int t = qkv.rows();
        int c = qkv.cols() / 3;
        int d = c / heads;
        double[] out = new double[t * c];
        for (int h = 0; h < heads; h++) {
            Matrix y = AttentionOps.attention(LinearAlgebraOps.columns(qkv, h * d, d), LinearAlgebraOps.columns(qkv, c + h * d, d),
                    LinearAlgebraOps.columns(qkv, 2 * c + h * d, d), causal);
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < d; j++) {
                    out[i * c + h * d + j] = y.get(i, j);
                }
            }
        }
        return Matrix.of(t, c, out);
    }
}
