package org.kalkan.council;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The chair's revised text after a broken silence, re-circulated as the next version with a new deadline (and, for
 * a silence shorter than the usual minimum, the urgency that justifies it).
 */
public record Revision(@Nullable String title, @Nullable String text, @Nullable Instant silenceEndsAt,
        @Nullable List<MeasureOrder> measures, @Nullable String urgency) {
}
