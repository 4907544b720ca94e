package org.kalkan.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.internal.IncidentSearch;
import org.kalkan.incident.internal.CorrelationCells;
import org.kalkan.incident.internal.IncidentStore;
import org.kalkan.incident.internal.LabelCombiner;
import org.kalkan.incident.internal.Regrouping;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.LabelFilter;
import org.kalkan.security.NodeKeys;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.SecurityLabel;
import org.kalkan.shared.VersionConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files reports, correlates them into incidents, lets watch officers manage incidents and originators relabel or
 * withdraw their reports. Every act derives the incidents it touches again from the reports they hold
 * ({@link Regrouping}): no field of an incident is ever shown to someone who may not read the report it came from,
 * and no act but the originator's own takes a report away from anyone who saw it.
 */
@Service
public class Incidents {

    /** Roles that may file reports (pages offer "report here" only to them). */
    public static final Set<Role> REPORTERS = Set.of(Role.REPORTING_OFFICER, Role.WATCH_OFFICER,
            Role.CRISIS_MANAGER, Role.EXERCISE_DIRECTOR, Role.CAP_SOURCE);
    private static final Set<Role> MANAGERS = Set.of(Role.WATCH_OFFICER, Role.CRISIS_MANAGER);

    private final IncidentStore store;
    private final Regrouping regrouping;
    private final LabelCombiner combiner;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final IncidentProperties properties;
    private final Clock clock;
    private final String node;

    Incidents(IncidentStore store, LabelCombiner combiner, AccessPolicy policy, AuditTrail audit,
            ApplicationEventPublisher events, IncidentProperties properties, Clock clock, NodeKeys keys) {
        this.store = store;
        this.regrouping = new Regrouping(store, combiner);
        this.combiner = combiner;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.node = keys.nodeId();
    }

    /**
     * Files a report: it joins the nearest open incident of its category within the correlation distance and
     * window that keeps every reader it has and that the reporter may read, or opens a new incident.
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
        FiledReport draft = new FiledReport(ReportId.random(), IncidentId.random(), report.category(), report.title(),
                report.narrative(), report.observedAt(), report.location(), report.areaGeoJson(), report.severity(),
                report.confidence(), reporter.nation(), reporter.username(), report.source(), report.label(),
                report.exerciseId(), now, node);
        Regrouping.Outcome outcome = regrouping.file(draft, properties.correlationDistanceKm(),
                properties.correlationWindow(), readableBy(reporter), now);
        FiledReport filed = outcome.report();
        Regrouping.Changed incident = outcome.changed().get(0);
        audit.record(reporter.username(), "REPORT_FILED", "report:" + filed.id(),
                report.category() + " " + report.label().marking() + " → incident " + filed.incidentId()
                        + (incident.opened() ? " (new)" : " (correlated)"));
        store.addHistory(filed.incidentId(), now, reporter.username(), incident.opened()
                ? IncidentHistoryEntry.Kind.OPENED : IncidentHistoryEntry.Kind.REPORT_ADDED, "", null);
        events.publishEvent(new ReportFiled(filed));
        events.publishEvent(new IncidentReported(incident.incident(), filed.id(), incident.opened(),
                reporter.username()));
        announce(outcome.changed().subList(1, outcome.changed().size()), "split: its reports had no common reader");
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
        IncidentSummary incident = store.find(id, policy.filter(subject, "i")).orElseThrow(() -> {
            audit.recordDenial(subject.username(), "READ", "incident:" + id, "not found or not readable");
            return NotFoundException.noVisible("incident");
        });
        policy.assertReadable(subject, incident.label(), null, incident.exerciseId(), "incident:" + id);
        return incident;
    }

    /**
     * The incident as it stands now, for a live view that gives it only to the readers the access policy lets
     * through (the live stream re-reading an incident another instance of a cluster changed). Never hand it to a
     * caller as it is: it is read without a subject. Empty if there is no such incident.
     */
    @Transactional(readOnly = true)
    public Optional<IncidentSummary> forLiveView(IncidentId id) {
        return store.find(id, new LabelFilter("TRUE", Map.of()));
    }

    /** The reports of the incident the subject may read (withdrawn ones are no longer anyone's to read). */
    @Transactional(readOnly = true)
    public List<FiledReport> reports(Subject subject, IncidentId id) {
        find(subject, id);
        List<FiledReport> reports = store.reports(id, policy.filter(subject, "r"));
        reports.forEach(r -> policy.assertReadable(subject, r.label(), r.reportingNation(), r.exerciseId(),
                "report:" + r.id()));
        return reports;
    }

