package org.bookcheck.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.bookcheck.reference.Matrix;
import org.bookcheck.reference.Operation;
import org.bookcheck.reference.Param;
import org.bookcheck.reference.Scalar;
import org.bookcheck.reference.Value;
import org.bookcheck.reference.Vector;
import org.bookcheck.text.EditDistance;

/**
 * Compiles a parse tree of {@code Expr.g4} to a {@link Term} of catalogue operations. It evaluates as it
 * goes, over the names in scope, because what {@code ×} and {@code [i]} mean depends on the shapes of
 * their operands (see the README's expression section); so a compiled term is also known to evaluate.
 */
final class ExprCompiler {

    /** A compiled node and its value over the scope. */
    record Typed(Term term, Value value) {
    }

    /** Functions beside the catalogue's own names, and what they stand for. */
    private static final List<String> ALIASES = List.of("log", "log10", "log2");

    private final String source;
    private final Map<String, ? extends Value> scope;

    ExprCompiler(String source, Map<String, ? extends Value> scope) {
        this.source = source;
        this.scope = scope;
    }

    /** Every function name an expression may call. */
    static List<String> functionNames() {
        TreeSet<String> names = new TreeSet<>(ALIASES);
        Arrays.stream(Operation.values()).map(Operation::opName).forEach(names::add);
        return List.copyOf(names);
    }

    Typed expression(ExprParser.ExpressionContext ctx) {
        return relation(ctx.relation());
    }

    Typed relation(ExprParser.RelationContext ctx) {
        if (ctx.relOp() == null) {
            return sum(ctx.sum(0));
        }
        Typed a = sum(ctx.sum(0));
        Typed b = sum(ctx.sum(1));
        Token op = ctx.relOp().getStart();
        if (ctx.tolerance() != null && op.getType() != ExprParser.APPROX) {
            throw error(ctx.tolerance(), "± gives the tolerance of ≈; write a ≈ b ± t");
        }
        return switch (op.getType()) {
            case ExprParser.LT -> apply(ctx, Operation.LESS, "a", a, "b", b);
            case ExprParser.GT -> apply(ctx, Operation.GREATER, "a", a, "b", b);
            case ExprParser.EQ -> apply(ctx, Operation.EQUAL, "a", a, "b", b);
            default -> apply(ctx, Operation.APPROX, "a", a, "b", b, "tolerance", ctx.tolerance() != null
                    ? sum(ctx.tolerance().sum()) : printedTolerance(ctx, b, a));
        };
    }

    /**
     * The tolerance of a ≈ without ±: half a unit in the last printed digit of the side written as a number
     * (or a list of numbers), the same interval the checker gives a printed value.
     */
    private Typed printedTolerance(ParserRuleContext ctx, Typed b, Typed a) {
        for (Typed side : List.of(b, a)) {
            Optional<Value> halfUnits = halfUnits(side.term());
            if (halfUnits.isPresent()) {
                String text = java.util.Arrays.stream(((org.bookcheck.reference.Numeric) halfUnits.get()).flat())
                        .mapToObj(v -> BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()).collect(java.util.stream.Collectors.joining(", "));
                Term t = new Term.Literal(halfUnits.get(), "±" + (halfUnits.get() instanceof Vector ? "[" + text + "]" : text),
                        side.term().span());
                return new Typed(t, halfUnits.get());
            }
        }
        throw error(ctx, "≈ compares with the printed precision of a number written on one side; neither side is one,"
                + " so state the tolerance: a ≈ b ± 0.01");
    }

    private static Optional<Value> halfUnits(Term t) {
        return switch (t) {
            case Term.Literal l when written(l) -> Optional.of(Scalar.of(halfUnit(l.text())));
            case Term.Apply a when a.op() == Operation.STACK && a.args().values().stream().allMatch(
                    i -> i instanceof Term.Literal l && written(l)) -> Optional.of(Vector.of(a.args().values().stream()
                    .mapToDouble(i -> halfUnit(((Term.Literal) i).text())).toArray()));
            default -> Optional.empty();
        };
    }

    /** A number written with its digits, which has a printed precision; the constants e and π have none. */
    private static boolean written(Term.Literal l) {
        return l.value() instanceof Scalar && l.text().matches("[-−]?[0-9.].*");
    }

