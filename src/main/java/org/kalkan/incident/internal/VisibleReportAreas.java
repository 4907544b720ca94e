package org.kalkan.incident.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.IncidentAreas;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.ReportArea;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.Subject;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link IncidentAreas} read with the access policy filter in SQL and asserted again per report. */
@Service("incidentAreas")
class VisibleReportAreas implements IncidentAreas {

    private final ReportAreas areas;
    private final AccessPolicy policy;

    VisibleReportAreas(ReportAreas areas, AccessPolicy policy) {
        this.areas = areas;
        this.policy = policy;
    }

    @Transactional(readOnly = true)
    @Override
    public List<ReportArea> since(Subject subject, @Nullable Instant from) {
        return checked(subject, areas.find(policy.filter(subject, "r"), policy.filter(subject, "i"), null, from));
    }

    @Transactional(readOnly = true)
    @Override
    public List<ReportArea> of(Subject subject, IncidentId incident) {
        return checked(subject, areas.find(policy.filter(subject, "r"), policy.filter(subject, "i"), incident, null));
    }

    private List<ReportArea> checked(Subject subject, List<ReportAreas.Row> rows) {
        rows.forEach(row -> policy.assertReadable(subject, row.area().label(), row.origin(), row.exercise(),
                "report:" + row.area().reportId()));
        return rows.stream().map(ReportAreas.Row::area).toList();
    }
}
