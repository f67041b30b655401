package org.bookcheck.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The set of tokens a model knows, each with its unique integer id. */
public record Vocabulary(Map<String, Integer> ids) implements Value {

    public Vocabulary {
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            String previous = seen.put(e.getValue(), e.getKey());
            if (previous != null) {
                throw new OpException("vocabulary: tokens \"" + previous + "\" and \"" + e.getKey()
                        + "\" both have id " + e.getValue() + ": ids must be unique");
            }
        }
        ids = Collections.unmodifiableMap(new LinkedHashMap<>(ids));
    }

    public Optional<String> token(int id) {
        return ids.entrySet().stream().filter(e -> e.getValue() == id).map(Map.Entry::getKey).findFirst();
    }

    @Override
    public String kind() {
        return "vocabulary";
    }

    @Override
    public String describeShape() {
        return ids.size() + " tokens";
    }
}
