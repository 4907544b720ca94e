package org.kalkan.crisis.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.Crisis;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.CrisisPhase;
import org.kalkan.members.NationDirectory;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.ExerciseContexts;
import org.kalkan.security.LabelFilter;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in a crisis: the label rules of the access policy AND the crisis team. Outside the
 * team a crisis is "not found" (its existence is not revealed) and the refusal is audited.
 */
@Component
public class CrisisAccess {

    public static final Set<Role> MANAGERS = Set.of(Role.CRISIS_MANAGER);
    public static final Set<Role> STAFF = Set.of(Role.CRISIS_MANAGER, Role.WATCH_OFFICER);

    private final CrisisStore crises;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final NationDirectory nations;
    private final ObjectProvider<ExerciseContexts> exercises;

    CrisisAccess(CrisisStore crises, AccessPolicy policy, AuditTrail audit, NationDirectory nations,
            ObjectProvider<ExerciseContexts> exercises) {
        this.crises = crises;
        this.policy = policy;
        this.audit = audit;
        this.nations = nations;
        this.exercises = exercises;
    }

    /** Crises (table alias {@code c}) the subject may read and whose team includes them. */
    public LabelFilter visible(Subject subject) {
        return CrisisStore.onTeam(policy.filter(subject, "c"), subject, "c");
    }

    /** The crisis, if the subject may read its label and is on its team; otherwise an audited 404. */
    public Crisis readable(Subject subject, CrisisId id) {
        Crisis crisis = crises.find(id, visible(subject)).orElseThrow(() -> {
            audit.recordDenial(subject.username(), "READ", "crisis:" + id, "not found, not readable or not on team");
            return NotFoundException.noVisible("crisis");
        });
        policy.assertReadable(subject, crisis.label(), crisis.originNation(), crisis.exerciseId(), "crisis:" + id);
        return crisis;
    }

    /** As {@link #readable}, and the crisis is not closed: for every change to it. */
    public Crisis active(Subject subject, CrisisId id) {
        Crisis crisis = readable(subject, id);
        crises.lock(id);
        if (crisis.phase() == CrisisPhase.CLOSED) {
            throw new RefusedException("The crisis is closed; nothing more can be added to it.");
        }
        return crisis;
    }

    /** What staff add to an active crisis (a task, an RFI): its crisis and its label, the crisis's unless given. */
    public record Addition(Crisis crisis, SecurityLabel label) {
    }

    /**
     * The common opening of adding work to a crisis: a staff role, an active crisis the subject may read, a label
     * the subject may write, and a deadline still ahead of {@code now}. Throws before anything is stored.
     */
    public Addition addition(Subject subject, CrisisId id, @Nullable SecurityLabel requested, String what,
            String deadlineField, Instant deadline, Instant now) {
        requireAnyRole(subject, STAFF, what);
        Crisis crisis = active(subject, id);
        SecurityLabel label = requested == null ? crisis.label() : requested;
        checkWritable(subject, label);
        if (!deadline.isAfter(now)) {
            throw new IllegalArgumentException(deadlineField + " must be in the future: " + deadline);
        }
        return new Addition(crisis, label);
    }

    public void requireAnyRole(Subject subject, Set<Role> roles, String what) {
        if (roles.stream().noneMatch(subject::has)) {
            audit.recordDenial(subject.username(), "CRISIS", what, "requires one of " + roles);
            throw new ForbiddenException("Your roles do not allow you to " + what + ".");
        }
    }

    /** Observers see what is released to them but never act in a crisis. */
    public void requireParticipant(Subject subject, String what) {
        if (subject.has(Role.OBSERVER)) {
            audit.recordDenial(subject.username(), "CRISIS", what, "observers do not act in crises");
            throw new ForbiddenException("Observers cannot " + what + ".");
        }
    }

    public void checkWritable(Subject subject, SecurityLabel label) {
        policy.checkWritable(subject, label);
    }

    /**
     * Whether a user (as the directory has them, in the real world) could read a record of the context
     * {@code exercise}: in an exercise only if they may work in it (ADR 0006).
     */
    public boolean userCanRead(Subject user, SecurityLabel label, NationCode origin, @Nullable UUID exercise) {
        if (exercise == null) {
            return policy.canRead(user.inRealWorld(), label, origin, null);
        }
        ExerciseContexts known = exercises.getIfAvailable();
        return known != null && known.mayEnter(user.inRealWorld(), exercise)
                && policy.canRead(user.inExercise(exercise), label, origin, exercise);
    }

    /** Whether the label releases to the nation (communities expanded). */
    public boolean releasesTo(SecurityLabel label, NationCode nation) {
        return nations.expand(label.releasableTo()).contains(nation);
    }

    /**
     * Whether a record labelled {@code inner} may appear inside one labelled {@code outer}: {@code outer} is at
     * least as high and releases to no nation that {@code inner} does not.
     */
    public boolean covers(SecurityLabel outer, SecurityLabel inner) {
        return outer.classification().dominates(inner.classification())
                && nations.expand(inner.releasableTo()).containsAll(nations.expand(outer.releasableTo()));
    }

    public boolean isKnownNation(NationCode nation) {
        return nations.isKnownNation(nation.value());
    }
}
