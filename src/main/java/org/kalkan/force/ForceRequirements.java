package org.kalkan.force;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.Crises;
import org.kalkan.force.internal.SourcingStore;
import org.kalkan.members.NationDirectory;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requirements stated for a crisis, the requests that ask nations for them, and the nations' answers: units they
 * offer (with extra caveats) or a reasoned decline. A nation answers only for itself and offers only its own
 * units; every status change follows {@link SourcingStatus} or is refused (409). SQL is in {@link SourcingStore}.
 */
@Service
public class ForceRequirements {

    /** Who acts for a nation in force generation: its force planners and points of contact. */
    static final Set<Role> NATIONAL_OFFICERS = Set.of(Role.FORCE_PLANNER, Role.REPORTING_OFFICER);
    static final int MAX_REASON = 2000;
    private static final int MAX_NATIONS = 20;

    private final SourcingStore store;
    private final Crises crises;
    private final ForceRegistry registry;
    private final NationDirectory nations;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ForceRequirements(SourcingStore store, Crises crises, ForceRegistry registry, NationDirectory nations,
            AccessPolicy policy, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.crises = crises;
        this.registry = registry;
        this.nations = nations;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A stored requirement with its crisis, label and the nation of the planner who stated it. */
    public record StatedRequirement(UUID crisisId, Requirement requirement, SecurityLabel label,
            String originNation) {
    }

    @Transactional
    public StatedRequirement state(Subject planner, UUID crisisId, Requirement requirement, SecurityLabel label) {
        requirePlanner(planner, "REQUIREMENT", "crisis:" + crisisId, "Only force planners state requirements.");
        // The requirement belongs to its crisis's context (ADR 0006), which is the planner's: find checks both.
        var crisis = crises.find(planner, new CrisisId(crisisId));
        policy.checkWritable(planner, label);
        store.insertRequirement(crisisId, crisis.exerciseId(), requirement, label, planner.nation(),
                planner.username(), clock.instant());
        audit.record(planner.username(), "REQUIREMENT_STATED", "requirement:" + requirement.id(),
                requirement.quantity() + " x " + requirement.capability() + " in " + requirement.country()
                        + " for crisis " + crisisId + " " + label.marking());
        return new StatedRequirement(crisisId, requirement, label, planner.nation().value());
    }

    /**
     * Readable requirements of a crisis the subject may see: the crisis id is resolved through the crisis module for
     * the subject first (absent and hidden crises are the same 404).
     */
    @Transactional(readOnly = true)
    public List<StatedRequirement> forCrisis(Subject subject, UUID crisisId) {
        crises.find(subject, new CrisisId(crisisId));
        List<StatedRequirement> found = store.requirementsOfCrisis(policy.filter(subject, "r"), crisisId);
        found.forEach(r -> assertReadable(subject, r));
        return found;
    }

    /** A requirement the subject may read, or 404 (audited). */
    @Transactional(readOnly = true)
    public StatedRequirement requirement(Subject subject, UUID id) {
        StatedRequirement found = store.requirement(policy.filter(subject, "r"), id).orElseThrow(() -> {
            audit.recordDenial(subject.username(), "READ", "requirement:" + id, "not found or not readable");
            return NotFoundException.noVisible("requirement");
        });
        assertReadable(subject, found);
        return found;
    }

    /**
     * A planner asks nations for a requirement: one REQUESTED entry per nation, each alerted. A nation already
     * asked for it is refused (409); an unknown nation is bad input. All or nothing.
     */
    @Transactional
    public List<SourcingRequest> request(Subject planner, UUID requirementId, List<String> nationCodes) {
        requirePlanner(planner, "FORCE_REQUEST", "requirement:" + requirementId,
                "Only force planners ask nations for forces.");
        StatedRequirement stated = requirement(planner, requirementId);
        Set<String> asked = new LinkedHashSet<>();
        for (String code : nationCodes) {
            String nation = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
            if (!nation.matches("[A-Z]{3}") || !nations.isKnownNation(nation)) {
                throw new IllegalArgumentException("unknown nation '" + code + "'");
            }
            asked.add(nation);
        }
        if (asked.isEmpty() || asked.size() > MAX_NATIONS) {
            throw new IllegalArgumentException("name 1 to " + MAX_NATIONS + " nations to ask");
        }
        Instant now = clock.instant();
        for (String nation : asked) {
            if (!store.insertRequest(UUID.randomUUID(), requirementId, nation, planner.username(), now)) {
                throw new RefusedException(nation + " has already been asked for requirement " + requirementId + ".");
            }
            audit.record(planner.username(), "FORCES_REQUESTED", "requirement:" + requirementId, "from " + nation);
        }
        Requirement r = stated.requirement();
        events.publishEvent(new ForcesRequested(requirementId, stated.crisisId(), List.copyOf(asked), r.capability(),
                r.quantity(), r.country(), r.neededBy(), stated.label(), planner.nation().value(), planner.username(),
                now));
        return store.requests(List.of(requirementId)).stream().filter(q -> asked.contains(q.nation())).toList();
    }

    /** The requests to nations for the requirement. */
    @Transactional(readOnly = true)
    public List<SourcingRequest> requests(Subject subject, UUID requirementId) {
        requirement(subject, requirementId);
        return store.requests(List.of(requirementId));
    }

    /** Offers for the requirement, of units the subject may read. */
    @Transactional(readOnly = true)
    public List<Offer> offers(Subject subject, UUID requirementId) {
        requirement(subject, requirementId);
        return store.offers(policy.filterAcrossContexts(subject, "u"), List.of(requirementId));
    }

    /** Requests addressed to the subject's nation on requirements they may read, newest first. */
    @Transactional(readOnly = true)
    public List<SourcingRequest> incoming(Subject officer) {
        return store.requestsTo(policy.filter(officer, "r"), officer.nation().value(), 200);
    }

    /** A nation declines a request with a reason: REQUESTED → DECLINED. */
    @Transactional
    public SourcingRequest decline(Subject officer, UUID requirementId, String nation, @Nullable String reason) {
        String acting = requireOfficerOf(officer, nation, "FORCE_DECLINE", "requirement:" + requirementId);
        requirement(officer, requirementId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason is required, at most " + MAX_REASON + " characters");
        }
        SourcingRequest request = store.lockRequest(requirementId, acting)
                .orElseThrow(() -> new NotFoundException(acting + " was not asked for requirement " + requirementId
                        + "."));
        requireTransition(request.status(), SourcingStatus.DECLINED, "the request of " + acting);
        Instant now = clock.instant();
        store.answerRequest(request.id(), SourcingStatus.DECLINED, why, officer.username(), now);
        audit.record(officer.username(), "FORCE_REQUEST_DECLINED", "requirement:" + requirementId, acting + ": " + why);
        return store.lockRequest(requirementId, acting).orElseThrow();
    }

    /**
     * A nation offers one of its own units for a requirement, optionally with extra excluded uses. With
     * {@code nation} given, the offer answers that nation's request (which must exist); without, it answers the
     * officer's own nation's request if there is one, or is volunteered.
     */
    @Transactional
    public Offer offer(Subject officer, UUID requirementId, @Nullable String nation, UnitId unitId,
            Set<String> extraExcludedUses) {
        String acting = nation == null ? officer.nation().value()
                : requireOfficerOf(officer, nation, "OFFER", "requirement:" + requirementId);
        if (nation == null && NATIONAL_OFFICERS.stream().noneMatch(officer::has)) {
            audit.recordDenial(officer.username(), "OFFER", "requirement:" + requirementId, "not a national officer");
            throw new ForbiddenException("Only a nation's force planners and points of contact offer its units.");
        }
        ForceUnit unit = registry.find(officer, unitId);
        if (!unit.nation().value().equals(acting)) {
            audit.recordDenial(officer.username(), "OFFER", "unit:" + unitId, "unit of " + unit.nation());
            throw new ForbiddenException("Only " + unit.nation() + " offers its own unit.");
        }
        requirement(officer, requirementId);
        for (String use : extraExcludedUses) {
            if (!use.matches("[A-Z][A-Z0-9_]{1,63}")) {
                throw new IllegalArgumentException("an excluded use is a code like RIOT_CONTROL, not '" + use + "'");
            }
        }
        SourcingRequest request = store.lockRequest(requirementId, acting).orElse(null);
        if (request == null && nation != null) {
            throw new NotFoundException(acting + " was not asked for requirement " + requirementId + ".");
        }
        if (request != null && request.status() == SourcingStatus.DECLINED) {
            throw new RefusedException(acting + " declined this request; it takes no offers.");
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        if (!store.insertOffer(id, requirementId, request == null ? null : request.id(), unitId.value(), acting,
                extraExcludedUses, officer.username(), now)) {
            throw new RefusedException("This unit is already offered for this requirement.");
        }
        if (request != null && request.status() == SourcingStatus.REQUESTED) {
            store.answerRequest(request.id(), SourcingStatus.OFFERED, null, officer.username(), now);
        }
        audit.record(officer.username(), "UNIT_OFFERED", "requirement:" + requirementId, "unit " + unitId + " of "
                + acting + (request == null ? " (volunteered)" : " answering request " + request.id())
                + (extraExcludedUses.isEmpty() ? "" : " excluding " + extraExcludedUses));
        return store.lockOffer(id).orElseThrow();
    }

    /**
     * The offering nation's officers or a force planner mark an activated unit DEPLOYED, then RELEASED. ACCEPTED
     * and ACTIVATED come only from submission and the Council's adoption; anything else is refused (409).
     */
    @Transactional
    public Offer changeOffer(Subject subject, UUID offerId, SourcingStatus target) {
        Offer offer = store.lockOffer(offerId).orElseThrow(() -> NotFoundException.noVisible("offer"));
        try {
            requirement(subject, offer.requirementId());
        } catch (NotFoundException hidden) {
            // An offer is seen through its requirement: never name the requirement the caller may not read.
            throw NotFoundException.noVisible("offer");
        }
        boolean ownNation = subject.nation().value().equals(offer.nation())
                && NATIONAL_OFFICERS.stream().anyMatch(subject::has);
        if (!ownNation && !subject.has(Role.FORCE_PLANNER)) {
            audit.recordDenial(subject.username(), "OFFER_STATUS", "offer:" + offerId, "not of " + offer.nation());
            throw new ForbiddenException("Only " + offer.nation()
                    + "'s officers or a force planner change this offer.");
        }
        if (!EnumSet.of(SourcingStatus.DEPLOYED, SourcingStatus.RELEASED, SourcingStatus.DECLINED).contains(target)) {
            throw new RefusedException(target + " is not set by hand: offers become ACCEPTED when a plan is submitted "
                    + "and ACTIVATED when the Council adopts it.");
        }
        if (target == SourcingStatus.DECLINED && !ownNation) {
            throw new ForbiddenException("Only " + offer.nation() + " withdraws its own offer.");
        }
        requireTransition(offer.status(), target, "the offer of " + offer.unitName());
        store.changeOffer(offerId, offer.status(), target, subject.username(), clock.instant());
        audit.record(subject.username(), "OFFER_" + target, "offer:" + offerId, offer.nation() + " "
                + offer.unitName() + " " + offer.status() + " -> " + target);
        return store.lockOffer(offerId).orElseThrow();
    }

    static void requireTransition(SourcingStatus from, SourcingStatus to, String what) {
        if (!from.mayBecome(to)) {
            throw new RefusedException("The status of " + what + " is " + from + "; it cannot become " + to
                    + (from.next().isEmpty() ? "." : " (only " + from.next() + ")."));
        }
    }

    private void requirePlanner(Subject subject, String action, String target, String detail) {
        if (!subject.has(Role.FORCE_PLANNER)) {
            audit.recordDenial(subject.username(), action, target, "not a force planner");
            throw new ForbiddenException(detail);
        }
    }

    /** The nation the officer answers for: only their own, and only as one of its national officers. */
    private String requireOfficerOf(Subject officer, String nation, String action, String target) {
        String wanted = nation.trim().toUpperCase(Locale.ROOT);
        if (NATIONAL_OFFICERS.stream().noneMatch(officer::has) || !officer.nation().value().equals(wanted)) {
            audit.recordDenial(officer.username(), action, target, "answering for " + wanted + " as "
                    + officer.nation());
            throw new ForbiddenException("Only " + wanted + "'s force planners and points of contact answer for "
                    + wanted + ".");
        }
        return wanted;
    }

    /** For rows read through {@code policy.filter}, which already kept only those of the subject's context. */
    private void assertReadable(Subject subject, StatedRequirement r) {
        policy.assertReadable(subject, r.label(), NationCode.of(r.originNation()), subject.exercise(),
                "requirement:" + r.requirement().id());
    }

    /** Resolves a crisis id for the subject through the crisis module (404 when absent or hidden). */
    void requireCrisis(Subject subject, UUID crisisId) {
        crises.find(subject, new CrisisId(crisisId));
    }

    /** Requirements named by id, each readable. */
    List<StatedRequirement> requirements(Subject subject, List<UUID> ids) {
        List<StatedRequirement> found = new ArrayList<>();
        ids.forEach(id -> found.add(requirement(subject, id)));
        return found;
    }
}
