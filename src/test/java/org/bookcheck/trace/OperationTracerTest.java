package org.bookcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.bookcheck.fixture.Fixture;
import org.bookcheck.fixture.FixtureLoad;
import org.bookcheck.fixture.FixtureReader;
import org.bookcheck.fixture.Step;
import org.bookcheck.reference.Operation;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the catalogue traces: one fixture whose steps use each operation once, with small
 * numbers whose arithmetic is checked here by hand, at least one whole line per operation.
 */
class OperationTracerTest {

    private static final String FIXTURE = """
            {"id": "all-ops", "title": "every operation", "chapter": "toy.md", "quote": "q", "claim": "supplementary", "note": "n",
             "inputs": {"a": [1, -2], "b": [3, 4], "M": [[1, 2], [3, 4]], "s": 0.5, "x": [-1, 0, 2], "p": 0.75, "q": [0.25, 0.75],
                        "P": [[0.5, 0.5], [0.2, 0.8]], "t": [0, 1], "text": "The cat sat.", "voc": {"The": 1, "cat": 2, "sat": 3, ".": 4},
                        "E": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], "ids": [1, 3], "n": 10, "B": 4, "one": 1, "two": 2, "ln_in": [1, 4]},
             "steps": [
              {"name": "add", "op": "add", "args": {"a": "a", "b": "b"}, "printed": "[4, 2]"},
              {"name": "sub", "op": "sub", "args": {"a": "a", "b": "b"}},
              {"name": "scale", "op": "scale", "args": {"x": "a", "s": "s"}},
              {"name": "had", "op": "elementwise_product", "args": {"a": "a", "b": "b"}},
              {"name": "div", "op": "divide", "args": {"a": "a", "b": "b"}},
              {"name": "mm", "op": "matmul", "args": {"a": "M", "b": "M"}},
              {"name": "mv", "op": "matmul", "args": {"a": "M", "b": "a"}},
              {"name": "vm", "op": "matmul", "args": {"a": "a", "b": "M"}},
              {"name": "tr", "op": "transpose", "args": {"a": "M"}},
              {"name": "dot", "op": "dot", "args": {"a": "a", "b": "b"}},
              {"name": "outer", "op": "outer", "args": {"a": "a", "b": "b"}},
              {"name": "sum", "op": "sum", "args": {"x": "x"}},
              {"name": "count", "op": "count", "args": {"x": "x"}},
              {"name": "mean", "op": "mean", "args": {"x": "x"}},
              {"name": "vp", "op": "variance_population", "args": {"x": "x"}},
              {"name": "vs", "op": "variance_sample", "args": {"x": "x"}},
              {"name": "sp", "op": "std_population", "args": {"x": "x"}},
              {"name": "ss", "op": "std_sample", "args": {"x": "x"}},
              {"name": "z", "op": "z_score", "args": {"x": "x"}},
              {"name": "z_given", "op": "z_score", "args": {"x": "x", "mean": "one", "std": "two"}},
              {"name": "ln", "op": "layer_norm", "args": {"x": "M", "gamma": "b", "beta": "a"}},
              {"name": "res", "op": "residual", "args": {"x": "a", "fx": "b"}},
              {"name": "lin", "op": "linear", "args": {"x": "a", "w": "M", "b": "b"}},
              {"name": "row", "op": "row", "args": {"a": "M", "index": 1}},
              {"name": "relu", "op": "relu", "args": {"x": "x"}},
              {"name": "gelu", "op": "gelu", "args": {"x": "x"}},
              {"name": "gelu_tanh", "op": "gelu_tanh", "args": {"x": "x"}},
              {"name": "sig", "op": "sigmoid", "args": {"x": "x"}},
              {"name": "tanh", "op": "tanh", "args": {"x": "x"}},
              {"name": "exp", "op": "exp", "args": {"x": "x"}},
              {"name": "log", "op": "ln", "args": {"x": "ln_in"}},
              {"name": "sqrt", "op": "sqrt", "args": {"x": "ln_in"}},
              {"name": "sm", "op": "softmax", "args": {"x": "M"}},
              {"name": "lsm", "op": "log_softmax", "args": {"x": "x"}},
              {"name": "ce", "op": "cross_entropy", "args": {"p": "q", "target": 1}},
              {"name": "ce_rows", "op": "cross_entropy", "args": {"p": "P", "target": "t"}},
              {"name": "ce_onehot", "op": "cross_entropy", "args": {"p": "q", "target": "t"}},
              {"name": "mse", "op": "mse", "args": {"prediction": "a", "target": "b"}},
              {"name": "grad", "op": "softmax_cross_entropy_gradient", "args": {"p": "P", "target": "t"}},
              {"name": "oh", "op": "one_hot", "args": {"index": 1, "size": 3}},
              {"name": "am", "op": "argmax", "args": {"x": "x"}},
              {"name": "odds", "op": "odds", "args": {"p": "p"}},
              {"name": "or", "op": "odds_ratio", "args": {"a": "odds", "b": "one"}},
              {"name": "logit", "op": "logit", "args": {"p": "p"}},
              {"name": "inv", "op": "inverse_logit", "args": {"x": "logit"}},
              {"name": "wu", "op": "weight_update", "args": {"w": "M", "grad": "M", "lr": 0.1}},
              {"name": "bc", "op": "batch_count", "args": {"n": "n", "batch_size": "B"}},
              {"name": "br", "op": "batch_ranges", "args": {"n": "n", "batch_size": "B"}},
              {"name": "tok", "op": "tokenize", "args": {"text": "text"}},
              {"name": "enc", "op": "encode", "args": {"tokens": "tok", "vocabulary": "voc"}},
              {"name": "dec", "op": "decode", "args": {"ids": "enc", "vocabulary": "voc"}},
              {"name": "emb", "op": "embedding_lookup", "args": {"ids": "ids", "table": "E", "first_id": 1}},
              {"name": "sc", "op": "attention_scores", "args": {"q": "M", "k": "M", "causal": true}},
              {"name": "att", "op": "attention", "args": {"q": "M", "k": "M", "v": "M"}},
              {"name": "ws", "op": "weighted_sum", "args": {"weights": "q", "values": "M"}},
              {"name": "same", "op": "restate", "args": {"x": "p"}, "printed": "75%"},
              {"name": "neg", "op": "negate", "args": {"x": "a"}},
              {"name": "pow", "op": "power", "args": {"x": "b", "p": "two"}},
              {"name": "abs", "op": "abs", "args": {"x": "x"}},
              {"name": "det", "op": "determinant", "args": {"a": "M"}},
              {"name": "inverse", "op": "inverse", "args": {"a": "M"}},
              {"name": "mx", "op": "max", "args": {"x": "x"}},
              {"name": "mn", "op": "min", "args": {"x": "x"}},
              {"name": "rm", "op": "row_means", "args": {"a": "M"}},
              {"name": "cm", "op": "column_means", "args": {"a": "M"}},
              {"name": "col", "op": "column", "args": {"a": "M", "index": 1}},
              {"name": "el", "op": "element", "args": {"x": "M", "i": 1, "j": 0}},
              {"name": "cat", "op": "concat", "args": {"a": "a", "b": "s"}},
              {"name": "drelu", "op": "relu_derivative", "args": {"x": "x"}},
              {"name": "dsig", "op": "sigmoid_derivative", "args": {"s": "q"}},
              {"name": "lg", "op": "log_base", "args": {"x": "ln_in", "base": "two"}},
              {"name": "smb", "op": "softmax_backward", "args": {"s": "q", "grad": "t"}},
              {"name": "bce", "op": "binary_cross_entropy", "args": {"p": "p", "y": "one"}},
              {"name": "ce_single", "op": "cross_entropy", "args": {"p": "p"}},
              {"name": "h", "op": "entropy", "args": {"p": "q"}},
              {"name": "hse", "op": "half_squared_error", "args": {"prediction": "a", "target": "b"}},
              {"name": "pdf", "op": "normal_pdf", "args": {"x": "s"}},
              {"name": "cdf", "op": "normal_cdf", "args": {"x": "two", "mean": "one", "std": "two"}},
              {"name": "ecdf", "op": "empirical_cdf", "args": {"data": "x", "x": "s"}},
              {"name": "ev", "op": "expected_value", "args": {"values": "b", "probabilities": "q"}},
              {"name": "dv", "op": "distribution_variance", "args": {"values": "b", "probabilities": "q"}},
              {"name": "near", "op": "approx", "args": {"a": "p", "b": "s", "tolerance": 0.3}},
              {"name": "neuron", "op": "linear", "args": {"x": "a", "w": "b", "b": "s"}},
              {"name": "eq", "op": "equal", "args": {"a": "one", "b": "one"}},
              {"name": "gt", "op": "greater", "args": {"a": "two", "b": "one"}},
              {"name": "lt", "op": "less", "args": {"a": "two", "b": "one"}}
             ]}
            """;

