package org.bookcheck.reference;

/**
 * Scaled dot-product attention (Vaswani et al., 2017): scores QKᵀ/√d_k, their row-wise softmax, and
 * the weighted sums of values that make context vectors. Rows are positions.
 */
public final class AttentionOps {

    private AttentionOps() {
    }

    /**
     * S = QKᵀ / √d_k, with d_k the width of the keys. With the causal mask, S[i][j] = −∞ for j &gt; i,
     * so no position attends to a later one.
     */
    public static Matrix attentionScores(Matrix q, Matrix k, boolean causal) {
        if (q.cols() != k.cols()) {
            throw new OpException("attention_scores: Q is " + q.shape() + " and K is " + k.shape()
                    + ": queries and keys must have the same width d_k");
        }
        if (k.cols() == 0) {
            throw new OpException("attention_scores: Q is " + q.shape() + " and K is " + k.shape()
                    + ": d_k = 0, so QKᵀ/√d_k is 0/0; queries and keys need at least one column");
        }
        if (causal && q.rows() != k.rows()) {
            throw new OpException("attention_scores: a causal mask needs as many queries as keys, but Q is "
                    + q.shape() + " and K is " + k.shape());
        }
        double scale = 1 / Math.sqrt(k.cols());
        Matrix raw = (Matrix) LinearAlgebraOps.matmul(q, LinearAlgebraOps.transpose(k));
        double[] out = raw.flat();
        for (int i = 0; i < raw.rows(); i++) {
            for (int j = 0; j < raw.cols(); j++) {
                out[i * raw.cols() + j] = causal && j > i ? Double.NEGATIVE_INFINITY : out[i * raw.cols() + j] * scale;
            }
        }
        return Matrix.of(raw.rows(), raw.cols(), out);
    }

    /** Attention(Q, K, V) = softmax(QKᵀ / √d_k) V: one context vector per query. */
    public static Matrix attention(Matrix q, Matrix k, Matrix v, boolean causal) {
        if (k.rows() != v.rows()) {
            throw new OpException("attention: K is " + k.shape() + " and V is " + v.shape()
                    + ": there must be one value per key");
        }
        Numeric weights = ActivationOps.softmax(attentionScores(q, k, causal));
        return (Matrix) LinearAlgebraOps.matmul(weights, v);
    }

    /**
     * c = Σᵢ wᵢ vᵢ: the context vector, a weighted sum of value vectors (the rows of V), as in
     * 0.5a + 0.3b + 0.2c. With a vector of plain values it is the weighted sum of numbers.
     */
    public static Numeric weightedSum(Vector weights, Numeric values) {
        return switch (values) {
            case Matrix v -> {
                if (v.rows() != weights.size()) {
                    throw new OpException("weighted_sum: " + weights.size() + " weights but V is " + v.shape()
                            + ": there must be one weight per row of V");
                }
                yield LinearAlgebraOps.matmul(weights, v);
            }
            case Vector v -> Scalar.of(LinearAlgebraOps.dot(weights, v));
            case Scalar s -> throw new OpException("weighted_sum: values must be a vector or a matrix of value rows, got a scalar");
        };
    }
}