    /** Half a unit in the last digit of a number as written: 1.383 → 0.0005, 25% → 0.005, 1.2e-5 → 5e-7. */
    static double halfUnit(String text) {
        String t = text.replace("\\%", "%").replace('−', '-');
        int percent = t.endsWith("%") ? 2 : 0;
        t = t.replace("%", "");
        int e = t.toLowerCase(Locale.ROOT).indexOf('e');
        int exponent = e < 0 ? 0 : Integer.parseInt(t.substring(e + 1).replace("+", ""));
        String mantissa = e < 0 ? t : t.substring(0, e);
        int dot = mantissa.indexOf('.');
        int decimals = dot < 0 ? 0 : mantissa.length() - dot - 1;
        return BigDecimal.valueOf(5).scaleByPowerOfTen(-decimals - 1 + exponent - percent).doubleValue();
    }

    Typed sum(ExprParser.SumContext ctx) {
        return switch (ctx) {
            case ExprParser.AdditionContext a -> apply(ctx, a.op.getType() == ExprParser.PLUS ? Operation.ADD : Operation.SUB,
                    "a", sum(a.sum()), "b", product(a.product()));
            case ExprParser.ToProductContext p -> product(p.product());
            default -> throw new IllegalStateException(ctx.getClass().getName());
        };
    }

    Typed product(ExprParser.ProductContext ctx) {
        if (ctx instanceof ExprParser.ToUnaryContext u) {
            return unary(u.unary());
        }
        ExprParser.MultiplicationContext m = (ExprParser.MultiplicationContext) ctx;
        Typed a = product(m.product());
        Typed b = unary(m.unary());
        return switch (m.op.getType()) {
            case ExprParser.DIVIDE -> apply(ctx, Operation.DIVIDE, "a", a, "b", b);
            case ExprParser.AT -> apply(ctx, Operation.MATMUL, "a", a, "b", b);
            case ExprParser.HADAMARD -> apply(ctx, Operation.ELEMENTWISE_PRODUCT, "a", a, "b", b);
            default -> times(ctx, m.op.getType() == ExprParser.DOT, a, b);
        };
    }

    /**
     * ×, * and · by shape: a number on either side scales the other; a matrix on either side makes the matrix
     * product (worksheets write Q = X × W_Q); between two vectors · is the dot product and × the element-wise one.
     */
    private Typed times(ParserRuleContext ctx, boolean dot, Typed a, Typed b) {
        if (a.value() instanceof Scalar || b.value() instanceof Scalar) {
            boolean leftIsFactor = a.value() instanceof Scalar;
            return apply(ctx, Operation.SCALE, "x", leftIsFactor ? b : a, "s", leftIsFactor ? a : b);
        }
        if (a.value() instanceof Matrix || b.value() instanceof Matrix) {
            return apply(ctx, Operation.MATMUL, "a", a, "b", b);
        }
        return apply(ctx, dot ? Operation.DOT : Operation.ELEMENTWISE_PRODUCT, "a", a, "b", b);
    }

    Typed unary(ExprParser.UnaryContext ctx) {
        return switch (ctx) {
            case ExprParser.SignContext s -> {
                Typed operand = unary(s.unary());
                if (s.op.getType() == ExprParser.PLUS) {
                    yield operand;
                }
                if (operand.term() instanceof Term.Literal l && l.value() instanceof Scalar v && s.unary() instanceof ExprParser.ToPowerContext p
                        && p.power().CARET() == null && p.power().postfix().suffix().isEmpty()
                        && p.power().postfix().primary() instanceof ExprParser.NumberContext) {
                    // A negative number keeps its printed form, sign included: −0.5 is one literal, not −(0.5).
                    Scalar negative = Scalar.of(-v.value());
                    yield new Typed(new Term.Literal(negative, s.op.getText() + l.text(), span(ctx)), negative);
                }
                yield apply(ctx, Operation.NEGATE, "x", operand);
            }
            case ExprParser.RootContext r -> apply(ctx, Operation.SQRT, "x", unary(r.unary()));
            case ExprParser.ToPowerContext p -> power(p.power());
            default -> throw new IllegalStateException(ctx.getClass().getName());
        };
    }

