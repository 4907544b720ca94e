package org.kalkan.incident;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The originator withdrew a report: it is kept as a tombstone for the audit but no longer counts anywhere, and
 * its incident was derived again from the reports left (closed when none is left). {@code report} is the report
 * as it was, so listeners may tell whoever received it, under its label, that it is gone.
 */
public record ReportWithdrawn(FiledReport report, String by, String reason, Instant at) {

    /** The context the report belonged to: null for the real world, else its exercise (ADR 0006). */
    public @Nullable UUID exerciseId() {
        return report.exerciseId();
    }
}
