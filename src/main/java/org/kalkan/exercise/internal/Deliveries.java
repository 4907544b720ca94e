package org.kalkan.exercise.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.kalkan.exercise.Exercise;
import org.kalkan.exercise.ExerciseClock;
import org.kalkan.exercise.Inject;
import org.kalkan.exercise.InjectKind;
import org.kalkan.exercise.InjectStatus;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.security.UserDirectory;
import org.kalkan.security.UserSummary;
import org.kalkan.shared.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers injects: each in its own transaction that locks the inject row (SKIP LOCKED for the poller), creates the
 * record through the owning module's facade as the exercise's author working in the exercise context, and marks
 * the inject DELIVERED, audited. A crash before the commit delivers nothing, so a restart never delivers twice.
 */
@Component
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final ExerciseStore exercises;
    private final InjectStore injects;
    private final InjectContent content;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    Deliveries(ExerciseStore exercises, InjectStore injects, InjectContent content, UserDirectory users,
            AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
        this.exercises = exercises;
        this.injects = injects;
        this.content = content;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Delivers the (locked) inject now, in the caller's transaction; {@code by} is who caused it. */
    public Inject deliver(Exercise exercise, Inject inject, String by) {
        Instant now = clock.instant();
        Duration exerciseTime = exercise.clock().elapsed(now);
        Subject actor = actor(exercise, inject);
        String ref = content.deliver(exercise, inject, actor);
        injects.delivered(inject.id(), now, exerciseTime, ref);
        if (inject.status() != InjectStatus.DELIVERED) {
            injects.scheduleFollowers(exercise.id(), inject.number(), exerciseTime);
        }
        audit.record(by, "EXERCISE_INJECT_DELIVERED", "exercise:" + exercise.id() + "/inject:" + inject.number(),
                inject.kind() + " from " + inject.from() + " to " + inject.to() + " at exercise time " + exerciseTime
                        + " → " + ref + (inject.deliveries() > 0 ? " (resent)" : ""));
        return injects.find(inject.id()).orElseThrow();
    }

    /**
     * Who creates the inject's record: the exercise's author, except for an RFI into a crisis, which needs crisis
     * staff: then the first EXCON user who is a crisis manager or watch officer.
     */
    private Subject actor(Exercise exercise, Inject inject) {
        if (inject.kind() == InjectKind.RFI && InjectContent.parse(inject.content()).hasNonNull("crisisId")) {
            for (String username : exercise.exconUsers()) {
                Optional<UserSummary> staff = users.find(username)
                        .filter(u -> u.has(Role.CRISIS_MANAGER) || u.has(Role.WATCH_OFFICER));
                if (staff.isPresent()) {
                    return staff.get().subject();
                }
            }
        }
        return users.find(exercise.createdBy())
                .orElseThrow(() -> new RefusedException("The exercise's author " + exercise.createdBy()
                        + " no longer exists; nobody can deliver its injects."))
                .subject();
    }

    /**
     * Delivers every due inject of the exercise, one transaction each, then fires the contingencies of expected
     * actions that are overdue. Returns how many injects were delivered.
     */
    public int poll(UUID exerciseId) {
        int delivered = 0;
        for (int attempt = 0; attempt < 100; attempt++) {
            UUID[] current = new UUID[1];
            try {
                Boolean more = ownTransaction.execute(status -> {
                    Exercise exercise = exercises.get(exerciseId).orElseThrow();
                    if (exercise.clock().state() != ExerciseClock.State.RUNNING) {
                        return false;
                    }
                    Optional<Inject> due = injects.lockNextDue(exerciseId, exercise.clock().elapsed(clock.instant()));
                    due.ifPresent(inject -> {
                        current[0] = inject.id();
                        deliver(exercise, inject, "system");
                    });
                    return due.isPresent();
                });
                if (!Boolean.TRUE.equals(more)) {
                    break;
                }
                delivered++;
            } catch (RuntimeException e) {
                if (current[0] == null) {
                    throw e;
                }
                hold(exerciseId, current[0], String.valueOf(e.getMessage()));
            }
        }
        ownTransaction.executeWithoutResult(status -> fireContingencies(exerciseId));
        return delivered;
    }

    /** A delivery the owning module refused: the inject is held with the reason, for EXCON to fix or cancel. */
    private void hold(UUID exerciseId, UUID injectId, String reason) {
        ownTransaction.executeWithoutResult(status -> {
            injects.failed(injectId, reason);
            audit.recordFailure("system", "EXERCISE_INJECT_DELIVERED", "exercise:" + exerciseId + "/inject-id:"
                    + injectId, "held: " + reason);
        });
        log.warn("exercise {}: inject {} could not be delivered and is held: {}", exerciseId, injectId, reason);
    }

    /** Schedules the contingency inject of each delivered inject whose expected action is overdue. */
    void fireContingencies(UUID exerciseId) {
        Exercise exercise = exercises.get(exerciseId).orElseThrow();
        Duration elapsed = exercise.clock().elapsed(clock.instant());
        for (Inject overdue : injects.lockOverdue(exerciseId, elapsed)) {
            injects.contingencyFired(overdue.id());
            String detail = "expected " + overdue.expectedAction() + " missing after " + overdue.deadline();
            if (overdue.contingencyNumber() != null) {
                Optional<Inject> contingency = injects.lockByNumber(exerciseId, overdue.contingencyNumber());
                if (contingency.isPresent() && contingency.get().status() == InjectStatus.PLANNED) {
                    injects.schedule(contingency.get().id(), elapsed);
                    detail += "; contingency inject " + overdue.contingencyNumber() + " scheduled";
                } else {
                    detail += "; contingency inject " + overdue.contingencyNumber() + " is not planned";
                }
            }
            audit.record("system", "EXERCISE_ACTION_MISSED", "exercise:" + exerciseId + "/inject:"
                    + overdue.number(), detail);
        }
    }
}
