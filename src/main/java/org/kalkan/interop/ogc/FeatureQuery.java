package org.kalkan.interop.ogc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of {@code /items}, checked: {@code bbox} in WGS 84 longitude/latitude, a {@code datetime}
 * instant or interval (features whose time span meets it), {@code limit} and the paging {@code cursor}.
 */
record FeatureQuery(double @Nullable [] bbox, @Nullable Instant from, @Nullable Instant to, int limit,
        @Nullable String cursor) {

    static final int DEFAULT_LIMIT = 10;
    /** Larger limits are served as this maximum, as OGC API – Features asks (not an error). */
    static final int MAX_LIMIT = 1000;

    static FeatureQuery parse(@Nullable String bbox, @Nullable String datetime, @Nullable String limit,
            @Nullable String cursor) {
        Instant from = null;
        Instant to = null;
        if (datetime != null) {
            String[] ends = datetime.split("/", -1);
            if (ends.length == 1) {
                from = start(ends[0], datetime);
                to = end(ends[0], datetime);
            } else if (ends.length == 2) {
                from = open(ends[0]) ? null : start(ends[0], datetime);
                to = open(ends[1]) ? null : end(ends[1], datetime);
            } else {
                throw invalidDatetime(datetime);
            }
            if (from != null && to != null && from.isAfter(to)) {
                throw new IllegalArgumentException("datetime: the interval starts after it ends: " + datetime);
            }
        }
        return new FeatureQuery(bbox == null ? null : bbox(bbox), from, to, limit(limit),
                cursor == null || cursor.isBlank() ? null : cursor);
    }

    static int limit(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be a positive integer, was " + text);
            }
            return Math.min(limit, MAX_LIMIT);
        } catch (NumberFormatException e) {
            if (text.trim().matches("\\+?[0-9]+")) {
                return MAX_LIMIT; // beyond int: still only a large limit
            }
            throw new IllegalArgumentException("limit must be a positive integer, was " + text);
        }
    }

    /** minLon,minLat,maxLon,maxLat (or six numbers with heights, which points do not have). */
    static double[] bbox(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw invalidBbox(text);
        }
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw invalidBbox(text);
            }
            if (!Double.isFinite(numbers[i])) {
                throw invalidBbox(text);
            }
        }
        int half = parts.length / 2;
        double[] box = {numbers[0], numbers[1], numbers[half], numbers[half + 1]};
        if (box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90 || box[1] > box[3]) {
            throw new IllegalArgumentException("bbox is outside WGS 84 or its latitudes are inverted: " + text);
        }
        if (box[0] > box[2]) {
            throw new IllegalArgumentException("bbox crossing the antimeridian is not supported: " + text);
        }
        return box;
    }

    private static boolean open(String end) {
        return end.isEmpty() || end.equals("..");
    }

    private static Instant start(String text, String datetime) {
        if (text.length() == 10) {
            return date(text, datetime).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return instant(text, datetime);
    }

    /** A date alone stands for the whole (UTC) day. */
    private static Instant end(String text, String datetime) {
        if (text.length() == 10) {
            return date(text, datetime).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
        }
        return instant(text, datetime);
    }

    private static LocalDate date(String text, String datetime) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalidDatetime(datetime);
        }
    }

    private static Instant instant(String text, String datetime) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalidDatetime(datetime);
        }
    }

    private static IllegalArgumentException invalidBbox(String text) {
        return new IllegalArgumentException("bbox is four numbers minLon,minLat,maxLon,maxLat in WGS 84, was " + text);
    }

    private static IllegalArgumentException invalidDatetime(String text) {
        return new IllegalArgumentException("datetime is an RFC 3339 date-time or an interval start/end "
                + "(either end may be '..'), e.g. 2026-11-01T00:00:00Z/.., was " + text);
    }
}
