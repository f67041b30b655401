package org.bookcheck.draft;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.bookcheck.expr.Expressions;

/** Step names from what a chapter writes: {@code Q[0][0]} is {@code Q_0_0}, {@code P(C)} is {@code P_C}, the label "Find max" is {@code find_max}. */
public final class Names {

    private static final Set<String> RESERVED = Set.copyOf(Expressions.functions().stream().collect(Collectors.toSet()));
    private static final Set<String> CONSTANTS = Set.of("e", "pi", "π");

    private Names() {
    }

    /** The name a left-hand side defines: every run of characters that cannot be in a name becomes one underscore. */
    public static String of(String lhs) {
        StringBuilder subscripts = new StringBuilder();
        // LaTeX: \mathbf{W}_{\text{old}} is W_old, \eta is eta.
        String plain = lhs.replaceAll("\\\\(mathbf|mathrm|mathit|text|boldsymbol|operatorname|bm)(?![a-zA-Z])", "").replace("\\", "");
        plain.codePoints().forEach(c -> {
            if (c >= '₀' && c <= '₉') {
                subscripts.append('_').append((char) ('0' + (c - '₀')));
            } else {
                subscripts.appendCodePoint(c);
            }
        });
        // Letters as the expression grammar reads them (no modifier letters), digits 0-9 and underscores.
        String n = subscripts.toString().replaceAll("[^\\p{Lu}\\p{Ll}\\p{Lt}\\p{Lo}0-9_]+", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
        return usable(n);
    }

    /** A name from a prose label: its first five words in lower case, joined by underscores; empty if it has none. */
    public static String ofLabel(String label) {
        String words = label.replaceFirst("^\\d+\\.\\s*", "").toLowerCase(Locale.ROOT);
        String joined = Arrays.stream(words.split("[^\\p{Lu}\\p{Ll}\\p{Lt}\\p{Lo}0-9]+")).filter(w -> !w.isEmpty()).limit(5).collect(Collectors.joining("_"));
        return joined.isEmpty() ? "" : usable(joined);
    }

    private static String usable(String n) {
        if (n.isEmpty()) {
            return n;
        }
        if (!Character.isLetter(n.codePointAt(0)) && n.charAt(0) != '_') {
            n = "v_" + n;
        }
        return RESERVED.contains(n) || CONSTANTS.contains(n) ? n + "_value" : n;
    }

    /** {@code base} if it is free, else {@code base_2}, {@code base_3}, ...: the first name not taken. */
    static String free(String base, java.util.function.Predicate<String> taken) {
        if (!taken.test(base)) {
            return base;
        }
        for (int k = 2; ; k++) {
            if (!taken.test(base + "_" + k)) {
                return base + "_" + k;
            }
        }
    }
}
