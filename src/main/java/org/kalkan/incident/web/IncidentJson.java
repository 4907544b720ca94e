package org.kalkan.incident.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.shared.Dtg;
import org.kalkan.shared.GeoPoint;

/** The JSON shapes of incidents and reports. */
final class IncidentJson {

    private IncidentJson() {
    }

    record Location(double lat, double lon, String mgrs) {

        static Location of(GeoPoint point) {
            return new Location(point.lat(), point.lon(), point.mgrs());
        }
    }

    record Incident(UUID id, String category, String title, String status, int severity, Location location,
            Instant firstObservedAt, Instant lastObservedAt, String lastObservedDtg, int reportCount, LabelJson label,
            String sidc, int version, @Nullable UUID exerciseId, String ref) {

        static Incident of(IncidentSummary i) {
            return new Incident(i.id().value(), i.category().name(), i.title(), i.status().name(), i.severity(),
                    Location.of(i.location()), i.firstObservedAt(), i.lastObservedAt(), Dtg.of(i.lastObservedAt()),
                    i.reportCount(), LabelJson.of(i.label()), i.sidc(), i.version(), i.exerciseId(), i.ref());
        }
    }

    record Report(UUID id, UUID incidentId, String category, String title, String narrative, Instant observedAt,
            String observedDtg, Location location, @Nullable String area, int severity, String confidence,
            String reportingNation, String reportedBy, String source, LabelJson label, Instant createdAt) {

        static Report of(FiledReport r) {
            return new Report(r.id().value(), r.incidentId().value(), r.category().name(), r.title(), r.narrative(),
                    r.observedAt(), Dtg.of(r.observedAt()), Location.of(r.location()), r.areaGeoJson(), r.severity(),
                    r.confidence().name(), r.reportingNation().value(), r.reportedBy(), r.source(),
                    LabelJson.of(r.label()), r.createdAt());
        }
    }

    record IncidentWithReports(Incident incident, List<Report> reports) {
    }
}
