package org.kalkan.training.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.Capability;
import org.kalkan.force.Caveats;
import org.kalkan.force.ForceRegistry;
import org.kalkan.force.ForceUnit;
import org.kalkan.force.MovementMode;
import org.kalkan.force.UnitDetails;
import org.kalkan.force.UnitId;
import org.kalkan.platform.StartupSeeding;
import org.kalkan.security.Subject;
import org.kalkan.security.UserDirectory;
import org.kalkan.security.UserSummary;
import org.kalkan.shared.Classification;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.kalkan.training.Agent;
import org.kalkan.training.Billet;
import org.kalkan.training.CertificationOutcome;
import org.kalkan.training.Course;
import org.kalkan.training.CourseDraft;
import org.kalkan.training.Criterion;
import org.kalkan.training.Grant;
import org.kalkan.training.LanguageProfile;
import org.kalkan.training.LearningStatement;
import org.kalkan.training.Outcome;
import org.kalkan.training.Person;
import org.kalkan.training.PersonDraft;
import org.kalkan.training.Prerequisites;
import org.kalkan.training.SessionDraft;
import org.kalkan.training.UnitCertification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data, once, when the catalogue is empty and after the other demo data (the node is ready): a small catalogue
 * (EOD-101 and others; EOD-201 is left for the walkthrough to publish), two EOD units with billets, AZE and TUR
 * personnel with qualifications (some expiring), unit certifications (one expiring soon, one lapsed) so the
 * readiness board is not empty, a session with nominations, and the AZE learning system {@code aze-lms}
 * (secret {@code kalkan-demo-xapi}, token {@code kalkan-demo-xapi-token}).
 */
@Component
@Profile("demo")
class DemoTraining {

    static final String AZE_EOD_COMPANY = "AZE 1st EOD Company";
    static final String TUR_EOD_PLATOON = "TUR EOD Platoon";
    private static final Logger log = LoggerFactory.getLogger(DemoTraining.class);
    private static final SecurityLabel CATALOGUE = SecurityLabel.of(Classification.UNCLASSIFIED, "MEMBERS", "HUN");
    private static final SecurityLabel UNITS = SecurityLabel.of(Classification.RESTRICTED, "MEMBERS");

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final CatalogueService catalogue;
    private final PersonnelService personnel;
    private final SessionService sessions;
    private final CertificationService certifications;
    private final CertificationStore certificationStore;
    private final CompletionRecorder completions;
    private final LrsService records;
    private final ForceRegistry forces;
    private final NodeIdentity node;
    private final Clock clock;
    private final StartupSeeding seeding;

