package org.kalkan.force.internal;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.DecisionId;
import org.kalkan.council.DecisionReferences;
import org.kalkan.council.ReferencedRecords;
import org.kalkan.force.PlanStatus;
import org.kalkan.force.SourcingPlans;
import org.kalkan.force.StoredPlan;
import org.kalkan.members.NationDirectory;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Subject;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The sourcing plans a Council decision names ({@code ACTIVATE_FORCES} with {@code plan}), resolved by the force
 * module that owns them. At circulation the plan must be one the chair may read in the chair's context (absent and
 * unreadable are the same 404), SUBMITTED (or already circulated as this decision, for a revision), of the crisis the
 * decision names, and covered by the decision's label (the decision's text describes the plan); it is then reserved:
 * CIRCULATED as this decision. When the decision takes effect the plan must still be in the decision's context and
 * CIRCULATED as exactly this decision — so an exercise decision, or one naming a draft, someone else's or an
 * unreadable plan, never activates real forces.
 */
@Component
class PlansNamedByDecisions implements DecisionReferences {

    private final ObjectProvider<SourcingPlans> sourcingPlans;
    private final PlanStore plans;
    private final NationDirectory nations;
    private final AuditTrail audit;

    PlansNamedByDecisions(ObjectProvider<SourcingPlans> sourcingPlans, PlanStore plans, NationDirectory nations,
            AuditTrail audit) {
        this.sourcingPlans = sourcingPlans;
        this.plans = plans;
        this.nations = nations;
        this.audit = audit;
    }

    @Override
    public void circulating(Subject chair, ReferencedRecords named) {
        for (String parameter : named.parameters(SourcingPlans.ACTIVATE_FORCES, "plan")) {
            UUID planId = planId(parameter);
            // Absent, unreadable or of another context: the same 404, audited by find.
            sourcingPlans.getObject().find(chair, planId);
            StoredPlan plan = plans.lock(planId).orElseThrow();
            boolean alreadyThisDecision = plan.status() == PlanStatus.CIRCULATED
                    && named.decisionId().value().equals(plan.decisionId());
            if (!alreadyThisDecision && plan.status() != PlanStatus.SUBMITTED) {
                throw new RefusedException("The sourcing plan is " + plan.status() + ": only a plan its planners "
                        + "SUBMITTED is put to the Council.");
            }
            if (!Objects.equals(plan.exerciseId(), named.exerciseId())) {
                throw new RefusedException("The sourcing plan belongs to another context than the decision.");
            }
            if (plan.crisisId() == null || !plan.crisisId().equals(named.crisisId())) {
                throw new IllegalArgumentException("crisisId must be the crisis of the sourcing plan the decision "
                        + "activates");
            }
            if (!covers(named.label(), plan.label())) {
                throw new IllegalArgumentException("label: the decision describes the sourcing plan, so its label must "
                        + "be at least " + plan.label().marking());
            }
            if (!alreadyThisDecision) {
                plans.circulated(planId, named.decisionId().value());
                audit.record(chair.username(), "SOURCING_PLAN_CIRCULATED", "plan:" + planId, "as Council decision "
                        + named.decisionId());
            }
        }
    }

    @Override
    public void takingEffect(ReferencedRecords named) {
        for (String parameter : named.parameters(SourcingPlans.ACTIVATE_FORCES, "plan")) {
            UUID planId = planId(parameter);
            StoredPlan plan = plans.lock(planId).orElseThrow(() -> new RefusedException(
                    "the sourcing plan it activates does not exist"));
            requireActivatable(plan, named.decisionId(), named.exerciseId());
        }
    }

    /**
     * The plan may be activated by the decision: same context, and CIRCULATED as that decision (or ADOPTED under
     * it, when an event is delivered again). Throws {@link RefusedException} saying why not.
     */
    static void requireActivatable(StoredPlan plan, DecisionId decision, @Nullable UUID exercise) {
        if (!Objects.equals(plan.exerciseId(), exercise)) {
            throw new RefusedException("the sourcing plan " + plan.id() + " belongs to another context than the "
                    + "decision (an exercise never activates real-world forces)");
        }
        boolean circulatedAsThis = (plan.status() == PlanStatus.CIRCULATED || plan.status() == PlanStatus.ADOPTED)
                && decision.value().equals(plan.decisionId());
        if (!circulatedAsThis) {
            throw new RefusedException("the sourcing plan " + plan.id() + " is " + plan.status()
                    + " and was not circulated as this decision");
        }
    }

    private static UUID planId(String parameter) {
        try {
            return UUID.fromString(parameter.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("measures: the plan of ACTIVATE_FORCES is not a sourcing plan id: "
                    + parameter);
        }
    }

    /** {@code outer} is at least as high as {@code inner} and releases to no nation {@code inner} does not. */
    private boolean covers(SecurityLabel outer, SecurityLabel inner) {
        return outer.classification().dominates(inner.classification())
                && nations.expand(inner.releasableTo()).containsAll(nations.expand(outer.releasableTo()));
    }
}