    /** One report, if the subject may read it and it was not withdrawn; otherwise not found. */
    @Transactional(readOnly = true)
    public FiledReport findReport(Subject subject, ReportId id) {
        FiledReport report = store.report(id, policy.filter(subject, "r")).orElseThrow(() -> {
            audit.recordDenial(subject.username(), "READ", "report:" + id, "not found or not readable");
            return NotFoundException.noVisible("report");
        });
        policy.assertReadable(subject, report.label(), report.reportingNation(), report.exerciseId(),
                "report:" + id);
        return report;
    }

    /**
     * What happened to the incident, oldest first, if the subject may read it. Another incident of a merge or a move
     * is named only when the subject may read it too.
     */
    @Transactional(readOnly = true)
    public List<IncidentHistoryEntry> history(Subject subject, IncidentId id) {
        find(subject, id);
        return store.history(id).stream().map(e -> {
            IncidentId other = e.other();
            if (other == null) {
                return e;
            }
            return readable(subject, other)
                    .map(o -> new IncidentHistoryEntry(e.at(), e.actor(), e.kind(), e.detail(), o.id(), o.ref()))
                    .orElse(new IncidentHistoryEntry(e.at(), e.actor(), e.kind(), e.detail(), null, null));
        }).toList();
    }

    /** The incident this one was merged into, when the subject may read both. */
    @Transactional(readOnly = true)
    public Optional<IncidentSummary> mergedInto(Subject subject, IncidentId id) {
        find(subject, id);
        return store.mergedInto(id).flatMap(into -> readable(subject, into));
    }

    private Optional<IncidentSummary> readable(Subject subject, IncidentId id) {
        return store.find(id, policy.filter(subject, "i"))
                .filter(o -> policy.canRead(subject, o.label(), null, o.exerciseId()));
    }

    @Transactional
    public IncidentSummary changeStatus(Subject subject, IncidentId id, IncidentStatus target,
            @Nullable Integer expectedVersion) {
        requireAnyRole(subject, MANAGERS, "change incident status");
        IncidentSummary current = find(subject, id);
        if (!current.status().canMoveTo(target)) {
            throw new RefusedException("An incident cannot move from " + current.status() + " to " + target
                    + "; allowed: " + current.status().next());
        }
        int version = expectedVersion == null ? current.version() : expectedVersion;
        Instant now = clock.instant();
        if (!store.updateStatus(id, target, version, now)) {
            throw new VersionConflictException("The incident was changed by someone else (version "
                    + current.version() + "); reload and try again.");
        }
        audit.record(subject.username(), "INCIDENT_STATUS", "incident:" + id, current.status() + " → " + target);
        store.addHistory(id, now, subject.username(), IncidentHistoryEntry.Kind.STATUS_CHANGED,
                current.status() + " → " + target, null);
        List<Regrouping.Changed> changed = regrouping.rederive(id, now);
        announce(changed, "status " + target);
        return changed.get(0).incident();
    }

    /** Merges other incidents into {@code target}: their reports move, they close as merged. */
    @Transactional
    public IncidentSummary merge(Subject subject, IncidentId target, List<IncidentId> others) {
        requireAnyRole(subject, MANAGERS, "merge incidents");
        find(subject, target);
        others.forEach(other -> find(subject, other));
        Instant now = clock.instant();
        List<Regrouping.Changed> changed = regrouping.merge(target, others, readableBy(subject), now);
        audit.record(subject.username(), "INCIDENT_MERGED", "incident:" + target, "merged " + others);
        for (IncidentId other : others) {
            store.addHistory(target, now, subject.username(), IncidentHistoryEntry.Kind.MERGED_IN, "", other);
            store.addHistory(other, now, subject.username(), IncidentHistoryEntry.Kind.MERGED_INTO, "", target);
        }
        announce(changed.subList(1, changed.size()), "merged");
        announce(changed.subList(0, 1), "merged " + others.size());
        return changed.get(0).incident();
    }

    /**
     * Moves a report to another incident, or to a new incident of its own when {@code target} is null (split).
     */
    @Transactional
    public IncidentSummary reattach(Subject subject, ReportId reportId, @Nullable IncidentId target) {
        requireAnyRole(subject, MANAGERS, "re-attach reports");
        FiledReport report = findReport(subject, reportId);
        find(subject, report.incidentId());
        if (target != null) {
            find(subject, target);
        }
        Instant now = clock.instant();
        List<Regrouping.Changed> changed = regrouping.reattach(reportId, target, readableBy(subject), now);
        IncidentSummary destination = changed.get(0).incident();
        store.addHistory(destination.id(), now, subject.username(), target == null
                ? IncidentHistoryEntry.Kind.SPLIT_FROM : IncidentHistoryEntry.Kind.REPORT_MOVED_IN, "",
                report.incidentId());
        store.addHistory(report.incidentId(), now, subject.username(), IncidentHistoryEntry.Kind.REPORT_MOVED_OUT, "",
                destination.id());
        audit.record(subject.username(), "REPORT_REATTACHED", "report:" + reportId,
                report.incidentId() + " → " + destination.id());
        announce(changed.subList(0, 1), "report moved in");
        announce(changed.subList(1, changed.size()), "report moved out");
        return destination;
    }

