package org.kalkan.crisis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.internal.CrisisAccess;
import org.kalkan.crisis.internal.CrisisStore;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.Incidents;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Subject;
import org.kalkan.security.UserDirectory;
import org.kalkan.security.UserSummary;
import org.kalkan.shared.InvalidFieldException;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens crises, runs them through their phases, and keeps their team and attached incidents. Only the team sees
 * a crisis, within the label rules; to anyone else it does not exist.
 */
@Service
public class Crises {

    private final CrisisStore store;
    private final CrisisAccess access;
    private final CrisisLog log;
    private final Incidents incidents;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CrisisProperties properties;
    private final Clock clock;

    Crises(CrisisStore store, CrisisAccess access, CrisisLog log, Incidents incidents, UserDirectory users,
            AuditTrail audit, ApplicationEventPublisher events, CrisisProperties properties, Clock clock) {
        this.store = store;
        this.access = access;
        this.log = log;
        this.incidents = incidents;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A crisis manager opens a crisis from incidents they can read (or from none). The crisis's label must be at
     * least as high as each incident's; the opener and the named users and nations form the team.
     */
    @Transactional
    public Crisis open(Subject manager, NewCrisis request) {
        access.requireAnyRole(manager, CrisisAccess.MANAGERS, "open crises");
        access.checkWritable(manager, request.label());
        checkSchedule(request.sitrepEvery());
        List<IncidentSummary> attached = request.incidentIds().stream()
                .map(id -> incidents.find(manager, id)).toList();
        attached.forEach(incident -> requireCovers(request.label(), incident));
        checkTeam(request.label(), manager.nation(), request.team(), manager.exercise());
        Instant now = clock.instant();
        CrisisId id = CrisisId.random();
        // The crisis belongs to its opener's context, and so does everything in it (ADR 0006).
        store.insert(id, request.title().strip(), request.label(), manager.nation(), manager.username(), now,
                request.sitrepEvery(), manager.exercise());
        TreeSet<String> teamUsers = new TreeSet<>(request.team().users());
        teamUsers.add(manager.username());
        store.addToTeam(id, new CrisisTeam(teamUsers, request.team().nations()));
        Crisis crisis = store.lock(id).orElseThrow();
        log.system(crisis, manager.username(), LogEntryKind.CRISIS_OPENED, "Crisis opened: " + crisis.title()
                + " (" + crisis.label().marking() + "); team " + describe(crisis.team()), crisis.label());
        for (IncidentSummary incident : attached) {
            store.attach(id, incident.id(), manager.username(), now);
            log.system(crisis, manager.username(), LogEntryKind.INCIDENT_ATTACHED, "Incident attached: "
                    + incident.ref() + " " + incident.title() + " (" + incident.category() + ")", crisis.label());
        }
        audit.record(manager.username(), "CRISIS_OPENED", "crisis:" + id, crisis.title() + " "
                + crisis.label().marking() + " incidents " + request.incidentIds());
        events.publishEvent(new CrisisOpened(id, crisis.title(), crisis.label(), request.incidentIds(),
                manager.username(), crisis.exerciseId()));
        return store.lock(id).orElseThrow();
    }

    /**
     * Resolves a crisis id for the subject — the one way any module takes a crisis id it was given: the crisis, if
     * it exists, the subject may read its label, is on its team and works in its context; otherwise an audited 404
     * that does not tell absent from hidden.
     */
    @Transactional(readOnly = true)
    public Crisis find(Subject subject, CrisisId id) {
        return access.readable(subject, id);
    }

    /** Crises the subject may see, open ones first, newest first. */
    @Transactional(readOnly = true)
    public List<Crisis> list(Subject subject, int limit) {
        List<Crisis> list = store.list(access.visible(subject), Math.max(1, Math.min(limit, 500)));
        list.forEach(c -> access.readable(subject, c.id()));
        return list;
    }

    /** Moves the crisis one phase on (or back); a jump or anything after CLOSED is a 409, nothing changed. */
    @Transactional
    public Crisis changePhase(Subject manager, CrisisId id, CrisisPhase target, @Nullable String reason) {
        access.requireAnyRole(manager, CrisisAccess.MANAGERS, "change crisis phases");
        Crisis crisis = access.readable(manager, id);
        crisis = store.lock(id).orElseThrow();
        if (!crisis.phase().canMoveTo(target)) {
            throw new RefusedException("A crisis cannot move from " + crisis.phase() + " to " + target + "; allowed: "
                    + crisis.phase().next());
        }
        String why = reason == null || reason.isBlank() ? "" : ": " + CrisisLog.text(reason);
        store.changePhase(id, target, clock.instant());
        log.system(crisis, manager.username(), LogEntryKind.PHASE_CHANGED,
                "Phase " + crisis.phase() + " → " + target + why, crisis.label());
        audit.record(manager.username(), "CRISIS_PHASE", "crisis:" + id, crisis.phase() + " → " + target);
        events.publishEvent(new CrisisPhaseChanged(id, crisis.phase(), target, manager.username(), crisis.label()));
        return store.lock(id).orElseThrow();
    }

    /** Attaches another incident the subject can read; the crisis's label must cover it. */
    @Transactional
    public Crisis attach(Subject subject, CrisisId id, IncidentId incidentId) {
        access.requireAnyRole(subject, CrisisAccess.STAFF, "attach incidents to crises");
        Crisis crisis = access.active(subject, id);
        IncidentSummary incident = incidents.find(subject, incidentId);
        requireCovers(crisis.label(), incident);
        if (store.attach(id, incidentId, subject.username(), clock.instant())) {
            log.system(crisis, subject.username(), LogEntryKind.INCIDENT_ATTACHED, "Incident attached: "
                    + incident.ref() + " " + incident.title() + " (" + incident.category() + ")", crisis.label());
            audit.record(subject.username(), "CRISIS_INCIDENT", "crisis:" + id, "attached incident " + incidentId);
        }
        return store.lock(id).orElseThrow();
    }

    /** A crisis manager adds users and nations to the team; each must be able to read the crisis's label. */
    @Transactional
    public Crisis addToTeam(Subject manager, CrisisId id, CrisisTeam members) {
        access.requireAnyRole(manager, CrisisAccess.MANAGERS, "change crisis teams");
        Crisis crisis = access.active(manager, id);
        include(crisis, members, manager.username());
        return store.lock(id).orElseThrow();
    }

    /** Sets the SITREP schedule ({@code null}: on demand only); the next draft is due one interval from now. */
    @Transactional
    public Crisis scheduleSitreps(Subject manager, CrisisId id, @Nullable Duration every) {
        access.requireAnyRole(manager, CrisisAccess.MANAGERS, "schedule SITREPs");
        access.active(manager, id);
        checkSchedule(every);
        Instant now = clock.instant();
        store.schedule(id, every, every == null ? null : now.plus(every), now);
        audit.record(manager.username(), "CRISIS_SITREP_SCHEDULE", "crisis:" + id, String.valueOf(every));
        return store.lock(id).orElseThrow();
    }

    /**
     * Puts users and nations on the team (addressed nations of an RFI, owners of a task). Refused with 400 when
     * the crisis's label does not release to them: they could not read it.
     */
    void include(Crisis crisis, CrisisTeam members, String actor) {
        checkTeam(crisis.label(), crisis.originNation(), members, crisis.exerciseId());
        CrisisTeam added = store.addToTeam(crisis.id(), members);
        if (!added.users().isEmpty() || !added.nations().isEmpty()) {
            log.system(crisis, actor, LogEntryKind.TEAM_CHANGED, "Joined the team: " + describe(added), crisis.label());
            audit.record(actor, "CRISIS_TEAM", "crisis:" + crisis.id(), "added " + describe(added));
        }
    }

    /**
     * Refuses (400) a user who does not exist or could not read a record labelled {@code label} in the context
     * {@code exercise} (null = real world).
     */
    void requireUserCanRead(String username, SecurityLabel label, NationCode origin, @Nullable UUID exercise) {
        Optional<UserSummary> user = users.find(username).filter(UserSummary::enabled);
        if (user.isEmpty()) {
            throw new IllegalArgumentException("no user " + username);
        }
        if (!access.userCanRead(user.get().subject(), label, origin, exercise)) {
            throw new IllegalArgumentException("user " + username + " may not read " + label.marking()
                    + (exercise == null ? "" : " in exercise " + exercise));
        }
    }

    private void checkTeam(SecurityLabel label, NationCode origin, CrisisTeam team, @Nullable UUID exercise) {
        for (NationCode nation : team.nations()) {
            if (!access.isKnownNation(nation)) {
                throw new IllegalArgumentException("unknown nation " + nation);
            }
            if (!access.releasesTo(label, nation) && !nation.equals(origin)) {
                throw new IllegalArgumentException("the crisis is " + label.marking() + ": it does not release to "
                        + nation + ", which therefore cannot join its team");
            }
        }
        for (String username : team.users()) {
            requireUserCanRead(username, label, origin, exercise);
        }
    }

    private void requireCovers(SecurityLabel label, IncidentSummary incident) {
        if (!access.covers(label, incident.label())) {
            throw new IllegalArgumentException("the crisis label " + label.marking() + " must be at least as high "
                    + "and no wider than incident " + incident.ref() + " (" + incident.label().marking() + ")");
        }
    }

    private void checkSchedule(@Nullable Duration every) {
        if (every != null && every.compareTo(properties.minimumSitrepInterval()) < 0) {
            throw new InvalidFieldException("sitrepEvery", "sitrepEvery must be at least "
                    + properties.minimumSitrepInterval(), "input.duration.atLeast",
                    String.valueOf(properties.minimumSitrepInterval().toMinutes()));
        }
    }

    static String describe(CrisisTeam team) {
        List<String> parts = new java.util.ArrayList<>(team.users());
        team.nations().forEach(n -> parts.add(n.value()));
        return String.join(", ", parts);
    }
}
