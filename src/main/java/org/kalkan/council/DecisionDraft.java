package org.kalkan.council;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * What the chair circulates: a title, the text, its label, the procedure (with the exact end of silence for
 * {@link Procedure#SILENCE}), optionally the crisis and consultation it answers and the measures it activates.
 * {@code urgency} records why a silence is shorter than {@code kalkan.council.min-silence} (never shorter than
 * {@code kalkan.council.min-urgent-silence}).
 */
public record DecisionDraft(@Nullable String title, @Nullable String text, @Nullable SecurityLabel label,
        @Nullable Procedure procedure, @Nullable Instant silenceEndsAt, @Nullable UUID crisisId,
        @Nullable UUID consultationId, @Nullable List<MeasureOrder> measures, @Nullable String urgency) {
}
