package org.kalkan.incident.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.IncidentStatus;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.ReportId;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;

/**
 * Every change of which reports make which incident, and the derivation after it. Two rules hold for every act:
 * <ul>
 * <li>each incident an act touches is derived again from the reports it then holds ({@link Derivation}), so no
 * field of an incident outlives the report it came from, and its label always covers every report in it;</li>
 * <li>no act but the originator's own (relabelling or withdrawing their report) takes a report away from anyone
 * who saw it in its incident: a report joins an incident, by correlation, merge or re-attachment, only where the
 * incident then keeps every reader it had, and every reader of the report's previous incident.</li>
 * </ul>
 * Storage is behind {@link IncidentRepository}; callers decide beforehand who may act (roles, visibility).
 */
public class Regrouping {

    /** An incident an act changed: as it is now, its label before (null when it was opened by the act). */
    public record Changed(IncidentSummary incident, @Nullable SecurityLabel previousLabel,
            @Nullable IncidentId mergedInto) {

        public boolean opened() {
            return previousLabel == null;
        }
    }

    /** A report an act filed, relabelled or withdrew, and the incidents it changed. */
    public record Outcome(FiledReport report, List<Changed> changed) {
    }

    private final IncidentRepository store;
    private final Derivation derivation;
    private final Correlation correlation;

    public Regrouping(IncidentRepository store, LabelCombiner combiner) {
        this.store = store;
        this.derivation = new Derivation(combiner);
        this.correlation = new Correlation(derivation);
    }

    /**
     * Files a report: it joins the incident {@link Correlation} chooses among the open incidents near it, or opens
     * an incident with the id it carries.
     */
    public Outcome file(FiledReport report, double maxKm, Duration window, Predicate<SecurityLabel> reporterReads,
            Instant now) {
        List<Correlation.Candidate> candidates = new ArrayList<>();
        Map<IncidentId, SecurityLabel> before = new LinkedHashMap<>();
        for (IncidentSummary candidate : store.correlationCandidates(report.category(), report.exerciseId(),
                report.location(), report.observedAt(), maxKm, window)) {
            if (candidate.location().distanceKm(report.location()) > maxKm) {
                continue; // its stored position is its derived one: no need to read its reports
            }
            candidates.add(new Correlation.Candidate(candidate.id(), store.activeReports(candidate.id())));
            before.put(candidate.id(), candidate.label());
        }
        Optional<IncidentId> joined = correlation.choose(report, candidates, maxKm, reporterReads);
        if (joined.isPresent()) {
            FiledReport filed = report.withIncident(joined.get());
            store.insertReport(filed);
            return new Outcome(filed, settle(joined.get(), before.get(joined.get()), now));
        }
        return new Outcome(report, List.of(open(report, now)));
    }

    /** Merges {@code others} into {@code target}: their reports move, they close as merged into it. */
    public List<Changed> merge(IncidentId target, List<IncidentId> others, Predicate<SecurityLabel> actorReads,
            Instant now) {
        if (others.isEmpty() || others.contains(target) || others.stream().distinct().count() != others.size()) {
            throw new IllegalArgumentException("incidentIds: name at least one other incident, each once");
        }
        List<IncidentId> all = new ArrayList<>(others);
        all.add(target);
        Locked locked = lockAll(all);
        IncidentSummary into = locked.get(target);
        List<FiledReport> reports = new ArrayList<>();
        List<Derivation.Derived> participants = new ArrayList<>();
        for (IncidentId id : all) {
            IncidentSummary incident = locked.get(id);
            if (incident.category() != into.category() || !Objects.equals(incident.exerciseId(), into.exerciseId())) {
                throw new RefusedException("Only incidents of the same category and context can be merged.");
            }
            if (incident.status() == IncidentStatus.CLOSED) {
                throw new RefusedException("A closed incident cannot be merged.");
            }
            List<FiledReport> held = store.activeReports(id);
            reports.addAll(held);
            derivation.derive(held).ifPresent(participants::add);
        }
        Derivation.Derived after = regroupable(participants, reports, actorReads, "merging these incidents");
        List<Changed> changed = new ArrayList<>();
        for (IncidentId other : others) {
            store.activeReports(other).forEach(r -> store.moveReport(r.id(), target));
            store.empty(other, target, now);
            changed.add(new Changed(store.lockIncident(other).orElseThrow(), locked.get(other).label(), target));
        }
        store.saveDerived(target, after, now);
        changed.add(0, new Changed(store.lockIncident(target).orElseThrow(), into.label(), null));
        return changed;
    }