    /**
     * The originator's new label for their report (403 for anyone else who may read it, 404 for who may not).
     * The incident is derived again; should the new label hide it from some of its readers, the report moves to an
     * incident of its own. Widening the release or lowering the classification is audited as such.
     */
    @Transactional
    public FiledReport relabel(Subject subject, ReportId reportId, SecurityLabel label, String reason) {
        requireAnyRole(subject, REPORTERS, "relabel reports");
        String why = reason(reason);
        FiledReport report = originatorsReport(subject, reportId, "relabel");
        policy.checkWritable(subject, label);
        SecurityLabel previous = report.label();
        if (previous.equals(label)) {
            return report;
        }
        Instant now = clock.instant();
        Regrouping.Outcome outcome = regrouping.relabel(reportId, label, now);
        String target = "report:" + reportId;
        String change = previous.marking() + " → " + label.marking() + "; reason: " + why;
        audit.record(subject.username(), "REPORT_RELABELLED", target, change);
        boolean releaseWidened = !combiner.nations(previous).containsAll(combiner.nations(label));
        boolean lowered = label.classification().rank() < previous.classification().rank();
        if (releaseWidened) {
            audit.record(subject.username(), "REPORT_RELEASE_WIDENED", target, change);
        }
        if (lowered) {
            audit.record(subject.username(), "REPORT_CLASSIFICATION_LOWERED", target, change);
        }
        events.publishEvent(new ReportRelabelled(outcome.report(), previous, releaseWidened || lowered,
                subject.username(), why, now));
        announce(outcome.changed(), "report relabelled");
        return outcome.report();
    }

    /**
     * The originator's new content for their report, from the source that filed it (a CAP {@code Update}): 403 for
     * anyone else who may read it, 404 for who may not. The report keeps its id; its incident is derived again, and
     * should the report no longer belong there (another category, too far, or a label that would hide the incident
     * from some of its readers) it moves to an incident of its own. The context and originator stay as they were.
     */
    @Transactional
    public FiledReport update(Subject subject, ReportId reportId, NewReport content, String reason) {
        requireAnyRole(subject, REPORTERS, "update reports");
        String why = reason(reason);
        FiledReport report = originatorsReport(subject, reportId, "update");
        policy.checkWritable(subject, content.label());
        Instant now = clock.instant();
        if (content.observedAt().isAfter(now.plusSeconds(300))) {
            throw new IllegalArgumentException("observedAt is in the future: " + content.observedAt());
        }
        FiledReport next = new FiledReport(report.id(), report.incidentId(), content.category(), content.title(),
                content.narrative(), content.observedAt(), content.location(), content.areaGeoJson(),
                content.severity(), content.confidence(), report.reportingNation(), report.reportedBy(),
                report.source(), content.label(), report.exerciseId(), report.createdAt(), report.originNode());
        Regrouping.Outcome outcome = regrouping.update(next, properties.correlationDistanceKm(), now);
        audit.record(subject.username(), "REPORT_UPDATED", "report:" + reportId, report.label().marking() + " → "
                + content.label().marking() + "; reason: " + why);
        if (!report.label().equals(content.label())) {
            boolean widened = !combiner.nations(report.label()).containsAll(combiner.nations(content.label()));
            boolean lowered = content.label().classification().rank() < report.label().classification().rank();
            if (widened || lowered) {
                audit.record(subject.username(), widened ? "REPORT_RELEASE_WIDENED" : "REPORT_CLASSIFICATION_LOWERED",
                        "report:" + reportId, report.label().marking() + " → " + content.label().marking());
            }
            events.publishEvent(new ReportRelabelled(outcome.report(), report.label(), widened || lowered,
                    subject.username(), why, now));
        } else {
            events.publishEvent(new ReportUpdated(outcome.report()));
        }
        announce(outcome.changed(), "report updated");
        return outcome.report();
    }

    /**
     * The originator withdraws their report (403 for anyone else who may read it, 404 for who may not): it stays
     * as a tombstone for the audit, leaves every list, map and count, and its incident is derived again (closed
     * when no report is left).
     */
    @Transactional
    public ReportWithdrawn withdraw(Subject subject, ReportId reportId, String reason) {
        requireAnyRole(subject, REPORTERS, "withdraw reports");
        String why = reason(reason);
        originatorsReport(subject, reportId, "withdraw");
        Instant now = clock.instant();
        Regrouping.Outcome outcome = regrouping.withdraw(reportId, subject.username(), why, now);
        audit.record(subject.username(), "REPORT_WITHDRAWN", "report:" + reportId,
                outcome.report().label().marking() + "; reason: " + why);
        store.addHistory(outcome.report().incidentId(), now, subject.username(),
                IncidentHistoryEntry.Kind.REPORT_WITHDRAWN, "", null);
        ReportWithdrawn withdrawn = new ReportWithdrawn(outcome.report(), subject.username(), why, now);
        events.publishEvent(withdrawn);
        announce(outcome.changed(), "report withdrawn");
        return withdrawn;
    }

