package org.kalkan.incident.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;

/** A label as JSON: {@code {"classification":"CONFIDENTIAL","releasableTo":["AZE","TUR"],"marking":"…"}}. */
record LabelJson(@Nullable String classification, @Nullable List<String> releasableTo, @Nullable String marking) {

    static LabelJson of(SecurityLabel label) {
        return new LabelJson(label.classification().name(), List.copyOf(label.releasableTo()), label.marking());
    }

    SecurityLabel toLabel() {
        if (classification == null) {
            throw new IllegalArgumentException("label.classification is required");
        }
        Classification parsed = Classification.parse(classification).orElseThrow(() -> new IllegalArgumentException(
                "unknown classification '" + classification + "'; one of UNCLASSIFIED, RESTRICTED, CONFIDENTIAL, SECRET"));
        if (releasableTo == null || releasableTo.isEmpty()) {
            throw new IllegalArgumentException("label.releasableTo needs at least one nation or community");
        }
        return SecurityLabel.of(parsed, releasableTo);
    }
}
