package org.kalkan.incident.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.IncidentStatus;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.ReportId;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;

/**
 * The incident and report tables in memory, row for row as {@link IncidentStore} keeps them (a stored field stays
 * what was last written into it), so the regrouping rules can be exercised over thousands of histories without a
 * database. It stores; it decides nothing.
 */
final class MemoryIncidents implements IncidentRepository {

    /** One row of the incident table. */
    private record Row(IncidentId id, IncidentCategory category, String title, IncidentStatus status, int severity,
            GeoPoint location, Instant first, Instant last, int count, SecurityLabel label, @Nullable UUID exercise,
            @Nullable IncidentId mergedInto, Instant created, int version) {

        IncidentSummary summary() {
            return new IncidentSummary(id, category, title, status, severity, location, first, last, count, label,
                    exercise, version, created, "INC-MEM-" + id.value()); // no rule reads updatedAt or the reference
        }
    }

    private final Map<IncidentId, Row> incidents = new LinkedHashMap<>();
    private final Map<ReportId, FiledReport> reports = new LinkedHashMap<>();
    private final Map<ReportId, Instant> withdrawn = new HashMap<>();

    /** Every row as it is now, to compare before and after a refused act. */
    record Snapshot(List<IncidentSummary> incidents, Map<ReportId, FiledReport> reports, int withdrawn) {
    }

    Snapshot snapshot() {
        return new Snapshot(incidents.values().stream().map(Row::summary).toList(), new LinkedHashMap<>(reports),
                withdrawn.size());
    }

    List<IncidentSummary> incidents() {
        return incidents.values().stream().map(Row::summary).toList();
    }

    /** Reports not withdrawn. */
    List<FiledReport> active() {
        return reports.values().stream().filter(r -> !withdrawn.containsKey(r.id())).toList();
    }

    @Nullable IncidentId mergedInto(IncidentId id) {
        return incidents.get(id).mergedInto();
    }

    void status(IncidentId id, IncidentStatus status) {
        Row r = incidents.get(id);
        incidents.put(id, new Row(r.id(), r.category(), r.title(), status, r.severity(), r.location(), r.first(),
                r.last(), r.count(), r.label(), r.exercise(), r.mergedInto(), r.created(), r.version() + 1));
    }

    @Override
    public Optional<IncidentSummary> lockIncident(IncidentId id) {
        return Optional.ofNullable(incidents.get(id)).map(Row::summary);
    }

    @Override
    public List<FiledReport> activeReports(IncidentId id) {
        return active().stream().filter(r -> r.incidentId().equals(id))
                .sorted(Comparator.comparing(FiledReport::createdAt).thenComparing(r -> r.id().value())).toList();
    }

    @Override
    public Optional<FiledReport> lockReport(ReportId id) {
        return withdrawn.containsKey(id) ? Optional.empty() : Optional.ofNullable(reports.get(id));
    }

    @Override
    public List<IncidentSummary> correlationCandidates(IncidentCategory category, @Nullable UUID exercise,
            GeoPoint at, Instant observedAt, double radiusKm, Duration window) {
        List<IncidentSummary> open = new ArrayList<>();
        for (Row r : incidents.values()) {
            if (r.category() == category && Objects.equals(r.exercise(), exercise)
                    && r.status() != IncidentStatus.CLOSED && r.mergedInto() == null && r.count() > 0
                    && !r.last().isBefore(observedAt.minus(window)) && !r.first().isAfter(observedAt.plus(window))) {
                open.add(r.summary());
            }
        }
        return open;
    }

    @Override
    public void insertIncident(IncidentId id, Derivation.Derived d, @Nullable UUID exercise, Instant now) {
        if (incidents.containsKey(id)) {
            throw new IllegalStateException("duplicate incident " + id);
        }
        incidents.put(id, new Row(id, d.category(), d.title(), IncidentStatus.NEW, d.severity(), d.location(),
                d.firstObservedAt(), d.lastObservedAt(), d.reportCount(), d.label(), exercise, null, now, 0));
    }

    @Override
    public void insertReport(FiledReport report) {
        if (!incidents.containsKey(report.incidentId()) || reports.containsKey(report.id())) {
            throw new IllegalStateException("a report needs its incident, once");
        }
        reports.put(report.id(), report);
    }

    @Override
    public void moveReport(ReportId report, IncidentId to) {
        if (!incidents.containsKey(to)) {
            throw new IllegalStateException("no incident " + to);
        }
        reports.put(report, reports.get(report).withIncident(to));
    }

    @Override
    public void relabelReport(ReportId report, SecurityLabel label) {
        reports.put(report, reports.get(report).withLabel(label));
    }

    @Override
    public void updateReport(FiledReport report) {
        FiledReport stored = reports.get(report.id());
        if (stored != null && !withdrawn.containsKey(report.id())) {
            reports.put(report.id(), report.withIncident(stored.incidentId()));
        }
    }

    @Override
    public void withdrawReport(ReportId report, String by, String reason, Instant now) {
        withdrawn.putIfAbsent(report, now);
    }

    @Override
    public void saveDerived(IncidentId id, Derivation.Derived d, Instant now) {
        Row r = incidents.get(id);
        incidents.put(id, new Row(id, d.category(), d.title(), r.status(), d.severity(), d.location(),
                d.firstObservedAt(), d.lastObservedAt(), d.reportCount(), d.label(), r.exercise(), r.mergedInto(),
                r.created(), r.version() + 1));
    }

    @Override
    public void empty(IncidentId id, @Nullable IncidentId mergedInto, Instant now) {
        Row r = incidents.get(id);
        incidents.put(id, new Row(id, r.category(), "", IncidentStatus.CLOSED, 1, new GeoPoint(0, 0), r.created(),
                r.created(), 0, r.label(), r.exercise(), mergedInto != null ? mergedInto : r.mergedInto(),
                r.created(), r.version() + 1));
    }

    @Override
    public Optional<FiledReport> lockAnyReport(ReportId id) {
        return Optional.ofNullable(reports.get(id));
    }

    @Override
    public void deleteReport(ReportId report) {
        reports.remove(report);
        withdrawn.remove(report);
    }
}
