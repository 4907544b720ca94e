package org.kalkan.training.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.ForceRegistry;
import org.kalkan.force.UnitId;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.InvalidInputException.Violation;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.kalkan.training.Allocation;
import org.kalkan.training.Course;
import org.kalkan.training.Grant;
import org.kalkan.training.Nomination;
import org.kalkan.training.NominationId;
import org.kalkan.training.NominationStatus;
import org.kalkan.training.NominationStatusChanged;
import org.kalkan.training.Outcome;
import org.kalkan.training.Person;
import org.kalkan.training.PersonId;
import org.kalkan.training.Qualification;
import org.kalkan.training.RosterEntry;
import org.kalkan.training.Seating;
import org.kalkan.training.Session;
import org.kalkan.training.SessionDraft;
import org.kalkan.training.SessionId;
import org.kalkan.training.Sessions;
import org.kalkan.training.TrainingProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions, nominations and results. Every change to a session's nominations locks the session first, so seats
 * are counted once; the seating rules are {@link Seating}'s, the prerequisite rules {@link Course#refusals}.
 */
@Service
class SessionService implements Sessions {

    private static final int LIST_LIMIT = 500;

    private final SessionStore sessions;
    private final CourseStore courses;
    private final CatalogueService catalogue;
    private final PersonnelService personnel;
    private final PersonStore people;
    private final CertificationStore certifications;
    private final CompletionRecorder completions;
    private final SeatAllocator allocator;
    private final ForceRegistry forces;
    private final TrainingAccess access;
    private final TrainingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionService(SessionStore sessions, CourseStore courses, CatalogueService catalogue, PersonnelService personnel,
            PersonStore people, CertificationStore certifications, CompletionRecorder completions,
            SeatAllocator allocator, ForceRegistry forces, TrainingAccess access, TrainingProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.sessions = sessions;
        this.courses = courses;
        this.catalogue = catalogue;
        this.personnel = personnel;
        this.people = people;
        this.certifications = certifications;
        this.completions = completions;
        this.allocator = allocator;
        this.forces = forces;
        this.access = access;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Session schedule(Subject coordinator, SessionDraft draft) {
        access.requireRole(coordinator, Role.TRAINING_COORDINATOR, "SESSION_SCHEDULE", "course:" + draft.course(),
                "Only the training coordinator schedules sessions.");
        access.requireRealWorld(coordinator, "sessions are scheduled");
        Course course = catalogue.find(coordinator, draft.course());
        access.checkWritable(coordinator, draft.label());
        SessionId id = SessionId.random();
        sessions.insert(id, course.id(), draft, coordinator.nation(), coordinator.username(), clock.instant());
        access.record(coordinator, "SESSION_SCHEDULED", "session:" + id, course.code() + " " + draft.start() + " to "
                + draft.end() + ", " + draft.seats() + " seats, quotas " + draft.quotas() + " "
                + draft.label().marking());
        return find(coordinator, id);
    }

    @Override
    @Transactional(readOnly = true)
    public Session find(Subject subject, SessionId id) {
        Session session = sessions.find(access.filter(subject, "s"), id).orElseThrow(() -> {
            access.denied(subject, "READ", "session:" + id, "not found or not readable");
            return NotFoundException.noVisible("session");
        });
        access.assertReadable(subject, session.label(), session.originNation(), "session:" + id);
        return session;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Session> list(Subject subject, @Nullable String course) {
        List<Session> found = sessions.list(access.filter(subject, "s"),
                course == null || course.isBlank() ? null : Course.code(course, "course"), LIST_LIMIT);
        found.forEach(s -> access.assertReadable(subject, s.label(), s.originNation(), "session:" + s.id()));
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public List<RosterEntry> roster(Subject subject, SessionId id) {
        find(subject, id);
        List<Nomination> nominations = sessions.nominations(id);
        Map<UUID, Person> readable = people.readable(access.filter(subject, "p"),
                nominations.stream().map(n -> n.person().value()).toList());
        List<RosterEntry> roster = new ArrayList<>();
        for (Nomination n : nominations) {
            Person person = readable.get(n.person().value());
            if (person != null && access.canRead(subject, person.label(), person.nation())) {
                roster.add(new RosterEntry(n, person.name(), person.rank(), person.label()));
            } else {
                roster.add(new RosterEntry(n, null, null, null));
            }
        }
        return roster;
    }

    @Override
    @Transactional
    public Nomination nominate(Subject manager, SessionId sessionId, PersonId personId, @Nullable Integer priority) {
        int checkedPriority = priority == null ? 3 : priority;
        if (checkedPriority < 1 || checkedPriority > 5) {
            throw new IllegalArgumentException("priority must be between 1 (highest) and 5");
        }
        access.requireRole(manager, Role.TRAINING_MANAGER, "NOMINATE", "session:" + sessionId,
                "Only a nation's training managers nominate its personnel.");
        access.requireRealWorld(manager, "nominations are made");
        Session session = find(manager, sessionId);
        Person person = personnel.readable(manager, personId);
        access.requireManagerOf(manager, person.nation(), "NOMINATE", "person:" + personId);
        sessions.lock(sessionId);
        if (!session.acceptsNominationsOn(today())) {
            throw new RefusedException("Nominations for this session closed on " + session.nominationDeadline() + ".");
        }
        sessions.nominationOf(sessionId, personId).ifPresent(existing -> {
            throw new RefusedException("This person is nominated to the session already (" + existing.status()
                    + ").");
        });
        Course course = courses.byId(session.courseId()).orElseThrow();
        List<Violation> unmet = course.refusals(personnel.candidate(person, session.start()));
        if (!unmet.isEmpty()) {
            access.denied(manager, "NOMINATE", "person:" + personId, unmet.size() + " prerequisite(s) unmet for "
                    + course.code());
            throw new RefusedException(unmet.size() + " prerequisite(s) of " + course.code() + " not met; nothing "
                    + "was stored", unmet);
        }
        Seating seating = session.seating();
        NominationStatus status = seating.hasSeatFor(person.nation().value(), held(sessionId))
                ? NominationStatus.NOMINATED : NominationStatus.WAITLISTED;
        NominationId id = NominationId.random();
        sessions.insertNomination(id, sessionId, personId, person.nation(), status, checkedPriority,
                manager.username(), clock.instant());
        access.record(manager, "NOMINATION_" + status, "session:" + sessionId, "person " + personId + " of "
                + person.nation() + ", priority " + checkedPriority);
        Nomination nomination = sessions.nomination(sessionId, id).orElseThrow();
        changed(session, nomination, person, null, status, status == NominationStatus.NOMINATED
                ? "nominated" : "no seat left within " + person.nation() + "'s share; waiting in priority order");
        return nomination;
    }

    @Override
    @Transactional
    public Nomination withdraw(Subject subject, SessionId sessionId, NominationId nominationId) {
        Session session = find(subject, sessionId);
        sessions.lock(sessionId);
        Nomination nomination = sessions.nomination(sessionId, nominationId)
                .orElseThrow(() -> NotFoundException.noVisible("nomination"));
        boolean own = subject.has(Role.TRAINING_MANAGER) && subject.nation().equals(nomination.nation());
        if (!own && !subject.has(Role.TRAINING_COORDINATOR)) {
            access.denied(subject, "NOMINATION_WITHDRAW", "nomination:" + nominationId,
                    "not of " + nomination.nation());
            throw new ForbiddenException("Only " + nomination.nation()
                    + "'s training managers or the coordinator withdraw this nomination.");
        }
        access.requireRealWorld(subject, "nominations are withdrawn");
        if (!nomination.status().active()) {
            throw new RefusedException("The nomination is " + nomination.status() + "; it cannot be withdrawn.");
        }
        if (nomination.result() != null) {
            throw new RefusedException("The result is recorded (" + nomination.result() + "); it cannot be withdrawn.");
        }
        sessions.setStatus(nominationId, NominationStatus.WITHDRAWN, "withdrawn by " + subject.username());
        access.record(subject, "NOMINATION_WITHDRAWN", "session:" + sessionId, "nomination " + nominationId + " of "
                + nomination.nation() + " (was " + nomination.status() + ")");
        Person person = people.findUnchecked(nomination.person()).orElseThrow();
        changed(session, nomination, person, nomination.status(), NominationStatus.WITHDRAWN,
                "withdrawn by " + subject.username());
        if (nomination.status() == NominationStatus.NOMINATED) {
            promote(session, subject.username());
        }
        return sessions.nomination(sessionId, nominationId).orElseThrow();
    }

    /** Waiting nominations take the seats that are free now, in priority then arrival order. */
    private void promote(Session session, String by) {
        List<Seating.Claim> waiting = sessions.nominations(session.id()).stream()
                .filter(n -> n.status() == NominationStatus.WAITLISTED).map(Nomination::claim).toList();
        for (Seating.Claim claim : session.seating().promotions(waiting, held(session.id()))) {
            sessions.setStatus(claim.id(), NominationStatus.NOMINATED, "moved up from the waiting list");
            Nomination promoted = sessions.nomination(session.id(), claim.id()).orElseThrow();
            access.recordAs(by, "NOMINATION_PROMOTED", "session:" + session.id(), "nomination " + claim.id() + " of "
                    + claim.nation() + " moved up to a seat");
            changed(session, promoted, people.findUnchecked(promoted.person()).orElseThrow(),
                    NominationStatus.WAITLISTED, NominationStatus.NOMINATED, "a seat freed: moved up from the "
                            + "waiting list");
        }
    }

    private Map<String, Integer> held(SessionId session) {
        Map<String, Integer> held = new HashMap<>();
        sessions.nominations(session).stream().filter(n -> n.status() == NominationStatus.NOMINATED)
                .forEach(n -> held.merge(n.nation().value(), 1, Integer::sum));
        return held;
    }

    @Override
    @Transactional
    public Nomination recordResult(Subject coordinator, SessionId sessionId, PersonId personId, Outcome outcome) {
        access.requireRole(coordinator, Role.TRAINING_COORDINATOR, "RESULT", "session:" + sessionId,
                "Only the training coordinator records results.");
        access.requireRealWorld(coordinator, "results are recorded");
        Session session = find(coordinator, sessionId);
        sessions.lock(sessionId);
        LocalDate today = today();
        if (!session.takesResultsOn(today)) {
            throw new RefusedException("Results are recorded from the session's start, " + session.start() + ".");
        }
        Nomination nomination = sessions.nominationOf(sessionId, personId)
                .orElseThrow(() -> NotFoundException.noVisible("nomination of this person"));
        if (nomination.status() != NominationStatus.NOMINATED) {
            throw new RefusedException("The nomination is " + nomination.status() + ": only a person holding a seat "
                    + "gets a result.");
        }
        if (nomination.result() != null) {
            throw new RefusedException("A result is recorded already (" + nomination.result() + ").");
        }
        Course course = courses.byId(session.courseId()).orElseThrow();
        Person person = people.findUnchecked(personId).orElseThrow();
        sessions.setResult(nomination.id(), outcome, coordinator.username(), clock.instant());
        LocalDate on = today.isAfter(session.end()) ? session.end() : today;
        completions.record(person, course, outcome, on, "session:" + sessionId, coordinator.username(), true);
        Grant grant = course.grants();
        access.record(coordinator, "RESULT_RECORDED", "session:" + sessionId, "person " + personId + " " + outcome
                + (outcome == Outcome.PASSED && grant != null ? ", grants " + grant.qualification() + " until "
                        + grant.validUntil(on) : ""));
        return sessions.nomination(sessionId, nomination.id()).orElseThrow();
    }

    @Override
    @Transactional
    public Allocation allocate(Subject coordinator, SessionId sessionId, boolean apply) {
        access.requireRole(coordinator, Role.TRAINING_COORDINATOR, "ALLOCATE", "session:" + sessionId,
                "Only the training coordinator allocates seats.");
        access.requireRealWorld(coordinator, "seats are allocated");
        Session session = find(coordinator, sessionId);
        sessions.lock(sessionId);
        Course course = courses.byId(session.courseId()).orElseThrow();
        Grant grant = course.grants();
        String qualification = grant == null ? course.code() : grant.qualification();
        LocalDate horizon = session.end().plus(properties.expiringWithin());
        List<Nomination> active = sessions.nominations(sessionId).stream()
                .filter(n -> n.status().active() && n.result() == null).toList();
        Map<UUID, Integer> required = new HashMap<>();
        certifications.billetsFor(qualification).forEach(row -> required.put((UUID) row[0], (Integer) row[1]));
        List<SeatAllocator.Nominee> nominees = new ArrayList<>();
        Map<UUID, Integer> shortfalls = new HashMap<>();
        for (Nomination n : active) {
            Person person = people.findUnchecked(n.person()).orElseThrow();
            boolean holds = people.qualifications(person.id()).stream()
                    .anyMatch(q -> q.code().equals(qualification) && q.stateOn(horizon) == Qualification.State.VALID);
            UUID unit = person.unit() == null || !required.containsKey(person.unit().value()) ? null
                    : person.unit().value();
            if (unit != null && !shortfalls.containsKey(unit)) {
                int qualified = people.unitCount(new UnitId(unit), qualification, horizon, horizon)[0];
                shortfalls.put(unit, Math.max(0, required.getOrDefault(unit, 0) - qualified));
            }
            nominees.add(new SeatAllocator.Nominee(n.id(), n.person(), n.nation().value(), n.priority(), n.arrival(),
                    unit, holds));
        }
        Map<UUID, String> unitNames = new HashMap<>();
        forces.list(coordinator, null, null, null).forEach(u -> unitNames.put(u.id().value(), u.details().name()));
        Allocation allocation = allocator.allocate(sessionId, session.seating(), nominees, shortfalls, unitNames,
                qualification, properties.allocationTimeLimit());
        if (!apply) {
            return allocation;
        }
        Map<NominationId, Nomination> byId = new HashMap<>();
        active.forEach(n -> byId.put(n.id(), n));
        for (Allocation.Seat seat : allocation.seated()) {
            Nomination n = allocated(byId, seat.nomination());
            sessions.setStatus(n.id(), NominationStatus.NOMINATED, "allocated: " + seat.explanation());
            if (n.status() != NominationStatus.NOMINATED) {
                changed(session, n, people.findUnchecked(n.person()).orElseThrow(), n.status(),
                        NominationStatus.NOMINATED, "allocated a seat: " + seat.explanation());
            }
        }
        for (Allocation.Refusal refusal : allocation.refused()) {
            Nomination n = allocated(byId, refusal.nomination());
            sessions.setStatus(n.id(), NominationStatus.WAITLISTED, "not allocated: " + refusal.reason());
            if (n.status() != NominationStatus.WAITLISTED) {
                changed(session, n, people.findUnchecked(n.person()).orElseThrow(), n.status(),
                        NominationStatus.WAITLISTED, "not allocated a seat: " + refusal.reason());
            }
        }
        access.record(coordinator, "SEATS_ALLOCATED", "session:" + sessionId, allocation.seated().size()
                + " seated, " + allocation.refused().size() + " waiting, readiness gained "
                + allocation.readinessGained() + (allocation.optimal() ? " (optimal)" : ""));
        return new Allocation(sessionId, allocation.seated(), allocation.refused(), allocation.readinessGained(),
                allocation.optimal(), true);
    }

    /** The active nomination an allocation names: the allocator answers only for the nominees it was given. */
    private static Nomination allocated(Map<NominationId, Nomination> byId, NominationId id) {
        Nomination nomination = byId.get(id);
        if (nomination == null) {
            throw new IllegalStateException("the allocation names nomination " + id + ", which was not a nominee");
        }
        return nomination;
    }

    private void changed(Session session, Nomination nomination, Person person, @Nullable NominationStatus from,
            NominationStatus to, String reason) {
        events.publishEvent(new NominationStatusChanged(nomination.id(), session.id(), session.courseCode(),
                session.start(), person.id(), person.nation(), from, to, reason, person.label(), session.label(),
                session.originNation()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
