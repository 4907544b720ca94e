package org.kalkan.crisis;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** An answer to an RFI, with its own label. */
public record RfiAnswer(UUID id, UUID rfiId, String text, String answeredBy, NationCode nation, Instant answeredAt,
        SecurityLabel label, @Nullable UUID exerciseId) {
}
