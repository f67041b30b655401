package org.bookcheck.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.bookcheck.expr.ExprLexer;
import org.bookcheck.expr.Expressions;
import org.bookcheck.expr.TermEvaluator;
import org.bookcheck.fixture.PrintedArray;
import org.bookcheck.fixture.PrintedNumber;
import org.bookcheck.fixture.PrintedValue;
import org.bookcheck.fixture.PrintedValueParser;
import org.bookcheck.reference.Numeric;
import org.bookcheck.reference.Value;

/**
 * Proposes a fixture step for each calculation a chapter writes out, over the names in scope. The expression is the
 * first side (after the left-hand side) that reads and evaluates over the scope once the chapter's references are
 * bound: {@code context[0]} to the step {@code context_0} the book printed, {@code P(C)} to {@code P_C}, and a number
 * that an earlier step or input prints (two or more significant digits, the most recent first) to that name. A value
 * printed with no expression is built from the steps of its elements ({@code Q} from {@code Q_0_0 … Q_1_1}), from a
 * formula the chapter wrote for its name, from the scalar steps just before it, restates a name it repeats, or is an
 * input the book gives.
 */
public final class ChainReader {

    /** What one written calculation gives: a proposal, a formula kept for later, or a line that could not be read. */
    public sealed interface Outcome {
        /** A step or an input to propose. */
        record Proposed(Proposal proposal) implements Outcome {
        }

        /** A formula without a printed result ({@code K = X × WK}), for the value printed for {@code name} later. */
        record Formula(String name, String expression) implements Outcome {
        }

        /** Words with an = and no numbers ("Context = weighted sum of values"): nothing to check. */
        record Prose() implements Outcome {
        }

        /** Arithmetic that gave nothing, and why. */
        record NotRead(Unread unread) implements Outcome {
        }
    }

    private static final Set<Integer> BEFORE_UNARY = Set.of(ExprLexer.LPAREN, ExprLexer.LBRACK, ExprLexer.COMMA, ExprLexer.EQ,
            ExprLexer.PLUS, ExprLexer.MINUS, ExprLexer.TIMES, ExprLexer.DOT, ExprLexer.DIVIDE, ExprLexer.CARET, ExprLexer.LBRACE,
            ExprLexer.APPROX, ExprLexer.HADAMARD, ExprLexer.AT);

    private ChainReader() {
    }

