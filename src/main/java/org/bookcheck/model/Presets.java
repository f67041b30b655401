package org.bookcheck.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The named configurations: {@code tiny} for tests and worked traces (word tokens, small enough to
 * print), and {@code small} and {@code medium}, the benchmark shapes S and M in the GPT-2 layout
 * with the 256-symbol byte vocabulary; {@code full}, GPT-2 small's shape (12 layers, width 768, 12 heads,
 * context 1024) with the byte vocabulary, for a GPU ({@code --backend gpu}).
 */
public final class Presets {

    private static final Map<String, TrainingConfig> NAMED = new LinkedHashMap<>();

    static {
        NAMED.put("tiny", new TrainingConfig("tiny", TokenizerKind.WORD, 8, 16, 2, 2, 4, 60,
                Optimizer.AdamW.of(1e-2f, 0f), 1.0, 1, 0.1));
        NAMED.put("small", new TrainingConfig("small", TokenizerKind.BYTE, 64, 128, 4, 4, 8, 6,
                Optimizer.AdamW.of(2e-3f, 0.01f), 1.0, 1, 0.1));
        NAMED.put("medium", new TrainingConfig("medium", TokenizerKind.BYTE, 128, 256, 8, 6, 8, 3,
                Optimizer.AdamW.of(1e-3f, 0.01f), 1.0, 1, 0.1));
        NAMED.put("full", new TrainingConfig("full", TokenizerKind.BYTE, 1024, 768, 12, 12, 8, 1,
                Optimizer.AdamW.of(6e-4f, 0.1f), 1.0, 1, 0.1));
    }

    private Presets() {
    }

    /** The names, in order. */
    public static Set<String> names() {
        return NAMED.keySet();
    }

    /** The configuration of that name; throws with the known names for any other. */
    public static TrainingConfig named(String name) {
        TrainingConfig c = NAMED.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown configuration \"" + name + "\"; the named ones are "
                    + String.join(", ", NAMED.keySet()) + " (or give a configuration file)");
        }
        return c;
    }
}
