package org.kalkan.force.internal;

import java.time.Instant;
import java.util.UUID;
import org.kalkan.council.DecisionNotAdopted;
import org.kalkan.council.MeasureActivated;
import org.kalkan.force.Offer;
import org.kalkan.force.PlanStatus;
import org.kalkan.force.SourcingPlans;
import org.kalkan.force.SourcingStatus;
import org.kalkan.force.StoredPlan;
import org.kalkan.security.AuditTrail;
import org.kalkan.shared.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An adopted Council decision naming {@code ACTIVATE_FORCES} activates the offers of the plan it names — only a plan
 * of the decision's own context that was circulated as that very decision ({@link PlansNamedByDecisions}): each
 * ACCEPTED offer becomes ACTIVATED (an OFFERED one is accepted and activated), audited as the Council's act.
 * Idempotent: a redelivered event finds the offers already activated and changes nothing. A plan whose decision
 * is not adopted goes back to SUBMITTED (its offers stay ACCEPTED), so the chair may circulate it again.
 */
@Component
class ForceActivation {

    private static final Logger log = LoggerFactory.getLogger(ForceActivation.class);
    private static final String ACTOR = "council";

    private final PlanStore plans;
    private final SourcingStore sourcing;
    private final AuditTrail audit;

    ForceActivation(PlanStore plans, SourcingStore sourcing, AuditTrail audit) {
        this.plans = plans;
        this.sourcing = sourcing;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(DecisionNotAdopted refused) {
        plans.circulatedAs(refused.decisionId().value()).ifPresent(planId -> {
            if (plans.notAdopted(planId)) {
                audit.record(ACTOR, "SOURCING_PLAN_NOT_ADOPTED", "plan:" + planId, "Council decision "
                        + refused.decisionId() + " not adopted (non-concurring " + refused.nonConcurring()
                        + ", without position " + refused.withoutPosition() + "); back to the chair");
            }
        });
    }

    @ApplicationModuleListener
    void on(MeasureActivated measure) {
        if (!SourcingPlans.ACTIVATE_FORCES.equals(measure.measureCode())) {
            return;
        }
        UUID planId;
        try {
            planId = UUID.fromString(measure.parameters().getOrDefault("plan", "").trim());
        } catch (IllegalArgumentException e) {
            log.warn("Council decision {} names ACTIVATE_FORCES without a plan id: {}", measure.registerNumber(),
                    measure.parameters());
            return;
        }
        StoredPlan plan = plans.lock(planId).orElse(null);
        if (plan == null) {
            log.warn("Council decision {} names an unknown sourcing plan {}", measure.registerNumber(), planId);
            return;
        }
        try {
            // Checked by the Council as the decision took effect; checked again here, where forces are activated.
            PlansNamedByDecisions.requireActivatable(plan, measure.decisionId(), measure.exerciseId());
        } catch (RefusedException refused) {
            audit.record(ACTOR, "SOURCING_PLAN_ACTIVATION_REFUSED", "plan:" + planId, "Council decision "
                    + measure.registerNumber() + ": " + refused.getMessage());
            log.warn("Council decision {} does not activate plan {}: {}", measure.registerNumber(), planId,
                    refused.getMessage());
            return;
        }
        Instant at = measure.at();
        int activated = 0;
        for (UUID offerId : plans.offers(planId)) {
            Offer offer = sourcing.lockOffer(offerId).orElseThrow();
            if (offer.status() == SourcingStatus.OFFERED) {
                sourcing.changeOffer(offerId, SourcingStatus.OFFERED, SourcingStatus.ACCEPTED, ACTOR, at);
                audit.record(ACTOR, "OFFER_ACCEPTED", "offer:" + offerId, "under Council decision "
                        + measure.registerNumber());
                offer = sourcing.lockOffer(offerId).orElseThrow();
            }
            if (offer.status() == SourcingStatus.ACCEPTED) {
                sourcing.changeOffer(offerId, SourcingStatus.ACCEPTED, SourcingStatus.ACTIVATED, ACTOR, at);
                audit.record(ACTOR, "OFFER_ACTIVATED", "offer:" + offerId, offer.nation() + " " + offer.unitName()
                        + " under Council decision " + measure.registerNumber() + " (plan " + planId + ")");
                activated++;
            }
        }
        if (plan.status() != PlanStatus.ADOPTED) {
            plans.adopted(planId, measure.decisionId().value(), measure.registerNumber());
            audit.record(ACTOR, "SOURCING_PLAN_ADOPTED", "plan:" + planId, measure.registerNumber() + ", "
                    + activated + " offer(s) activated");
        }
    }
}
