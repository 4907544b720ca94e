package org.kalkan.force.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.Capability;
import org.kalkan.force.ForceRequirements;
import org.kalkan.force.Requirement;
import org.kalkan.force.SourcingPlan;
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
    private final CurrentSubject subject;

    SourcingApi(ForceRequirements requirements, CurrentSubject subject) {
        this.requirements = requirements;
        this.subject = subject;
    }

    record RequirementBody(@Nullable UUID crisisId, @Nullable String capability, @Nullable Integer quantity,
            UnitRequest.@Nullable Location location, @Nullable String country, @Nullable String neededBy,
            @Nullable Integer durationDays, @Nullable String use, UnitRequest.@Nullable Label label) {
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
                body.use() == null || body.use().isBlank() ? null : body.use().toUpperCase(Locale.ROOT));
        SecurityLabel label = new SecurityLabel(Classification.parse(body.label().classification()).orElseThrow(
                () -> new IllegalArgumentException("unknown classification " + body.label().classification())),
                new TreeSet<>(body.label().releasableTo()));
        requirements.state(subject.get(), body.crisisId(), requirement, label);
        return ResponseEntity.created(URI.create("/api/v1/forces/requirements/" + requirement.id()))
                .body(Map.of("id", requirement.id(), "crisisId", body.crisisId()));
    }

    @GetMapping("/requirements")
    List<ForceRequirements.StatedRequirement> forCrisis(@RequestParam UUID crisisId) {
        return requirements.forCrisis(subject.get(), crisisId);
    }

    record OfferBody(@Nullable UUID unitId, @Nullable List<String> extraExcludedUses) {
    }

    @PostMapping("/requirements/{id}/offers")
    ResponseEntity<Map<String, Object>> offer(@PathVariable UUID id, @RequestBody OfferBody body) {
        if (body.unitId() == null) {
            throw new IllegalArgumentException("unitId is required");
        }
        Set<String> extra = UnitRequest.upper(body.extraExcludedUses());
        UUID offer = requirements.offer(subject.get(), id, new UnitId(body.unitId()), extra);
        return ResponseEntity.status(201).body(Map.of("id", offer, "status", "OFFERED"));
    }

    record PlanBody(@Nullable UUID crisisId, @Nullable List<UUID> requirementIds, @Nullable Integer timeLimitSeconds) {
    }

    @PostMapping("/sourcing-plans")
    ResponseEntity<SourcingPlan> plan(@RequestBody PlanBody body) {
        int seconds = body.timeLimitSeconds() == null ? 10 : body.timeLimitSeconds();
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("timeLimitSeconds must be between 1 and " + MAX_SECONDS);
        }
        SourcingPlan plan = requirements.plan(subject.get(), body.crisisId(),
                body.requirementIds() == null ? List.of() : body.requirementIds(), Duration.ofSeconds(seconds));
        return ResponseEntity.status(201).body(plan);
    }
}
