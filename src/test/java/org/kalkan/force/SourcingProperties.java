package org.kalkan.force;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kalkan.force.internal.TransportNetwork;
import org.kalkan.shared.Classification;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** Over random registries and requirements, a plan never breaks a caveat or an availability, nor doubles a unit. */
class SourcingProperties {

    private static final List<String> NATIONS = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB");
    private static final Map<String, GeoPoint> CAPITALS = Map.of("AZE", new GeoPoint(40.41, 49.87),
            "KAZ", new GeoPoint(51.17, 71.43), "KGZ", new GeoPoint(42.87, 74.59), "TUR", new GeoPoint(39.93, 32.86),
            "UZB", new GeoPoint(41.30, 69.24));
    private static final List<Capability> CAPABILITIES = List.of(Capability.INFANTRY, Capability.MEDICAL,
            Capability.ENGINEER, Capability.COUNTER_TERRORISM);
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private final SourcingEngine engine;

    SourcingProperties() throws IOException {
        ForceProperties properties = new ForceProperties(new ForceProperties.Movement(55, 40, 22, 600, 0, 6, 8, 4,
                1.3));
        engine = new SourcingEngine(new MovementPlanner(new TransportNetwork(), properties,
                Clock.fixed(NOW, java.time.ZoneOffset.UTC)));
    }

    @Property(tries = 40)
    void plansRespectEveryCaveatAndAvailabilityAndUseEachUnitOnce(
            @ForAll("registries") List<ForceUnit> units, @ForAll("requirements") List<Requirement> requirements) {
        SourcingPlan plan = engine.plan(requirements, units, Duration.ofSeconds(2), 2);
        Map<UUID, ForceUnit> byId = new HashMap<>();
        units.forEach(u -> byId.put(u.id().value(), u));
        Map<UUID, Requirement> requirementById = new HashMap<>();
        requirements.forEach(r -> requirementById.put(r.id(), r));
        Set<UUID> used = new HashSet<>();
        Map<UUID, Integer> filled = new HashMap<>();
        for (SourcingPlan.Assignment a : plan.assignments()) {
            assertThat(used.add(a.unitId())).as("unit assigned twice").isTrue();
            ForceUnit unit = byId.get(a.unitId());
            Requirement r = requirementById.get(a.requirementId());
            assertThat(fits(unit, r)).as("%s for %s", unit, r).isTrue();
            filled.merge(r.id(), 1, Integer::sum);
        }
        for (Requirement r : requirements) {
            int got = filled.getOrDefault(r.id(), 0);
            assertThat(got).isLessThanOrEqualTo(r.quantity());
            int missing = plan.gaps().stream().filter(g -> g.requirementId().equals(r.id()))
                    .mapToInt(SourcingPlan.Gap::missing).sum();
            assertThat(got + missing).isEqualTo(r.quantity());
        }
    }

    @Property(tries = 20)
    void plansUseOnlyAdmittedPairs(@ForAll("registries") List<ForceUnit> units,
            @ForAll("requirements") List<Requirement> requirements, @ForAll long seed) {
        // As for offers: a unit is admitted only for some requirements (those it was offered for).
        java.util.Random random = new java.util.Random(seed);
        Set<String> admitted = new HashSet<>();
        units.forEach(u -> requirements.forEach(r -> {
            if (random.nextBoolean()) {
                admitted.add(u.id().value() + "/" + r.id());
            }
        }));
        SourcingPlan plan = engine.plan(requirements, units, Duration.ofSeconds(2), 2,
                (unit, requirement) -> admitted.contains(unit.id().value() + "/" + requirement.id()) ? null
                        : "not offered");
        Set<UUID> used = new HashSet<>();
        for (SourcingPlan.Assignment a : plan.assignments()) {
            assertThat(admitted).contains(a.unitId() + "/" + a.requirementId());
            assertThat(used.add(a.unitId())).as("unit assigned twice").isTrue();
        }
    }

    /** The rules, written out again independently of the engine. */
    private static boolean fits(ForceUnit unit, Requirement r) {
        UnitDetails d = unit.details();
        Caveats c = d.caveats();
        String nation = unit.nation().value();
        return d.capabilities().contains(r.capability())
                && (!c.ownTerritoryOnly() || nation.equals(r.country()))
                && (c.allowedCountries().isEmpty() || c.allowedCountries().contains(r.country()))
                && !c.excludedCountries().contains(r.country())
                && (r.use() == null || !c.excludedUses().contains(r.use()))
                && (c.maxDeploymentDays() == null || c.maxDeploymentDays() >= r.durationDays())
                && (d.availableFrom() == null || !d.availableFrom().isAfter(r.neededBy()))
                && (d.availableTo() == null || !d.availableTo().isBefore(r.endsAt()));
    }

    /** An availability window: from (maybe open), to (maybe open), around the requirements' times. */
    private record Window(Instant from, @org.jspecify.annotations.Nullable Instant to) {
    }

    @Provide
    Arbitrary<List<ForceUnit>> registries() {
        Arbitrary<Caveats> caveats = Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.of(NATIONS).set().ofMaxSize(3),
                        Arbitraries.of(NATIONS).set().ofMaxSize(2),
                        Arbitraries.of(0, 30, 365),
                        Arbitraries.of(true, false))
                .as((own, allowed, excluded, maxDays, noRiot) -> new Caveats(allowed, excluded,
                        noRiot ? Set.of("RIOT_CONTROL") : Set.of(), maxDays == 0 ? null : maxDays, own));
        Arbitrary<Window> windows = Combinators.combine(
                        Arbitraries.integers().between(-10, 20),
                        Arbitraries.integers().between(0, 400),
                        Arbitraries.of(true, false))
                .as((fromShift, length, open) -> new Window(NOW.plus(Duration.ofDays(fromShift)),
                        open ? null : NOW.plus(Duration.ofDays(fromShift + length + 1L))));
        Arbitrary<ForceUnit> unit = Combinators.combine(
                        Arbitraries.of(NATIONS),
                        Arbitraries.of(CAPABILITIES).set().ofMinSize(1).ofMaxSize(2),
                        Arbitraries.integers().between(0, 96),
                        caveats,
                        windows)
                .as((nation, capabilities, ntm, caveat, window) -> {
                    UnitDetails details = new UnitDetails(nation + " unit", "SFGPUCI----", capabilities, 300, ntm,
                            CAPITALS.get(nation), EnumSet.of(MovementMode.ROAD, MovementMode.AIR),
                            window.from(), window.to(), true, caveat,
                            SecurityLabel.of(Classification.RESTRICTED, "MEMBERS"));
                    return new ForceUnit(UnitId.random(), NationCode.of(nation), details, NOW, 0);
                });
        return unit.list().ofMinSize(1).ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<Requirement>> requirements() {
        Arbitrary<Requirement> requirement = Combinators.combine(
                        Arbitraries.of(CAPABILITIES),
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.of(NATIONS),
                        Arbitraries.integers().between(0, 240),
                        Arbitraries.integers().between(1, 200),
                        Arbitraries.of("RIOT_CONTROL", "PATROL", "NONE"))
                .as((capability, quantity, country, hours, days, use) -> new Requirement(UUID.randomUUID(),
                        capability, quantity, CAPITALS.get(country), country, NOW.plus(Duration.ofHours(hours)), days,
                        use.equals("NONE") ? null : use));
        return requirement.list().ofMinSize(1).ofMaxSize(5);
    }
}