    Typed power(ExprParser.PowerContext ctx) {
        if (ctx.CARET() == null) {
            return postfix(ctx.postfix());
        }
        String exponent = ctx.unary().getText();
        if (List.of("T", "{T}", "\\top", "{\\top}").contains(exponent) && !scope.containsKey("T") && !scope.containsKey("top")) {
            return transpose(span(ctx), postfix(ctx.postfix()));
        }
        if (isEuler(ctx.postfix())) {
            return apply(ctx, Operation.EXP, "x", unary(ctx.unary()));
        }
        Typed base = postfix(ctx.postfix());
        if (base.value() instanceof Matrix && List.of("-1", "{-1}", "−1", "{−1}").contains(exponent)) {
            // A^{-1} is how books write the inverse; an element-wise reciprocal of a matrix is never meant
            return apply(ctx, Operation.INVERSE, "a", base);
        }
        return apply(ctx, Operation.POWER, "x", base, "p", unary(ctx.unary()));
    }

    /** Aᵀ of a matrix; a vector has no orientation to turn, so vᵀ says how vectors are read instead of a bare refusal. */
    private Typed transpose(Span span, Typed x) {
        if (x.value() instanceof Vector v) {
            throw new ExprException(source, span, "a vector has no orientation to transpose: write it without ᵀ (matmul reads a vector"
                    + " on the left as a row and on the right as a column; a·b is the dot product, outer(a, b) the outer product)");
        }
        return apply(span, Operation.TRANSPOSE, "a", x);
    }

    private boolean isEuler(ExprParser.PostfixContext p) {
        return p.suffix().isEmpty() && p.primary() instanceof ExprParser.ReferenceContext r && name(r.name()).equals("e")
                && !scope.containsKey("e");
    }

    Typed postfix(ExprParser.PostfixContext ctx) {
        Typed value = primary(ctx.primary());
        List<ExprParser.SuffixContext> suffixes = ctx.suffix();
        for (int k = 0; k < suffixes.size(); k++) {
            ExprParser.SuffixContext s = suffixes.get(k);
            Span upTo = new Span(span(ctx).start(), span(s).end());
            switch (s) {
                case ExprParser.SquaredContext q -> value = apply(upTo, Operation.POWER, "x", value, "p", literal(q, 2, "2"));
                case ExprParser.CubedContext c -> value = apply(upTo, Operation.POWER, "x", value, "p", literal(c, 3, "3"));
                case ExprParser.TransposedContext t -> value = transpose(upTo, value);
                case ExprParser.InvertedContext v -> value = value.value() instanceof Matrix ? apply(upTo, Operation.INVERSE, "a", value)
                        : apply(upTo, Operation.POWER, "x", value, "p", literal(v, -1, "-1"));
                case ExprParser.IndexContext i -> {
                    List<ExprParser.SlotContext> slots = new ArrayList<>(i.slot());
                    // A[i][j] is one element of a matrix, as A[i, j] is, not the row then its element.
                    if (value.value() instanceof Matrix && slots.size() == 1 && slots.get(0).COLON() == null && k + 1 < suffixes.size()
                            && suffixes.get(k + 1) instanceof ExprParser.IndexContext next && next.slot().size() == 1) {
                        slots.add(next.slot(0));
                        k++;
                        upTo = new Span(upTo.start(), span(next).end());
                    }
                    value = index(upTo, value, slots);
                }
                default -> throw new IllegalStateException(s.getClass().getName());
            }
        }
        return value;
    }

    private Typed index(Span span, Typed x, List<ExprParser.SlotContext> slots) {
        boolean rowAll = slots.get(0).COLON() != null;
        return switch (x.value()) {
            case Vector v when slots.size() == 1 && !rowAll -> apply(span, Operation.ELEMENT, "x", x, "i", sum(slots.get(0).sum()));
            case Matrix m when slots.size() == 1 && !rowAll -> apply(span, Operation.ROW, "a", x, "index", sum(slots.get(0).sum()));
            case Matrix m when slots.size() == 2 && !rowAll && slots.get(1).COLON() != null ->
                    apply(span, Operation.ROW, "a", x, "index", sum(slots.get(0).sum()));
            case Matrix m when slots.size() == 2 && rowAll && slots.get(1).COLON() == null ->
                    apply(span, Operation.COLUMN, "a", x, "index", sum(slots.get(1).sum()));
            case Matrix m when slots.size() == 2 && !rowAll ->
                    apply(span, Operation.ELEMENT, "x", x, "i", sum(slots.get(0).sum()), "j", sum(slots.get(1).sum()));
            default -> throw new ExprException(source, span, "cannot index " + article(x.value()) + " with ["
                    + String.join(", ", slots.stream().map(ParserRuleContext::getText).toList()) + "]: a vector takes v[i], a matrix A[i]"
                    + " (a row), A[i][j] or A[i, j] (an element), A[:, j] (a column); indices count from 0");
        };
    }

