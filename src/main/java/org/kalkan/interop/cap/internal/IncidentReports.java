package org.kalkan.interop.cap.internal;

import org.kalkan.incident.FiledReport;
import org.kalkan.incident.Incidents;
import org.kalkan.incident.NewReport;
import org.kalkan.incident.ReportId;
import org.kalkan.security.Subject;
import org.springframework.stereotype.Component;

/**
 * What the gateway does to reports, through the incident module's API and as the posting subject (so its roles,
 * clearance, nation and context decide, and the incident module audits): file, update, withdraw.
 */
@Component
class IncidentReports {

    private final Incidents incidents;

    IncidentReports(Incidents incidents) {
        this.incidents = incidents;
    }

    public FiledReport file(Subject subject, NewReport report) {
        return incidents.report(subject, report);
    }

    /** The report with the update's content; it keeps its id (it may move to an incident of its own). */
    public FiledReport update(Subject subject, ReportId report, NewReport content, String reason) {
        return incidents.update(subject, report, content, reason);
    }

    public void withdraw(Subject subject, ReportId report, String reason) {
        incidents.withdraw(subject, report, reason);
    }
}
