package org.kalkan.force.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kalkan.crisis.Crises;
import org.kalkan.crisis.CrisisTeam;
import org.kalkan.crisis.NewCrisis;
import org.kalkan.force.Capability;
import org.kalkan.force.Caveats;
import org.kalkan.force.MovementMode;
import org.kalkan.force.UnitDetails;
import org.kalkan.force.UnitId;
import org.kalkan.platform.StartupSeeding;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.UserDirectory;
import org.kalkan.shared.Classification;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for force generation, once, on an empty registry: two units of each member state with varied
 * readiness and caveats (one for its own territory only), released to the members, and a crisis opened by the
 * demo crisis manager with every member state on its team, so {@code force.planner} can state requirements for it.
 */
@Component
@Profile("demo")
class DemoForces implements ApplicationRunner {

    private record Demo(String nation, String name, String sidc, Set<Capability> capabilities, int personnel,
            int noticeToMoveHours, GeoPoint home, Set<MovementMode> modes, boolean pool, Caveats caveats) {
    }

    private static final Caveats NO_RIOT_CONTROL = new Caveats(Set.of(), Set.of(), Set.of("RIOT_CONTROL"), 180,
            false);
    private static final List<Demo> UNITS = List.of(
            new Demo("AZE", "AZE Special Forces Group", "SFGPUCIS---", EnumSet.of(Capability.SOF,
                    Capability.COUNTER_TERRORISM), 220, 12, new GeoPoint(40.41, 49.87),
                    EnumSet.of(MovementMode.ROAD, MovementMode.AIR), true, NO_RIOT_CONTROL),
            new Demo("AZE", "AZE Territorial Engineer Battalion", "SFGPUCE----", EnumSet.of(Capability.ENGINEER),
                    480, 48, new GeoPoint(40.68, 46.36), EnumSet.of(MovementMode.ROAD, MovementMode.RAIL), false,
                    new Caveats(Set.of(), Set.of(), Set.of(), null, true)),
            new Demo("KAZ", "KAZ Air Assault Battalion", "SFGPUCIA---", EnumSet.of(Capability.INFANTRY,
                    Capability.COUNTER_TERRORISM), 520, 24, new GeoPoint(43.24, 76.89),
                    EnumSet.of(MovementMode.ROAD, MovementMode.AIR), true, NO_RIOT_CONTROL),
            new Demo("KAZ", "KAZ Caspian Medical Company", "SFGPUSM----", EnumSet.of(Capability.MEDICAL),
                    140, 72, new GeoPoint(43.65, 51.16), EnumSet.of(MovementMode.ROAD, MovementMode.SEA), false,
                    Caveats.none()),
            new Demo("KGZ", "KGZ Mountain Rifle Company", "SFGPUCI----", EnumSet.of(Capability.INFANTRY,
                    Capability.BORDER_SECURITY), 160, 96, new GeoPoint(42.87, 74.59),
                    EnumSet.of(MovementMode.ROAD), false, new Caveats(Set.of(), Set.of("TUR"), Set.of(), 90, false)),
            new Demo("KGZ", "KGZ CBRN Defence Platoon", "SFGPUCAC---", EnumSet.of(Capability.CBRN_DEFENCE), 40, 24,
                    new GeoPoint(42.87, 74.59), EnumSet.of(MovementMode.ROAD, MovementMode.AIR), true,
                    Caveats.none()),
            new Demo("TUR", "TUR Commando Brigade element", "SFGPUCI----", EnumSet.of(Capability.SOF,
                    Capability.COUNTER_TERRORISM, Capability.INFANTRY), 900, 24, new GeoPoint(39.93, 32.86),
                    EnumSet.of(MovementMode.ROAD, MovementMode.RAIL, MovementMode.AIR), true, NO_RIOT_CONTROL),
            new Demo("TUR", "TUR Medical Evacuation Squadron", "SFAPMFRH---", EnumSet.of(Capability.MEDEVAC,
                    Capability.AIRLIFT), 120, 6, new GeoPoint(41.01, 28.98), EnumSet.of(MovementMode.AIR), true,
                    Caveats.none()),
            new Demo("UZB", "UZB Rapid Reaction Battalion", "SFGPUCI----", EnumSet.of(Capability.INFANTRY,
                    Capability.MECHANISED), 600, 48, new GeoPoint(41.30, 69.24),
                    EnumSet.of(MovementMode.ROAD, MovementMode.RAIL), true, NO_RIOT_CONTROL),
            new Demo("UZB", "UZB UAV Reconnaissance Detachment", "SFGPUUS----", EnumSet.of(Capability.UAV_ISR),
                    60, 120, new GeoPoint(39.65, 66.96), EnumSet.of(MovementMode.ROAD), false, Caveats.none()));

    static final String DEMO_CRISIS = "Kura valley floods and unrest";
    private static final Logger log = LoggerFactory.getLogger(DemoForces.class);

    private final JdbcClient jdbc;
    private final UnitStore units;
    private final Crises crises;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final Clock clock;
    private final StartupSeeding seeding;

    DemoForces(JdbcClient jdbc, UnitStore units, Crises crises, UserDirectory users, AuditTrail audit, Clock clock,
            StartupSeeding seeding) {
        this.seeding = seeding;
        this.jdbc = jdbc;
        this.units = units;
        this.crises = crises;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        seeding.exclusively("DemoForces");
        if (jdbc.sql("SELECT count(*) FROM force_unit").query(Long.class).single() > 0) {
            return;
        }
        Instant now = clock.instant();
        SecurityLabel label = SecurityLabel.of(Classification.RESTRICTED, "MEMBERS");
        for (Demo d : UNITS) {
            units.insert(UnitId.random(), NationCode.of(d.nation()), new UnitDetails(d.name(), d.sidc(),
                    d.capabilities(), d.personnel(), d.noticeToMoveHours(), d.home(), d.modes(), null, null, d.pool(),
                    d.caveats(), label), now);
        }
        audit.record("system", "DEMO_UNITS_REGISTERED", "registry", UNITS.size() + " demo units");
        users.find("cmc.director").ifPresentOrElse(director -> crises.open(director.subject(),
                        new NewCrisis(DEMO_CRISIS, label, List.of(), CrisisTeam.of(Set.of("force.planner"),
                                Set.of(NationCode.of("AZE"), NationCode.of("KAZ"), NationCode.of("KGZ"),
                                        NationCode.of("TUR"), NationCode.of("UZB"))), null)),
                () -> log.warn("No demo crisis manager: the demo crisis for force generation is not opened"));
    }
}