    /** A value's kind and shape in words: a number, a vector of length 2, a 2×3 matrix. */
    private static String article(Value v) {
        return switch (v) {
            case Scalar s -> "a number";
            case Vector vec -> "a vector of length " + vec.size();
            case Matrix m -> "a " + m.rows() + "×" + m.cols() + " matrix";
            default -> "a " + v.kind() + " (" + v.describeShape() + ")";
        };
    }

    Typed primary(ExprParser.PrimaryContext ctx) {
        return switch (ctx) {
            case ExprParser.NumberContext n -> number(n);
            case ExprParser.CallContext c -> call(c, function(c.function()), c.arguments() == null ? List.of() : c.arguments().argument());
            case ExprParser.LatexApplicationContext l -> callOne(ctx, l.LATEX_FUNCTION().getText().substring(1), unary(l.unary()));
            case ExprParser.ReferenceContext r -> reference(r);
            case ExprParser.ParenthesisedContext p -> relation(p.relation());
            case ExprParser.GroupContext g -> sum(g.sum());
            case ExprParser.AbsoluteContext a -> apply(ctx, Operation.ABS, "x", sum(a.sum()));
            case ExprParser.ListContext l -> stack(span(ctx), l.sum().stream().map(this::sum).toList());
            case ExprParser.FractionContext f -> apply(ctx, Operation.DIVIDE, "a", sum(f.sum(0)), "b", sum(f.sum(1)));
            case ExprParser.LatexRootContext r -> apply(ctx, Operation.SQRT, "x", sum(r.sum()));
            case ExprParser.BmatrixContext b -> bmatrix(b);
            default -> throw new IllegalStateException(ctx.getClass().getName());
        };
    }

    private Typed number(ExprParser.NumberContext n) {
        String text = n.getText();
        boolean percent = text.endsWith("%");
        String digits = text.replace("\\%", "").replace("%", "").replace('−', '-');
        BigDecimal value;
        try {
            value = new BigDecimal(digits);
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null || Math.abs(value.precision() - value.scale() - 1L) > 300) {
            throw new ExprException(source, span(n), "the number " + text + " is beyond what bookcheck reads: write one between 1e-300"
                    + " and 1e300 in size");
        }
        Scalar s = Scalar.of((percent ? value.movePointLeft(2) : value).doubleValue());
        return new Typed(new Term.Literal(s, text, span(n)), s);
    }

    private Typed reference(ExprParser.ReferenceContext r) {
        String name = name(r.name());
        Value bound = scope.get(name);
        if (bound != null) {
            return new Typed(new Term.Ref(name, span(r)), bound);
        }
        if (name.equals("e") || name.equals("π") || name.equals("pi")) {
            Scalar constant = Scalar.of(name.equals("e") ? Math.E : Math.PI);
            return new Typed(new Term.Literal(constant, name, span(r)), constant);
        }
        if (functionNames().contains(name)) {
            throw new ExprException(source, span(r), "\"" + name + "\" is a function, not a value: call it with its arguments in"
                    + " parentheses, " + name + "(…)");
        }
        List<String> near = EditDistance.nearest(name, scope.keySet(), 3);
        throw new ExprException(source, span(r), "unknown name \"" + name + "\"" + (near.isEmpty() ? "." : "; did you mean "
                + String.join(", ", near) + "?") + " Names available here: " + (scope.isEmpty() ? "none" : String.join(", ", scope.keySet())));
    }

