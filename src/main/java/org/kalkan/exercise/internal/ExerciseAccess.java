package org.kalkan.exercise.internal;

import java.util.UUID;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.kalkan.exercise.Exercise;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.springframework.stereotype.Component;

/**
 * Who may read and run an exercise. The exercise table has no exercise_id of its own (an exercise is seen from
 * every context), so it is read with the label filter across contexts; roles and staff lists decide the rest.
 * Every refusal is audited.
 */
@Component
class ExerciseAccess {

    private final ExerciseStore store;
    private final AccessPolicy policy;
    private final AuditTrail audit;

    ExerciseAccess(ExerciseStore store, AccessPolicy policy, AuditTrail audit) {
        this.store = store;
        this.policy = policy;
        this.audit = audit;
    }

    /** The exercise if the subject may read its label; otherwise 404 (its existence is not revealed). */
    public Exercise readable(Subject subject, UUID id) {
        return store.find(id, policy.filterAcrossContexts(subject, "x")).orElseThrow(() -> {
            audit.recordDenial(subject.username(), "READ", "exercise:" + id, "not found or not readable");
            return NotFoundException.noVisible("exercise");
        });
    }

    /** Only exercise directors plan exercises. */
    public void requireDirector(Subject subject, String what) {
        if (!subject.has(Role.EXERCISE_DIRECTOR)) {
            throw refuse(subject, "exercise", what, "requires EXERCISE_DIRECTOR");
        }
    }

    /** EXCON: exercise directors, and the users on the exercise's EXCON staff. */
    public void requireExcon(Subject subject, Exercise exercise, String what) {
        if (!subject.has(Role.EXERCISE_DIRECTOR) && !exercise.isExcon(subject.username())) {
            throw refuse(subject, "exercise:" + exercise.id(), what, "not on the EXCON staff");
        }
    }

    /** Evaluators of the exercise, and EXCON. */
    public void requireEvaluator(Subject subject, Exercise exercise, String what) {
        if (!subject.has(Role.EXERCISE_DIRECTOR) && !exercise.isEvaluator(subject.username())) {
            throw refuse(subject, "exercise:" + exercise.id(), what, "not an evaluator of the exercise");
        }
    }

    private RuntimeException refuse(Subject subject, String target, String what, String reason) {
        audit.recordDenial(subject.username(), "EXERCISE", target, what + ": " + reason);
        return new ForbiddenException("You may not " + what + ": " + reason + ".");
    }
}
