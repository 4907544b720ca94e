package org.kalkan.council;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * An adopted decision activated a catalogue measure. The module where it acts applies it: crisis raises the
 * alert level ({@code RAISE_ALERT_LEVEL}) and logs it in the crisis; force opens sourcing
 * ({@code AUTHORISE_FORCE_SOURCING}).
  * {@code exerciseId}: the exercise the record belongs to, null in the real world (ADR 0006).
 */
public record MeasureActivated(DecisionId decisionId, String registerNumber, String measureCode,
        Map<String, String> parameters, @Nullable UUID crisisId, SecurityLabel label, Instant at,
        @Nullable UUID exerciseId) {

    public MeasureActivated {
        parameters = Map.copyOf(parameters);
    }
}
