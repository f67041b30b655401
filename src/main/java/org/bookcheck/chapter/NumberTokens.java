package org.bookcheck.chapter;

import java.util.ArrayList;
import java.util.List;

/**
 * The token rule for numbers, in one place: what characters of a line make one number. A number is a
 * whole token — an optional sign ({@code -} or {@code −}) attached in front, digits with thousands
 * separators as written ({@code 10,000}, not in code), a decimal part ({@code 0.15}), an exponent
 * ({@code 1.2e-5}) and a percent sign ({@code 75%}, {@code 25\%}) — never part of a longer one: the
 * {@code 0.0} of {@code 0.0498} or the {@code 0.03} of {@code -0.03} are no tokens. Digits that continue
 * a word or an index are not numbers: after a letter or digit ({@code W1}), after {@code _} or {@code ^}
 * ({@code y_1}, {@code x^2}), a backslash or a dot, and inside an index bracket that follows a name
 * ({@code Q[0][1]}, {@code context[0]}).
 */
public final class NumberTokens {

    /** Characters [start, end) of a line that form one number. */
    record Bounds(int start, int end) {
    }

    private NumberTokens() {
    }

    /**
     * The number tokens among characters [from, to) of a line. Characters before {@code from} decide
     * whether digits continue an index; a sign is attached only from inside the range.
     *
     * @param code whether the range is code, where a comma always separates ({@code [100,200]} is two numbers)
     */
    static List<Bounds> in(String s, int from, int to, boolean code) {
        List<Bounds> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            boolean startsNumber = Character.isDigit(c) || (c == '.' && i + 1 < to && Character.isDigit(s.charAt(i + 1))
                    && (i == 0 || !Character.isDigit(s.charAt(i - 1))));
            if (!startsNumber) {
                i++;
                continue;
            }
            int end = digitsEnd(s, i, to, !code);
            char prev = i > 0 ? s.charAt(i - 1) : ' ';
            boolean index = Character.isLetterOrDigit(prev) || prev == '_' || prev == '^' || prev == '\\' || prev == '.'
                    || (prev == '{' && i >= 2 && (s.charAt(i - 2) == '_' || s.charAt(i - 2) == '^'))
                    || indexBracket(s, i, end);
            if (index) {
                i = end;
                continue;
            }
            int start = i;
            if ((prev == '-' || prev == '−') && i - 1 >= from) {
                char before = i >= 2 ? s.charAt(i - 2) : ' ';
                if (!(Character.isLetterOrDigit(before) || before == ')' || before == '}' || before == ']' || before == '_')) {
                    start = i - 1;
                }
            }
            if (end < to && s.charAt(end) == '%') {
                end++;
            } else if (end + 1 < to && s.charAt(end) == '\\' && s.charAt(end + 1) == '%') {
                end += 2;
            }
            out.add(new Bounds(start, end));
            i = end;
        }
        return out;
    }

    /** The texts of the number tokens of a printed text, as the chapter would have them ({@code "2/6"} is 2 and 6). */
    public static List<String> texts(String text) {
        return in(text, 0, text.length(), false).stream().map(b -> text.substring(b.start(), b.end())).toList();
    }

    /**
     * Digits at i that stand alone inside brackets right after a name, {@code x[0]} or {@code Q[0][1]}:
     * an index, not a number. A list after an operator or a space, {@code = [1, 0]}, is not an index.
     */
    private static boolean indexBracket(String s, int i, int end) {
        if (i < 2 || s.charAt(i - 1) != '[' || end >= s.length() || s.charAt(end) != ']') {
            return false;
        }
        char name = s.charAt(i - 2);
        return Character.isLetterOrDigit(name) || name == '_' || name == ']' || name == ')';
    }

    /** End of the digits starting at i: 10,000, 0.15 and 1.2e-5 are one number each; "1, 2" are two. */
    private static int digitsEnd(String s, int i, int to, boolean thousands) {
        int j = i;
        while (j < to && Character.isDigit(s.charAt(j))) {
            j++;
        }
        if (thousands && j - i <= 3) {
            while (j + 3 < to && s.charAt(j) == ',' && Character.isDigit(s.charAt(j + 1)) && Character.isDigit(s.charAt(j + 2))
                    && Character.isDigit(s.charAt(j + 3)) && (j + 4 >= to || !Character.isDigit(s.charAt(j + 4)))) {
                j += 4;
            }
        }
        if (j + 1 < to && s.charAt(j) == '.' && Character.isDigit(s.charAt(j + 1))) {
            j++;
            while (j < to && Character.isDigit(s.charAt(j))) {
                j++;
            }
        }
        if (j < to && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < to && (s.charAt(k) == '-' || s.charAt(k) == '+' || s.charAt(k) == '−')) {
                k++;
            }
            if (k < to && Character.isDigit(s.charAt(k))) {
                int m = k;
                while (m < to && Character.isDigit(s.charAt(m))) {
                    m++;
                }
                if (m >= to || !Character.isLetter(s.charAt(m))) {
                    j = m;
                }
            }
        }
        return j;
    }

    /** A number's text compared across ways of writing it: Unicode minus as ASCII, no thousands separators, no LaTeX escape. */
    public static String normal(String number) {
        return number.strip().replace('−', '-').replace(",", "").replace("\\%", "%");
    }

    /** The value of a number's text: separators dropped, a percentage as a fraction of one. */
    public static double valueOf(String text) {
        String t = text.replace('−', '-').replace(",", "").replace("\\", "");
        boolean percent = t.endsWith("%");
        double v = Double.parseDouble(percent ? t.substring(0, t.length() - 1) : t);
        return percent ? v / 100 : v;
    }
}
