package org.kalkan.force;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.internal.TransportNetwork;
import org.kalkan.shared.Classification;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * Over random registries, certification registers and requirements: no unit without a certification for the
 * capability valid on the needed date is ever assigned a requirement that asks for certification, and such a
 * requirement left unfilled names why.
 */
class CertificationSourcingProperties {

    private static final List<String> NATIONS = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB");
    private static final List<Capability> CAPABILITIES = List.of(Capability.EOD, Capability.ENGINEER,
            Capability.MEDICAL);
    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");
    private static final GeoPoint BAKU = new GeoPoint(40.41, 49.87);

    private final SourcingEngine engine;

    CertificationSourcingProperties() throws IOException {
        ForceProperties properties = new ForceProperties(new ForceProperties.Movement(55, 40, 22, 600, 0, 6, 8, 4,
                1.3));
        engine = new SourcingEngine(new MovementPlanner(new TransportNetwork(), properties,
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    /** A certification window per unit and capability: valid from (inclusive) to (exclusive), or none. */
    private record Window(LocalDate from, LocalDate until) {
    }

    /** A register as training would answer: certified while the day is inside the window. */
    private record Register(Map<String, Window> windows) implements UnitReadiness {

        @Override
        public @Nullable String certificationGap(UnitId unit, Capability capability, LocalDate day) {
            Window window = windows.get(unit + "/" + capability);
            if (window == null) {
                return "no certification for " + capability;
            }
            if (day.isBefore(window.from())) {
                return "not yet certified for " + capability + " on " + day;
            }
            return day.isBefore(window.until()) ? null
                    : "certification for " + capability + " expired on " + window.until();
        }

        @Override
        public List<CapabilityReadiness> readiness(ForceUnit unit, LocalDate day) {
            return List.of();
        }
    }

    @Property(tries = 60)
    void noUncertifiedUnitIsEverAssignedARequirementThatAsksForCertification(
            @ForAll("registries") List<ForceUnit> units, @ForAll("requirements") List<Requirement> requirements,
            @ForAll long seed) {
        Random random = new Random(seed);
        Map<String, Window> windows = new HashMap<>();
        for (ForceUnit unit : units) {
            for (Capability capability : unit.details().capabilities()) {
                if (random.nextInt(3) > 0) {
                    LocalDate from = LocalDate.of(2026, 6, 1).plusDays(random.nextInt(300));
                    windows.put(unit.id() + "/" + capability, new Window(from, from.plusDays(1 + random.nextInt(400))));
                }
            }
        }

        SourcingPlan plan = engine.plan(requirements, units, Duration.ofSeconds(2), 2,
                SourcingEngine.certified(new Register(windows)));

        Map<UUID, Requirement> byId = new HashMap<>();
        requirements.forEach(r -> byId.put(r.id(), r));
        for (SourcingPlan.Assignment a : plan.assignments()) {
            Requirement r = byId.get(a.requirementId());
            if (r.certificationRequired()) {
                LocalDate day = LocalDate.ofInstant(r.neededBy(), ZoneOffset.UTC);
                Window window = windows.get(a.unitId() + "/" + r.capability());
                assertThat(window).as("unit %s has no %s certification", a.unitId(), r.capability()).isNotNull();
                assertThat(!day.isBefore(window.from()) && day.isBefore(window.until()))
                        .as("unit %s certified %s for %s, needed %s", a.unitId(), window, r.capability(), day).isTrue();
            }
        }
        for (SourcingPlan.Gap gap : plan.gaps()) {
            assertThat(gap.reasons()).isNotEmpty();
        }
    }

    @Property(tries = 20)
    void withoutARegisterNoUnitIsCertified(@ForAll("registries") List<ForceUnit> units,
            @ForAll("requirements") List<Requirement> requirements) {
        SourcingPlan plan = engine.plan(requirements, units, Duration.ofSeconds(2), 2, SourcingEngine.certified(null));
        Map<UUID, Requirement> byId = new HashMap<>();
        requirements.forEach(r -> byId.put(r.id(), r));
        assertThat(plan.assignments()).noneMatch(a -> byId.get(a.requirementId()).certificationRequired());
    }

    @Provide
    Arbitrary<List<ForceUnit>> registries() {
        Arbitrary<ForceUnit> unit = Combinators.combine(Arbitraries.of(NATIONS),
                        Arbitraries.of(CAPABILITIES).set().ofMinSize(1).ofMaxSize(2),
                        Arbitraries.integers().between(0, 72))
                .as((nation, capabilities, ntm) -> new ForceUnit(UnitId.random(), NationCode.of(nation),
                        new UnitDetails(nation + " unit", "SFGPUCE----", capabilities, 100, ntm, BAKU,
                                EnumSet.of(MovementMode.ROAD, MovementMode.AIR), null, null, true, Caveats.none(),
                                SecurityLabel.of(Classification.RESTRICTED, "MEMBERS")), NOW, 0));
        return unit.list().ofMinSize(1).ofMaxSize(15);
    }

    @Provide
    Arbitrary<List<Requirement>> requirements() {
        Arbitrary<Requirement> requirement = Combinators.combine(Arbitraries.of(CAPABILITIES),
                        Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 200),
                        Arbitraries.of(true, false))
                .as((capability, quantity, days, certified) -> new Requirement(UUID.randomUUID(), capability,
                        quantity, BAKU, "AZE", NOW.plus(Duration.ofDays(days)), 30, null, certified));
        return requirement.list().ofMinSize(1).ofMaxSize(5);
    }
}