    /**
     * Moves a report to another open incident of its category and context, or with {@code target} null splits it
     * into a new incident of its own. Returns the report's incident first, then the one it left.
     */
    public List<Changed> reattach(ReportId reportId, @Nullable IncidentId target,
            Predicate<SecurityLabel> actorReads, Instant now) {
        FiledReport report = store.lockReport(reportId).orElseThrow(() -> NotFoundException.noVisible("report"));
        IncidentId from = report.incidentId();
        if (target == null) {
            IncidentSummary source = store.lockIncident(from).orElseThrow();
            List<Changed> changed = new ArrayList<>(List.of(splitOut(report.withIncident(IncidentId.random()), now)));
            changed.addAll(settle(from, source.label(), now));
            return changed;
        }
        if (target.equals(from)) {
            throw new RefusedException("The report is already filed under that incident.");
        }
        Locked locked = lockAll(List.of(from, target));
        IncidentSummary destination = locked.get(target);
        if (!Objects.equals(destination.exerciseId(), report.exerciseId())) {
            throw new RefusedException("A report can join only an incident of its own context.");
        }
        if (destination.category() != report.category() || destination.status() == IncidentStatus.CLOSED) {
            throw new RefusedException("A report can join only an open incident of its own category.");
        }
        List<FiledReport> reports = new ArrayList<>(store.activeReports(target));
        List<Derivation.Derived> participants = new ArrayList<>();
        derivation.derive(reports).ifPresent(participants::add);
        derivation.derive(store.activeReports(from)).ifPresent(participants::add);
        reports.add(report.withIncident(target));
        Derivation.Derived after = regroupable(participants, reports, actorReads, "moving this report");
        store.moveReport(reportId, target);
        store.saveDerived(target, after, now);
        List<Changed> changed = new ArrayList<>();
        changed.add(new Changed(store.lockIncident(target).orElseThrow(), destination.label(), null));
        changed.addAll(settle(from, locked.get(from).label(), now));
        return changed;
    }

    /**
     * The originator's new label for their report. Its incident is derived again with it; when the new label would
     * hide that incident from some of its present readers, the report moves to an incident of its own instead, so
     * the others keep theirs (an incident of this report alone follows its label).
     */
    public Outcome relabel(ReportId reportId, SecurityLabel label, Instant now) {
        FiledReport report = store.lockReport(reportId).orElseThrow(() -> NotFoundException.noVisible("report"));
        IncidentId from = report.incidentId();
        IncidentSummary incident = store.lockIncident(from).orElseThrow();
        List<FiledReport> held = store.activeReports(from);
        Optional<Derivation.Derived> before = derivation.derive(held);
        FiledReport relabelled = report.withLabel(label);
        store.relabelReport(reportId, label);
        List<FiledReport> others = held.stream().filter(r -> !r.id().equals(reportId)).toList();
        List<FiledReport> after = new ArrayList<>(others);
        after.add(relabelled);
        Optional<Derivation.Derived> stays = derivation.derive(after);
        // (Reports without a common reader cannot be an incident: settle splits them whatever the new label.)
        if (others.isEmpty() || before.isEmpty()
                || stays.isPresent() && derivation.keepsEveryReader(before.get(), stays.get())) {
            return new Outcome(relabelled, settle(from, incident.label(), now));
        }
        FiledReport moved = relabelled.withIncident(IncidentId.random());
        List<Changed> changed = new ArrayList<>(List.of(splitOut(moved, now)));
        changed.addAll(settle(from, incident.label(), now));
        return new Outcome(moved, changed);
    }

