package org.kalkan.training.internal;

import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.LabelFilter;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Component;

/**
 * Who may do what in training, and the label checks: training records are real-world records shared by every
 * context (people train in the real world, like the force registry's units), so reads use the policy's
 * across-context filter and writes are refused inside an exercise.
 */
@Component
class TrainingAccess {

    private final AccessPolicy policy;
    private final AuditTrail audit;

    TrainingAccess(AccessPolicy policy, AuditTrail audit) {
        this.policy = policy;
        this.audit = audit;
    }

    void requireRole(Subject subject, Role role, String action, String target, String refusal) {
        if (!subject.has(role)) {
            audit.recordDenial(subject.username(), action, target, "not a " + role);
            throw new ForbiddenException(refusal);
        }
    }

    /** A nation's training manager acting for that nation only. */
    void requireManagerOf(Subject subject, NationCode nation, String action, String target) {
        if (!subject.has(Role.TRAINING_MANAGER) || !subject.nation().equals(nation)) {
            audit.recordDenial(subject.username(), action, target, "not a training manager of " + nation);
            throw new ForbiddenException("Only " + nation + "'s training managers act for " + nation + "'s personnel.");
        }
    }

    void requireRealWorld(Subject subject, String what) {
        if (subject.inExercise()) {
            throw new RefusedException("Training records are real-world records: " + what
                    + " in the real world, not inside an exercise.");
        }
    }

    void checkWritable(Subject subject, SecurityLabel label) {
        policy.checkWritable(subject, label);
    }

    LabelFilter filter(Subject subject, String alias) {
        return policy.filterAcrossContexts(subject, alias);
    }

    boolean canRead(Subject subject, SecurityLabel label, NationCode origin) {
        return policy.canReadInAnyContext(subject, label, origin);
    }

    /** Asserted again before a record leaves the node (audited when refused). */
    void assertReadable(Subject subject, SecurityLabel label, NationCode origin, String target) {
        policy.assertReadable(subject, label, origin, subject.exercise(), target);
    }

    void denied(Subject subject, String action, String target, String why) {
        audit.recordDenial(subject.username(), action, target, why);
    }

    void record(Subject subject, String action, String target, String detail) {
        audit.record(subject.username(), action, target, detail);
    }

    /** For changes that follow from someone's act (a promotion after a withdrawal) or from the node itself. */
    void recordAs(String actor, String action, String target, String detail) {
        audit.record(actor, action, target, detail);
    }
}
