package org.kalkan.council;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** A member's request for consultations, on the agenda of a session until the chair closes it. */
public record Consultation(ConsultationId id, NationCode requestingNation, Set<ThreatGround> grounds,
        String statement, SecurityLabel label, NationCode originNation, String requestedBy, Instant requestedAt,
        boolean open, @Nullable Instant closedAt, UUID sessionId, LocalDate sessionDate, @Nullable UUID exerciseId) {

    public Consultation {
        grounds = Set.copyOf(grounds);
    }
}
