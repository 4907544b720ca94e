package org.kalkan.incident;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.internal.ReportAreas;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.Subject;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The areas of the reports (polygons of CAP warnings, areas drawn on the form) of open incidents, for the map:
 * only reports the subject may read, of incidents the subject may read, in the subject's context.
 */
@Service
public class IncidentAreas {

    private final ReportAreas areas;
    private final AccessPolicy policy;

    IncidentAreas(ReportAreas areas, AccessPolicy policy) {
        this.areas = areas;
        this.policy = policy;
    }

    /** Areas of reports of incidents last observed since {@code from} (all when null). */
    @Transactional(readOnly = true)
    public List<ReportArea> since(Subject subject, @Nullable Instant from) {
        return checked(subject, areas.find(policy.filter(subject, "r"), policy.filter(subject, "i"), null, from));
    }

    /** Areas of one incident's reports (empty when the subject may not read it). */
    @Transactional(readOnly = true)
    public List<ReportArea> of(Subject subject, IncidentId incident) {
        return checked(subject, areas.find(policy.filter(subject, "r"), policy.filter(subject, "i"), incident, null));
    }

    private List<ReportArea> checked(Subject subject, List<ReportAreas.Row> rows) {
        rows.forEach(row -> policy.assertReadable(subject, row.area().label(), row.origin(), row.exercise(),
                "report:" + row.area().reportId()));
        return rows.stream().map(ReportAreas.Row::area).toList();
    }
}
