package org.kalkan.council;

import java.util.Map;
import java.util.TreeMap;

/** A catalogue measure named by a decision, with the parameters it takes (e.g. {@code level} for an alert). */
public record MeasureOrder(String code, Map<String, String> parameters) {

    public MeasureOrder {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a measure needs its catalogue code");
        }
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }
}
