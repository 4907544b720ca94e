package org.kalkan.force.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.Capability;
import org.kalkan.force.ForceRequirements;
import org.kalkan.force.Requirement;
import org.kalkan.council.Decision;
import org.kalkan.council.Procedure;
import org.kalkan.force.Offer;
import org.kalkan.force.SourcingPlans;
import org.kalkan.force.SourcingRequest;
import org.kalkan.force.SourcingStatus;
import org.kalkan.force.StoredPlan;
import org.kalkan.force.UnitId;
import org.kalkan.security.CurrentSubject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Requirements of a crisis, national offers, and sourcing plans computed from the offers. */
@RestController
@RequestMapping("/api/v1/forces")
class SourcingApi {

    private static final int MAX_SECONDS = 60;

    private final ForceRequirements requirements;
    private final SourcingPlans plans;
    private final CurrentSubject subject;

    SourcingApi(ForceRequirements requirements, SourcingPlans plans, CurrentSubject subject) {
        this.requirements = requirements;
        this.plans = plans;
        this.subject = subject;
    }

    record RequirementBody(@Nullable UUID crisisId, @Nullable String capability, @Nullable Integer quantity,
            UnitRequest.@Nullable Location location, @Nullable String country, @Nullable String neededBy,
            @Nullable Integer durationDays, @Nullable String use, UnitRequest.@Nullable Label label,
            @Nullable Boolean certificationRequired) {
    }

    @PostMapping("/requirements")
    ResponseEntity<Map<String, Object>> state(@RequestBody RequirementBody body) {
        if (body.crisisId() == null || body.location() == null || body.location().lat() == null
                || body.location().lon() == null || body.label() == null || body.label().classification() == null
                || body.label().releasableTo() == null) {
            throw new IllegalArgumentException("crisisId, location {lat, lon} and label are required");
        }
        Capability capability = UnitRequest.enums(Capability.class,
                List.of(body.capability() == null ? "" : body.capability()), "capability").iterator().next();
        Instant neededBy = UnitRequest.instant(body.neededBy(), "neededBy");
        if (neededBy == null) {
            throw new IllegalArgumentException("neededBy is required (ISO 8601)");
        }
        Requirement requirement = new Requirement(UUID.randomUUID(), capability,
                body.quantity() == null ? 0 : body.quantity(),
                new GeoPoint(body.location().lat(), body.location().lon()),
                body.country() == null ? "" : body.country().toUpperCase(Locale.ROOT), neededBy,
                body.durationDays() == null ? 0 : body.durationDays(),
                body.use() == null || body.use().isBlank() ? null : body.use().toUpperCase(Locale.ROOT),
                Boolean.TRUE.equals(body.certificationRequired()));
        SecurityLabel label = SecurityLabel.of(Classification.parse(body.label().classification()).orElseThrow(
                () -> new IllegalArgumentException("unknown classification " + body.label().classification())),
                body.label().releasableTo());
        requirements.state(subject.get(), body.crisisId(), requirement, label);
        return ResponseEntity.created(URI.create("/api/v1/forces/requirements/" + requirement.id()))
                .body(Map.of("id", requirement.id(), "crisisId", body.crisisId()));
    }

    @GetMapping("/requirements")
    List<ForceRequirements.StatedRequirement> forCrisis(@RequestParam UUID crisisId) {
        return requirements.forCrisis(subject.get(), crisisId);
    }

    @GetMapping("/requirements/{id}")
    ForceRequirements.StatedRequirement requirement(@PathVariable UUID id) {
        return requirements.requirement(subject.get(), id);
    }

    record NationsBody(@Nullable List<String> nations) {
    }

    /** {@code {"nations":["AZE","TUR"]}}: each nation is asked (REQUESTED) and its officers alerted. */
    @PostMapping("/requirements/{id}/requests")
    ResponseEntity<List<SourcingRequest>> request(@PathVariable UUID id, @RequestBody NationsBody body) {
        if (body.nations() == null) {
            throw new IllegalArgumentException("nations is required, e.g. [\"AZE\",\"TUR\"]");
        }
        return ResponseEntity.status(201).body(requirements.request(subject.get(), id, body.nations()));
    }

    @GetMapping("/requirements/{id}/requests")
    List<SourcingRequest> requests(@PathVariable UUID id) {
        return requirements.requests(subject.get(), id);
    }

    /** Requests addressed to the caller's nation. */
    @GetMapping("/requests")
    List<SourcingRequest> incoming() {
        return requirements.incoming(subject.get());
    }

    record DeclineBody(@Nullable String reason) {
    }

