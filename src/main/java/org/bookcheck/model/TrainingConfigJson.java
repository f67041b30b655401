package org.bookcheck.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@link TrainingConfig} as JSON, for configuration files and checkpoint headers. A file may give
 * any subset of the fields on top of a named base ({@code "base": "tiny"}, {@code small} if absent).
 */
public final class TrainingConfigJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("base", "name", "tokenizer", "contextLength", "channels", "heads",
            "layers", "batchSize", "epochs", "optimizer", "learningRate", "weightDecay", "beta1", "beta2", "epsilon",
            "clipNorm", "seed", "heldOutFraction");

    private TrainingConfigJson() {
    }

    /** The fields of a configuration as a JSON-ready map. */
    public static Map<String, Object> toMap(TrainingConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("tokenizer", c.tokenizer().name().toLowerCase(Locale.ROOT));
        m.put("contextLength", c.contextLength());
        m.put("channels", c.channels());
        m.put("heads", c.heads());
        m.put("layers", c.layers());
        m.put("batchSize", c.batchSize());
        m.put("epochs", c.epochs());
        switch (c.optimizer()) {
            case Optimizer.Sgd s -> {
                m.put("optimizer", "sgd");
                m.put("learningRate", (double) s.learningRate());
            }
            case Optimizer.AdamW a -> {
                m.put("optimizer", "adamw");
                m.put("learningRate", (double) a.learningRate());
                m.put("beta1", (double) a.beta1());
                m.put("beta2", (double) a.beta2());
                m.put("epsilon", (double) a.epsilon());
                m.put("weightDecay", (double) a.weightDecay());
            }
        }
        m.put("clipNorm", c.clipNorm());
        m.put("seed", c.seed());
        m.put("heldOutFraction", c.heldOutFraction());
        return m;
    }

    /** A configuration from a map, each missing field taken from the base. Throws IllegalArgumentException. */
    public static TrainingConfig fromMap(Map<String, Object> m, TrainingConfig base) {
        for (String key : m.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown configuration field \"" + key + "\"; the fields are "
                        + String.join(", ", new java.util.TreeSet<>(KEYS)));
            }
        }
        String tokenizer = string(m, "tokenizer", base.tokenizer().name().toLowerCase(Locale.ROOT));
        TokenizerKind kind = switch (tokenizer) {
            case "word" -> TokenizerKind.WORD;
            case "byte" -> TokenizerKind.BYTE;
            default -> throw new IllegalArgumentException("tokenizer must be \"word\" or \"byte\", got \"" + tokenizer + "\"");
        };
        String optimizerName = string(m, "optimizer", base.optimizer() instanceof Optimizer.Sgd ? "sgd" : "adamw");
        float lr = (float) number(m, "learningRate", base.optimizer().learningRate());
        Optimizer.AdamW baseAdam = base.optimizer() instanceof Optimizer.AdamW a ? a : Optimizer.AdamW.of(lr, 0f);
        Optimizer optimizer = switch (optimizerName) {
            case "sgd" -> new Optimizer.Sgd(lr);
            case "adamw" -> new Optimizer.AdamW(lr, (float) number(m, "beta1", baseAdam.beta1()),
                    (float) number(m, "beta2", baseAdam.beta2()), (float) number(m, "epsilon", baseAdam.epsilon()),
                    (float) number(m, "weightDecay", baseAdam.weightDecay()));
            default -> throw new IllegalArgumentException("optimizer must be \"sgd\" or \"adamw\", got \"" + optimizerName + "\"");
        };
        return new TrainingConfig(string(m, "name", base.name()), kind,
                whole(m, "contextLength", base.contextLength()), whole(m, "channels", base.channels()),
                whole(m, "heads", base.heads()), whole(m, "layers", base.layers()),
                whole(m, "batchSize", base.batchSize()), whole(m, "epochs", base.epochs()), optimizer,
                number(m, "clipNorm", base.clipNorm()), (long) number(m, "seed", base.seed()),
                number(m, "heldOutFraction", base.heldOutFraction()));
    }

    /** Reads a configuration file. Throws IllegalArgumentException with the file's name for any problem. */
    @SuppressWarnings("unchecked")
    public static TrainingConfig read(Path file) {
        Map<String, Object> m;
        try {
            m = JSON.readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the configuration file " + file + ": " + firstLine(e.getMessage()));
        }
        if (m == null) {
            throw new IllegalArgumentException("the configuration file " + file + " is empty");
        }
        String base = m.get("base") instanceof String s ? s : "small";
        try {
            return fromMap(m, Presets.named(base));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration file " + file + ": " + e.getMessage());
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String string(Map<String, Object> m, String key, String fallback) {
        Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(key + " must be a string, got " + v);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    private static double number(Map<String, Object> m, String key, double fallback) {
        Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(key + " must be a number, got " + v);
        }
        return n.doubleValue();
    }

    private static int whole(Map<String, Object> m, String key, int fallback) {
        double v = number(m, key, fallback);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " must be a whole number, got " + v);
        }
        return (int) v;
    }
}
