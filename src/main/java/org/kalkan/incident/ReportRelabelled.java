package org.kalkan.incident;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * The originator changed a report's label ({@code report} carries the new one, and the incident it is filed under
 * now: its own new incident when the new label would have hidden its old incident from some of its readers).
 * {@code widened} is true when the release grew or the classification went down.
 */
public record ReportRelabelled(FiledReport report, SecurityLabel previousLabel, boolean widened, String by,
        String reason, Instant at) {

    /** The context the report belongs to: null for the real world, else its exercise (ADR 0006). */
    public @Nullable UUID exerciseId() {
        return report.exerciseId();
    }
}
