package org.bookcheck.trace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.special.Erf;

/**
 * Reads a rendered computation line back as a learner does, from its text alone: splits it at
 * {@code " = "}, parses each side that is arithmetic on numbers ({@code 0.5×(−1)×(1 + erf(−1 / √2))},
 * {@code e^(−15)}, {@code ⌈10 / 4⌉}, {@code (−1 − 0.3333)²}) with its own small parser, works it out
 * and checks that it rounds to the number on the right end at that number's digits. Independent of the
 * trace's own check, which walks expression trees.
 */
final class DisplayedLines {

    private static final double NOISE = 1e-9;

    /** One side worked out: the line, the side's text, its value and the number it must round to. */
    record Side(String line, String text, double value, String shown) {
        boolean holds() {
            double target = number(shown);
            if (Double.isInfinite(target) || Double.isInfinite(value)) {
                return value == target;
            }
            return Math.abs(value - target) <= halfUnit(shown) + NOISE * Math.max(1, Math.abs(target));
        }

        @Override
        public String toString() {
            return "\"" + line + "\": " + text + " is " + value + ", which does not round to " + shown;
        }
    }

    private DisplayedLines() {
    }

    /**
     * Every arithmetic side of a line (any side but the first, the name, and the last), worked out; a
     * comparison side ({@code 2 > 1}) checked against {@code true}/{@code false} on the right.
     */
    static List<Side> sides(String line) {
        String[] parts = topLevel(line.strip());
        List<Side> out = new ArrayList<>();
        if (parts.length < 3) {
            return out;
        }
        String last = parts[parts.length - 1];
        boolean truth = last.equals("true") || last.equals("false");
        if (!truth && parseNumber(last).isEmpty()) {
            return out;
        }
        for (int i = 1; i < parts.length - 1; i++) {
            if (truth) {
                String text = parts[i];
                comparison(text).ifPresent(t -> out.add(new Side(line, text, t ? 1 : 0, last.equals("true") ? "1" : "0")));
                continue;
            }
            Optional<Double> v = evaluate(parts[i]);
            int side = i;
            v.ifPresent(value -> out.add(new Side(line, parts[side], value, last)));
        }
        return out;
    }