    @Test
    void everyOperationOfTheCatalogueHasATraceInEveryFormat() {
        Fixture fixture = switch (FixtureReader.read(Path.of("fixtures/toy/all-ops.json"), FIXTURE)) {
            case FixtureLoad.Loaded l -> l.fixture();
            case FixtureLoad.Rejected r -> throw new AssertionError(r.errors().toString());
        };
        fixture = withStackStep(fixture);
        Set<Operation> used = EnumSet.noneOf(Operation.class);
        org.bookcheck.check.Evaluation evaluation = org.bookcheck.check.Evaluation.of(fixture);
        fixture.steps().forEach(step -> used.addAll(operations(evaluation.term(step.name()))));
        assertEquals(EnumSet.allOf(Operation.class), used, "the fixture must use every operation of the catalogue");

        Trace trace = TraceBuilder.build(fixture, Optional.empty(), TraceNumbers.asPrinted());
        String text = TraceRenderer.text(trace);
        // Hand-worked lines: a = [1, −2], b = [3, 4], M = [[1, 2], [3, 4]], x = [−1, 0, 2], each a whole line of the trace.
        assertLine(text, "add[1] = −2 + 4 = 2");
        assertLine(text, "sub[1] = −2 − 4 = −6");
        assertLine(text, "scale[1] = 0.5×(−2) = −1");
        assertLine(text, "mm[1][0] = 3×1 + 4×3 = 15");
        assertLine(text, "mv[0] = 1×1 + 2×(−2) = −3");
        // A term that starts with a minus is subtracted: 1×2 + (−2)×4 is written 1×2 − 2×4.
        assertLine(text, "vm[1] = 1×2 − 2×4 = −6");
        assertLine(text, "dot = 1×3 − 2×4 = −5");
        assertLine(text, "lin[0] = 1×1 − 2×3 + 3 = −2");
        assertLine(text, "tr[0][1] = M[1][0] = 3");
        // tanh 2 = 0.9640276: its zero is a digit of the rounding, so it stays.
        assertLine(text, "tanh[2] = tanh(2) = 0.9640");
        assertLine(text, "mean = (−1 + 0 + 2) / 3 = 1 / 3 = 0.3333");
        // The variance's mean needs 5 decimals: with μ = 0.3333, (−1 − 0.3333)² = 1.77769 would show 1.7777, not (4/3)² = 1.7778.
        assertLine(text, "μ = (−1 + 0 + 2) / 3 = 1 / 3 = 0.33333");
        assertLine(text, "(x[0] − μ)² = (−1 − 0.33333)² = 1.7778");
        assertLine(text, "(x[1] − μ)² = (0 − 0.33333)² = 0.1111");
        assertLine(text, "(x[2] − μ)² = (2 − 0.33333)² = 2.7778");
        // 16/9 + 1/9 + 25/9 = 42/9 = 4.6667: over n = 3 for the population, over n − 1 = 2 for the sample.
        assertLine(text, "vp = (1.7778 + 0.1111 + 2.7778) / 3 = 4.6667 / 3 = 1.5556");
        assertLine(text, "vs = (1.7778 + 0.1111 + 2.7778) / 2 = 4.6667 / 2 = 2.3333");
        assertLine(text, "ss = √2.3333 = 1.5275");
        assertLine(text, "μ = 1 (given)");
        assertLine(text, "σ = 2 (given)");
        assertLine(text, "z_given[0] = (−1 − 1) / 2 = −2 / 2 = −1");
        assertLine(text, "relu[0] = max(0, −1) = 0");
        // erf(1/√2) = 0.682689, so ½·(−1)·(1 − 0.6827) = −0.15866.
        assertLine(text, "gelu[0] = 0.5×(−1)×(1 + erf(−1 / √2)) = 0.5×(−1)×(1 − 0.6827) = −0.1587");
        // σ(−1) = 1 / (1 + e) = 1 / 3.7183 = 0.26894; e^(−x) at x = 0 is e^0.
        assertLine(text, "sig[0] = 1 / (1 + e^1) = 1 / (1 + 2.7183) = 0.2689");
        assertLine(text, "sig[1] = 1 / (1 + e^0) = 1 / (1 + 1) = 0.5");
        assertLine(text, "exp[2] = e² = 7.3891");
        assertLine(text, "log[1] = ln(4) = 1.3863");
        // softmax of row [3, 4]: e^(−1) = 0.367879, 1 + 0.36788 = 1.36788, 0.36788 / 1.36788 = 0.26894.
        assertLine(text, "e^(M[1][0] − m) = e^(−1) = 0.36788");
        assertLine(text, "Σ[1] = 0.36788 + 1 = 1.36788");
        assertLine(text, "sm[1][0] = 0.36788 / 1.36788 = 0.2689");
        // log-softmax of [−1, 0, 2]: e^−3 + e^−2 + 1 = 1.18512, ln 1.18512 = 0.16980.
        assertLine(text, "Σ = 0.0498 + 0.1353 + 1 = 1.1851");
        assertLine(text, "ln Σ = ln(1.1851) = 0.1698");
        assertLine(text, "lsm[0] = −3 − 0.1698 = −3.1698");
        assertLine(text, "ce = −ln(q[1]) = −ln(0.75) = 0.2877");
        assertLine(text, "L[1] = −ln(P[1][1]) = −ln(0.8) = 0.2231");
        assertLine(text, "ce_onehot = −(1×ln(0.75)) = 0.2877");
        assertLine(text, "mse = (4 + 36) / 2 = 40 / 2 = 20");
        assertLine(text, "y = [1, 0, 0, 1]");
        // 0.8 − 1 is −0.19999999999999996 in double, −0.2 but for floating-point noise: no zeros of a rounding.
        assertLine(text, "grad[1][1] = 0.8 − 1 = −0.2");
        assertLine(text, "grad[0][1] = 0.5 − 0 = 0.5");
        assertLine(text, "am = index of 2 (from 0) = 2");
        assertLine(text, "odds = 0.75 / (1 − 0.75) = 0.75 / 0.25 = 3");
        assertLine(text, "logit = ln(0.75 / (1 − 0.75)) = ln(3) = 1.0986");
        // ln 3 = 1.098612 shown as 1.0986; e^(−1.0986) = 0.33334, and 1 / 1.3333 = 0.75 at the 2 decimals 0.75 shows.
        assertLine(text, "inv = 1 / (1 + e^(−1.0986)) = 1 / (1 + 0.3333) = 0.75");
        assertLine(text, "wu[1][0] = 3 − 0.1×3 = 2.7");
        assertLine(text, "bc = ⌈10 / 4⌉ = ⌈2.5⌉ = 3");
        assertLine(text, "batch 3 = [2×4, min(3×4, 10) − 1] = [8, 9]");
        assertLine(text, "enc[1] = id(\"cat\") = 2");
        assertLine(text, "emb[1] = E[3 − 1] = E[2] = [0.5, 0.6]");
        // (3·3 + 4·4) / √2 = 25 / 1.414214 = 17.67767.
        assertLine(text, "sc[1][1] = (3×3 + 4×4) / √2 = 25 / 1.41421 = 17.6777");
        assertLine(text, "sc[0][1] = masked (1 > 0) = −∞");
        assertLine(text, "ws[0] = 0.25×1 + 0.75×3 = 2.5");
        assertLine(text, "eq = (1 = 1) = true");
        assertLine(text, "gt = (2 > 1) = true");
        assertLine(text, "lt = (2 < 1) = false");
        String md = TraceRenderer.markdown(trace);
        assertTrue(md.contains("\n\\mathrm{vm}[1] &= 1 \\times 2 - 2 \\times 4 = -6\n"), md);
        // The operations of the expression language, hand-worked the same way: s = 0.5, q = [0.25, 0.75], t = [0, 1].
        assertLine(text, "neg[1] = −(−2) = 2");
        assertLine(text, "det = 1×4 − 2×3 = −2");
        assertLine(text, "inverse[0][1] = −2 / (−2) = 1");
        assertLine(text, "el = M[1][0] = 3");
        assertLine(text, "col = M[:, 1] = [2, 4]");
        assertLine(text, "rm[1] = (3 + 4) / 2 = 3.5");
        assertLine(text, "g·s = 0×0.25 + 1×0.75 = 0.75");
        assertLine(text, "smb[0] = 0.25×(0 − 0.75) = −0.1875");
        assertLine(text, "dsig[0] = 0.25×(1 − 0.25) = 0.1875");
        assertLine(text, "ev = 3×0.25 + 4×0.75 = 3.75");
        assertLine(text, "neuron = 1×3 − 2×4 + 0.5 = −4.5");
        assertLine(text, "stacked = [0.5, 0.75]");
        assertLine(text, "ce_single = −ln(p) = −ln(0.75) = 0.2877");
        assertLine(text, "ecdf = #{dᵢ ≤ 0.5} / 3 = 2 / 3 = 0.6667");
        assertLine(text, "|0.75 − 0.5| = 0.25");
        assertLine(text, "0.25 ≤ 0.3");
        // The remaining operations, each with a line worked out by hand (a = [1, −2], b = [3, 4], x = [−1, 0, 2], q = [0.25, 0.75]).
        assertLine(text, "had[1] = −2×4 = −8");
        assertLine(text, "div[0] = 1 / 3 = 0.3333");
        assertLine(text, "outer[1][0] = −2×3 = −6");
        assertLine(text, "sum = −1 + 0 + 2 = 1");
        assertLine(text, "count = |x| = 3 elements = 3");
        // σ² = 14/9 = 1.5556 over n = 3, √(14/9) = 1.247219.
        assertLine(text, "sp = √1.5556 = 1.2472");
        // (2 − 1/3) / 1.247219 = 1.336306.
        assertLine(text, "z[2] = (2 − 0.33333) / 1.24722 = 1.66667 / 1.24722 = 1.3363");
        // Layer norm of the row [1, 2]: μ = 1.5, σ² = 0.25, √(0.25 + 10⁻⁵) = 0.500010; 3×(−0.5) / 0.50001 + 1 = −1.99994.
        assertLine(text, "√(σ² + ε) = √(0.25 + 1e-5) = 0.50001");
        assertLine(text, "ln[0][0] = 3×(1 − 1.5) / 0.50001 + 1 = −1.9999");
        assertLine(text, "res[1] = 4 − 2 = 2");
        assertLine(text, "row = M[1] = [3, 4]");
        // √(2/π)×(2 + 0.044715×8) = 1.881190, tanh of it 0.954598, so 0.5×2×1.954598 = 1.9546.
        assertLine(text, "gelu_tanh[2] = 0.5×2×(1 + tanh(√(2 / π)×(2 + 0.044715×2³))) = 0.5×2×(1 + 0.9546) = 1.9546");
        assertLine(text, "sqrt[1] = √4 = 2");
        assertLine(text, "oh[1] = 1 (the index) = 1");
        assertLine(text, "or = 3 / 1 = 3");
        assertLine(text, "tok = [\"The\", \"cat\", \"sat\", \".\"]");
        assertLine(text, "dec[1] = token(2) = \"cat\"");
        // Attention of M with itself: scores 5/√2 and 11/√2, e^((5 − 11)/√2) = e^(−4.2426) = 0.014370, 1 / 1.01437 = 0.985834.
        assertLine(text, "S[0][1] = (1×3 + 2×4) / √2 = 11 / 1.414214 = 7.77817");
        assertLine(text, "e^(S[0][0] − m) = e^(−4.2426) = 0.01437");
        assertLine(text, "A[0][1] = 1 / 1.01437 = 0.98583");
        assertLine(text, "pow[1] = 4² = 16");
        assertLine(text, "abs[0] = |−1| = 1");
        assertLine(text, "mx = max(−1, 0, 2) = 2");
        assertLine(text, "mn = min(−1, 0, 2) = −1");
        assertLine(text, "cm[1] = (2 + 4) / 2 = 3");
        assertLine(text, "cat = concat([1, −2], 0.5) = [1, −2, 0.5]");
        assertLine(text, "drelu[0] = 1 if −1 > 0, else 0 = 0");
        assertLine(text, "lg[1] = ln(4) / ln(2) = 2");
        assertLine(text, "bce = −(1×ln(0.75)) = 0.2877");
        // −(0.25 ln 0.25 + 0.75 ln 0.75) = 0.346574 + 0.215762 = 0.562335.
        assertLine(text, "h = −(0.25×ln(0.25) + 0.75×ln(0.75)) = 0.5623");
        assertLine(text, "½(b[1] − a[1])² = 0.5×(4 + 2)² = 18");
        assertLine(text, "hse = 2 + 18 = 20");
        // e^(−0.125) = 0.882497, √(2π) = 2.506628, their quotient 0.352065.
        assertLine(text, "pdf = e^(−((0.5 − 0)² / (2×1²))) / (1×√(2×π)) = 0.8825 / 2.5066 = 0.3521");
        // erf(1 / (2√2)) = erf(0.353553) = 0.382925; Φ(0.5) = 0.691462.
        assertLine(text, "cdf = 0.5×(1 + erf((2 − 1) / (2×√2))) = 0.5×(1 + 0.3829) = 0.6915");
        assertLine(text, "dv = 0.25×(3 − 3.75)² + 0.75×(4 − 3.75)² = 0.1875");
        // restate: p = 0.75 printed as 75%.
        assertLine(text, "same = 0.75 = 75%");
        assertEquals(fixture.steps().size(), text.lines().filter(l -> l.startsWith("Step ")).count());
        org.bookcheck.cli.LatexAssertions.assertBalanced(TraceRenderer.latex(trace));
        int n = fixture.steps().size();
        assertTrue(TraceRenderer.markdown(trace).contains("#### Step " + n + " of " + n + ": `lt = less(a = two, b = one)`"));
    }

