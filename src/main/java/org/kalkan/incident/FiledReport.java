package org.kalkan.incident;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A stored report and the incident it is filed under. Its {@code reportingNation} is its originator: the only
 * nation that may change its label or withdraw it.
 */
public record FiledReport(ReportId id, IncidentId incidentId, IncidentCategory category, String title,
        String narrative, Instant observedAt, GeoPoint location, @Nullable String areaGeoJson, int severity,
        Confidence confidence, NationCode reportingNation, String reportedBy, String source, SecurityLabel label,
        @Nullable UUID exerciseId, Instant createdAt) {

    /** The same report filed under another incident. */
    public FiledReport withIncident(IncidentId incident) {
        return new FiledReport(id, incident, category, title, narrative, observedAt, location, areaGeoJson, severity,
                confidence, reportingNation, reportedBy, source, label, exerciseId, createdAt);
    }

    /** The same report under another label. */
    public FiledReport withLabel(SecurityLabel newLabel) {
        return new FiledReport(id, incidentId, category, title, narrative, observedAt, location, areaGeoJson, severity,
                confidence, reportingNation, reportedBy, source, newLabel, exerciseId, createdAt);
    }
}
