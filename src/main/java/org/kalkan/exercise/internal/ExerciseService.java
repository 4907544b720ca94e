package org.kalkan.exercise.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.kalkan.exercise.Exercise;
import org.kalkan.exercise.ExerciseClock;
import org.kalkan.exercise.ExercisePlan;
import org.kalkan.exercise.ExerciseStatus;
import org.kalkan.exercise.Exercises;
import org.kalkan.force.ForceRegistry;
import org.kalkan.force.UnitId;
import org.kalkan.members.NationDirectory;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Subject;
import org.kalkan.security.UserDirectory;
import org.kalkan.shared.ExercisePurged;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.VersionConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Exercises} on the exercise store: the checks, the audit, and the purge of its own records. */
@Service
class ExerciseService implements Exercises {

    private final ExerciseStore store;
    private final ExerciseAccess access;
    private final AccessPolicy policy;
    private final NationDirectory nations;
    private final UserDirectory users;
    private final ForceRegistry forces;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExerciseService(ExerciseStore store, ExerciseAccess access, AccessPolicy policy, NationDirectory nations,
            UserDirectory users, ForceRegistry forces, AuditTrail audit, JdbcClient jdbc,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.access = access;
        this.policy = policy;
        this.nations = nations;
        this.users = users;
        this.forces = forces;
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Exercise plan(Subject director, ExercisePlan plan) {
        access.requireDirector(director, "plan exercises");
        check(director, plan);
        UUID id = UUID.randomUUID();
        store.insert(id, plan, director.nation(), director.username(), clock.instant());
        audit.record(director.username(), "EXERCISE_PLANNED", "exercise:" + id, plan.name() + " audience "
                + plan.trainingAudience() + " " + plan.label().marking());
        return store.get(id).orElseThrow();
    }

    @Override
    @Transactional
    public Exercise edit(Subject director, UUID id, ExercisePlan plan, int version) {
        access.requireDirector(director, "edit exercises");
        Exercise current = access.readable(director, id);
        if (!current.status().open()) {
            throw new RefusedException("The exercise is " + current.status() + "; it can no longer be edited.");
        }
        check(director, plan);
        if (!store.update(id, plan, version)) {
            throw new VersionConflictException("The exercise was changed by someone else (version " + current.version()
                    + "); reload and try again.");
        }
        audit.record(director.username(), "EXERCISE_EDITED", "exercise:" + id, plan.name() + " "
                + plan.label().marking());
        return store.get(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Exercise> list(Subject subject) {
        List<Exercise> list = store.list(policy.filterAcrossContexts(subject, "x"), 500);
        list.forEach(x -> policy.assertReadable(subject.inRealWorld(), x.label(), x.originNation(),
                "exercise:" + x.id()));
        return list;
    }

    @Override
    @Transactional(readOnly = true)
    public Exercise find(Subject subject, UUID id) {
        Exercise exercise = access.readable(subject, id);
        policy.assertReadable(subject.inRealWorld(), exercise.label(), exercise.originNation(), "exercise:" + id);
        return exercise;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Exercise> enterable(Subject subject) {
        return list(subject).stream().filter(x -> x.status().open())
                .filter(x -> x.trainingAudience().contains(subject.nation().value())
                        || x.isEvaluator(subject.username()))
                .toList();
    }

    @Override
    @Transactional
    public Exercise archive(Subject director, UUID id) {
        access.requireDirector(director, "archive exercises");
        access.readable(director, id);
        Exercise exercise = store.lock(id).orElseThrow();
        if (exercise.status() == ExerciseStatus.ARCHIVED || exercise.status() == ExerciseStatus.PURGED) {
            throw new RefusedException("The exercise is already " + exercise.status() + ".");
        }
        store.saveClock(id, new ExerciseClock(ExerciseClock.State.STOPPED, exercise.clock().rate(),
                exercise.clock().elapsed(clock.instant()), null, exercise.clock().startedAt()));
        store.setStatus(id, ExerciseStatus.ARCHIVED);
        audit.record(director.username(), "EXERCISE_ARCHIVED", "exercise:" + id, exercise.name());
        return store.get(id).orElseThrow();
    }

    @Override
    @Transactional
    public Exercise purge(Subject director, UUID id) {
        access.requireDirector(director, "purge exercises");
        access.readable(director, id);
        Exercise exercise = store.lock(id).orElseThrow();
        if (exercise.status() == ExerciseStatus.PURGED) {
            throw new RefusedException("The exercise is already purged.");
        }
        int actions = jdbc.sql("DELETE FROM exercise_player_action WHERE exercise_id = :id").param("id", id).update();
        int observations = jdbc.sql("DELETE FROM exercise_observation WHERE exercise_id = :id").param("id", id)
                .update();
        int injects = jdbc.sql("DELETE FROM exercise_inject WHERE exercise_id = :id").param("id", id).update();
        store.saveClock(id, new ExerciseClock(ExerciseClock.State.STOPPED, 1, java.time.Duration.ZERO, null, null));
        store.setStatus(id, ExerciseStatus.PURGED);
        events.publishEvent(new ExercisePurged(id, director.username(), clock.instant()));
        audit.record(director.username(), "EXERCISE_PURGED", "exercise:" + id, exercise.name() + ": " + injects
                + " injects, " + actions + " player actions, " + observations + " observations deleted");
        return store.get(id).orElseThrow();
    }

    private void check(Subject director, ExercisePlan plan) {
        policy.checkWritable(director, plan.label());
        for (String nation : plan.trainingAudience()) {
            if (!nations.isKnownNation(nation)) {
                throw new IllegalArgumentException("trainingAudience: unknown nation " + nation);
            }
        }
        for (String user : concat(plan.exconUsers(), plan.evaluatorUsers())) {
            if (users.find(user).isEmpty()) {
                throw new IllegalArgumentException("unknown user " + user);
            }
        }
        for (UUID unit : plan.participatingUnits()) {
            forces.find(director.inRealWorld(), new UnitId(unit)); // 404 for a unit the director may not read
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