    /** The proposal for one written calculation over the scope (which it does not change). */
    public static Outcome read(Written w, Scope scope) {
        Set<String> next = scope.previous().filter(p -> p.family().equals(family(w))).map(p -> successors(p.expression())).orElse(Set.of());
        String base = w.lhs().map(Names::of).filter(n -> !n.isEmpty())
                .orElseGet(() -> Optional.of(Names.ofLabel(w.label())).filter(n -> !n.isEmpty()).orElse("line_" + w.firstLine()));
        if (w.printed().isEmpty()) {
            for (String side : w.sides()) {
                Optional<String> expr = usable(prepare(side, scope, next), scope);
                if (expr.isPresent()) {
                    return new Outcome.Formula(base, expr.get());
                }
            }
            if (w.quote().chars().noneMatch(Character::isDigit)) {
                return new Outcome.Prose();
            }
            return new Outcome.NotRead(new Unread(w.firstLine(), w.quote().lines().findFirst().orElse(""), "a formula that does not read over the names in scope"));
        }
        String printed = w.printed().get();
        String problem = "";
        PrintedValue shown;
        try {
            shown = PrintedValueParser.parse(printed);
        } catch (IllegalArgumentException e) {
            return new Outcome.NotRead(new Unread(w.firstLine(), w.quote().lines().findFirst().orElse(""),
                    "the result \"" + printed + "\" is no printed value: " + e.getMessage()));
        }
        for (String side : w.sides()) {
            String prepared = prepare(side, scope, next);
            try {
                Value v = evaluate(prepared, scope);
                if (!v.describeShape().equals(PrintedValueParser.value(shown).describeShape())) {
                    throw new IllegalArgumentException("it is a " + v.kind() + " of " + v.describeShape() + " but the book prints "
                            + shown.describeShape());
                }
                String how = prepared.equals(side) ? "the written expression" : "the written " + side;
                return new Outcome.Proposed(new Proposal.Step(scope.fresh(base), prepared, printed, w, how));
            } catch (RuntimeException e) {
                if (problem.isEmpty()) {
                    problem = "\"" + side + "\": " + firstLine(e.getMessage());
                }
            }
        }
        if (!w.sides().isEmpty()) {
            return new Outcome.NotRead(new Unread(w.firstLine(), w.quote().lines().findFirst().orElse(""), "no side reads over the names in scope (" + problem + ")"));
        }
        return new Outcome.Proposed(printedOnly(w, base, printed, scope, next));
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** A value printed with no expression beside it. */
    private static Proposal printedOnly(Written w, String base, String printed, Scope scope, Set<String> next) {
        PrintedValue value = PrintedValueParser.parse(printed);
        String name = scope.fresh(base);
        if (value instanceof PrintedArray array) {
            Optional<String> elements = fromElementSteps(base, array, scope);
            if (elements.isPresent()) {
                return new Proposal.Step(name, elements.get(), printed, w, "built from the steps of its elements");
            }
        }
        Optional<String> formula = scope.formula(base).filter(f -> sameShape(f, value, scope));
        if (formula.isPresent()) {
            return new Proposal.Step(name, formula.get(), printed, w, "the formula written for " + base);
        }
        Optional<Scope.Entry> same = scope.entryIgnoringCase(base).filter(e -> e.printed().isPresent() && equal(e.printed().get(), value));
        if (same.isPresent()) {
            return new Proposal.Step(name, same.get().name(), printed, w, "restates " + same.get().name());
        }
        if (w.lhs().isEmpty()) {
            Optional<String> verb = fromLabel(w.label(), scope).filter(f -> sameShape(f, value, scope));
            if (verb.isPresent()) {
                return new Proposal.Step(name, verb.get(), printed, w, "\"" + w.label() + "\" applied to the latest list");
            }
        }
        if (value instanceof PrintedArray array) {
            Optional<String> recent = fromRecentScalars(array, scope);
            if (recent.isPresent()) {
                return new Proposal.Step(name, recent.get(), printed, w, "built from the values printed just before it");
            }
        }
        if (value instanceof PrintedNumber number && significantDigits(number.text()) >= 2) {
            Optional<String> bound = binding(number.value(), scope, next);
            if (bound.isPresent()) {
                return new Proposal.Step(name, bound.get(), printed, w, "restates " + bound.get() + ", printed the same");
            }
        }
        return new Proposal.Input(name, printed, w, "a value the book gives");
    }

    /**
     * A value labelled by what was done ({@code Max: 0.00502}, {@code Subtract: [...]}, {@code Exponentiate:},
     * {@code Sum:}, {@code Normalize:}, the steps of a softmax worked by hand): the operation applied to the latest list in
     * scope, and for subtract and normalize the latest number after it.
     */
    private static Optional<String> fromLabel(String label, Scope scope) {
        List<String> words = List.of(label.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+"));
        List<Scope.Entry> entries = scope.entries();
        int list = -1;
        for (int k = entries.size() - 1; k >= 0 && list < 0; k--) {
            if (entries.get(k).value() instanceof org.bookcheck.reference.Vector) {
                list = k;
            }
        }
        if (list < 0) {
            return Optional.empty();
        }
        String v = entries.get(list).name();
        Optional<String> after = entries.subList(list + 1, entries.size()).reversed().stream()
                .filter(e -> e.value() instanceof org.bookcheck.reference.Scalar).map(Scope.Entry::name).findFirst();
        if (words.contains("subtract")) {
            return after.map(m -> v + " - " + m);
        }
        if (words.contains("normalize") || words.contains("normalise")) {
            return after.map(total -> v + " / " + total);
        }
        if (words.contains("exponentiate")) {
            return Optional.of("exp(" + v + ")");
        }
        for (String op : List.of("sum", "max", "min", "mean")) {
            if (words.contains(op)) {
                return Optional.of(op + "(" + v + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fromElementSteps(String base, PrintedArray array, Scope scope) {
        boolean vector = array.rows() == 1 || array.cols() == 1;
        List<String> rows = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < array.rows(); i++) {
            List<String> row = new ArrayList<>();
            for (int j = 0; j < array.cols(); j++) {
                String element = vector ? base + "_" + (array.rows() == 1 ? j : i) : base + "_" + i + "_" + j;
                Optional<Scope.Entry> e = scope.entryIgnoringCase(element);
                if (e.isEmpty()) {
                    return Optional.empty();
                }
                row.add(e.get().name());
                all.add(e.get().name());
            }
            rows.add("[" + String.join(", ", row) + "]");
        }
        return Optional.of(vector ? "[" + String.join(", ", all) + "]" : "[" + String.join(", ", rows) + "]");
    }

    /** The last r·c names in scope, when they are numbers printed equal to the array's elements in order. */
    private static Optional<String> fromRecentScalars(PrintedArray array, Scope scope) {
        List<Scope.Entry> entries = scope.entries();
        int k = array.size();
        if (k < 2 || entries.size() < k) {
            return Optional.empty();
        }
        List<Scope.Entry> last = entries.subList(entries.size() - k, entries.size());
        for (int i = 0; i < k; i++) {
            Optional<PrintedValue> p = last.get(i).printed();
            if (!(p.orElse(null) instanceof PrintedNumber n) || n.value() != array.elements().get(i).value()) {
                return Optional.empty();
            }
        }
        boolean vector = array.rows() == 1 || array.cols() == 1;
        if (vector) {
            return Optional.of("[" + String.join(", ", last.stream().map(Scope.Entry::name).toList()) + "]");
        }
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < array.rows(); i++) {
            rows.add("[" + String.join(", ", last.subList(i * array.cols(), (i + 1) * array.cols()).stream().map(Scope.Entry::name).toList()) + "]");
        }
        return Optional.of("[" + String.join(", ", rows) + "]");
    }

    /** Whether the formula evaluates over the scope to a value of the printed value's shape. */
    private static boolean sameShape(String formula, PrintedValue printed, Scope scope) {
        try {
            return evaluate(formula, scope).describeShape().equals(PrintedValueParser.value(printed).describeShape());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean equal(PrintedValue a, PrintedValue b) {
        Value x = PrintedValueParser.value(a);
        Value y = PrintedValueParser.value(b);
        if (x instanceof Numeric p && y instanceof Numeric q) {
            double[] u = p.flat();
            double[] v = q.flat();
            if (u.length != v.length || !p.describeShape().equals(q.describeShape())) {
                return false;
            }
            for (int i = 0; i < u.length; i++) {
                if (u[i] != v[i]) {
                    return false;
                }
            }
            return true;
        }
        return a.text().equals(b.text());
    }

    private static Optional<String> usable(String expr, Scope scope) {
        try {
            evaluate(expr, scope);
            return Optional.of(expr);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Value evaluate(String expr, Scope scope) {
        return TermEvaluator.evaluate(Expressions.compile(expr, scope.values()), scope.values()).value();
    }

    /** Digits from the first non-zero one to the last non-zero one: 0.250 has 2, 0.1 and 1.0 have 1, 0.00707 has 3. */
    static int significantDigits(String number) {
        String digits = number.replaceAll("[eE].*$", "").replaceAll("[^0-9]", "").replaceFirst("^0+", "").replaceFirst("0+$", "");
        return digits.length();
    }

    /**
     * The side with the chapter's references bound to names in scope: an element {@code N[i][j]} to the step
     * {@code N_i_j}, {@code N[i][j]_old} to {@code N[i][j]}, a call {@code P(C)} to the step {@code P_C}, a name that
     * differs in case alone to the name in scope, and a decimal number an earlier name prints to that name.
     */
    static String prepare(String side, Scope scope) {
        return prepare(side, scope, Set.of());
    }

    /** The same, preferring among names that print the same number those in {@code next} (the pattern the calculation before continues). */
    static String prepare(String side, Scope scope, Set<String> next) {
        return prepareTokens(bindArrays(side, scope), scope, next);
    }

    /** The family of a calculation's left-hand side: {@code P} of {@code P(C)}, {@code dWO} of {@code dWO[0][1]}, else the whole of it. */
    public static String family(Written w) {
        String lhs = w.lhs().orElse("").strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.+?)\\s*(?:\\(\\s*[\\p{L}\\p{N}_]+\\s*\\)|(?:\\[\\d+])+)$").matcher(lhs);
        return m.matches() ? m.group(1) : lhs;
    }

    /**
     * What continues the references of an expression one place on: {@code L[2]} gives {@code L[3]}, {@code M[0][1]} gives
     * {@code M[0][2]}, and a name ending in one letter or number after an underscore the next one ({@code P_A} gives
     * {@code P_B}, {@code s_0} gives {@code s_1}).
     */
    static Set<String> successors(String expression) {
        Set<String> out = new java.util.HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}_])([\\p{L}_][\\p{L}\\p{N}_]*)((?:\\[\\d+])*)").matcher(expression);
        while (m.find()) {
            String name = m.group(1);
            String indices = m.group(2);
            if (!indices.isEmpty()) {
                int open = indices.lastIndexOf('[');
                int last = Integer.parseInt(indices.substring(open + 1, indices.length() - 1));
                out.add(name + indices.substring(0, open) + "[" + (last + 1) + "]");
            } else {
                java.util.regex.Matcher key = java.util.regex.Pattern.compile("^(.*_)([A-Za-z]|\\d+)$").matcher(name);
                if (key.matches()) {
                    String k = key.group(2);
                    boolean number = Character.isDigit(k.charAt(0));
                    if (number || (k.charAt(0) != 'z' && k.charAt(0) != 'Z')) {
                        out.add(key.group(1) + (number ? String.valueOf(Integer.parseInt(k) + 1) : String.valueOf((char) (k.charAt(0) + 1))));
                    }
                }
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern ARRAY = java.util.regex.Pattern.compile(
            "\\\\begin\\{([bpv]?matrix)}.*?\\\\end\\{\\1}|(?<![\\p{L}\\p{N}_\\])])\\[[^\\[\\]]*,[^\\[\\]]*]");

    /** A matrix or list written out in full that a name in scope prints (the book's "Given" W) becomes that name. */
    private static String bindArrays(String side, Scope scope) {
        java.util.regex.Matcher m = ARRAY.matcher(side);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (m.find()) {
            PrintedValue written;
            try {
                written = PrintedValueParser.parse(m.group());
            } catch (IllegalArgumentException e) {
                continue;
            }
            List<Scope.Entry> entries = scope.entries();
            for (int k = entries.size() - 1; k >= 0; k--) {
                Optional<PrintedValue> p = entries.get(k).printed();
                if (p.isPresent() && p.get() instanceof PrintedArray && equal(p.get(), written)) {
                    out.append(side, copied, m.start()).append(entries.get(k).name());
                    copied = m.end();
                    break;
                }
            }
        }
        return out.append(side.substring(copied)).toString();
    }

    private static String prepareTokens(String side, Scope scope, Set<String> next) {
        List<? extends Token> tokens;
        try {
            ExprLexer lexer = new ExprLexer(CharStreams.fromString(side));
            lexer.removeErrorListeners();
            tokens = lexer.getAllTokens();
        } catch (RuntimeException e) {
            return side;
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            int start = chars(side, token.getStartIndex());
            int type = token.getType();
            if (type == ExprLexer.NAME || type == ExprLexer.LATEX_NAME) {
                String name = token.getText();
                // N[i][j] (and N[i][j]_suffix): the indices, while each is [ NUMBER ].
                List<String> indices = new ArrayList<>();
                int u = t + 1;
                while (u + 2 < tokens.size() && tokens.get(u).getType() == ExprLexer.LBRACK && tokens.get(u + 1).getType() == ExprLexer.NUMBER
                        && tokens.get(u + 2).getType() == ExprLexer.RBRACK && tokens.get(u + 1).getText().matches("\\d+")) {
                    indices.add(tokens.get(u + 1).getText());
                    u += 3;
                }
                String suffix = "";
                if (!indices.isEmpty() && u < tokens.size() && tokens.get(u).getType() == ExprLexer.NAME && tokens.get(u).getText().startsWith("_")
                        && tokens.get(u).getStartIndex() == tokens.get(u - 1).getStopIndex() + 1) {
                    suffix = tokens.get(u).getText();
                    u++;
                }
                int end = u > t + 1 ? chars(side, tokens.get(u - 1).getStopIndex() + 1) : chars(side, token.getStopIndex() + 1);
                Optional<String> replacement = Optional.empty();
                if (!indices.isEmpty()) {
                    Optional<Scope.Entry> element = scope.entryIgnoringCase(name + "_" + String.join("_", indices) + suffix);
                    if (element.isPresent()) {
                        replacement = Optional.of(element.get().name());
                    } else {
                        Optional<Scope.Entry> whole = scope.entryIgnoringCase(name);
                        if (whole.isPresent()) {
                            replacement = Optional.of(whole.get().name() + "[" + String.join("][", indices) + "]");
                        }
                    }
                } else if (t + 3 < tokens.size() && tokens.get(t + 1).getType() == ExprLexer.LPAREN && tokens.get(t + 2).getType() == ExprLexer.NAME
                        && tokens.get(t + 3).getType() == ExprLexer.RPAREN) {
                    Optional<Scope.Entry> call = scope.entryIgnoringCase(name + "_" + tokens.get(t + 2).getText());
                    if (call.isPresent()) {
                        replacement = Optional.of(call.get().name());
                        end = chars(side, tokens.get(t + 3).getStopIndex() + 1);
                        u = t + 4;
                    }
                } else if (scope.entry(name).isEmpty()) {
                    replacement = scope.entryIgnoringCase(name).map(Scope.Entry::name);
                }
                if (replacement.isPresent()) {
                    out.append(side, copied, start).append(replacement.get());
                    copied = end;
                    t = u - 1;
                }
            } else if (type == ExprLexer.NUMBER && token.getText().contains(".") && !token.getText().contains("%")
                    && significantDigits(token.getText()) >= 2) {
                double v = Double.parseDouble(token.getText());
                boolean unary = t > 0 && tokens.get(t - 1).getType() == ExprLexer.MINUS
                        && (t == 1 || BEFORE_UNARY.contains(tokens.get(t - 2).getType()));
                Optional<String> signed = unary ? binding(-v, scope, next) : Optional.empty();
                int end = chars(side, token.getStopIndex() + 1);
                if (signed.isPresent()) {
                    int minus = chars(side, tokens.get(t - 1).getStartIndex());
                    if (minus >= copied) {
                        out.append(side, copied, minus).append(signed.get());
                        copied = end;
                    }
                } else {
                    Optional<String> bound = binding(v, scope, next);
                    if (bound.isPresent()) {
                        out.append(side, copied, start).append(bound.get());
                        copied = end;
                    }
                }
            }
        }
        return out.append(side.substring(copied)).toString();
    }

    /** The most recent name in scope that prints this number: a number, or an element of a list or matrix. */
    static Optional<String> binding(double v, Scope scope) {
        return binding(v, scope, Set.of());
    }

    /**
     * The name that prints this number: of those in {@code next} (continuing the calculation before), the most recent;
     * else the most recent name in scope that prints it, a number or an element of a list or matrix.
     */
    static Optional<String> binding(double v, Scope scope, Set<String> next) {
        List<String> candidates = new ArrayList<>();
        List<Scope.Entry> entries = scope.entries();
        for (int k = entries.size() - 1; k >= 0; k--) {
            Scope.Entry e = entries.get(k);
            switch (e.printed().orElse(null)) {
                case PrintedNumber n when n.value() == v -> candidates.add(e.name());
                case PrintedArray a -> {
                    boolean vector = a.rows() == 1 || a.cols() == 1;
                    for (int i = 0; i < a.rows(); i++) {
                        for (int j = 0; j < a.cols(); j++) {
                            if (a.element(i, j).value() == v) {
                                candidates.add(vector ? e.name() + "[" + (a.rows() == 1 ? j : i) + "]" : e.name() + "[" + i + "][" + j + "]");
                            }
                        }
                    }
                }
                case null, default -> {
                }
            }
        }
        return candidates.stream().filter(next::contains).findFirst().or(() -> candidates.stream().findFirst());
    }

    private static int chars(String source, int codePointIndex) {
        return source.offsetByCodePoints(0, Math.min(codePointIndex, source.codePointCount(0, source.length())));
    }
}