    private static void assertLine(String text, String line) {
        assertTrue(text.lines().anyMatch(l -> l.strip().equals(line)), () -> "no line \"" + line + "\" in\n" + text);
    }

    /**
     * The fixture with a stack step before its last step: stack's items (items[0], items[1], ...) have no
     * JSON form in a fixture's args, so the step is the expression [s, p], which compiles to it.
     */
    private static Fixture withStackStep(Fixture f) {
        Step stack = new Step("stacked", new org.bookcheck.fixture.StepForm.Expression("[s, p]"), Optional.empty(), Optional.empty(),
                Optional.empty(), "/steps/x");
        java.util.List<Step> steps = new java.util.ArrayList<>(f.steps());
        steps.add(steps.size() - 1, stack);
        return new Fixture(f.file(), f.id(), f.title(), f.chapter(), f.anchor(), f.claim(), f.inputs(), f.imports(), steps, f.tolerance(), f.json());
    }

    @Test
    void tinyNumbersSwitchToScientificNotation() {
        TraceNumbers numbers = TraceNumbers.asPrinted();
        assertEquals("3.04e-7", numbers.derived(3.0384e-7));
        assertEquals("0.0498", numbers.derived(Math.exp(-3)));
        assertEquals("−3.04e-7", TraceNumbers.fixed(-3.0384e-7, 3));
        assertEquals("0.000", TraceNumbers.fixed(0, 3));
        assertEquals("0.150", new TraceNumbers(java.util.OptionalInt.of(3)).derived(0.15));
        // Below 0.001 four decimals would keep one significant digit (0.0001 for e^−9.9 = 5.02e-5), so scientific.
        assertEquals("5.02e-5", numbers.derived(Math.exp(-9.9)));
        assertEquals("0.0067", numbers.derived(Math.exp(-5)));
    }

    /** Every operation applied in a term. */
    private static Set<Operation> operations(org.bookcheck.expr.Term term) {
        Set<Operation> ops = EnumSet.noneOf(Operation.class);
        if (term instanceof org.bookcheck.expr.Term.Apply a) {
            ops.add(a.op());
            a.args().values().forEach(sub -> ops.addAll(operations(sub)));
        }
        return ops;
    }
}