    @PostMapping("/requirements/{id}/requests/{nation}/decline")
    SourcingRequest decline(@PathVariable UUID id, @PathVariable String nation, @RequestBody DeclineBody body) {
        return requirements.decline(subject.get(), id, nation, body.reason());
    }

    record OfferBody(@Nullable UUID unitId, @Nullable List<String> extraExcludedUses) {
    }

    /** An offer of the caller's nation: answers its request if there is one, else volunteered. */
    @PostMapping("/requirements/{id}/offers")
    ResponseEntity<Offer> offer(@PathVariable UUID id, @RequestBody OfferBody body) {
        return offer(id, null, body);
    }

    /** An offer answering the request to {@code nation}, which must be the caller's own. */
    @PostMapping("/requirements/{id}/requests/{nation}/offers")
    ResponseEntity<Offer> offerForRequest(@PathVariable UUID id, @PathVariable String nation,
            @RequestBody OfferBody body) {
        return offer(id, nation, body);
    }

    private ResponseEntity<Offer> offer(UUID id, @Nullable String nation, OfferBody body) {
        if (body.unitId() == null) {
            throw new IllegalArgumentException("unitId is required");
        }
        Set<String> extra = UnitRequest.upper(body.extraExcludedUses());
        Offer offer = requirements.offer(subject.get(), id, nation, new UnitId(body.unitId()), extra);
        return ResponseEntity.created(URI.create("/api/v1/forces/offers/" + offer.id())).body(offer);
    }

    @GetMapping("/requirements/{id}/offers")
    List<Offer> offers(@PathVariable UUID id) {
        return requirements.offers(subject.get(), id);
    }

    record StatusBody(@Nullable String status) {
    }

    /** {@code {"status":"DEPLOYED"}} then {@code RELEASED}; or {@code DECLINED} to withdraw an offer. */
    @PostMapping("/offers/{id}/status")
    Offer changeOffer(@PathVariable UUID id, @RequestBody StatusBody body) {
        SourcingStatus target = UnitRequest.enums(SourcingStatus.class,
                List.of(body.status() == null ? "" : body.status()), "status").iterator().next();
        return requirements.changeOffer(subject.get(), id, target);
    }

    record PlanBody(@Nullable UUID crisisId, @Nullable List<UUID> requirementIds, @Nullable Integer timeLimitSeconds) {
    }

    @PostMapping("/sourcing-plans")
    ResponseEntity<PlanJson> plan(@RequestBody PlanBody body) {
        int seconds = body.timeLimitSeconds() == null ? 10 : body.timeLimitSeconds();
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("timeLimitSeconds must be between 1 and " + MAX_SECONDS);
        }
        StoredPlan plan = plans.plan(subject.get(), body.crisisId(),
                body.requirementIds() == null ? List.of() : body.requirementIds(), Duration.ofSeconds(seconds));
        return ResponseEntity.created(URI.create("/api/v1/forces/sourcing-plans/" + plan.id()))
                .body(PlanJson.of(plan));
    }

    @GetMapping("/sourcing-plans/{id}")
    PlanJson storedPlan(@PathVariable UUID id) {
        return PlanJson.of(plans.find(subject.get(), id));
    }

    @GetMapping("/sourcing-plans")
    List<PlanJson> plansOfCrisis(@RequestParam UUID crisisId) {
        return plans.ofCrisis(subject.get(), crisisId).stream().map(PlanJson::of).toList();
    }

    /** A planner submits the plan for the Council's approval: its offers become ACCEPTED. */
    @PostMapping("/sourcing-plans/{id}/submission")
    PlanJson submit(@PathVariable UUID id) {
        return PlanJson.of(plans.submit(subject.get(), id));
    }

    record CirculationBody(@Nullable String procedure, @Nullable String silenceEndsAt, @Nullable String urgency) {
    }

    /** The Council chair circulates a submitted plan as a decision naming ACTIVATE_FORCES. */
    @PostMapping("/sourcing-plans/{id}/circulation")
    ResponseEntity<Map<String, Object>> circulate(@PathVariable UUID id, @RequestBody CirculationBody body) {
        Procedure procedure = body.procedure() == null ? null : UnitRequest.enums(Procedure.class,
                List.of(body.procedure()), "procedure").iterator().next();
        Decision decision = plans.circulate(subject.get(), id, procedure,
                UnitRequest.instant(body.silenceEndsAt(), "silenceEndsAt"), body.urgency());
        return ResponseEntity.created(URI.create("/api/v1/council/decisions/" + decision.id()))
                .body(Map.of("decisionId", decision.id().value(), "status", decision.status().name(), "planId", id));
    }
}
