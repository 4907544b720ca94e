package org.kalkan.council.internal;

import org.jspecify.annotations.Nullable;
import org.kalkan.members.MemberStates;
import org.kalkan.members.Nation;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.NationCode;
import org.springframework.stereotype.Component;
import org.kalkan.shared.ForbiddenException;

/**
 * Who may act in the Council. The chair drafts, circulates, revises and closes; a delegate of a member state acts
 * for that nation only; observers (by role or by their nation's status) never act. Every refusal is audited.
 */
@Component
class Delegation {

    private final MemberStates members;
    private final AuditTrail audit;

    Delegation(MemberStates members, AuditTrail audit) {
        this.members = members;
        this.audit = audit;
    }

    void requireChair(Subject subject, String action, String target) {
        if (!subject.has(Role.COUNCIL_CHAIR)) {
            throw refuse(subject, action, target, "not the Council chair",
                    "Only the Council chair may do this.");
        }
    }

    /**
     * The member nation the subject acts for: their own, which is also the only one they may name.
     * Observers, non-delegates and delegates of observer nations are refused.
     */
    NationCode requireMemberDelegate(Subject subject, @Nullable String nation, String action, String target) {
        if (!subject.has(Role.COUNCIL_DELEGATE) || subject.has(Role.OBSERVER)) {
            throw refuse(subject, action, target, "not a Council delegate",
                    "Only a delegate of a member state may do this.");
        }
        boolean member = members.nation(subject.nation()).map(Nation::isMember).orElse(false);
        if (!member) {
            throw refuse(subject, action, target, "nation " + subject.nation() + " is not a member state",
                    "Observers take no part in the Council's decisions.");
        }
        if (nation != null && !nation.equals(subject.nation().value())) {
            throw refuse(subject, action, target, "acting for " + nation + " as delegate of " + subject.nation(),
                    "A delegate acts only for their own nation (" + subject.nation() + ").");
        }
        return subject.nation();
    }

    private ForbiddenException refuse(Subject subject, String action, String target, String why, String detail) {
        audit.recordDenial(subject.username(), action, target, why);
        return new ForbiddenException(detail);
    }
}
