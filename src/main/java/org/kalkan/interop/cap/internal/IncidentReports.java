package org.kalkan.interop.cap.internal;

import org.kalkan.incident.FiledReport;
import org.kalkan.incident.Incidents;
import org.kalkan.incident.NewReport;
import org.kalkan.incident.ReportId;
import org.kalkan.security.Subject;
import org.kalkan.shared.RefusedException;
import org.springframework.stereotype.Component;

/**
 * What the gateway does to reports, through the incident module's API and as the posting subject (so its roles,
 * clearance, nation and context decide, and the incident module audits): file, update, withdraw.
 */
@Component
public class IncidentReports {

    private final Incidents incidents;

    IncidentReports(Incidents incidents) {
        this.incidents = incidents;
    }

    public FiledReport file(Subject subject, NewReport report) {
        return incidents.report(subject, report);
    }

    public void update(Subject subject, ReportId report, NewReport content, String reason) {
        throw new RefusedException("Updating a report from CAP needs the incident module's report update "
                + "(issue 12 part B); report " + report + " was not changed: " + reason + " " + content.title());
    }

    public void withdraw(Subject subject, ReportId report, String reason) {
        throw new RefusedException("Withdrawing a report from CAP needs the incident module's withdrawal "
                + "(issue 12 part B); report " + report + " was not withdrawn: " + reason);
    }
}
