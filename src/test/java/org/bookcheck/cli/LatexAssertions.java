package org.bookcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** LaTeX that a chapter can take: braces, math dollars, \\[ \\] and \\begin/\\end environments all balanced. */
public final class LatexAssertions {

    private LatexAssertions() {
    }

    public static void assertBalanced(String tex) {
        int depth = 0;
        int dollars = 0;
        Deque<String> environments = new ArrayDeque<>();
        for (int i = 0; i < tex.length(); i++) {
            char c = tex.charAt(i);
            if (c == '\\' && i + 1 < tex.length() && "{}$%&#_".indexOf(tex.charAt(i + 1)) >= 0) {
                i++;
                continue;
            }
            if (c == '%') {
                i = tex.indexOf('\n', i);
                if (i < 0) {
                    break;
                }
                continue;
            }
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            assertTrue(depth >= 0, () -> "unbalanced } in " + tex);
            dollars += c == '$' ? 1 : 0;
        }
        assertEquals(0, depth, tex);
        assertEquals(0, dollars % 2, tex);
        Matcher m = Pattern.compile("\\\\(begin|end)\\{([^}]*)}").matcher(tex);
        while (m.find()) {
            if (m.group(1).equals("begin")) {
                environments.push(m.group(2));
            } else {
                assertEquals(m.group(2), environments.isEmpty() ? null : environments.pop(), tex);
            }
        }
        assertTrue(environments.isEmpty(), tex);
        int brackets = tex.split("\\\\\\[", -1).length - tex.split("\\\\]", -1).length;
        assertEquals(0, brackets, tex);
    }
}