    /** W_{old} is W_old, p₀ is p_0, \eta is eta, \text{softmax} is softmax. */
    static String name(ExprParser.NameContext n) {
        if (n.LATEX_NAME() != null) {
            return n.LATEX_NAME().getText().substring(1);
        }
        String text = n.NAME().getText().replace("_{", "_").replace("}", "").replace(",", "_");
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean subscript = c >= '\u2080' && c <= '\u2089';
            if (subscript && (i == 0 || !(text.charAt(i - 1) >= '\u2080' && text.charAt(i - 1) <= '\u2089')) && name.charAt(name.length() - 1) != '_') {
                name.append('_');
            }
            name.append(subscript ? (char) ('0' + c - '\u2080') : c);
        }
        return name.toString();
    }

    private String function(ExprParser.FunctionContext f) {
        return f.LATEX_FUNCTION() != null ? f.LATEX_FUNCTION().getText().substring(1) : name(f.name());
    }

    private Typed bmatrix(ExprParser.BmatrixContext b) {
        List<List<Typed>> rows = b.matrixRow().stream().map(r -> r.sum().stream().map(this::sum).toList()).toList();
        if (rows.size() == 1 || rows.stream().allMatch(r -> r.size() == 1)) {
            // a one-column or one-row bmatrix is a vector, as the book writes vectors both ways
            return stack(span(b), rows.stream().flatMap(List::stream).toList());
        }
        List<Typed> stacked = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            ExprParser.MatrixRowContext row = b.matrixRow(r);
            stacked.add(stack(span(row), rows.get(r)));
        }
        return stack(span(b), stacked);
    }

    private Typed stack(Span span, List<Typed> items) {
        Map<String, Typed> args = new LinkedHashMap<>();
        for (int k = 0; k < items.size(); k++) {
            args.put(Operation.STACK.params().get(0).item(k), items.get(k));
        }
        return apply(span, Operation.STACK, args);
    }

    // ---- calls ------------------------------------------------------------------------------------

    private Typed callOne(ParserRuleContext ctx, String function, Typed arg) {
        return call(span(ctx), ctx, function, List.of(arg), Map.of(), Map.of());
    }

    private Typed call(ExprParser.CallContext ctx, String function, List<ExprParser.ArgumentContext> arguments) {
        List<Typed> positional = new ArrayList<>();
        Map<String, Typed> named = new LinkedHashMap<>();
        Map<String, Span> nameSpans = new LinkedHashMap<>();
        for (ExprParser.ArgumentContext a : arguments) {
            if (a.NAME() == null) {
                if (!named.isEmpty()) {
                    throw error(a, "a positional argument after a named one; write the positional arguments first");
                }
                positional.add(sum(a.sum()));
            } else if (named.put(a.NAME().getText(), sum(a.sum())) != null) {
                throw error(a, "argument \"" + a.NAME().getText() + "\" of " + function + " is given twice");
            } else {
                Token name = a.NAME().getSymbol();
                nameSpans.put(name.getText(), new Span(chars(name.getStartIndex()), chars(name.getStopIndex() + 1)));
            }
        }
        return call(span(ctx), ctx, function, positional, named, nameSpans);
    }

    /** A call of a function; a named argument's problem points at its name (nameSpans), else at its value. */
    private Typed call(Span span, ParserRuleContext ctx, String function, List<Typed> positional, Map<String, Typed> named,
            Map<String, Span> nameSpans) {
        if (named.isEmpty() && positional.size() > 1 && List.of("max", "min", "sum", "mean").contains(function)) {
            // max(a, b, c) is the largest of the numbers: the operation over the vector they make
            return call(span, ctx, function, List.of(stack(span, positional)), named, nameSpans);
        }
        Operation op;
        Map<String, Typed> args = new LinkedHashMap<>();
        switch (function) {
            case "log" -> {
                if (positional.size() + named.size() > 2) {
                    throw new ExprException(source, span, "log takes 1 argument (log(x), the natural logarithm) or 2 (log(x, base)), got "
                            + (positional.size() + named.size()));
                }
                op = positional.size() + named.size() == 2 ? Operation.LOG_BASE : Operation.LN;
            }
            case "log10", "log2" -> {
                op = Operation.LOG_BASE;
                args.put("base", literal(span, function.equals("log10") ? 10 : 2, function.substring(3)));
            }
            default -> op = Operation.byName(function).orElseThrow(() -> {
                List<String> near = EditDistance.nearest(function, functionNames(), 3);
                return new ExprException(source, span(nameOf(ctx)), "unknown function \"" + function + "\""
                        + (near.isEmpty() ? "." : "; did you mean " + String.join(", ", near) + "?")
                        + " Functions are the operations of the catalogue (README § Operations) and log, log10, log2");
            });
        }
        List<Param> params = op.params().stream().filter(p -> !args.containsKey(p.name())).toList();
        if (params.size() == 1 && params.get(0).variadic()) {
            for (int k = 0; k < positional.size(); k++) {
                args.put(params.get(0).item(k), positional.get(k));
            }
        } else {
            if (positional.size() > params.size()) {
                throw new ExprException(source, span, function + " takes " + params.size() + (params.size() == 1 ? " argument" : " arguments")
                        + " (" + (ALIASES.contains(function) ? function + "(x)" : op.signature()) + "), got " + positional.size());
            }
            for (int k = 0; k < positional.size(); k++) {
                args.put(params.get(k).name(), positional.get(k));
            }
        }
        for (Map.Entry<String, Typed> e : named.entrySet()) {
            if (op.param(e.getKey()).isEmpty()) {
                List<String> near = EditDistance.nearest(e.getKey(), op.params().stream().map(Param::name).toList(), 2);
                throw new ExprException(source, nameSpans.getOrDefault(e.getKey(), e.getValue().term().span()), op.opName() + " has no parameter \"" + e.getKey() + "\""
                        + (near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near) + "?)") + "; its parameters are "
                        + op.signature());
            }
            if (args.containsKey(e.getKey())) {
                throw new ExprException(source, nameSpans.getOrDefault(e.getKey(), e.getValue().term().span()), "argument \"" + e.getKey() + "\" of " + function
                        + " is given both by position and by name");
            }
            args.put(e.getKey(), e.getValue());
        }
        Map<String, Typed> ordered = new LinkedHashMap<>();
        for (Param p : op.params()) {
            args.forEach((k, v) -> {
                if (op.param(k).orElseThrow().equals(p)) {
                    ordered.put(k, v);
                }
            });
        }
        return apply(span, op, ordered);
    }

    private static ParserRuleContext nameOf(ParserRuleContext call) {
        return call instanceof ExprParser.CallContext c ? c.function() : call;
    }

    // ---- building nodes ---------------------------------------------------------------------------

    private Typed literal(ParserRuleContext ctx, double value, String text) {
        return literal(span(ctx), value, text);
    }

    private Typed literal(Span span, double value, String text) {
        Scalar s = Scalar.of(value);
        return new Typed(new Term.Literal(s, text, span), s);
    }

    private Typed apply(ParserRuleContext ctx, Operation op, Object... paramTypedPairs) {
        return apply(span(ctx), op, paramTypedPairs);
    }

    private Typed apply(Span span, Operation op, Object... paramTypedPairs) {
        Map<String, Typed> args = new LinkedHashMap<>();
        for (int i = 0; i < paramTypedPairs.length; i += 2) {
            args.put((String) paramTypedPairs[i], (Typed) paramTypedPairs[i + 1]);
        }
        return apply(span, op, args);
    }

    /** The node of an operation over compiled arguments, evaluated at once; a failure points at the node. */
    private Typed apply(Span span, Operation op, Map<String, Typed> args) {
        Map<String, Term> terms = new LinkedHashMap<>();
        Map<String, Value> values = new LinkedHashMap<>();
        args.forEach((param, t) -> {
            terms.put(param, t.term());
            values.put(param, t.value());
        });
        Term.Apply node = new Term.Apply(op, terms, span);
        try {
            return new Typed(node, TermEvaluator.apply(node, values));
        } catch (TermException e) {
            throw new ExprException(source, span, e.getMessage());
        }
    }

    private ExprException error(ParserRuleContext ctx, String problem) {
        return new ExprException(source, span(ctx), problem);
    }

    private Span span(ParserRuleContext ctx) {
        int start = chars(ctx.getStart().getStartIndex());
        Token stop = ctx.getStop();
        int end = stop == null || stop.getType() == Token.EOF || stop.getStopIndex() < ctx.getStart().getStartIndex()
                ? start : chars(stop.getStopIndex() + 1);
        return new Span(start, end);
    }

    private int chars(int codePointIndex) {
        return source.offsetByCodePoints(0, codePointIndex);
    }
}
