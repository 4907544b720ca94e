package org.kalkan.council.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.kalkan.council.DecisionId;
import org.kalkan.council.DecisionStatus;
import org.kalkan.council.DecisionVersion;
import org.kalkan.council.Procedure;
import org.kalkan.council.ThreatGround;
import org.kalkan.platform.StartupSeeding;
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
 * Demo data for the Council, once, on an empty Council: an open request for consultations and a decision adopted
 * under silence three days ago (a day of silence, every delegate notified), released to every nation, so a new
 * user sees the register and an agenda.
 */
@Component
@Profile("demo")
class DemoCouncil implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final Agenda agenda;
    private final Decisions decisions;
    private final Adoption adoption;
    private final BindingRules rules;
    private final Clock clock;
    private final StartupSeeding seeding;

    DemoCouncil(JdbcClient jdbc, Agenda agenda, Decisions decisions, Adoption adoption, BindingRules rules,
            Clock clock, StartupSeeding seeding) {
        this.seeding = seeding;
        this.rules = rules;
        this.jdbc = jdbc;
        this.agenda = agenda;
        this.decisions = decisions;
        this.adoption = adoption;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        seeding.exclusively("DemoCouncil");
        long existing = jdbc.sql("SELECT (SELECT count(*) FROM council_decision) + (SELECT count(*) FROM "
                + "council_consultation)").query(Long.class).single();
        if (existing > 0) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        agenda.record(NationCode.of("AZE"), EnumSet.of(ThreatGround.SECURITY, ThreatGround.TERRITORIAL_INTEGRITY),
                "Repeated drone overflights of the Baku–Tbilisi–Ceyhan pipeline corridor near the border; Azerbaijan "
                        + "requests consultations.",
                SecurityLabel.of(Classification.RESTRICTED, "MEMBERS"), "aze.delegate", now.minus(Duration.ofHours(2)),
                null);

        Instant circulated = now.minus(Duration.ofDays(4));
        Instant silenceEnded = now.minus(Duration.ofDays(3));
        DecisionId id = new DecisionId(UUID.randomUUID());
        DecisionRow row = new DecisionRow(id, Procedure.SILENCE, DecisionStatus.UNDER_SILENCE, 1, silenceEnded, null,
                null, null, null, null, "council.chair", circulated,
                SecurityLabel.of(Classification.UNCLASSIFIED, "ALL"), NationCode.of("KAZ"), null, null);
        decisions.insert(row);
        decisions.insertVersion(id, new DecisionVersion(1, "Joint statement on the security of the Middle Corridor",
                "The Council reaffirms the member states' commitment to the security of the Trans-Caspian "
                        + "International Transport Route and tasks the Crisis Management Center to report monthly.",
                silenceEnded, List.of(), "council.chair", circulated, null, List.copyOf(rules.delegateNames(null))));
        adoption.adopt(row, DecisionStatus.ADOPTED, silenceEnded, "system");
    }
}
