package org.kalkan.interop.cot;

import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Component;

/** Each user's default label for CoT they send without one; {@code kalkan.cot.default-label} otherwise. */
@Component
class CotUserLabels {

    private final StoredUserLabels stored;
    private final SecurityLabel fallback;

    CotUserLabels(StoredUserLabels stored, CotProperties properties) {
        this.stored = stored;
        this.fallback = CotXml.marking(properties.defaultLabel());
    }

    SecurityLabel defaultLabel(String username) {
        return stored.find(username).orElse(fallback);
    }

    void set(String username, SecurityLabel label) {
        stored.save(username, label);
    }
}
