package org.bookcheck.reference;

import java.util.ArrayList;
import java.util.List;
import org.bookcheck.text.Words;

/** From text to vectors: tokenization, encoding through a vocabulary, and embedding lookup. */
public final class TextOps {

    private TextOps() {
    }

    /**
     * Splits text into words and punctuation marks, the way the chapter tokenizes "The cat sat on the
     * mat." (seven tokens); the rule, Unicode spaces included, is {@link Words#split}.
     */
    public static Tokens tokenize(String text) {
        return new Tokens(Words.split(text));
    }

    /** Maps each token to its id in the vocabulary. */
    public static Vector encode(Tokens tokens, Vocabulary vocabulary) {
        double[] ids = new double[tokens.tokens().size()];
        for (int i = 0; i < ids.length; i++) {
            String token = tokens.tokens().get(i);
            Integer id = vocabulary.ids().get(token);
            if (id == null) {
                throw new OpException("encode: token \"" + token + "\" (position " + (i + 1)
                        + ") is not in the vocabulary " + vocabulary.ids().keySet());
            }
            ids[i] = id;
        }
        return Vector.of(ids);
    }

    /** Maps each id back to its token. */
    public static Tokens decode(Numeric ids, Vocabulary vocabulary) {
        List<String> out = new ArrayList<>();
        for (double id : ids.flat()) {
            int whole = wholeId("decode", id);
            out.add(vocabulary.token(whole).orElseThrow(() ->
                    new OpException("decode: id " + whole + " is not in the vocabulary " + vocabulary.ids())));
        }
        return new Tokens(out);
    }

    /**
     * Row lookup in an embedding matrix E: the vector of id i is row (i − first) of E, where
     * {@code firstId} is the id of E's first row (0 unless the book numbers its tokens from 1). A
     * single id gives a vector, several ids a matrix with one row each.
     */
    public static Numeric embeddingLookup(Numeric ids, Matrix table, int firstId) {
        return switch (ids) {
            case Scalar s -> table.row(rowOf(s.value(), table, firstId));
            case Vector v -> {
                double[][] rows = new double[v.size()][];
                for (int i = 0; i < v.size(); i++) {
                    rows[i] = table.row(rowOf(v.get(i), table, firstId)).toArray();
                }
                yield rows.length == 0 ? Matrix.of(0, table.cols(), new double[0]) : Matrix.of(rows);
            }
            case Matrix m -> throw new OpException("embedding_lookup: ids must be one id or a vector of ids, got a " + m.shape() + " matrix");
        };
    }

    private static int rowOf(double id, Matrix table, int firstId) {
        int whole = wholeId("embedding_lookup", id);
        int row = whole - firstId;
        if (row < 0 || row >= table.rows()) {
            throw new OpException("embedding_lookup: id " + whole + " has no row: the table has " + table.rows()
                    + " rows for ids " + firstId + ".." + (firstId + table.rows() - 1));
        }
        return row;
    }

    private static int wholeId(String op, double id) {
        if (id != Math.rint(id) || Math.abs(id) > Integer.MAX_VALUE) {
            throw new OpException(op + ": token ids are whole numbers, got " + id);
        }
        return (int) id;
    }
}
