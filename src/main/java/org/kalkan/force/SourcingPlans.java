package org.kalkan.force;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.Council;
import org.kalkan.council.Decision;
import org.kalkan.council.DecisionDraft;
import org.kalkan.council.MeasureOrder;
import org.kalkan.council.Procedure;
import org.kalkan.force.ForceRequirements.StatedRequirement;
import org.kalkan.force.internal.PlanStore;
import org.kalkan.force.internal.SourcingStore;
import org.kalkan.members.NationDirectory;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sourcing plans computed from the offers and stored for review. A unit is only considered for the requirement it
 * was offered for, under its own caveats plus the offer's extra ones. A planner submits a plan for approval (its
 * offers become ACCEPTED); the Council chair circulates it as a decision naming {@code ACTIVATE_FORCES}; on
 * adoption {@code force.internal.ForceActivation} activates the offers.
 */
@Service
public class SourcingPlans {

    /** The Council measure that activates a plan's offers; its parameter {@code plan} is the plan id. */
    public static final String ACTIVATE_FORCES = "ACTIVATE_FORCES";
    private static final int LIST_LIMIT = 100;

    private final ForceRequirements requirements;
    private final ForceRegistry registry;
    private final SourcingEngine engine;
    private final SourcingStore sourcing;
    private final PlanStore plans;
    private final Council council;
    private final NationDirectory nations;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ObjectProvider<UnitReadiness> readiness;
    private final Clock clock;

    SourcingPlans(ForceRequirements requirements, ForceRegistry registry, SourcingEngine engine,
            SourcingStore sourcing, PlanStore plans, Council council, NationDirectory nations, AccessPolicy policy,
            AuditTrail audit, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            ObjectProvider<UnitReadiness> readiness, Clock clock) {
        this.requirements = requirements;
        this.registry = registry;
        this.engine = engine;
        this.sourcing = sourcing;
        this.plans = plans;
        this.council = council;
        this.nations = nations;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.readiness = readiness;
        this.clock = clock;
    }

