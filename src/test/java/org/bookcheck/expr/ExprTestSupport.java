package org.bookcheck.expr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.Value;
import org.bookcheck.reference.Vector;

/** The scope the expression tests compile in, and a rendering of a term without its spans for comparing structures. */
final class ExprTestSupport {

    /** w = [0.498, 0.502], V = [[0.1, 0.2], [0.0, 0.3]], p = 0.251, z = [1, 2, 3], K = [[1, 2, 3], [4, 5, 6]], eta = 0.1, W_old = [[1, 2], [3, 4]]. */
    static final Map<String, Value> SCOPE = scope();

    private ExprTestSupport() {
    }

    private static Map<String, Value> scope() {
        Map<String, Value> s = new LinkedHashMap<>();
        s.put("w", Vector.of(0.498, 0.502));
        s.put("V", Matrix.of(new double[][] {{0.1, 0.2}, {0.0, 0.3}}));
        s.put("p", Scalar.of(0.251));
        s.put("z", Vector.of(1, 2, 3));
        s.put("K", Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        s.put("eta", Scalar.of(0.1));
        s.put("W_old", Matrix.of(new double[][] {{1, 2}, {3, 4}}));
        return Map.copyOf(s);
    }

    static Term compile(String source) {
        return Expressions.compile(source, SCOPE);
    }

    static Value eval(String source) {
        return TermEvaluator.evaluate(compile(source), SCOPE).value();
    }

    /** The term's structure without spans: {@code add(a=scale(x=V, s=0.1), b=p)}. */
    static String structure(Term t) {
        return switch (t) {
            case Term.Ref r -> r.name();
            case Term.Literal l -> l.text();
            case Term.Apply a -> a.op().opName() + "(" + a.args().entrySet().stream()
                    .map(e -> e.getKey() + "=" + structure(e.getValue())).collect(Collectors.joining(", ")) + ")";
        };
    }
}
