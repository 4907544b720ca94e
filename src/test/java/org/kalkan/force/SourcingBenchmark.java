package org.kalkan.force;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.kalkan.force.internal.TransportNetwork;
import org.kalkan.shared.Classification;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * The synthetic regional scenario of docs/benchmarks.md: 1,000 units of the five member states (capabilities,
 * readiness, home near the capital, movement modes, caveats: own territory only, excluded countries, excluded
 * uses, maximum days, late availability) and 60 requirements across the region; one plan with a 10 s limit.
 * Prints the wall time, filled and missing places, the objective, CP-SAT's bound and the optimality gap.
 *
 * <p>Run: {@code mvn -q -DskipNpm=true test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.kalkan.force.SourcingBenchmark -Dexec.args="1000 60 10 20261125"} (units, requirements,
 * seconds, seed). Not part of {@code mvn verify}.
 */
public final class SourcingBenchmark {

    private static final List<String> NATIONS = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB");
    private static final Map<String, GeoPoint> CAPITALS = Map.of("AZE", new GeoPoint(40.41, 49.87),
            "KAZ", new GeoPoint(51.17, 71.43), "KGZ", new GeoPoint(42.87, 74.59), "TUR", new GeoPoint(39.93, 32.86),
            "UZB", new GeoPoint(41.30, 69.24));
    private static final List<String> USES = java.util.Arrays.asList("PATROL", "RIOT_CONTROL", null, null);
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private SourcingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int unitCount = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int requirementCount = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : 20261125L);
        ForceProperties properties = new ForceProperties(new ForceProperties.Movement(55, 40, 22, 600, 0, 6, 8, 4,
                1.3));
        SourcingEngine engine = new SourcingEngine(new MovementPlanner(new TransportNetwork(), properties,
                Clock.fixed(NOW, ZoneOffset.UTC)));
        List<ForceUnit> units = new ArrayList<>();
        for (int u = 0; u < unitCount; u++) {
            units.add(unit(random, NATIONS.get(u % NATIONS.size()), u));
        }
        List<Requirement> requirements = new ArrayList<>();
        for (int r = 0; r < requirementCount; r++) {
            requirements.add(requirement(random));
        }
        int places = requirements.stream().mapToInt(Requirement::quantity).sum();
        long start = System.nanoTime();
        SourcingPlan plan = engine.plan(requirements, units, Duration.ofSeconds(seconds),
                Runtime.getRuntime().availableProcessors());
        double wall = (System.nanoTime() - start) / 1e9;
        int missing = plan.gaps().stream().mapToInt(SourcingPlan.Gap::missing).sum();
        double gap = plan.objective() == 0 ? 0 : 100.0 * (plan.objective() - plan.bound()) / plan.objective();
        System.out.printf("units=%d requirements=%d places=%d assigned=%d missing=%d wall=%.2fs objective=%d "
                        + "bound=%d gap=%.3f%% provenOptimal=%s%n", unitCount, requirementCount, places,
                plan.assignments().size(), missing, wall, plan.objective(), plan.bound(), gap, plan.provenOptimal());
    }

    private static ForceUnit unit(Random random, String nation, int number) {
        Capability[] all = Capability.values();
        Set<Capability> capabilities = EnumSet.of(all[random.nextInt(all.length)]);
        if (random.nextInt(3) == 0) {
            capabilities.add(all[random.nextInt(all.length)]);
        }
        Set<MovementMode> modes = EnumSet.of(MovementMode.ROAD);
        if (random.nextInt(10) < 6) {
            modes.add(MovementMode.RAIL);
        }
        if (random.nextInt(10) < 4) {
            modes.add(MovementMode.AIR);
        }
        if (random.nextInt(10) == 0) {
            modes.add(MovementMode.SEA);
        }
        Set<String> excluded = random.nextInt(5) == 0 ? Set.of(NATIONS.get(random.nextInt(NATIONS.size()))) : Set.of();
        Set<String> excludedUses = random.nextInt(10) < 3 ? Set.of("RIOT_CONTROL") : Set.of();
        Integer maxDays = switch (random.nextInt(3)) {
            case 0 -> 30;
            case 1 -> 90;
            default -> null;
        };
        Caveats caveats = new Caveats(Set.of(), excluded, excludedUses, maxDays, random.nextInt(100) < 15);
        GeoPoint capital = CAPITALS.get(nation);
        GeoPoint home = new GeoPoint(capital.lat() + random.nextGaussian(), capital.lon() + 2 * random.nextGaussian());
        Instant availableFrom = random.nextInt(10) == 0 ? NOW.plus(Duration.ofDays(10)) : null;
        UnitDetails details = new UnitDetails(nation + " unit " + number, "SFGPUCI----", capabilities,
                50 + random.nextInt(1450), random.nextInt(169), home, modes, availableFrom, null,
                random.nextBoolean(), caveats, SecurityLabel.of(Classification.RESTRICTED, "MEMBERS"));
        return new ForceUnit(UnitId.random(), NationCode.of(nation), details, NOW, 0);
    }

    private static Requirement requirement(Random random) {
        Capability[] all = Capability.values();
        String country = NATIONS.get(random.nextInt(NATIONS.size()));
        GeoPoint capital = CAPITALS.get(country);
        return new Requirement(UUID.randomUUID(), all[random.nextInt(all.length)], 1 + random.nextInt(4),
                new GeoPoint(capital.lat() + random.nextGaussian(), capital.lon() + 2 * random.nextGaussian()),
                country, NOW.plus(Duration.ofHours(12 + random.nextInt(157))), 7 + random.nextInt(174),
                USES.get(random.nextInt(USES.size())));
    }
}
