package org.kalkan.incident;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** A stored report and the incident it is filed under. */
public record FiledReport(ReportId id, IncidentId incidentId, IncidentCategory category, String title,
        String narrative, Instant observedAt, GeoPoint location, @Nullable String areaGeoJson, int severity,
        Confidence confidence, NationCode reportingNation, String reportedBy, String source, SecurityLabel label,
        @Nullable UUID exerciseId, Instant createdAt) {
}
