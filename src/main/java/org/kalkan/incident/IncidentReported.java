package org.kalkan.incident;

/** A report was filed; {@code newIncident} tells whether it opened the incident or joined it. */
public record IncidentReported(IncidentSummary incident, ReportId reportId, boolean newIncident) {
}
