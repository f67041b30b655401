package org.bookcheck.chapter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values printed on one chapter line, as a fixture would write them: each LaTeX matrix
 * ({@code \begin{bmatrix}...\end{bmatrix}}) is one value, each bracketed list of numbers
 * ({@code [0.7, 0.2, 0.1]}) is one value, and every other number stands alone. Only numbers the
 * Markdown reading of the chapter counts ({@link ChapterNumbers}) are used, so code and links are not.
 */
public final class LineValues {

    /** One value on the line: characters [start, end), its text as printed, and how many numbers it holds. */
    public record Found(int start, int end, String text, Kind kind, int numbers) {
    }

    /** How a value is written. */
    public enum Kind { MATRIX, LIST, NUMBER }

    private static final Pattern MATRIX = Pattern.compile("\\\\begin\\{([bpv]?matrix)}.*?\\\\end\\{\\1}");
    private static final Pattern LIST = Pattern.compile("[\\[(][^\\[\\]()]*[\\])]");

    private LineValues() {
    }

    /** The values among characters [from, to) of a line, given the numbers read from it, in order. */
    public static List<Found> of(String line, List<ChapterNumber> numbers, int from, int to) {
        List<int[]> groups = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        Matcher m = MATRIX.matcher(line);
        while (m.find()) {
            groups.add(new int[] {m.start(), m.end()});
            kinds.add(Kind.MATRIX);
        }
        Matcher l = LIST.matcher(line);
        while (l.find()) {
            String inner = line.substring(l.start() + 1, l.end() - 1);
            boolean numeric = inner.contains(",") && inner.matches("[\\s\\d.,+\\-−%\\\\]+");
            boolean free = groups.stream().noneMatch(g -> l.start() < g[1] && l.end() > g[0]);
            if (numeric && free) {
                groups.add(new int[] {l.start(), l.end()});
                kinds.add(Kind.LIST);
            }
        }
        List<Found> out = new ArrayList<>();
        boolean[] used = new boolean[groups.size()];
        for (ChapterNumber n : numbers) {
            if (n.start() < from || n.end() > to) {
                continue;
            }
            int group = -1;
            for (int g = 0; g < groups.size(); g++) {
                if (n.start() >= groups.get(g)[0] && n.end() <= groups.get(g)[1]) {
                    group = g;
                }
            }
            if (group < 0) {
                out.add(new Found(n.start(), n.end(), n.text(), Kind.NUMBER, 1));
            } else if (!used[group]) {
                used[group] = true;
                int[] g = groups.get(group);
                int inside = (int) numbers.stream().filter(x -> x.start() >= g[0] && x.end() <= g[1]).count();
                out.add(new Found(g[0], g[1], line.substring(g[0], g[1]), kinds.get(group), inside));
            }
        }
        return out;
    }
}
