package org.kalkan.council;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A member requested consultations. Notification alerts every delegate and the chair at FLASH precedence,
 * within the label.
  * {@code exerciseId}: the exercise the record belongs to, null in the real world (ADR 0006).
 */
public record ConsultationRequested(ConsultationId consultationId, NationCode requestingNation,
        Set<ThreatGround> grounds, String statement, SecurityLabel label, String requestedBy, UUID sessionId,
        Instant at,
        @Nullable UUID exerciseId) {
}
