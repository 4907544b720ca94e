package org.kalkan.incident.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.ReportWithdrawn;
import org.kalkan.shared.Dtg;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;

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
            Instant firstObservedAt, Instant lastObservedAt, String lastObservedDtg, int reportCount, SecurityLabel label,
            String sidc, int version, @Nullable UUID exerciseId, String ref) {

        static Incident of(IncidentSummary i) {
            return new Incident(i.id().value(), i.category().name(), i.title(), i.status().name(), i.severity(),
                    Location.of(i.location()), i.firstObservedAt(), i.lastObservedAt(), Dtg.of(i.lastObservedAt()),
                    i.reportCount(), i.label(), i.sidc(), i.version(), i.exerciseId(), i.ref());
        }
    }

    record Report(UUID id, UUID incidentId, String category, String title, String narrative, Instant observedAt,
            String observedDtg, Location location, @Nullable String area, int severity, String confidence,
            String reportingNation, String reportedBy, String source, SecurityLabel label, Instant createdAt,
            String originNode) {

        static Report of(FiledReport r) {
            return new Report(r.id().value(), r.incidentId().value(), r.category().name(), r.title(), r.narrative(),
                    r.observedAt(), Dtg.of(r.observedAt()), Location.of(r.location()), r.areaGeoJson(), r.severity(),
                    r.confidence().name(), r.reportingNation().value(), r.reportedBy(), r.source(),
                    r.label(), r.createdAt(), r.originNode());
        }
    }

    record IncidentWithReports(Incident incident, List<Report> reports) {
    }

    /** A withdrawn report: its id and incident, who withdrew it, when and why; none of its content. */
    record Withdrawn(UUID id, UUID incidentId, String withdrawnBy, Instant withdrawnAt, String reason) {

        static Withdrawn of(ReportWithdrawn w) {
            return new Withdrawn(w.report().id().value(), w.report().incidentId().value(), w.by(), w.at(), w.reason());
        }
    }

    record HistoryEntry(Instant at, String dtg, String actor, String kind, String detail, @Nullable UUID otherId,
            @Nullable String otherRef) {

        static HistoryEntry of(org.kalkan.incident.IncidentHistoryEntry e) {
            return new HistoryEntry(e.at(), Dtg.of(e.at()), e.actor(), e.kind().name(), e.detail(),
                    e.other() == null ? null : e.other().value(), e.otherRef());
        }
    }
}
