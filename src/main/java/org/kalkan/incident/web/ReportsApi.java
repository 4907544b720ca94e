package org.kalkan.incident.web;

import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.Incidents;
import org.kalkan.incident.ReportId;
import org.kalkan.security.CurrentSubject;
import org.kalkan.shared.SecurityLabel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports: filing, reading one, the originator's relabelling and withdrawal, and a watch officer's re-attachment
 * to another incident (or split into its own).
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportsApi {

    private final Incidents incidents;
    private final CurrentSubject subject;

    ReportsApi(Incidents incidents, CurrentSubject subject) {
        this.incidents = incidents;
        this.subject = subject;
    }

    @PostMapping
    ResponseEntity<IncidentJson.Report> report(@RequestBody ReportRequest request) {
        var filed = incidents.report(subject.get(), request.toNewReport("API"));
        return ResponseEntity.created(URI.create("/api/v1/reports/" + filed.id()))
                .body(IncidentJson.Report.of(filed));
    }

    /** A report the caller may read; 404 otherwise, and for a withdrawn one. */
    @GetMapping("/{id}")
    IncidentJson.Report report(@PathVariable UUID id) {
        return IncidentJson.Report.of(incidents.findReport(subject.get(), new ReportId(id)));
    }

    record Relabel(@Nullable SecurityLabel label, @Nullable String reason) {
    }

    /** The originator's new label for the report (403 for other readers, 404 for whoever may not read it). */
    @PostMapping("/{id}/label")
    IncidentJson.Report relabel(@PathVariable UUID id, @RequestBody Relabel relabel) {
        if (relabel.label() == null) {
            throw new IllegalArgumentException("label is required: {\"classification\":…,\"releasableTo\":[…]}");
        }
        return IncidentJson.Report.of(incidents.relabel(subject.get(), new ReportId(id), relabel.label(),
                relabel.reason() == null ? "" : relabel.reason()));
    }

    record Withdrawal(@Nullable String reason) {
    }

    /** The originator withdraws the report: it leaves every list, map and count; its incident is derived again. */
    @PostMapping("/{id}/withdrawal")
    IncidentJson.Withdrawn withdraw(@PathVariable UUID id, @RequestBody Withdrawal withdrawal) {
        return IncidentJson.Withdrawn.of(incidents.withdraw(subject.get(), new ReportId(id),
                withdrawal.reason() == null ? "" : withdrawal.reason()));
    }

    record Reattach(@Nullable UUID incidentId) {
    }

    /** Moves a report to another incident, or with {@code "incidentId": null} splits it into a new one. */
    @PostMapping("/{id}/incident")
    IncidentJson.Incident reattach(@PathVariable UUID id, @RequestBody Reattach reattach) {
        return IncidentJson.Incident.of(incidents.reattach(subject.get(), new ReportId(id),
                reattach.incidentId() == null ? null : new IncidentId(reattach.incidentId())));
    }
}
