package org.kalkan.council.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.DecisionId;
import org.kalkan.council.DecisionStatus;
import org.kalkan.council.Procedure;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** Decisions as the Council's rules see them, without a database: fixtures of the council's domain tests. */
final class DecisionRows {

    static final Instant DEADLINE = Instant.parse("2026-12-04T12:00:00Z");
    static final SecurityLabel MEMBERS = SecurityLabel.of(Classification.RESTRICTED, "MEMBERS");

    private DecisionRows() {
    }

    /** Version {@code version} of a decision circulated by the chair (KAZ) with silence until {@link #DEADLINE}. */
    static DecisionRow underSilence(DecisionStatus status, int version) {
        return row(Procedure.SILENCE, status, version, DEADLINE);
    }

    static DecisionRow underSilence() {
        return underSilence(DecisionStatus.UNDER_SILENCE, 1);
    }

    static DecisionRow underConsensus() {
        return row(Procedure.CONSENSUS, DecisionStatus.UNDER_CONSENSUS, 1, null);
    }

    private static DecisionRow row(Procedure procedure, DecisionStatus status, int version,
            @Nullable Instant silenceEndsAt) {
        return new DecisionRow(new DecisionId(UUID.randomUUID()), procedure, status, version, silenceEndsAt, null,
                null, null, null, null, "council.chair", DEADLINE.minusSeconds(86_400), MEMBERS, NationCode.of("KAZ"),
                null, null);
    }
}
