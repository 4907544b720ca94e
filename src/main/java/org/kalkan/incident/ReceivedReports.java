package org.kalkan.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kalkan.incident.internal.CorrelationCells;
import org.kalkan.incident.internal.IncidentStore;
import org.kalkan.incident.internal.LabelCombiner;
import org.kalkan.incident.internal.Regrouping;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.NodeKeys;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports received from peer nodes, applied as their origin node's log says (for the federation module, inside the
 * transaction that also moves its cursor). A received report keeps its origin's id and node and is correlated into
 * this node's own incidents as if it had been filed here; only its origin's log changes it afterwards (origin
 * authority): an entry for a report this node holds from another origin, or originated itself, changes nothing.
 */
@Service
public class ReceivedReports {

    /** What applying one received change did. */
    public enum Applied {
        /** The report was new here and joined or opened an incident. */
        INSERTED,
        /** The report's label changed to the origin's new one. */
        RELABELLED,
        /** The report's content (and maybe its label) changed to the origin's new one. */
        UPDATED,
        /** Already as the origin holds it: nothing changed (an entry seen twice). */
        UNCHANGED,
        /** The report became a tombstone. */
        WITHDRAWN,
        /** The report's row was removed: this node may no longer hold it. */
        RETRACTED,
        /** There was nothing to withdraw or retract. */
        ABSENT,
        /** The report here belongs to another origin node: refused, nothing changed. */
        NOT_THE_ORIGIN
    }

    private final IncidentStore store;
    private final Regrouping regrouping;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final IncidentProperties properties;
    private final Clock clock;
    private final String node;

    ReceivedReports(IncidentStore store, LabelCombiner combiner, AccessPolicy policy, AuditTrail audit,
            ApplicationEventPublisher events, IncidentProperties properties, Clock clock, NodeKeys keys) {
        this.store = store;
        this.regrouping = new Regrouping(store, combiner);
        this.policy = policy;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.node = keys.nodeId();
    }

    /**
     * The report as its origin node holds it now: filed here if new (correlated like a local report), relabelled if
     * its label changed, unchanged otherwise. A withdrawn report stays withdrawn.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Applied upsert(FiledReport received) {
        if (received.originNode().equals(node) || received.exerciseId() != null) {
            return Applied.NOT_THE_ORIGIN;
        }
        Optional<FiledReport> held = store.lockAnyReport(received.id());
        if (held.isPresent()) {
            FiledReport here = held.get();
            if (!here.originNode().equals(received.originNode())) {
                return Applied.NOT_THE_ORIGIN;
            }
            boolean sameContent = sameContent(here, received);
            if ((here.label().equals(received.label()) && sameContent) || store.withdrawn(here.id())) {
                return Applied.UNCHANGED;
            }
            Instant now = clock.instant();
            if (!sameContent) {
                return update(here, received, now);
            }
            Regrouping.Outcome outcome = regrouping.relabel(here.id(), received.label(), now);
            audit.record(actor(received), "REPORT_RELABELLED", "report:" + here.id(),
                    here.label().marking() + " → " + received.label().marking() + " by its origin");
            events.publishEvent(new ReportRelabelled(outcome.report(), here.label(), false, actor(received),
                    "changed on its origin node " + received.originNode(), now));
            announce(outcome.changed(), "report relabelled by its origin");
            return Applied.RELABELLED;
        }
        Instant now = clock.instant();
        store.lock(CorrelationCells.keys(received.category(), null, received.location(),
                properties.correlationDistanceKm()));
        Subject reporter = new Subject(received.reportedBy(), received.reportingNation(), Classification.SECRET,
                Set.of());
        Regrouping.Outcome outcome = regrouping.file(received.withIncident(IncidentId.random()),
                properties.correlationDistanceKm(), properties.correlationWindow(),
                label -> policy.canRead(reporter, label, null), now);
        Regrouping.Changed incident = outcome.changed().get(0);
        audit.record(actor(received), "REPORT_RECEIVED", "report:" + received.id(),
                received.category() + " " + received.label().marking() + " from node " + received.originNode()
                        + " → incident " + outcome.report().incidentId() + (incident.opened() ? " (new)" : ""));
        events.publishEvent(new IncidentReported(incident.incident(), received.id(), incident.opened(),
                received.reportedBy()));
        announce(outcome.changed().subList(1, outcome.changed().size()), "split: its reports had no common reader");
        return Applied.INSERTED;
    }

    /** The origin gave the report new content (and maybe a new label): derived again here as there. */
    private Applied update(FiledReport here, FiledReport received, Instant now) {
        Regrouping.Outcome outcome = regrouping.update(received, properties.correlationDistanceKm(), now);
        audit.record(actor(received), "REPORT_UPDATED", "report:" + here.id(),
                here.label().marking() + " → " + received.label().marking() + " by its origin");
        if (here.label().equals(received.label())) {
            events.publishEvent(new ReportUpdated(outcome.report()));
        } else {
            events.publishEvent(new ReportRelabelled(outcome.report(), here.label(), false, actor(received),
                    "changed on its origin node " + received.originNode(), now));
        }
        announce(outcome.changed(), "report updated by its origin");
        return Applied.UPDATED;
    }

    private static boolean sameContent(FiledReport a, FiledReport b) {
        return a.category() == b.category() && a.title().equals(b.title()) && a.narrative().equals(b.narrative())
                && a.observedAt().equals(b.observedAt()) && a.location().equals(b.location())
                && java.util.Objects.equals(a.areaGeoJson(), b.areaGeoJson()) && a.severity() == b.severity()
                && a.confidence() == b.confidence();
    }

    /** The origin withdrew the report: a tombstone here too. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Applied withdraw(ReportId id, String originNode, String by, String reason, Instant at) {
        Optional<FiledReport> held = store.lockAnyReport(id);
        if (held.isEmpty()) {
            return Applied.ABSENT;
        }
        if (!held.get().originNode().equals(originNode) || originNode.equals(node)) {
            return Applied.NOT_THE_ORIGIN;
        }
        if (store.withdrawn(id)) {
            return Applied.UNCHANGED;
        }
        Instant now = clock.instant();
        Regrouping.Outcome outcome = regrouping.withdraw(id, by, reason, at);
        audit.record("federation:" + originNode, "REPORT_WITHDRAWN", "report:" + id,
                outcome.report().label().marking() + "; withdrawn on its origin node by " + by + ": " + reason);
        events.publishEvent(new ReportWithdrawn(outcome.report(), by, reason, at));
        announce(outcome.changed(), "report withdrawn by its origin");
        return Applied.WITHDRAWN;
    }

    /** This node may no longer hold the report (its origin narrowed the release): its row is removed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Applied retract(ReportId id, String originNode, String why) {
        Optional<FiledReport> held = store.lockAnyReport(id);
        if (held.isEmpty()) {
            return Applied.ABSENT;
        }
        if (!held.get().originNode().equals(originNode) || originNode.equals(node)) {
            return Applied.NOT_THE_ORIGIN;
        }
        Instant now = clock.instant();
        Regrouping.Outcome outcome = regrouping.retract(id, now).orElseThrow();
        audit.record("federation:" + originNode, "REPORT_RETRACTED", "report:" + id,
                outcome.report().label().marking() + "; " + why);
        events.publishEvent(new ReportWithdrawn(outcome.report(), "federation:" + originNode, why, now));
        announce(outcome.changed(), "report retracted by its origin");
        return Applied.RETRACTED;
    }

    private static String actor(FiledReport report) {
        return "federation:" + report.originNode();
    }

    private void announce(List<Regrouping.Changed> changed, String change) {
        Announcements.publish(events, changed, change);
    }
}