    /** The sides of a line: split at each " = " outside parentheses, so {@code (1 = 0.9)} stays one side. */
    private static String[] topLevel(String line) {
        List<String> sides = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            depth += c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
            if (depth == 0 && line.startsWith(" = ", i)) {
                sides.add(line.substring(start, i));
                start = i + 3;
            }
        }
        sides.add(line.substring(start));
        return sides.toArray(String[]::new);
    }

    /** {@code (2 > 1)}, {@code (1 = 0.9)}: the relation worked out, equality up to floating-point noise. */
    private static Optional<Boolean> comparison(String written) {
        String side = written.startsWith("(") && written.endsWith(")") ? written.substring(1, written.length() - 1) : written;
        for (String op : List.of(" > ", " < ", " = ")) {
            int at = side.indexOf(op);
            if (at > 0) {
                Optional<Double> a = evaluate(side.substring(0, at));
                Optional<Double> b = evaluate(side.substring(at + 3));
                if (a.isPresent() && b.isPresent()) {
                    return Optional.of(switch (op) {
                        case " > " -> a.get() > b.get();
                        case " < " -> a.get() < b.get();
                        default -> Math.abs(a.get() - b.get()) <= NOISE * Math.max(1, Math.abs(b.get()));
                    });
                }
            }
        }
        return Optional.empty();
    }

    /** The value of a side written with numbers, + − × · / ÷, parentheses, powers, √, ⌈⌉ and ln, tanh, erf, max; empty otherwise. */
    static Optional<Double> evaluate(String text) {
        try {
            Parser p = new Parser(text.replace(" ", ""));
            double v = p.sum();
            return p.at == p.s.length() ? Optional.of(v) : Optional.empty();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    static double number(String text) {
        return parseNumber(text).orElseThrow(() -> new IllegalArgumentException("not a number: " + text));
    }

    private static Optional<Double> parseNumber(String text) {
        Parser p = new Parser(text.strip());
        try {
            double v = p.number();
            return p.at == p.s.length() ? Optional.of(v) : Optional.empty();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** Half a unit in the last digit shown: 0.00005 for 0.0067, 5e-10 for 3.06e-7, 0.005 for 75% as 0.75; 0 for 15. */
    static double halfUnit(String shown) {
        String t = shown.strip().replace("−", "-");
        if (t.contains("∞")) {
            return 0;
        }
        boolean percent = t.endsWith("%");
        if (!percent && t.matches("-?\\d+")) {
            return 0; // a whole number is exact, as the book's printed integers are
        }
        BigDecimal d = new BigDecimal(percent ? t.substring(0, t.length() - 1) : t);
        return 0.5 * Math.pow(10, -d.scale() - (percent ? 2 : 0));
    }

    /** Recursive descent over the trace's plain-text notation. */
    private static final class Parser {
        final String s;
        int at;

        Parser(String s) {
            this.s = s;
        }

        double sum() {
            double v = product();
            while (at < s.length() && (peek('+') || peek('−'))) {
                char op = s.charAt(at++);
                double r = product();
                v = op == '+' ? v + r : v - r;
            }
            return v;
        }

        double product() {
            double v = unary();
            while (at < s.length() && (peek('×') || peek('·') || peek('/') || peek('÷'))) {
                char op = s.charAt(at++);
                double r = unary();
                v = op == '×' || op == '·' ? v * r : v / r;
            }
            return v;
        }

        double unary() {
            if (peek('−')) {
                at++;
                return -unary();
            }
            return power();
        }

        double power() {
            double base = atom();
            if (peek('^')) {
                at++;
                return Math.pow(base, peek('(') ? atom() : signedNumberOrAtom());
            }
            if (peek('²')) {
                at++;
                return base * base;
            }
            if (peek('³')) {
                at++;
                return base * base * base;
            }
            return base;
        }

        private double signedNumberOrAtom() {
            if (peek('−')) {
                at++;
                return -atom();
            }
            return atom();
        }

        double atom() {
            if (peek('(')) {
                at++;
                double v = list().getFirst();
                expect(')');
                return v;
            }
            if (peek('⌈')) {
                at++;
                double v = sum();
                expect('⌉');
                return Math.ceil(v);
            }
            if (peek('√')) {
                at++;
                return Math.sqrt(peek('(') ? atom() : atom());
            }
            if (peek('|')) {
                at++;
                double v = sum();
                expect('|');
                return Math.abs(v);
            }
            if (peek('π')) {
                at++;
                return Math.PI;
            }
            for (String f : List.of("ln", "tanh", "erf", "max", "min")) {
                if (s.startsWith(f + "(", at)) {
                    at += f.length() + 1;
                    List<Double> args = list();
                    expect(')');
                    return switch (f) {
                        case "ln" -> Math.log(args.getFirst());
                        case "tanh" -> Math.tanh(args.getFirst());
                        case "erf" -> Erf.erf(args.getFirst());
                        case "min" -> args.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                        default -> args.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                    };
                }
            }
            if (peek('e') && (at + 1 == s.length() || "^²³".indexOf(s.charAt(at + 1)) >= 0)) {
                at++;
                return Math.E;
            }
            return number();
        }

        List<Double> list() {
            List<Double> values = new ArrayList<>(List.of(sum()));
            while (peek(',')) {
                at++;
                values.add(sum());
            }
            return values;
        }

        /** An unsigned or −-signed number: digits, a point, an exponent e±n, a %, or ∞. */
        double number() {
            int start = at;
            if (peek('−')) {
                at++;
            }
            if (peek('∞')) {
                at++;
                return start == at - 1 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
            while (at < s.length() && (Character.isDigit(s.charAt(at)) || s.charAt(at) == '.')) {
                at++;
            }
            if (at < s.length() && s.charAt(at) == 'e' && at + 1 < s.length() && (s.charAt(at + 1) == '-' || Character.isDigit(s.charAt(at + 1)))) {
                at += 2;
                while (at < s.length() && Character.isDigit(s.charAt(at))) {
                    at++;
                }
            }
            String text = s.substring(start, at).replace("−", "-");
            if (text.isEmpty() || text.equals("-")) {
                throw new IllegalArgumentException("no number at " + start + " of " + s);
            }
            double v = Double.parseDouble(text);
            if (peek('%')) {
                at++;
                v /= 100;
            }
            return v;
        }

        boolean peek(char c) {
            return at < s.length() && s.charAt(at) == c;
        }

        void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("expected " + c + " at " + at + " of " + s);
            }
            at++;
        }
    }
}
