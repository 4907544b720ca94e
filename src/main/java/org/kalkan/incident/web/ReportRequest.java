package org.kalkan.incident.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.Confidence;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.incident.NewReport;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/reports}; every field is checked with a message that says what is wrong. The
 * optional {@code exerciseId} must name the context of the request ({@code ?exercise=}), or the report is refused.
 */
record ReportRequest(@Nullable String category, @Nullable String title, @Nullable String narrative,
        @Nullable String observedAt, @Nullable LocationInput location, @Nullable JsonNode area,
        @Nullable JsonNode severity, @Nullable String confidence, @Nullable SecurityLabel label,
        @Nullable UUID exerciseId) {

    record LocationInput(@Nullable Double lat, @Nullable Double lon, @Nullable String mgrs) {

        GeoPoint toPoint() {
            if (mgrs != null && !mgrs.isBlank()) {
                if (lat != null || lon != null) {
                    throw new IllegalArgumentException("give location as lat/lon or as mgrs, not both");
                }
                return GeoPoint.fromMgrs(mgrs);
            }
            if (lat == null || lon == null) {
                throw new IllegalArgumentException("location needs lat and lon, or mgrs");
            }
            return new GeoPoint(lat, lon);
        }
    }

    NewReport toNewReport(String source) {
        if (label == null) {
            throw new IllegalArgumentException("label is required: {\"classification\":…,\"releasableTo\":[…]}");
        }
        if (location == null) {
            throw new IllegalArgumentException("location is required: {\"lat\":…,\"lon\":…} or {\"mgrs\":…}");
        }
        return new NewReport(parse(IncidentCategory.class, category, "category"), title,
                narrative == null ? "" : narrative, instant(observedAt, "observedAt"), location.toPoint(), polygon(area),
                severity(severity), parse(Confidence.class, confidence, "confidence"), label, exerciseId, source);
    }

    /** A whole number from 1 to 5: {@code 1.5} is refused, never rounded. */
    static int severity(@Nullable JsonNode severity) {
        if (severity == null || severity.isNull()) {
            throw new IllegalArgumentException("severity is required: a whole number from 1 to 5");
        }
        if (!severity.isNumber() || !severity.canConvertToExactIntegral() || !severity.canConvertToInt()) {
            throw new IllegalArgumentException("severity must be a whole number from 1 to 5, was " + severity);
        }
        return severity.asInt();
    }

    static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + field + " '" + value + "'; one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    static Instant instant(@Nullable String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required (ISO 8601, e.g. 2026-11-25T08:00:00Z)");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO 8601 instant: " + value);
        }
    }

    /** A GeoJSON Polygon with closed rings of valid WGS-84 positions, or nothing. */
    static @Nullable String polygon(@Nullable JsonNode area) {
        if (area == null || area.isNull()) {
            return null;
        }
        if (!"Polygon".equals(area.path("type").asString(""))) {
            throw new IllegalArgumentException("area must be a GeoJSON Polygon");
        }
        JsonNode rings = area.path("coordinates");
        if (!rings.isArray() || rings.isEmpty() || rings.size() > 50) {
            throw new IllegalArgumentException("area.coordinates must hold 1 to 50 linear rings");
        }
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4 || ring.size() > 5000) {
                throw new IllegalArgumentException("each ring of area needs 4 to 5000 positions");
            }
            for (JsonNode position : ring) {
                if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber()
                        || !position.get(1).isNumber()) {
                    throw new IllegalArgumentException("area positions are [lon, lat]");
                }
                new GeoPoint(position.get(1).asDouble(), position.get(0).asDouble());
            }
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                throw new IllegalArgumentException("each ring of area must be closed (first position = last)");
            }
        }
        return area.toString();
    }
}