    /**
     * The originator's new content for their report (an update from its source); it keeps its id. It stays in its
     * incident when it keeps the category, stays within {@code maxKm} of the incident's other reports, and the
     * incident derived again keeps every present reader; otherwise it moves to an incident of its own, as a
     * relabelled report does. Either way the incident it leaves or stays in is derived again.
     */
    public Outcome update(FiledReport content, double maxKm, Instant now) {
        FiledReport report = store.lockReport(content.id()).orElseThrow(() -> NotFoundException.noVisible("report"));
        IncidentId from = report.incidentId();
        IncidentSummary incident = store.lockIncident(from).orElseThrow();
        List<FiledReport> held = store.activeReports(from);
        Optional<Derivation.Derived> before = derivation.derive(held);
        FiledReport updated = content.withIncident(from);
        store.updateReport(updated);
        List<FiledReport> others = held.stream().filter(r -> !r.id().equals(updated.id())).toList();
        List<FiledReport> after = new ArrayList<>(others);
        after.add(updated);
        boolean belongs = others.stream().allMatch(o -> o.category() == updated.category()
                && o.location().distanceKm(updated.location()) <= maxKm);
        // (An incident holds one category: only then can it be derived with the update at all.)
        Optional<Derivation.Derived> stays = belongs ? derivation.derive(after) : Optional.empty();
        if (others.isEmpty() || belongs && (before.isEmpty() || stays.isPresent()
                && derivation.keepsEveryReader(before.get(), stays.get()))) {
            return new Outcome(updated, settle(from, incident.label(), now));
        }
        FiledReport moved = updated.withIncident(IncidentId.random());
        List<Changed> changed = new ArrayList<>(List.of(splitOut(moved, now)));
        changed.addAll(settle(from, incident.label(), now));
        return new Outcome(moved, changed);
    }

    /** The originator withdraws their report: a tombstone that no incident counts any more. */
    public Outcome withdraw(ReportId reportId, String by, String reason, Instant now) {
        FiledReport report = store.lockReport(reportId).orElseThrow(() -> NotFoundException.noVisible("report"));
        IncidentSummary incident = store.lockIncident(report.incidentId()).orElseThrow();
        store.withdrawReport(reportId, by, reason, now);
        return new Outcome(report, settle(report.incidentId(), incident.label(), now));
    }

