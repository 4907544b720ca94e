package org.kalkan.incident;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to an incident. {@code otherRef} names the other incident of a merge or a move (its short
 * reference), and only when the reader may read that incident; {@code other} likewise. {@code detail} is the status
 * change ({@code NEW → ASSESSED}) and otherwise empty: the history holds no report content.
 */
public record IncidentHistoryEntry(Instant at, String actor, Kind kind, String detail, @Nullable IncidentId other,
        @Nullable String otherRef) {

    public enum Kind {
        OPENED, REPORT_ADDED, STATUS_CHANGED, MERGED_IN, MERGED_INTO, REPORT_MOVED_IN, REPORT_MOVED_OUT, SPLIT_FROM,
        REPORT_WITHDRAWN
    }
}
