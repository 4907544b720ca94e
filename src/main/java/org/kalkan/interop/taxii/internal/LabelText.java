package org.kalkan.interop.taxii.internal;

import java.util.Arrays;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A label written as its marking in configuration, e.g. {@code RESTRICTED // REL TO MEMBERS}; {@code {nation}}
 * stands for the nation of the account the label is for.
 */
final class LabelText {

    private LabelText() {
    }

    static SecurityLabel parse(String marking, NationCode nation) {
        String[] parts = marking.replace("{nation}", nation.value()).split("//", 2);
        String releasability = parts.length == 2 ? parts[1].trim() : "";
        if (!releasability.startsWith("REL TO ")) {
            throw new IllegalArgumentException("not a label marking (CLASSIFICATION // REL TO …): " + marking);
        }
        Classification classification = Classification.parse(parts[0].trim())
                .orElseThrow(() -> new IllegalArgumentException("unknown classification in marking: " + marking));
        return SecurityLabel.of(classification, Arrays.stream(releasability.substring("REL TO ".length()).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList());
    }
}
