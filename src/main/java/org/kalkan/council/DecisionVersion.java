package org.kalkan.council;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One circulated text of a decision; a revision after a broken silence is the next version. */
public record DecisionVersion(int version, String title, String text, @Nullable Instant silenceEndsAt,
        List<MeasureOrder> measures, String circulatedBy, Instant circulatedAt) {

    public DecisionVersion {
        measures = List.copyOf(measures);
    }
}
