package org.kalkan.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.internal.IncidentSearch;
import org.kalkan.incident.internal.IncidentStore;
import org.kalkan.incident.internal.LabelCombiner;
import org.kalkan.platform.Problems;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Files reports, correlates them into incidents, and lets watch officers manage incidents. */
@Service
public class Incidents {

    private static final Set<Role> REPORTERS = Set.of(Role.REPORTING_OFFICER, Role.WATCH_OFFICER,
            Role.CRISIS_MANAGER, Role.EXERCISE_DIRECTOR, Role.CAP_SOURCE);
    private static final Set<Role> MANAGERS = Set.of(Role.WATCH_OFFICER, Role.CRISIS_MANAGER);

    private final IncidentStore store;
    private final LabelCombiner combiner;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final IncidentProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    Incidents(IncidentStore store, LabelCombiner combiner, AccessPolicy policy, AuditTrail audit,
            ApplicationEventPublisher events, IncidentProperties properties, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.combiner = combiner;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Files a report: it joins the nearest open incident of its category within the correlation distance and
     * window whose combined label its reporter may still read, or opens a new incident.
     */
    @Transactional
    public FiledReport report(Subject reporter, NewReport request) {
        requireAnyRole(reporter, REPORTERS, "file reports");
        NewReport report = inContext(reporter, request);
        policy.checkWritable(reporter, report.label());
        Instant now = clock.instant();
        if (report.observedAt().isAfter(now.plusSeconds(300))) {
            throw new IllegalArgumentException("observedAt is in the future: " + report.observedAt());
        }
        // Two simultaneous reports near each other must not open two incidents: lock the neighbourhood.
        lockNeighbourhood(report);
        LabelCombiner.Labelled labelled = new LabelCombiner.Labelled(report.label(), reporter.nation());
        IncidentSummary joined = null;
        SecurityLabel combined = null;
        List<IncidentSummary> candidates = store.correlationCandidates(report.category(), report.exerciseId(),
                report.location(), report.observedAt(), properties.correlationDistanceKm(),
                properties.correlationWindow()).stream()
                .filter(c -> c.location().distanceKm(report.location()) <= properties.correlationDistanceKm())
                .sorted(Comparator.comparingDouble(c -> c.location().distanceKm(report.location())))
                .toList();
        for (IncidentSummary candidate : candidates) {
            List<LabelCombiner.Labelled> labels = new java.util.ArrayList<>(store.reportLabels(candidate.id()));
            labels.add(labelled);
            SecurityLabel label = combiner.combine(labels);
            if (label != null && policy.canRead(reporter, label, null, candidate.exerciseId())) {
                joined = candidate;
                combined = label;
                break;
            }
        }
        IncidentId incidentId = joined == null ? IncidentId.random() : joined.id();
        if (joined == null) {
            combined = combiner.combine(List.of(labelled));
            store.insertIncident(incidentId, report.category(), report.title(), report.severity(), report.location(),
                    report.observedAt(), combined, report.exerciseId(), now);
        }
        FiledReport filed = new FiledReport(ReportId.random(), incidentId, report.category(), report.title(),
                report.narrative(), report.observedAt(), report.location(), report.areaGeoJson(), report.severity(),
                report.confidence(), reporter.nation(), reporter.username(), report.source(), report.label(),
                report.exerciseId(), now);
        store.insertReport(filed);
        store.refreshAggregates(incidentId, combined, now);
        audit.record(reporter.username(), "REPORT_FILED", "report:" + filed.id(),
                report.category() + " " + report.label().marking() + " → incident " + incidentId
                        + (joined == null ? " (new)" : " (correlated)"));
        IncidentSummary incident = store.findForUpdate(incidentId).orElseThrow();
        events.publishEvent(new IncidentReported(incident, filed.id(), joined == null));
        return filed;
    }

    @Transactional(readOnly = true)
    public IncidentPage search(Subject subject, IncidentQuery query) {
        var sql = IncidentSearch.sql(query, policy.filter(subject, "i"));
        List<IncidentSummary> rows = store.search(sql);
        rows.forEach(i -> policy.assertReadable(subject, i.label(), null, i.exerciseId(), "incident:" + i.id()));
        return IncidentSearch.page(rows, query.limit());
    }

    /** The incident, if the subject may read it; otherwise not found (its existence is not revealed). */
    @Transactional(readOnly = true)
    public IncidentSummary find(Subject subject, IncidentId id) {
        IncidentSummary incident = store.find(id, policy.filter(subject, "i"))
                .orElseThrow(() -> notFound(subject, id));
        policy.assertReadable(subject, incident.label(), null, incident.exerciseId(), "incident:" + id);
        return incident;
    }

    @Transactional(readOnly = true)
    public List<FiledReport> reports(Subject subject, IncidentId id) {
        find(subject, id);
        List<FiledReport> reports = store.reports(id, policy.filter(subject, "r"));
        reports.forEach(r -> policy.assertReadable(subject, r.label(), r.reportingNation(), r.exerciseId(),
                "report:" + r.id()));
        return reports;
    }

    @Transactional
    public IncidentSummary changeStatus(Subject subject, IncidentId id, IncidentStatus target,
            @Nullable Integer expectedVersion) {
        requireAnyRole(subject, MANAGERS, "change incident status");
        IncidentSummary current = find(subject, id);
        if (!current.status().canMoveTo(target)) {
            throw Problems.conflict("An incident cannot move from " + current.status() + " to " + target
                    + "; allowed: " + current.status().next());
        }
        int version = expectedVersion == null ? current.version() : expectedVersion;
        if (!store.updateStatus(id, target, version, clock.instant())) {
            throw Problems.conflict("The incident was changed by someone else (version " + current.version()
                    + "); reload and try again.");
        }
        audit.record(subject.username(), "INCIDENT_STATUS", "incident:" + id, current.status() + " → " + target);
        IncidentSummary updated = store.findForUpdate(id).orElseThrow();
        events.publishEvent(new IncidentUpdated(updated, "status " + target, null));
        return updated;
    }

    /** Merges other incidents into {@code target}: their reports move, they close as merged. */
    @Transactional
    public IncidentSummary merge(Subject subject, IncidentId target, List<IncidentId> others) {
        requireAnyRole(subject, MANAGERS, "merge incidents");
        if (others.isEmpty() || others.contains(target)) {
            throw new IllegalArgumentException("name at least one other incident to merge into the target");
        }
        IncidentSummary into = find(subject, target);
        for (IncidentId other : others) {
            IncidentSummary source = find(subject, other);
            if (source.category() != into.category() || !java.util.Objects.equals(source.exerciseId(),
                    into.exerciseId())) {
                throw Problems.conflict("Only incidents of the same category and context can be merged.");
            }
            if (source.status() == IncidentStatus.CLOSED) {
                throw Problems.conflict("Incident " + other + " is closed.");
            }
        }
        List<LabelCombiner.Labelled> all = new java.util.ArrayList<>(store.reportLabels(target));
        others.forEach(other -> all.addAll(store.reportLabels(other)));
        requireStillReadable(subject, combiner.combine(all), "merging");
        Instant now = clock.instant();
        for (IncidentId other : others) {
            store.findForUpdate(other);
            store.moveAllReports(other, target);
            store.markMerged(other, target, now);
        }
        IncidentSummary merged = recompute(target, now);
        audit.record(subject.username(), "INCIDENT_MERGED", "incident:" + target, "merged " + others);
        for (IncidentId other : others) {
            events.publishEvent(new IncidentUpdated(store.findForUpdate(other).orElseThrow(), "merged", target));
        }
        events.publishEvent(new IncidentUpdated(merged, "merged " + others.size(), null));
        return merged;
    }

    /**
     * Moves a report to another incident, or to a new incident of its own when {@code target} is null (split).
     */
    @Transactional
    public IncidentSummary reattach(Subject subject, ReportId reportId, @Nullable IncidentId target) {
        requireAnyRole(subject, MANAGERS, "re-attach reports");
        FiledReport report = store.report(reportId.value())
                .filter(r -> policy.canRead(subject, r.label(), r.reportingNation(), r.exerciseId()))
                .orElseThrow(() -> Problems.notFound("No report " + reportId + "."));
        IncidentId from = report.incidentId();
        find(subject, from);
        Instant now = clock.instant();
        IncidentId to;
        if (target == null) {
            to = IncidentId.random();
            store.insertIncident(to, report.category(), report.title(), report.severity(), report.location(),
                    report.observedAt(), report.label(), report.exerciseId(), now);
        } else {
            if (target.equals(from)) {
                throw Problems.conflict("The report is already filed under incident " + target + ".");
            }
            IncidentSummary destination = find(subject, target);
            if (!java.util.Objects.equals(destination.exerciseId(), report.exerciseId())) {
                throw Problems.conflict("A report can join only an incident of its own context.");
            }
            if (destination.category() != report.category() || destination.status() == IncidentStatus.CLOSED) {
                throw Problems.conflict("A report can join only an open incident of its own category.");
            }
            List<LabelCombiner.Labelled> all = new java.util.ArrayList<>(store.reportLabels(target));
            all.add(new LabelCombiner.Labelled(report.label(), report.reportingNation()));
            requireStillReadable(subject, combiner.combine(all), "moving this report");
            to = target;
        }
        store.findForUpdate(from);
        store.moveReport(reportId.value(), to);
        IncidentSummary source = recompute(from, now);
        IncidentSummary destination = recompute(to, now);
        audit.record(subject.username(), "REPORT_REATTACHED", "report:" + reportId, from + " → " + to);
        events.publishEvent(new IncidentUpdated(source, "report moved out", null));
        events.publishEvent(new IncidentUpdated(destination, "report moved in", null));
        return destination;
    }

    private IncidentSummary recompute(IncidentId id, Instant now) {
        SecurityLabel label = combiner.combine(store.reportLabels(id));
        if (label == null) {
            store.closeEmpty(id, now);
        } else {
            store.refreshAggregates(id, label, now);
        }
        return store.findForUpdate(id).orElseThrow();
    }

    /**
     * Takes transaction-scoped locks on the report's grid cell and its eight neighbours (category-specific), in a
     * fixed order so no two transactions deadlock. Cells are at least the correlation distance wide, so two reports
     * that could correlate always share a cell, while distant reports proceed in parallel.
     */
    private void lockNeighbourhood(NewReport report) {
        double cellLat = Math.max(0.01, properties.correlationDistanceKm() / 111.0);
        // Wide enough up to 75° latitude; beyond it one lock per category.
        double cellLon = cellLat / Math.cos(Math.toRadians(75));
        List<String> keys = new java.util.ArrayList<>();
        if (Math.abs(report.location().lat()) > 75 || cellLon >= 90) {
            keys.add("incident:" + report.category());
        } else {
            long row = (long) Math.floor(report.location().lat() / cellLat);
            long column = (long) Math.floor(report.location().lon() / cellLon);
            for (long r = row - 1; r <= row + 1; r++) {
                for (long c = column - 1; c <= column + 1; c++) {
                    keys.add("incident:" + report.category() + ":" + report.exerciseId() + ":" + r + ":" + c);
                }
            }
        }
        jdbc.sql("SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT hashtext(unnest(CAST(:keys AS TEXT[]))) AS k "
                        + "ORDER BY 1) ordered")
                .param("keys", keys.toArray(String[]::new)).query().singleRow();
    }

    private void requireStillReadable(Subject subject, @Nullable SecurityLabel combined, String action) {
        // Every incident touched here was found through the policy, so it belongs to the subject's context.
        if (combined == null || !policy.canRead(subject, combined, null, subject.exercise())) {
            throw Problems.conflict("No one could read the combined incident, or you could not: " + action
                    + " is refused.");
        }
    }

    /**
     * The report in the reporter's context (ADR 0006): a report names no other context than the one its reporter
     * works in; asking for another is refused (400), so nobody files into an exercise, or out of one, by accident.
     */
    private static NewReport inContext(Subject reporter, NewReport report) {
        if (report.exerciseId() != null && !report.exerciseId().equals(reporter.exercise())) {
            throw new IllegalArgumentException("the report names exercise " + report.exerciseId()
                    + " but you work in " + (reporter.exercise() == null ? "the real world"
                    : "exercise " + reporter.exercise()) + "; file it with ?exercise=" + report.exerciseId());
        }
        return new NewReport(report.category(), report.title(), report.narrative(), report.observedAt(),
                report.location(), report.areaGeoJson(), report.severity(), report.confidence(), report.label(),
                reporter.exercise(), report.source());
    }

    private RuntimeException notFound(Subject subject, IncidentId id) {
        audit.recordDenial(subject.username(), "READ", "incident:" + id, "not found or not readable");
        return Problems.notFound("No incident " + id + " that you may read.");
    }

    private void requireAnyRole(Subject subject, Set<Role> roles, String what) {
        if (roles.stream().noneMatch(subject::has)) {
            audit.recordDenial(subject.username(), "INCIDENT", what, "requires one of " + roles);
            throw Problems.forbidden("Your roles do not allow you to " + what + ".");
        }
    }

}
