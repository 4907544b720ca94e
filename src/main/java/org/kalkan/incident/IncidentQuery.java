package org.kalkan.incident;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A search of incidents: optional bounding box (minLon, minLat, maxLon, maxLat), time window (incidents observed
 * in it), category, status; at most {@code limit} items after {@code cursor}. The context (real world or one
 * exercise) is not part of the query: it is the subject's, and the access policy applies it (ADR 0006).
 */
public record IncidentQuery(double @Nullable [] bbox, @Nullable Instant from, @Nullable Instant to,
        @Nullable IncidentCategory category, @Nullable IncidentStatus status, int limit, @Nullable String cursor) {

    public static final int MAX_LIMIT = 1000;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public IncidentQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (bbox != null) {
            if (bbox.length != 4) {
                throw new IllegalArgumentException("bbox is minLon,minLat,maxLon,maxLat");
            }
            if (bbox[0] < -180 || bbox[2] > 180 || bbox[1] < -90 || bbox[3] > 90 || bbox[0] > bbox[2]
                    || bbox[1] > bbox[3]) {
                throw new IllegalArgumentException("bbox out of range or inverted: minLon,minLat,maxLon,maxLat");
            }
        }
        inRange(from, "from");
        inRange(to, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from is after to");
        }
    }

    private static void inRange(@Nullable Instant instant, String field) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw new IllegalArgumentException(field + " must be between the years 1 and 9999, was " + instant);
        }
    }

    public static IncidentQuery all(int limit) {
        return new IncidentQuery(null, null, null, null, null, limit, null);
    }
}
