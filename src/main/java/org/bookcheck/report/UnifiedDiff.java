package org.bookcheck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A unified diff of one file whose lines are replaced one for one, in the form {@code git apply} reads. */
public final class UnifiedDiff {

    /** Lines of unchanged context around each change. */
    public static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /**
     * The diff of {@code text} (the file's content, at {@code path} relative to the repository root) with
     * the given 1-based lines replaced; empty when nothing changes.
     */
    public static String of(String path, String text, Map<Integer, String> replaced) {
        List<String> lines = text.lines().toList();
        boolean finalNewline = text.endsWith("\n");
        TreeMap<Integer, String> changes = new TreeMap<>();
        replaced.forEach((line, content) -> {
            if (!lines.get(line - 1).equals(content)) {
                changes.put(line, content);
            }
        });
        if (changes.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("diff --git a/").append(path).append(" b/").append(path).append('\n');
        out.append("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
        List<int[]> hunks = new ArrayList<>();
        for (int line : changes.keySet()) {
            int from = Math.max(1, line - CONTEXT);
            int to = Math.min(lines.size(), line + CONTEXT);
            if (!hunks.isEmpty() && from <= hunks.get(hunks.size() - 1)[1] + 1) {
                hunks.get(hunks.size() - 1)[1] = to;
            } else {
                hunks.add(new int[] {from, to});
            }
        }
        for (int[] h : hunks) {
            int count = h[1] - h[0] + 1;
            out.append("@@ -").append(h[0]).append(',').append(count).append(" +").append(h[0]).append(',').append(count).append(" @@\n");
            for (int line = h[0]; line <= h[1]; line++) {
                boolean last = line == lines.size() && !finalNewline;
                String old = lines.get(line - 1);
                if (changes.containsKey(line)) {
                    out.append('-').append(old).append('\n').append(last ? "\\ No newline at end of file\n" : "");
                    out.append('+').append(changes.get(line)).append('\n').append(last ? "\\ No newline at end of file\n" : "");
                } else {
                    out.append(' ').append(old).append('\n').append(last ? "\\ No newline at end of file\n" : "");
                }
            }
        }
        return out.toString();
    }
}
