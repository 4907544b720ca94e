package org.kalkan.industry.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kalkan.industry.Certificate;
import org.kalkan.industry.Dependency;
import org.kalkan.industry.ExportControl;
import org.kalkan.industry.LicenceType;
import org.kalkan.industry.MilestoneKind;
import org.kalkan.industry.NewLicence;
import org.kalkan.industry.NewMilestone;
import org.kalkan.industry.NewProgramme;
import org.kalkan.industry.NewSupplier;
import org.kalkan.industry.NewWorkPackage;
import org.kalkan.industry.Phase;
import org.kalkan.industry.Programme;
import org.kalkan.industry.Programmes;
import org.kalkan.industry.SupplierId;
import org.kalkan.industry.Suppliers;
import org.kalkan.industry.TransferRequest;
import org.kalkan.platform.StartupSeeding;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for co-production, once, on an empty node: the three-nation drone programme KARTAL (TUR 50 %, AZE 30 %,
 * KAZ 20 %) created by {@code programme.manager}, started nine months ago, with six linked work packages, progress
 * reports, a milestone, one supplier per nation, export licences (one expiring soon) and a transfer under one of
 * them, so the dashboard, the Gantt chart and the licence page are not empty. Suppliers are registered as their
 * nation's programme office ({@code <nation>.industry}).
 */
@Component
@Profile("demo")
class DemoIndustry implements ApplicationRunner {

    static final String NAME = "KARTAL MALE UAV";

    private final Programmes programmes;
    private final Suppliers suppliers;
    private final ExportControl exportControl;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final StartupSeeding seeding;

    DemoIndustry(Programmes programmes, Suppliers suppliers, ExportControl exportControl, JdbcClient jdbc,
            Clock clock, StartupSeeding seeding) {
        this.seeding = seeding;
        this.programmes = programmes;
        this.suppliers = suppliers;
        this.exportControl = exportControl;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static Subject office(String nation) {
        return new Subject(nation.equals("TUR") ? "programme.manager" : nation.toLowerCase(java.util.Locale.ROOT) + ".industry",
                NationCode.of(nation), Classification.SECRET, Set.of(Role.PROGRAMME_MANAGER));
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        seeding.exclusively("DemoIndustry");
        if (jdbc.sql("SELECT count(*) FROM industry_programme").query(Long.class).single() > 0) {
            return;
        }
        Subject manager = office("TUR");
        SecurityLabel label = SecurityLabel.of(Classification.CONFIDENTIAL, "TUR", "AZE", "KAZ");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = today.withDayOfMonth(1).minusMonths(9);
        SupplierId tai = supplier("TUR", "Anadolu Aerostructures", "9000000", "1.00", today.plusYears(2));
        SupplierId azad = supplier("AZE", "Azad Avionics", "3000000", "1.05", today.plusYears(1));
        SupplierId steppe = supplier("KAZ", "Steppe Ground Systems", "2000000", "0.95", today.plusMonths(30));
        Programme programme = programmes.create(manager, new NewProgramme(NAME, List.of("TUR", "AZE", "KAZ"),
                Map.of("TUR", new BigDecimal("0.5"), "AZE", new BigDecimal("0.3"), "KAZ", new BigDecimal("0.2")),
                Map.of(), "EUR", Phase.CONCEPT, "MoU-KARTAL-2025/01", "TUR", label));
        List<NewWorkPackage> packages = List.of(
                wp("WP1", "Airframe and propulsion design", "TUR", tai, "1200000", start, start.plusMonths(12),
                        List.of(), "ML10"),
                wp("WP2", "Avionics and datalink", "AZE", azad, "870000", start.plusMonths(2), start.plusMonths(10),
                        List.of(), "ML11"),
                wp("WP3", "Ground control station", "KAZ", steppe, "480000", start.plusMonths(3), start.plusMonths(11),
                        List.of(), null),
                wp("WP4", "System integration", "TUR", tai, "750000", start.plusMonths(12), start.plusMonths(15),
                        List.of(new Dependency("WP1", 0), new Dependency("WP2", 0)), "ML10"),
                wp("WP5", "Flight test campaign", "AZE", azad, "300000", start.plusMonths(15), start.plusMonths(17),
                        List.of(new Dependency("WP4", 0)), null),
                wp("WP6", "Training and support", "KAZ", steppe, "300000", start.plusMonths(15), start.plusMonths(18),
                        List.of(new Dependency("WP3", 0), new Dependency("WP4", 0)), null));
        packages.forEach(p -> programmes.addWorkPackage(manager, programme.id(), p));
        programmes.changePhase(manager, programme.id(), Phase.DEVELOPMENT, programmes.programme(manager,
                programme.id()).version());
        LocalDate report = today.withDayOfMonth(1);
        programmes.reportProgress(manager, programme.id(), "WP1", report.minusMonths(3), new BigDecimal("35"),
                new BigDecimal("430000"));
        programmes.reportProgress(manager, programme.id(), "WP1", report, new BigDecimal("62"),
                new BigDecimal("790000"));
        programmes.reportProgress(manager, programme.id(), "WP2", report, new BigDecimal("70"),
                new BigDecimal("580000"));
        programmes.reportProgress(manager, programme.id(), "WP3", report, new BigDecimal("45"),
                new BigDecimal("240000"));
        programmes.addMilestone(manager, programme.id(), new NewMilestone("Critical design review",
                MilestoneKind.MILESTONE, start.plusMonths(12), "WP1"));
        programmes.addMilestone(manager, programme.id(), new NewMilestone("First ground station delivered",
                MilestoneKind.DELIVERY, start.plusMonths(11), "WP3"));
        programmes.saveBaseline(manager, programme.id());
        exportControl.issue(manager, new NewLicence("TUR-EXP-2026-0042", "TUR", LicenceType.INDIVIDUAL,
                List.of("ML10"), List.of("AZE"), List.of("Azad Avionics"), start, today.plusYears(1),
                new BigDecimal("400000"), "EUR", label));
        exportControl.issue(manager, new NewLicence("TUR-GEN-2026-0007", "TUR", LicenceType.GENERAL,
                List.of("ML11"), List.of("AZE", "KAZ"), List.of(), start, today.plusDays(30), null, "EUR", label));
        exportControl.transfer(manager, new TransferRequest(programme.id(), "Airframe interface control document",
                "ML10", "TUR", "AZE", "Azad Avionics", new BigDecimal("85000"), report.minusMonths(1)));
    }

    private SupplierId supplier(String nation, String name, String capacity, String factor, LocalDate aqap) {
        return suppliers.register(office(nation), new NewSupplier(name, Classification.SECRET, new BigDecimal(capacity),
                new BigDecimal(factor), List.of(new Certificate("AQAP-2110", aqap)),
                SecurityLabel.of(Classification.RESTRICTED, "MEMBERS"))).id();
    }

    private static NewWorkPackage wp(String code, String title, String nation, SupplierId supplier, String budget,
            LocalDate start, LocalDate finish, List<Dependency> after, @org.jspecify.annotations.Nullable String entry) {
        return new NewWorkPackage(code, title, nation, supplier, new BigDecimal(budget), start, finish, after,
                List.of(), entry);
    }
}
