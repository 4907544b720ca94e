package org.kalkan.incident;

import java.util.UUID;

/** Identifies a report. */
public record ReportId(UUID value) {

    public static ReportId random() {
        return new ReportId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
