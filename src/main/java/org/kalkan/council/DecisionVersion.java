package org.kalkan.council;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One circulated text of a decision; a revision after a broken silence is the next version. {@code urgency} is the
 * reason the chair recorded for a silence shorter than the usual minimum; {@code notifiedDelegates} are the
 * delegates alerted before the version's silence (or consensus) began.
 */
public record DecisionVersion(int version, String title, String text, @Nullable Instant silenceEndsAt,
        List<MeasureOrder> measures, String circulatedBy, Instant circulatedAt, @Nullable String urgency,
        List<String> notifiedDelegates) {

    public DecisionVersion {
        measures = List.copyOf(measures);
        notifiedDelegates = List.copyOf(notifiedDelegates);
    }
}
