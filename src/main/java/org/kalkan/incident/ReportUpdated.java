package org.kalkan.incident;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The originator gave their report new content under the same label (a CAP {@code Update}); a new label is announced
 * as {@link ReportRelabelled} instead, which carries the new content too. Published in the updating transaction, so a
 * synchronous listener's writes (the federation log) commit or roll back with the change.
 */
public record ReportUpdated(FiledReport report) {

    /** The context the report belongs to: null for the real world, else its exercise (ADR 0006). */
    public @Nullable UUID exerciseId() {
        return report.exerciseId();
    }
}
