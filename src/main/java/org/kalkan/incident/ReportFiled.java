package org.kalkan.incident;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A report was filed on this node (never one received from a peer node): published in the filing transaction, so a
 * synchronous listener's writes (the federation log) commit or roll back with the report.
 */
public record ReportFiled(FiledReport report) {

    /** The context the report belongs to: null for the real world, else its exercise (ADR 0006). */
    public @Nullable UUID exerciseId() {
        return report.exerciseId();
    }
}
