package org.kalkan.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.council.DecisionAdopted;
import org.kalkan.council.DecisionId;
import org.kalkan.council.DecisionStatus;
import org.kalkan.council.MeasureActivated;
import org.kalkan.notification.AlertId;
import org.kalkan.notification.RecipientEscalated;
import org.kalkan.security.Subject;
import org.kalkan.security.UserDirectory;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The crisis module and the events of its neighbours, with only the modules it depends on started (council,
 * notification, incident and below; no web server, no TAK, no force or exercise): a Council measure sets the alert
 * level it names and is logged in its crisis, an adopted decision and an escalated alert of a crisis are written in
 * its log. Each scenario publishes the neighbour's event as the neighbour would, after its transaction, and waits
 * for the crisis module's answer: its own event, or the state it changed.
 */
// The cluster module too: its lease decides where the singletons of security and council (the audit sequencer,
// the silence deadlines) run, on a single node simply here.
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, verifyAutomatically = false,
        extraIncludes = "cluster")
@ActiveProfiles("demo")
@TestPropertySource(properties = {"kalkan.platform.data-dir=target/test-data/${random.uuid}",
        "kalkan.platform.db.embedded-binaries=target/embedded-pg", "kalkan.council.min-silence=PT15S",
        "kalkan.council.min-urgent-silence=PT5S"})
class CrisisNeighboursModuleTests {

    private static final SecurityLabel MEMBERS = SecurityLabel.of(Classification.RESTRICTED, "MEMBERS");
    private static final Duration SOON = Duration.ofSeconds(10);

    @Autowired Crises crises;
    @Autowired CrisisLog log;
    @Autowired AlertLevels levels;
    @Autowired UserDirectory users;

    private Subject director;
    private Crisis crisis;

    @BeforeEach
    void openACrisis() {
        director = users.find("cmc.director").orElseThrow().subject();
        crisis = crises.open(director, new NewCrisis("Caspian ferry threat " + UUID.randomUUID(), MEMBERS, List.of(),
                CrisisTeam.of(Set.of(), Set.of()), null));
    }

    @Test
    void aCouncilMeasureRaisesTheAlertLevelItNamesAndIsLoggedInItsCrisis(Scenario scenario) {
        String region = "Scenario Region " + UUID.randomUUID();
        scenario.publish(measure("RAISE_ALERT_LEVEL", Map.of("level", "HIGH", "target", "REGION:" + region),
                        MEMBERS))
                .andWaitForEventOfType(AlertLevelChanged.class)
                .matching(change -> change.target().name().equals(region))
                .toArriveAndVerify(change -> {
                    assertThat(change.to()).isEqualTo(AlertLevel.HIGH);
                    assertThat(change.actor()).isEqualTo(AlertLevels.COUNCIL);
                    assertThat(change.decisionRef()).isEqualTo("JDC-2026-0042");
                    assertThat(change.decisionLabel()).isEqualTo(MEMBERS);
                    // the event leaves before the log entry's transaction commits: wait for the entry
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                            texts(LogEntryKind.MEASURE_ACTIVATED)).anyMatch(text -> text.equals("Alert level of "
                            + region + " set to HIGH under Council decision JDC-2026-0042")));
                });
    }

    @Test
    void aMeasureNotReleasableToEveryMemberStateChangesNoAlertLevelAndTheCrisisLogSaysSo(Scenario scenario) {
        String region = "Withheld Region " + UUID.randomUUID();
        SecurityLabel notAll = SecurityLabel.of(Classification.RESTRICTED, "AZE", "KAZ");
        scenario.publish(measure("RAISE_ALERT_LEVEL", Map.of("level", "SEVERE", "target", "REGION:" + region),
                        notAll))
                .andWaitForStateChange(() -> texts(LogEntryKind.MEASURE_ACTIVATED), texts -> !texts.isEmpty())
                .andVerify(texts -> {
                    assertThat(texts).containsExactly("Alert level of " + region + " NOT changed under Council "
                            + "decision JDC-2026-0042: the decision is not releasable to every member state");
                    assertThat(levels.current(director)).noneMatch(state -> state.target().name().equals(region));
                });
    }

    @Test
    void anAdoptedDecisionOfTheCrisisIsWrittenInItsLog(Scenario scenario) {
        scenario.publish(new DecisionAdopted(new DecisionId(UUID.randomUUID()), 1, "JDC-2026-0043",
                        DecisionStatus.ADOPTED_WITH_RESERVATIONS, "Joint patrols on the ferry route", List.of(),
                        crisis.id().value(), MEMBERS, Instant.now(), null))
                .andWaitForStateChange(() -> texts(LogEntryKind.DECISION_ADOPTED), texts -> !texts.isEmpty())
                .andVerify(texts -> assertThat(texts).containsExactly("Council decision JDC-2026-0043 "
                        + "ADOPTED_WITH_RESERVATIONS: Joint patrols on the ferry route"));
    }

    @Test
    void anEscalatedAlertOfTheCrisisIsWrittenInItsLog(Scenario scenario) {
        scenario.publish(new RecipientEscalated(AlertId.random(), "uzb.officer", NationCode.of("UZB"),
                        Instant.now().minusSeconds(60), Instant.now(), AlertId.random(), MEMBERS, crisis.id().value(),
                        null))
                .andWaitForStateChange(() -> texts(LogEntryKind.ALERT_ESCALATED), texts -> !texts.isEmpty())
                .andVerify(texts -> assertThat(texts).singleElement().asString().contains("uzb.officer"));
    }

    /** A measure of an adopted decision naming the crisis, as the Council publishes it after adoption. */
    private MeasureActivated measure(String code, Map<String, String> parameters, SecurityLabel label) {
        return new MeasureActivated(new DecisionId(UUID.randomUUID()), "JDC-2026-0042", code, parameters,
                crisis.id().value(), label, Instant.now(), null);
    }

    private List<String> texts(LogEntryKind kind) {
        return log.entries(director, crisis.id(), CrisisLog.DEFAULT_LIMIT).stream()
                .filter(entry -> entry.kind() == kind).map(LogEntry::text).toList();
    }
}