    /** Locks the report's correlation cells (see {@link CorrelationCells}): nearby reports wait, distant ones not. */
    private void lockNeighbourhood(NewReport report) {
        store.lock(cells(report));
    }

    private Set<String> cells(NewReport report) {
        return CorrelationCells.keys(report.category(), report.exerciseId(), report.location(),
                properties.correlationDistanceKm());
    }

    /**
     * The report, if the subject's nation originated it on this node (origin authority): a report received from
     * another node is changed only on its origin node, whose log carries the change to every peer.
     */
    private FiledReport originatorsReport(Subject subject, ReportId reportId, String act) {
        FiledReport report = findReport(subject, reportId);
        String action = "REPORT_" + act.toUpperCase(java.util.Locale.ROOT);
        if (!report.reportingNation().equals(subject.nation())) {
            audit.recordDenial(subject.username(), action, "report:" + reportId,
                    "originated by " + report.reportingNation());
            throw new ForbiddenException("Only the originating nation (" + report.reportingNation() + ") may " + act
                    + " this report.");
        }
        if (!report.originNode().equals(node)) {
            audit.recordDenial(subject.username(), action, "report:" + reportId,
                    "originated on node " + report.originNode() + ", this is " + node);
            throw new ForbiddenException("This report was filed on node " + report.originNode() + ": only there may "
                    + "its originator " + act + " it.");
        }
        return report;
    }

    private static String reason(@Nullable String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new IllegalArgumentException("reason is required, at most 2000 characters");
        }
        NewReport.requirePlainText(reason, "reason");
        return reason.strip();
    }

    private void announce(List<Regrouping.Changed> changed, String change) {
        Announcements.publish(events, changed, change);
    }

    /** Whether the subject may read an incident of its own context under the label. */
    private Predicate<SecurityLabel> readableBy(Subject subject) {
        return label -> policy.canRead(subject, label, null, subject.exercise());
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

    private void requireAnyRole(Subject subject, Set<Role> roles, String what) {
        if (roles.stream().noneMatch(subject::has)) {
            audit.recordDenial(subject.username(), "INCIDENT", what, "requires one of " + roles);
            throw new ForbiddenException("Your roles do not allow you to " + what + ".");
        }
    }


    /** The most reports one batch may hold. */
    public static final int MAX_BATCH = 1000;

    /**
     * Files a batch of reports in one transaction, each exactly as {@link #report} files one, in order (a report may
     * join an incident an earlier one in the batch opened). Every item is validated before anything is stored; any
     * bad one refuses the whole batch, naming each bad item by its index ({@code items[i]}). The batch takes all of
     * its correlation locks at once, in the one fixed order, before filing the first report.
     */
    @Transactional
    public List<FiledReport> reportAll(Subject reporter, List<BatchItem> items) {
        requireAnyRole(reporter, REPORTERS, "file reports");
        if (items.isEmpty() || items.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds 1 to " + MAX_BATCH + " reports, not " + items.size());
        }
        Instant now = clock.instant();
        List<InvalidInputException.Violation> violations = new java.util.ArrayList<>();
        List<NewReport> reports = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String where = "items[" + i + "]";
            BatchItem item = items.get(i);
            if (item.report() == null) {
                violations.add(new InvalidInputException.Violation(where, String.valueOf(item.unreadable())));
                continue;
            }
            try {
                NewReport report = inContext(reporter, item.report());
                String refused = policy.whyNotWritable(reporter, report.label());
                if (refused != null) {
                    violations.add(new InvalidInputException.Violation(where + ".label", refused));
                } else if (report.observedAt().isAfter(now.plusSeconds(300))) {
                    violations.add(new InvalidInputException.Violation(where + ".observedAt",
                            "observedAt is in the future: " + report.observedAt()));
                } else {
                    reports.add(report);
                }
            } catch (IllegalArgumentException e) {
                violations.add(InvalidInputException.Violation.of(where, e));
            }
        }
        if (!violations.isEmpty()) {
            throw InvalidInputException.of(violations);
        }
        java.util.Set<String> cells = new java.util.HashSet<>();
        reports.forEach(report -> cells.addAll(cells(report)));
        store.lock(cells);
        return reports.stream().map(report -> report(reporter, report)).toList();
    }
}
