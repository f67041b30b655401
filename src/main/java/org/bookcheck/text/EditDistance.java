package org.bookcheck.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Levenshtein distances, used to suggest what the user probably meant: the nearest valid names for a
 * misspelt op or field, and the chapter line closest to a quote that no longer occurs.
 */
public final class EditDistance {

    private EditDistance() {
    }

    /** The number of single-character insertions, deletions and substitutions turning a into b. */
    public static int distance(String a, String b) {
        return lastRow(a, b, false)[b.length()];
    }

    /**
     * The smallest distance between the pattern and any substring of the text (the pattern may start
     * and end anywhere in the text for free): how well a quote fits somewhere inside a line.
     */
    public static int distanceToBestSubstring(String pattern, String text) {
        int best = pattern.length();
        for (int v : lastRow(pattern, text, true)) {
            best = Math.min(best, v);
        }
        return best;
    }

    /**
     * The last row of the Wagner–Fischer table for a against b; with {@code freeStart} the first row
     * is all zeros, so a match may begin anywhere in b.
     */
    private static int[] lastRow(String a, String b, boolean freeStart) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = freeStart ? 0 : j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev;
    }

    /**
     * Up to {@code limit} candidates nearest to the given word, nearest first, keeping only those
     * close enough to be a plausible misspelling (or containing it, or contained in it).
     */
    public static List<String> nearest(String word, Collection<String> candidates, int limit) {
        return candidates.stream()
                .filter(c -> distance(word, c) <= Math.max(2, c.length() / 3) || c.contains(word) || word.contains(c))
                .sorted(Comparator.comparingInt((String c) -> distance(word, c)).thenComparing(c -> c))
                .limit(limit)
                .toList();
    }
}