    DemoTraining(JdbcClient jdbc, UserDirectory users, CatalogueService catalogue, PersonnelService personnel,
            SessionService sessions, CertificationService certifications, CertificationStore certificationStore,
            CompletionRecorder completions, LrsService records, ForceRegistry forces, NodeIdentity node,
            Clock clock, StartupSeeding seeding) {
        this.seeding = seeding;
        this.jdbc = jdbc;
        this.users = users;
        this.catalogue = catalogue;
        this.personnel = personnel;
        this.sessions = sessions;
        this.certifications = certifications;
        this.certificationStore = certificationStore;
        this.completions = completions;
        this.records = records;
        this.forces = forces;
        this.node = node;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void seed() {
        seeding.exclusively("DemoTraining");
        long started = System.nanoTime();
        if (jdbc.sql("SELECT count(*) FROM training_course").query(Long.class).single() > 0) {
            return;
        }
        Subject coordinator = subject("training.coordinator");
        Subject aze = subject("aze.officer");
        Subject tur = subject("tur.officer");
        Subject admin = subject("admin");
        if (coordinator == null || aze == null || tur == null || admin == null) {
            log.warn("Demo accounts missing: no training demo data");
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Course eod101 = catalogue.publish(coordinator, new CourseDraft("EOD-101", "Explosive ordnance disposal, basic",
                List.of("Identify conventional munitions and their hazards", "Perform a safe EOD reconnaissance"),
                NationCode.of("TUR"), "TUR EOD and Mine Action School, Ankara", "en", 15, Classification.RESTRICTED,
                Prerequisites.none(), new Grant("EOD-101", Period.ofYears(3), Period.ofMonths(6)), CATALOGUE));
        catalogue.publish(coordinator, new CourseDraft("CBRN-110", "CBRN defence for first responders",
                List.of("Detect and identify CBRN agents", "Decontaminate casualties and equipment"),
                NationCode.of("KAZ"), "KAZ CBRN Defence Training Centre, Almaty", "ru", 10, Classification.RESTRICTED,
                Prerequisites.none(), new Grant("CBRN-110", Period.ofYears(2), Period.ofMonths(3)), CATALOGUE));
        catalogue.publish(coordinator, new CourseDraft("LANG-EN-2", "English for multinational staff (SLP 2222)",
                List.of("Communicate in a multinational headquarters at STANAG 6001 level 2"), NationCode.of("TUR"),
                "TUR Language School, Ankara", "en", 60, Classification.UNCLASSIFIED, Prerequisites.none(), null,
                CATALOGUE));
        catalogue.publish(coordinator, new CourseDraft("SOF-310", "Special operations liaison officer",
                List.of("Plan SOF support to a combined joint task force"), NationCode.of("AZE"),
                "AZE Special Forces Training Centre, Baku", "en", 12, Classification.CONFIDENTIAL,
                new Prerequisites(List.of(), List.of(), new LanguageProfile("en", "3232")),
                new Grant("SOF-LNO", Period.ofYears(3), Period.ZERO), CATALOGUE));

        ForceUnit azeCompany = forces.register(aze, unit(AZE_EOD_COMPANY, "SFGPUCE----",
                EnumSet.of(Capability.EOD, Capability.ENGINEER), 120, 24, new GeoPoint(40.38, 49.85)));
        ForceUnit turPlatoon = forces.register(tur, unit(TUR_EOD_PLATOON, "SFGPUCE----",
                EnumSet.of(Capability.EOD), 40, 12, new GeoPoint(39.93, 32.86)));
        certifications.setBillets(aze, azeCompany.id(), List.of(new Billet(Capability.EOD, "EOD-101", 4)));
        certifications.setBillets(tur, turPlatoon.id(), List.of(new Billet(Capability.EOD, "EOD-101", 2)));

        SecurityLabel azeOnly = SecurityLabel.of(Classification.RESTRICTED, "AZE");
        SecurityLabel turOnly = SecurityLabel.of(Classification.RESTRICTED, "TUR");
        List<Person> azePeople = new ArrayList<>();
        String[][] azeNames = {{"Rashad Mammadov", "OF-2", "3232"}, {"Leyla Huseynova", "OF-1", "2+2+2+2"},
            {"Elvin Aliyev", "OR-6", "2222"}, {"Kamran Guliyev", "OR-5", "1+1+21"}, {"Nigar Hasanova", "OR-7", "3333"}};
        for (int i = 0; i < azeNames.length; i++) {
            azePeople.add(personnel.register(aze, new PersonDraft("DEMO-AZE-" + (i + 1), azeNames[i][0],
                    azeNames[i][1], NationCode.of("AZE"), azeCompany.id(), Classification.CONFIDENTIAL,
                    List.of(new LanguageProfile("en", azeNames[i][2]), new LanguageProfile("ru", "3333")), azeOnly)));
        }
        List<Person> turPeople = new ArrayList<>();
        String[][] turNames = {{"Mehmet Yılmaz", "OF-3"}, {"Ayşe Demir", "OR-6"}};
        for (int i = 0; i < turNames.length; i++) {
            turPeople.add(personnel.register(tur, new PersonDraft("DEMO-TUR-" + (i + 1), turNames[i][0],
                    turNames[i][1], NationCode.of("TUR"), turPlatoon.id(), Classification.SECRET,
                    List.of(new LanguageProfile("en", "3333")), turOnly)));
        }
        // EOD-101 passes: four AZE people are qualified (one only until soon), both TUR people.
        LocalDate[] azePassed = {today.minusYears(1), today.minusMonths(8), today.minusYears(3).plusDays(40), null,
            today.minusMonths(2)};
        for (int i = 0; i < azePassed.length; i++) {
            if (azePassed[i] != null) {
                completions.record(azePeople.get(i), eod101, Outcome.PASSED, azePassed[i], "demo record",
                        "training.coordinator", true);
            }
        }
        for (Person person : turPeople) {
            completions.record(person, eod101, Outcome.PASSED, today.minusMonths(5), "demo record",
                    "training.coordinator", true);
        }

        List<Criterion> checklist = List.of(new Criterion("Render safe procedures rehearsed", true, "live drill"),
                new Criterion("EOD reconnaissance reports within 30 minutes", true, "evaluated exercise"),
                new Criterion("Equipment serviceable (robot, bomb suit, jammer)", true, "inspection"));
        demoCertification(coordinator, azeCompany.id(), Capability.EOD, today.minusDays(320), today.plusDays(45),
                checklist);
        demoCertification(coordinator, turPlatoon.id(), Capability.EOD, today.minusDays(100), today.plusDays(630),
                checklist);
        forces.list(coordinator, "KGZ", Capability.CBRN_DEFENCE, null).stream().findFirst().ifPresent(unit ->
                demoCertification(coordinator, unit.id(), Capability.CBRN_DEFENCE, today.minusDays(800),
                        today.minusDays(70), List.of(new Criterion("Decontamination line set up in 20 minutes", true,
                                "field evaluation"))));

        var session = sessions.schedule(coordinator, new SessionDraft("EOD-101", today.plusDays(60),
                today.plusDays(74), "Ankara", 6, Map.of("AZE", 3, "TUR", 2), today.plusDays(45), CATALOGUE));
        sessions.nominate(aze, session.id(), azePeople.get(3).id(), 2);
        sessions.nominate(aze, session.id(), azePeople.get(2).id(), 3);
        var lms = records.register(admin, "aze-lms", NationCode.of("AZE"), Classification.CONFIDENTIAL,
                SecurityLabel.of(Classification.RESTRICTED, "AZE", "TUR"), "kalkan-demo-xapi",
                "kalkan-demo-xapi-token").system();
        // The national LMS reports an English course of a known person, and one about someone unknown here.
        records.store(lms, List.of(statement(azePeople.get(4).id().toString(), "LANG-EN-2", today.minusDays(20)),
                statement(UUID.randomUUID().toString(), "EOD-101", today.minusDays(3))), "2.0.0");
        log.info("Training demo data in {} ms: catalogue, {} people, certifications, session {}",
                (System.nanoTime() - started) / 1_000_000, azePeople.size() + turPeople.size(), session.id());
    }

    /** Evaluations in the past are stored as they were (the API refuses only future ones). */
    private void demoCertification(Subject coordinator, UnitId unit, Capability capability, LocalDate evaluatedOn,
            LocalDate validUntil, List<Criterion> criteria) {
        certificationStore.insert(new UnitCertification(org.kalkan.training.CertificationId.random(), unit,
                capability, CertificationOutcome.CERTIFIED, evaluatedOn, validUntil, criteria, null,
                "demo evaluation", coordinator.username(), clock.instant()),
                forces.find(coordinator, unit).nation());
    }

    /** A completion as a national learning system would send it (the document kept as sent, as the LRS does). */
    private LearningStatement statement(String person, String course, LocalDate on) {
        UUID id = UUID.randomUUID();
        String document = String.format("{\"id\":\"%s\",\"actor\":{\"account\":{\"homePage\":\"%s\",\"name\":\"%s\"}},"
                + "\"verb\":{\"id\":\"%s\"},\"object\":{\"id\":\"%s\"},"
                + "\"result\":{\"completion\":true,\"success\":true},\"timestamp\":\"%sT12:00:00Z\"}", id,
                node.homePage(), person, LearningStatement.COMPLETED, node.courseActivity(course), on);
        return new LearningStatement(id, Agent.account(node.homePage(), person, null), LearningStatement.COMPLETED,
                node.courseActivity(course), null, true, true, on.atTime(12, 0).toInstant(ZoneOffset.UTC),
                document);
    }

    private static UnitDetails unit(String name, String sidc, Set<Capability> capabilities, int personnel,
            int noticeToMove, GeoPoint home) {
        return new UnitDetails(name, sidc, capabilities, personnel, noticeToMove, home,
                EnumSet.of(MovementMode.ROAD, MovementMode.AIR), null, null, true, Caveats.none(), UNITS);
    }

    /** The demo account's subject, or null when it is missing (then there is no demo data). */
    private @Nullable Subject subject(String username) {
        return users.find(username).map(UserSummary::subject).orElse(null);
    }
}
