package org.kalkan.council;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/** A delegate's request for consultations: what its nation considers threatened, why, and the label. */
public record ConsultationRequest(@Nullable Set<ThreatGround> grounds, @Nullable String statement,
        @Nullable SecurityLabel label) {
}
