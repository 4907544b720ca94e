package org.kalkan.crisis;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NotFoundException;
import org.kalkan.crisis.internal.CrisisAccess;
import org.kalkan.crisis.internal.CrisisStore;
import org.kalkan.crisis.internal.TaskStore;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Subject;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;
import org.kalkan.shared.VersionConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Crisis tasks: staff add them for a user, a nation or a cell; team members move them on. Updates name the
 * version they are based on, so two people acting at once cannot silently overwrite each other (stale → 409).
 */
@Service
public class CrisisTasks {

    private final TaskStore tasks;
    private final CrisisStore crises;
    private final CrisisAccess access;
    private final Crises crisisTeams;
    private final CrisisLog log;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CrisisTasks(TaskStore tasks, CrisisStore crises, CrisisAccess access, Crises crisisTeams, CrisisLog log,
            AccessPolicy policy, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.tasks = tasks;
        this.crises = crises;
        this.access = access;
        this.crisisTeams = crisisTeams;
        this.log = log;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Adds a task. A nation or user owner joins the team; both the crisis's and the task's label must release to
     * the owner, who could otherwise not read their own task.
     */
    @Transactional
    public CrisisTask add(Subject subject, CrisisId crisisId, NewTask request) {
        Instant now = clock.instant();
        CrisisAccess.Addition addition = access.addition(subject, crisisId, request.label(), "add crisis tasks",
                "dueAt", request.dueAt(), now);
        Crisis crisis = addition.crisis();
        SecurityLabel label = addition.label();
        TaskOwner owner = request.owner();
        if (owner.kind() == TaskOwner.Kind.NATION) {
            NationCode nation = NationCode.of(owner.name());
            if (!access.releasesTo(label, nation) && !nation.equals(subject.nation())) {
                throw new IllegalArgumentException("the task is " + label.marking() + ": its owner " + nation
                        + " could not read it");
            }
            crisisTeams.include(crisis, CrisisTeam.of(Set.of(), Set.of(nation)), subject.username());
        } else if (owner.kind() == TaskOwner.Kind.USER) {
            crisisTeams.requireUserCanRead(owner.name(), label, subject.nation(), crisis.exerciseId());
            crisisTeams.include(crisis, CrisisTeam.of(Set.of(owner.name()), Set.of()), subject.username());
        }
        UUID id = tasks.insert(crisisId, request.title().strip(), owner, request.dueAt(), subject.username(), now,
                label, subject.nation());
        CrisisTask task = tasks.find(id).orElseThrow();
        log.system(crisis, subject.username(), LogEntryKind.TASK_CREATED, "Task added: " + task.title() + " — "
                + owner + ", due " + org.kalkan.shared.Dtg.of(task.dueAt()), label);
        audit.record(subject.username(), "CRISIS_TASK_ADDED", "task:" + id, "crisis " + crisisId + " " + owner + " "
                + label.marking());
        return task;
    }

    /** Tasks of the crisis the subject may read, by due time. */
    @Transactional(readOnly = true)
    public List<CrisisTask> list(Subject subject, CrisisId crisisId) {
        access.readable(subject, crisisId);
        List<CrisisTask> list = tasks.list(crisisId, policy.filter(subject, "t"));
        list.forEach(t -> policy.assertReadable(subject, t.label(), t.originNation(), t.exerciseId(),
                "task:" + t.id()));
        return list;
    }

    /**
     * A team member changes a task's status (and staff its due time), based on {@code expectedVersion}. A stale
     * version or a finished task is a 409 and nothing changes.
     */
    @Transactional
    public CrisisTask update(Subject subject, CrisisId crisisId, UUID taskId, @Nullable TaskStatus status,
            @Nullable Instant dueAt, int expectedVersion) {
        access.requireParticipant(subject, "update crisis tasks");
        Crisis crisis = access.active(subject, crisisId);
        CrisisTask task = tasks.find(crisisId, taskId, policy.filter(subject, "t"))
                .orElseThrow(() -> NotFoundException.noVisible("task"));
        if (status == null && dueAt == null) {
            throw new IllegalArgumentException("give a status and/or a dueAt to change");
        }
        if (dueAt != null) {
            access.requireAnyRole(subject, CrisisAccess.STAFF, "change task due times");
        }
        if (task.version() != expectedVersion) {
            throw stale(task);
        }
        if (task.status().isFinal()) {
            throw new RefusedException("Task " + taskId + " is " + task.status() + "; it cannot change any more.");
        }
        TaskStatus newStatus = status == null ? task.status() : status;
        Instant newDue = dueAt == null ? task.dueAt() : dueAt;
        if (!tasks.update(taskId, expectedVersion, newStatus, newDue, dueAt != null, subject.username(),
                clock.instant())) {
            throw stale(tasks.find(taskId).orElseThrow());
        }
        log.system(crisis, subject.username(), LogEntryKind.TASK_UPDATED, "Task " + task.title() + ": "
                + (status == null ? "" : task.status() + " → " + newStatus)
                + (dueAt == null ? "" : " due " + org.kalkan.shared.Dtg.of(newDue)), task.label());
        audit.record(subject.username(), "CRISIS_TASK_UPDATED", "task:" + taskId, task.status() + " → " + newStatus
                + " v" + expectedVersion);
        return tasks.find(taskId).orElseThrow();
    }

    /**
     * Due work, for the module's poller ({@code internal}): flags tasks past their due time once, logs each and
     * publishes {@link CrisisTaskOverdue}.
     */
    @Transactional
    public int flagOverdue(Instant now) {
        List<CrisisTask> overdue = tasks.flagOverdue(now, 100);
        for (CrisisTask task : overdue) {
            // not locked: user updates lock the crisis before the task, the poller holds the task already
            Crisis crisis = crises.get(task.crisisId()).orElseThrow();
            log.system(crisis, "system", LogEntryKind.TASK_OVERDUE, "Task overdue: " + task.title() + " — "
                    + task.owner() + ", was due " + org.kalkan.shared.Dtg.of(task.dueAt()), task.label());
            events.publishEvent(new CrisisTaskOverdue(task.crisisId(), task.id(), task.title(), task.owner(),
                    task.label()));
        }
        return overdue.size();
    }

    private static RuntimeException stale(CrisisTask current) {
        return new VersionConflictException("Task " + current.id() + " was changed by " + current.updatedBy()
                + " (now version " + current.version() + ", " + current.status() + "); reload and try again.");
    }
}
