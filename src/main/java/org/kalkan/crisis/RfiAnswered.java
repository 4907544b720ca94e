package org.kalkan.crisis;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A nation answered an RFI. {@code label} is the answer's; {@code exerciseId} the exercise the crisis belongs to,
 * null in the real world (ADR 0006).
 */
public record RfiAnswered(CrisisId crisisId, UUID rfiId, UUID answerId, String answeredBy, NationCode nation,
        Instant answeredAt, SecurityLabel label, @Nullable UUID exerciseId) {
}
