package org.kalkan.incident;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;

/** A report as filed: by a person on the form, through the API, or from a standard feed ({@code source}). */
public record NewReport(IncidentCategory category, String title, String narrative, Instant observedAt,
        GeoPoint location, @Nullable String areaGeoJson, int severity, Confidence confidence, SecurityLabel label,
        @Nullable UUID exerciseId, String source) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_NARRATIVE = 20_000;

    public NewReport {
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("title is required, at most " + MAX_TITLE + " characters");
        }
        if (narrative == null || narrative.length() > MAX_NARRATIVE) {
            throw new IllegalArgumentException("narrative is required, at most " + MAX_NARRATIVE + " characters");
        }
        if (severity < 1 || severity > 5) {
            throw new IllegalArgumentException("severity must be between 1 and 5, was " + severity);
        }
        if (category == null || confidence == null || observedAt == null || location == null || label == null) {
            throw new IllegalArgumentException("category, confidence, observedAt, location and label are required");
        }
        title = title.strip();
    }
}
