package org.kalkan.incident.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.incident.IncidentFeatures;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.IncidentPage;
import org.kalkan.incident.IncidentQuery;
import org.kalkan.incident.IncidentStatus;
import org.kalkan.incident.Incidents;
import org.kalkan.security.CurrentSubject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Incidents as JSON and GeoJSON, and the watch officers' acts on them (reports are in {@link ReportsApi}). */
@RestController
@RequestMapping("/api/v1")
class IncidentsApi {

    static final String GEO_JSON = "application/geo+json";

    private final Incidents incidents;
    private final CurrentSubject subject;

    IncidentsApi(Incidents incidents, CurrentSubject subject) {
        this.incidents = incidents;
        this.subject = subject;
    }

    record Page(List<IncidentJson.Incident> items, @Nullable String next) {
    }

    /** JSON by default; a GeoJSON FeatureCollection when the client accepts {@code application/geo+json}. */
    @GetMapping("/incidents")
    ResponseEntity<?> search(@RequestParam(required = false) String bbox, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String category,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String cursor,
            @RequestHeader(value = "Accept", required = false) String accept) {
        IncidentPage page = incidents.search(subject.get(), query(bbox, from, to, category, status, limit, cursor));
        if (accept != null && accept.contains(GEO_JSON)) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(GEO_JSON))
                    .body(IncidentFeatures.collection(page.items(), page.next()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new Page(page.items().stream().map(IncidentJson.Incident::of).toList(), page.next()));
    }

    @GetMapping("/incidents/{id}")
    IncidentJson.IncidentWithReports incident(@PathVariable UUID id) {
        var s = subject.get();
        IncidentId incidentId = new IncidentId(id);
        return new IncidentJson.IncidentWithReports(IncidentJson.Incident.of(incidents.find(s, incidentId)),
                incidents.reports(s, incidentId).stream().map(IncidentJson.Report::of).toList());
    }

    /** What happened to the incident: {@code otherRef}/{@code otherId} only for other incidents the caller may read. */
    @GetMapping("/incidents/{id}/history")
    java.util.List<IncidentJson.HistoryEntry> history(@PathVariable UUID id) {
        return incidents.history(subject.get(), new IncidentId(id)).stream().map(IncidentJson.HistoryEntry::of)
                .toList();
    }

    record StatusChange(@Nullable String status, @Nullable Integer version) {
    }

    @PostMapping("/incidents/{id}/status")
    IncidentJson.Incident status(@PathVariable UUID id, @RequestBody StatusChange change) {
        IncidentStatus target = ReportRequest.parse(IncidentStatus.class, change.status(), "status");
        return IncidentJson.Incident.of(incidents.changeStatus(subject.get(), new IncidentId(id), target,
                change.version()));
    }

    record Merge(@Nullable List<UUID> incidentIds) {
    }

    @PostMapping("/incidents/{id}/merge")
    IncidentJson.Incident merge(@PathVariable UUID id, @RequestBody Merge merge) {
        if (merge.incidentIds() == null) {
            throw new IllegalArgumentException("incidentIds is required: the incidents to merge into this one");
        }
        return IncidentJson.Incident.of(incidents.merge(subject.get(), new IncidentId(id),
                merge.incidentIds().stream().map(IncidentId::new).toList()));
    }

    static IncidentQuery query(@Nullable String bbox, @Nullable String from, @Nullable String to,
            @Nullable String category, @Nullable String status, int limit, @Nullable String cursor) {
        return new IncidentQuery(bbox == null ? null : bbox(bbox),
                from == null ? null : ReportRequest.instant(from, "from"),
                to == null ? null : ReportRequest.instant(to, "to"),
                category == null ? null : ReportRequest.parse(IncidentCategory.class, category, "category"),
                status == null ? null : ReportRequest.parse(IncidentStatus.class, status, "status"),
                limit, cursor);
    }

    static double[] bbox(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("bbox is minLon,minLat,maxLon,maxLat");
        }
        double[] values = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bbox is minLon,minLat,maxLon,maxLat: " + text);
            }
        }
        return values;
    }
}