    /**
     * Removes a report received from another node that this node may no longer hold (its origin narrowed its
     * release away from this node's nations): the row goes, withdrawn or not, and its incident is derived again.
     * Empty when there is no such report.
     */
    public Optional<Outcome> retract(ReportId reportId, Instant now) {
        Optional<FiledReport> found = store.lockAnyReport(reportId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        FiledReport report = found.get();
        IncidentSummary incident = store.lockIncident(report.incidentId()).orElseThrow();
        store.deleteReport(reportId);
        return Optional.of(new Outcome(report, settle(report.incidentId(), incident.label(), now)));
    }

    /** Derives the incident again from what it holds now (after a status change, for instance). */
    public List<Changed> rederive(IncidentId id, Instant now) {
        IncidentSummary incident = store.lockIncident(id).orElseThrow(() -> NotFoundException.noVisible("incident"));
        return settle(id, incident.label(), now);
    }

    /** A new report opens an incident of its own, with the incident id it carries. */
    private Changed open(FiledReport report, Instant now) {
        IncidentId id = insertIncidentOf(report, now);
        store.insertReport(report);
        return new Changed(store.lockIncident(id).orElseThrow(), null, null);
    }

    /** A filed report leaves its incident for a new one of its own, with the incident id it carries. */
    private Changed splitOut(FiledReport report, Instant now) {
        IncidentId id = insertIncidentOf(report, now);
        store.moveReport(report.id(), id);
        return new Changed(store.lockIncident(id).orElseThrow(), null, null);
    }

    private IncidentId insertIncidentOf(FiledReport report, Instant now) {
        // One report always makes an incident: at least its originator may read it.
        store.insertIncident(report.incidentId(), derivation.derive(List.of(report)).orElseThrow(),
                report.exerciseId(), now);
        return report.incidentId();
    }

    /**
     * Derives the incident from the reports it holds now; one left without any is emptied. Should no nation be
     * able to read all of them (a community changed its members since they joined), the latest filed leave for
     * incidents of their own until the rest make one incident again. The incident comes first in the list, then
     * any opened so.
     */
    private List<Changed> settle(IncidentId id, @Nullable SecurityLabel before, Instant now) {
        List<FiledReport> held = new ArrayList<>(store.activeReports(id));
        if (held.isEmpty()) {
            store.empty(id, null, now);
            return List.of(new Changed(store.lockIncident(id).orElseThrow(), before, null));
        }
        held.sort(Derivation.FIRST_FILED);
        List<Changed> opened = new ArrayList<>();
        Optional<Derivation.Derived> derived = derivation.derive(held);
        while (derived.isEmpty()) {
            FiledReport latest = held.remove(held.size() - 1);
            opened.add(splitOut(latest.withIncident(IncidentId.random()), now));
            derived = derivation.derive(held);
        }
        IncidentSummary stored = store.lockIncident(id).orElseThrow();
        if (!holds(stored, derived.get())) {
            store.saveDerived(id, derived.get(), now);
            stored = store.lockIncident(id).orElseThrow();
        }
        opened.add(0, new Changed(stored, before, null));
        return opened;
    }

    /** Whether the stored incident shows exactly the derived fields already (then nothing is written). */
    private static boolean holds(IncidentSummary stored, Derivation.Derived d) {
        return stored.category() == d.category() && stored.label().equals(d.label()) && stored.title().equals(d.title())
                && stored.location().equals(d.location()) && stored.severity() == d.severity()
                && stored.firstObservedAt().equals(d.firstObservedAt())
                && stored.lastObservedAt().equals(d.lastObservedAt()) && stored.reportCount() == d.reportCount();
    }

    /**
     * The incident the reports make, if it keeps every reader of each participant and the actor may read it;
     * otherwise the act is refused and nothing changes.
     */
    private Derivation.Derived regroupable(List<Derivation.Derived> participants, List<FiledReport> reports,
            Predicate<SecurityLabel> actorReads, String act) {
        Derivation.Derived after = derivation.derive(reports).filter(d -> actorReads.test(d.label()))
                .orElseThrow(() -> new RefusedException("No one could read the combined incident, or you could not: "
                        + act + " is refused."));
        for (Derivation.Derived participant : participants) {
            if (!derivation.keepsEveryReader(participant, after)) {
                throw new RefusedException("The combined incident would be " + after.label().marking()
                        + ", hidden from some who read " + participant.label().marking() + " now: " + act
                        + " is refused.");
            }
        }
        return after;
    }

    /**
     * Locks the incidents in one order, by id as PostgreSQL orders UUIDs (their hex text; Java's UUID order differs),
     * the order correlation locks its candidates in, so two acts never wait for each other; each must exist.
     */
    private Locked lockAll(List<IncidentId> ids) {
        Map<IncidentId, IncidentSummary> locked = new LinkedHashMap<>();
        ids.stream().distinct().sorted(Comparator.comparing(id -> id.value().toString())).forEach(id -> locked.put(id,
                store.lockIncident(id).orElseThrow(() -> NotFoundException.noVisible("incident"))));
        return new Locked(locked);
    }

    /** The incidents {@link #lockAll} locked, each found (or it threw). */
    private record Locked(Map<IncidentId, IncidentSummary> byId) {

        IncidentSummary get(IncidentId id) {
            IncidentSummary incident = byId.get(id);
            if (incident == null) {
                throw new IllegalStateException("incident " + id.value() + " was not locked");
            }
            return incident;
        }
    }
}