    /**
     * Sources the requirements of a crisis (or the named ones) from the units offered for them and stores the
     * plan as a DRAFT. The solver runs outside any transaction; the plan is stored in one.
     */
    public StoredPlan plan(Subject planner, @Nullable UUID crisisId, List<UUID> requirementIds, Duration limit) {
        if (!planner.has(Role.FORCE_PLANNER)) {
            audit.recordDenial(planner.username(), "SOURCING_PLAN", "plans", "not a force planner");
            throw new ForbiddenException("Only force planners compute sourcing plans.");
        }
        Map<UUID, StatedRequirement> stated = new LinkedHashMap<>();
        if (crisisId != null) {
            requirements.forCrisis(planner, crisisId).forEach(r -> stated.put(r.requirement().id(), r));
        }
        requirements.requirements(planner, requirementIds).forEach(r -> stated.put(r.requirement().id(), r));
        if (stated.isEmpty()) {
            throw new IllegalArgumentException("name a crisisId with requirements, or requirementIds");
        }
        List<Requirement> wanted = stated.values().stream().map(StatedRequirement::requirement).toList();
        List<UUID> ids = List.copyOf(stated.keySet());
        List<Offer> offers = sourcing.plannable(policy.filterAcrossContexts(planner, "u"), ids);
        List<ForceUnit> units = new ArrayList<>();
        Map<String, UUID> offerOfPair = new HashMap<>();
        Set<UnitId> seen = new HashSet<>();
        for (Offer offer : offers) {
            ForceUnit unit = registry.find(planner, new UnitId(offer.unitId()));
            if (seen.add(unit.id())) {
                units.add(unit);
            }
            offerOfPair.put(offer.unitId() + "/" + offer.requirementId(), offer.id());
        }
        Map<String, Set<String>> extraUses = new HashMap<>();
        offers.forEach(o -> extraUses.put(o.unitId() + "/" + o.requirementId(), o.extraExcludedUses()));
        SourcingEngine.Admission offered = (unit, requirement) -> {
            String pair = unit.id() + "/" + requirement.id();
            if (!offerOfPair.containsKey(pair)) {
                return "not offered for this requirement";
            }
            return requirement.use() != null && extraUses.getOrDefault(pair, Set.of()).contains(requirement.use())
                    ? "caveat: " + unit.nation() + " offered " + unit.details().name() + " excluding "
                            + requirement.use()
                    : null;
        };
        SourcingPlan plan = engine.plan(wanted, units, limit, Runtime.getRuntime().availableProcessors(),
                offered.and(SourcingEngine.certified(readiness.getIfAvailable())));
        Map<UUID, UUID> offerOfUnit = new HashMap<>();
        plan.assignments().forEach(a -> offerOfUnit.put(a.unitId(), offerOfPair.get(a.unitId() + "/"
                + a.requirementId())));
        UUID crisis = crisisId != null ? crisisId : commonCrisis(stated.values());
        SecurityLabel label = label(stated.values());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            policy.checkWritable(planner, label);
            plans.insert(id, crisis, plan, ids, offerOfUnit, label, planner.nation(), planner.username(), now,
                    planner.exercise());
            audit.record(planner.username(), "SOURCING_PLAN_COMPUTED", "plan:" + id, plan.assignments().size()
                    + " assignment(s), " + plan.gaps().size() + " gap(s), objective " + plan.objective()
                    + (plan.provenOptimal() ? " (optimal)" : " (bound " + plan.bound() + ")") + " " + label.marking());
        });
        return find(planner, id);
    }

    /**
     * Resolves a plan id for the subject: the plan, if it exists, the subject may read it and it is of the subject's
     * context; otherwise an audited 404 that does not tell absent from unreadable.
     */
    @Transactional(readOnly = true)
    public StoredPlan find(Subject subject, UUID id) {
        StoredPlan plan = plans.find(policy.filter(subject, "p"), id).orElseThrow(() -> {
            audit.recordDenial(subject.username(), "READ", "plan:" + id, "not found or not readable");
            return NotFoundException.noVisible("sourcing plan");
        });
        policy.assertReadable(subject, plan.label(), plan.originNation(), plan.exerciseId(), "plan:" + id);
        return plan;
    }

    /** Readable plans of a crisis the subject may see (else 404), newest first. */
    @Transactional(readOnly = true)
    public List<StoredPlan> ofCrisis(Subject subject, UUID crisisId) {
        requirements.requireCrisis(subject, crisisId);
        List<StoredPlan> found = plans.ofCrisis(policy.filter(subject, "p"), crisisId, LIST_LIMIT);
        found.forEach(p -> policy.assertReadable(subject, p.label(), p.originNation(), p.exerciseId(),
                "plan:" + p.id()));
        return found;
    }

    /**
     * A planner submits a DRAFT plan for the Council's approval: every offer it uses goes OFFERED → ACCEPTED and
     * the chair is alerted to circulate it. A plan without assignments, or using an offer that has moved on, is
     * refused (409) and nothing changes.
     */
    @Transactional
    public StoredPlan submit(Subject planner, UUID id) {
        if (!planner.has(Role.FORCE_PLANNER)) {
            audit.recordDenial(planner.username(), "SOURCING_PLAN_SUBMIT", "plan:" + id, "not a force planner");
            throw new ForbiddenException("Only force planners submit sourcing plans.");
        }
        find(planner, id);
        StoredPlan plan = plans.lock(id).orElseThrow();
        if (plan.status() != PlanStatus.DRAFT) {
            throw new RefusedException("The plan is " + plan.status() + "; only a DRAFT plan is submitted.");
        }
        if (plan.plan().assignments().isEmpty()) {
            throw new RefusedException("The plan assigns no unit: there is nothing for the Council to activate.");
        }
        if (plan.crisisId() == null) {
            throw new RefusedException("The plan's requirements belong to several crises; plan one crisis at a time.");
        }
        Instant now = clock.instant();
        List<Offer> used = plans.offers(id).stream().map(o -> sourcing.lockOffer(o).orElseThrow()).toList();
        used.forEach(o -> ForceRequirements.requireTransition(o.status(), SourcingStatus.ACCEPTED,
                "the offer of " + o.nation() + " " + o.unitName()));
        for (Offer offer : used) {
            sourcing.changeOffer(offer.id(), SourcingStatus.OFFERED, SourcingStatus.ACCEPTED, planner.username(), now);
            audit.record(planner.username(), "OFFER_ACCEPTED", "offer:" + offer.id(), offer.nation() + " "
                    + offer.unitName() + " under plan " + id);
        }
        plans.submitted(id, planner.username(), now);
        audit.record(planner.username(), "SOURCING_PLAN_SUBMITTED", "plan:" + id, used.size() + " offer(s) accepted");
        events.publishEvent(new SourcingPlanSubmitted(id, plan.crisisId(), plan.plan().assignments().size(),
                plan.plan().gaps().size(), plan.label(), planner.nation().value(), planner.username(), now));
        return plans.lock(id).orElseThrow();
    }

    /**
     * The Council chair circulates a SUBMITTED plan as a decision naming {@code ACTIVATE_FORCES} with the plan,
     * under silence (until {@code silenceEndsAt}, with the {@code urgency} that justifies a short one) or for
     * consensus, through the {@link Council}'s own rules: the decision carries the plan's label, which must therefore
     * be releasable to every member state.
     */
    @Transactional
    public Decision circulate(Subject chair, UUID id, @Nullable Procedure procedure, @Nullable Instant silenceEndsAt,
            @Nullable String urgency) {
        if (!chair.has(Role.COUNCIL_CHAIR)) {
            audit.recordDenial(chair.username(), "SOURCING_PLAN_CIRCULATE", "plan:" + id, "not the Council chair");
            throw new ForbiddenException("Only the Council chair circulates a plan to the Council.");
        }
        find(chair, id);
        StoredPlan plan = plans.lock(id).orElseThrow();
        if (plan.status() != PlanStatus.SUBMITTED) {
            throw new RefusedException("The plan is " + plan.status() + "; only a SUBMITTED plan is circulated.");
        }
        Decision decision = council.circulate(new DecisionDraft(title(plan), text(plan), plan.label(),
                procedure == null ? Procedure.SILENCE : procedure, silenceEndsAt, plan.crisisId(), null,
                List.of(new MeasureOrder(ACTIVATE_FORCES, Map.of("plan", id.toString()))), urgency));
        // The Council asked this module to resolve the plan for the chair, which marked it circulated as the decision.
        audit.record(chair.username(), "SOURCING_PLAN_CIRCULATED", "plan:" + id, "as Council decision "
                + decision.id() + " " + decision.procedure());
        return decision;
    }

    private static String title(StoredPlan plan) {
        return "Activate forces: sourcing plan " + plan.id().toString().substring(0, 8) + " ("
                + plan.plan().assignments().size() + " unit(s))";
    }

    private static String text(StoredPlan plan) {
        StringBuilder text = new StringBuilder("The Council activates the national units of sourcing plan ")
                .append(plan.id()).append(" for crisis ").append(plan.crisisId()).append(":\n");
        plan.plan().assignments().forEach(a -> text.append("- ").append(a.explanation()).append('\n'));
        if (!plan.plan().gaps().isEmpty()) {
            text.append("Unfilled: ");
            text.append(plan.plan().gaps().stream().map(g -> g.missing() + " for requirement " + g.requirementId())
                    .collect(Collectors.joining("; ")));
            text.append('\n');
        }
        return text.toString();
    }

    private static @Nullable UUID commonCrisis(Iterable<StatedRequirement> stated) {
        Set<UUID> crises = new HashSet<>();
        stated.forEach(r -> crises.add(r.crisisId()));
        return crises.size() == 1 ? crises.iterator().next() : null;
    }

    /** The highest classification of the requirements, releasable to the nations every one is releasable to. */
    private SecurityLabel label(Iterable<StatedRequirement> stated) {
        Classification highest = Classification.UNCLASSIFIED;
        Set<Set<String>> releasabilities = new HashSet<>();
        for (StatedRequirement r : stated) {
            highest = r.label().classification().rank() > highest.rank() ? r.label().classification() : highest;
            releasabilities.add(Set.copyOf(r.label().releasableTo()));
        }
        if (releasabilities.size() == 1) {
            return new SecurityLabel(highest, new TreeSet<>(releasabilities.iterator().next()));
        }
        Set<NationCode> common = null;
        for (Set<String> releasability : releasabilities) {
            Set<NationCode> reached = nations.expand(releasability);
            if (common == null) {
                common = new HashSet<>(reached);
            } else {
                common.retainAll(reached);
            }
        }
        TreeSet<String> codes = common == null ? new TreeSet<>() : common.stream().map(NationCode::value)
                .collect(Collectors.toCollection(TreeSet::new));
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("the requirements share no releasability: plan them separately");
        }
        return new SecurityLabel(highest, codes);
    }
}
