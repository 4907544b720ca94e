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
    /** The earliest observation a report may give; anything before is a typing error. */
    public static final Instant EARLIEST_OBSERVATION = Instant.parse("1900-01-01T00:00:00Z");

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
        if (observedAt.isBefore(EARLIEST_OBSERVATION)) {
            throw new IllegalArgumentException("observedAt must not be before " + EARLIEST_OBSERVATION + ", was "
                    + observedAt);
        }
        requirePlainText(title, "title");
        requirePlainText(narrative, "narrative");
        requirePlainText(source, "source");
        title = title.strip();
    }

    /**
     * Refuses text that cannot be stored as it was sent: control characters other than tab and line breaks (NUL
     * above all) and unpaired surrogates. Nothing is silently dropped or replaced.
     */
    public static void requirePlainText(@Nullable String text, String field) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f;
            boolean unpaired = Character.isSurrogate(c);
            if (control || unpaired) {
                throw new IllegalArgumentException(field + " contains a character that cannot be stored (U+"
                        + String.format("%04X", (int) c) + " at position " + i + ")");
            }
        }
    }
}
