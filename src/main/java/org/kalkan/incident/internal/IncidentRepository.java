package org.kalkan.incident.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.ReportId;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;

/**
 * What {@link Regrouping} needs of storage: incidents and the reports they hold, unfiltered (the caller has
 * already decided who may act). Locks taken here last until the caller's transaction ends.
 */
interface IncidentRepository {

    /** The incident, locked; empty when there is none. */
    Optional<IncidentSummary> lockIncident(IncidentId id);

    /** The reports the incident holds now (never withdrawn ones). */
    List<FiledReport> activeReports(IncidentId id);

    /** The report, locked; empty when there is none or it was withdrawn. */
    Optional<FiledReport> lockReport(ReportId id);

    /** Open incidents of the category and context near the point and time, locked. */
    List<IncidentSummary> correlationCandidates(IncidentCategory category, @Nullable UUID exercise, GeoPoint at,
            Instant observedAt, double radiusKm, Duration window);

    void insertIncident(IncidentId id, Derivation.Derived derived, @Nullable UUID exercise, Instant now);

    void insertReport(FiledReport report);

    void moveReport(ReportId report, IncidentId to);

    void relabelReport(ReportId report, SecurityLabel label);

    /** The report's new content (all but its id, incident, originator, context and creation). */
    void updateReport(FiledReport report);

    void withdrawReport(ReportId report, String by, String reason, Instant now);

    /** The report, locked, withdrawn or not; empty when there is none. */
    Optional<FiledReport> lockAnyReport(ReportId id);

    /** Deletes the report's row (a received report retracted by its origin); its incident is settled after. */
    void deleteReport(ReportId report);

    /** Stores every derived field of the incident (its label too) and counts a new version. */
    void saveDerived(IncidentId id, Derivation.Derived derived, Instant now);

    /**
     * An incident left without reports: closed, keeping its label but none of their fields (title, position,
     * severity, times are reset), and merged into {@code mergedInto} when that is set.
     */
    void empty(IncidentId id, @Nullable IncidentId mergedInto, Instant now);
}
