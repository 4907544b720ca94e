package org.kalkan.council.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.ConsultationId;
import org.kalkan.council.DecisionId;
import org.kalkan.council.DecisionStatus;
import org.kalkan.council.Procedure;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * The decision's own row: its state, label and context ({@code exerciseId}, null = real world), without versions,
 * positions and breaks; {@code notAdoptedReason} when a rule refused it at the moment it was to take effect.
 */
record DecisionRow(DecisionId id, Procedure procedure, DecisionStatus status, int version,
        @Nullable Instant silenceEndsAt, @Nullable UUID crisisId, @Nullable ConsultationId consultationId,
        @Nullable String registerNumber, @Nullable Instant adoptedAt, @Nullable Instant closedAt, String createdBy,
        Instant createdAt, SecurityLabel label, NationCode origin, @Nullable UUID exerciseId,
        @Nullable String notAdoptedReason) {

    String target() {
        return "decision:" + id;
    }

    /** Under silence and the deadline has come: adopted at that instant, whether or not anyone has noticed. */
    boolean silenceEndedBy(Instant now) {
        return status == DecisionStatus.UNDER_SILENCE && silenceEndsAt != null && !now.isBefore(silenceEndsAt);
    }

    /** When the silence ends; only for a decision under silence (a bug otherwise). */
    Instant endOfSilence() {
        if (silenceEndsAt == null) {
            throw new IllegalStateException("decision " + id.value() + " is not under silence");
        }
        return silenceEndsAt;
    }
}
