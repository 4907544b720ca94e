package org.kalkan.council;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * A decision was adopted ({@code outcome} {@code ADOPTED} or {@code ADOPTED_WITH_RESERVATIONS}) and entered in
 * the register; {@code at} is the instant of adoption (the end of silence, or the chair's closing).
  * {@code exerciseId}: the exercise the record belongs to, null in the real world (ADR 0006).
 */
public record DecisionAdopted(DecisionId decisionId, int version, String registerNumber, DecisionStatus outcome,
        String title, List<MeasureOrder> measures, @Nullable UUID crisisId, SecurityLabel label, Instant at,
        @Nullable UUID exerciseId) {

    public DecisionAdopted {
        measures = List.copyOf(measures);
    }
}
