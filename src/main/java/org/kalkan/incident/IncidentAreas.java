package org.kalkan.incident;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Subject;

/**
 * The areas of the reports (polygons of CAP warnings, areas drawn on the form) of open incidents, for the map:
 * only reports the subject may read, of incidents the subject may read, in the subject's context.
 */
public interface IncidentAreas {

    /** Areas of reports of incidents last observed since {@code from} (all when null). */
    List<ReportArea> since(Subject subject, @Nullable Instant from);

    /** Areas of one incident's reports (empty when the subject may not read it). */
    List<ReportArea> of(Subject subject, IncidentId incident);
}
