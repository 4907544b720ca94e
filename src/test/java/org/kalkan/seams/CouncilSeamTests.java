package org.kalkan.seams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kalkan.seams.SeamActors.DELEGATES;
import static org.kalkan.seams.SeamActors.label;
import static org.kalkan.seams.SeamActors.naming;
import static org.kalkan.seams.SeamActors.silenceDraft;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, finding 2 (and the Council's part of 1 and 11), against a running node: a decision that binds the members
 * is readable by every member state's delegates, keeps a minimum silence (shorter only with a recorded urgency, never
 * below the urgent minimum), alerts every delegate before its silence starts, and is checked again when it takes
 * effect. The node under test runs with {@code min-silence=PT15S} and {@code min-urgent-silence=PT5S}
 * ({@link KalkanTest}); the production defaults (a day, an hour) are checked in {@code CouncilDefaultsTests}.
 */
@KalkanTest
class CouncilSeamTests {

    @LocalServerPort int port;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    private SeamActors actors;
    private ApiClient api;
    private String chair;

    @BeforeEach
    void signIn() {
        actors = new SeamActors(port);
        api = actors.api();
        chair = actors.token("council.chair");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theChairCannotAdoptALevelChangeAloneUnderALabelOnlyTheChairsNationReads() {
        // The reported attack: SECRET // REL TO KAZ, silence of four seconds, raising AZE's level to SEVERE.
        String before = level("AZE");
        String crisis = actors.councilCrisis("Border provocation", "");
        var circulated = api.post("/api/v1/council/decisions", chair, naming(silenceDraft("Raise AZE to SEVERE",
                        clock.instant().plusSeconds(4), label("SECRET", "KAZ")), crisis, "RAISE_ALERT_LEVEL",
                Map.of("level", "SEVERE", "target", "AZE")));

        assertThat(circulated.status()).as(circulated.body()).isEqualTo(400);
        assertThat(circulated.body()).contains("not releasable to member state AZE")
                .contains("shorter than the minimum");
        assertThat(api.get("/api/v1/council/decisions", chair).body()).doesNotContain("Raise AZE to SEVERE");
        clock.advance(Duration.ofSeconds(5));
        assertThat(level("AZE")).isEqualTo(before);
    }

    @Test
    void aBindingDecisionIsReleasableToEveryMemberStateUnderBothProcedures() {
        for (Map<String, Object> draft : List.of(
                silenceDraft("Bilateral under silence", clock.instant().plusSeconds(60), label("SECRET", "KAZ", "TUR")),
                SeamActors.consensusDraft("Bilateral consensus", label("CONFIDENTIAL", "AZE", "KAZ", "KGZ", "TUR")))) {
            var refused = api.post("/api/v1/council/decisions", chair, draft);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("where").asString()).isEqualTo("label");
        }
        var members = api.post("/api/v1/council/decisions", chair, SeamActors.consensusDraft("Every member reads it",
                label("SECRET", "MEMBERS")));
        assertThat(members.status()).as(members.body()).isEqualTo(201);
        for (String delegate : DELEGATES) {
            assertThat(api.get("/api/v1/council/decisions/" + id(members), actors.token(delegate)).status())
                    .as(delegate).isEqualTo(200);
        }
    }

    @Test
    void aBindingDecisionIsRefusedWhenAMembersDelegateIsNotClearedForIt() {
        // Releasable to every member, but one of KGZ's delegates is cleared only CONFIDENTIAL: KGZ could not object.
        String lowCleared = newDelegate("KGZ", "CONFIDENTIAL");
        try {
            for (Map<String, Object> draft : List.of(
                    silenceDraft("Secret under silence", clock.instant().plusSeconds(60), label("SECRET", "MEMBERS")),
                    SeamActors.consensusDraft("Secret consensus", label("SECRET", "MEMBERS")))) {
                var refused = api.post("/api/v1/council/decisions", chair, draft);
                assertThat(refused.status()).as(refused.body()).isEqualTo(400);
                assertThat(refused.json().get("errors").get(0).get("where").asString()).isEqualTo("label");
                assertThat(refused.body()).contains("delegate " + lowCleared + " of KGZ (cleared CONFIDENTIAL) "
                        + "cannot read it");
                assertThat(api.get("/api/v1/council/decisions", chair).body()).doesNotContain((String) draft.get("title"));
            }
            var readable = api.post("/api/v1/council/decisions", chair, SeamActors.consensusDraft(
                    "Confidential consensus", label("CONFIDENTIAL", "MEMBERS")));
            assertThat(readable.status()).as(readable.body()).isEqualTo(201);
            assertThat(strings(readable.json().get("versions").get(0).get("notifiedDelegates"))).contains(lowCleared);
        } finally {
            disable(lowCleared);
        }
    }

    @Test
    void aDecisionIsNotAdoptedWhenADelegateWhoCannotReadItTakesPartByTheTimeItTakesEffect() {
        var circulated = api.post("/api/v1/council/decisions", chair, silenceDraft("Secret statement",
                clock.instant().plusSeconds(20), label("SECRET", "MEMBERS")));
        assertThat(circulated.status()).as(circulated.body()).isEqualTo(201);
        String lowCleared = newDelegate("UZB", "RESTRICTED");
        try {
            clock.advance(Duration.ofSeconds(21));
            await().atMost(Duration.ofSeconds(10)).until(() -> !"UNDER_SILENCE".equals(
                    api.get("/api/v1/council/decisions/" + id(circulated), chair).json().get("status").asString()));
            JsonNode decision = api.get("/api/v1/council/decisions/" + id(circulated), chair).json();
            assertThat(decision.get("status").asString()).as(decision.toString()).isEqualTo("NOT_ADOPTED");
            assertThat(decision.get("notAdoptedReason").asString()).contains("delegate " + lowCleared)
                    .contains("cannot read it");
            assertThat(decision.get("registerNumber").isNull()).isTrue();
        } finally {
            disable(lowCleared);
        }
    }

    @Test
    void aSilenceShorterThanTheMinimumNeedsARecordedUrgencyAndNeverGoesBelowTheUrgentMinimum() {
        Map<String, Object> tenSeconds = silenceDraft("Ten seconds", clock.instant().plusSeconds(10),
                label("RESTRICTED", "MEMBERS"));
        var refused = api.post("/api/v1/council/decisions", chair, tenSeconds);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("shorter than the minimum PT15S");

        tenSeconds.put("urgency", "Armed groups are crossing now.");
        var urgent = api.post("/api/v1/council/decisions", chair, tenSeconds);
        assertThat(urgent.status()).as(urgent.body()).isEqualTo(201);
        assertThat(urgent.json().get("versions").get(0).get("urgency").asString())
                .isEqualTo("Armed groups are crossing now.");

        Map<String, Object> threeSeconds = silenceDraft("Three seconds", clock.instant().plusSeconds(3),
                label("RESTRICTED", "MEMBERS"));
        threeSeconds.put("urgency", "Even more urgent.");
        var tooShort = api.post("/api/v1/council/decisions", chair, threeSeconds);
        assertThat(tooShort.status()).as(tooShort.body()).isEqualTo(400);
        assertThat(tooShort.json().get("detail").asString()).contains("even for an urgent decision, PT5S");
    }

    @Test
    void everyDelegateIsAlertedInTheCirculatingTransactionBeforeTheSilenceStarts() {
        var circulated = api.post("/api/v1/council/decisions", chair, silenceDraft("Joint statement on the corridor",
                clock.instant().plusSeconds(60), label("RESTRICTED", "MEMBERS")));
        assertThat(circulated.status()).as(circulated.body()).isEqualTo(201);
        String id = id(circulated);
        JsonNode version = circulated.json().get("versions").get(0);
        assertThat(strings(version.get("notifiedDelegates"))).containsExactlyInAnyOrderElementsOf(DELEGATES);

        Instant circulatedAt = Instant.parse(version.get("circulatedAt").asString());
        for (String delegate : DELEGATES) {
            JsonNode alert = inboxAlertAbout(delegate, id);
            assertThat(alert).as(delegate + " was alerted when the decision was circulated").isNotNull();
            assertThat(alert.get("text").asString()).contains("DECISION CIRCULATED under silence");
            assertThat(Instant.parse(alert.get("sentAt").asString())).as("no later than the silence's start")
                    .isBeforeOrEqualTo(circulatedAt);
        }
        assertThat(inboxAlertAbout("hun.observer", id)).as("observers take no part").isNull();
    }

    @Test
    void aDecisionNamingACrisisTheChairCannotSeeIsRefusedLikeOneThatDoesNotExist() {
        String hidden = actors.crisis("Crisis the chair is not on", label("RESTRICTED", "MEMBERS"), List.of(),
                List.of("AZE"), "");
        var unseen = api.post("/api/v1/council/decisions", chair, naming(SeamActors.consensusDraft("Act on it",
                label("RESTRICTED", "MEMBERS")), hidden, "ACTIVATE_CRISIS_TEAM", Map.of()));
        var absent = api.post("/api/v1/council/decisions", chair, naming(SeamActors.consensusDraft("Act on it",
                label("RESTRICTED", "MEMBERS")), UUID.randomUUID().toString(), "ACTIVATE_CRISIS_TEAM", Map.of()));

        assertThat(unseen.status()).as(unseen.body()).isEqualTo(404);
        assertThat(absent.status()).as(absent.body()).isEqualTo(404);
        assertThat(unseen.body()).isEqualTo(absent.body()).doesNotContain(hidden);
        assertThat(api.get("/api/v1/council/decisions", chair).body()).doesNotContain(hidden);
    }

    @Test
    void aDecisionWhoseCrisisClosedMeanwhileIsNotAdoptedWhenItTakesEffect() {
        String crisis = actors.councilCrisis("Closed before the deadline", "");
        var circulated = api.post("/api/v1/council/decisions", chair, naming(silenceDraft("Activate the team",
                        clock.instant().plusSeconds(20), label("RESTRICTED", "MEMBERS")), crisis,
                "ACTIVATE_CRISIS_TEAM", Map.of()));
        assertThat(circulated.status()).as(circulated.body()).isEqualTo(201);
        String director = actors.token("cmc.director");
        for (String phase : List.of("ASSESSMENT", "RESPONSE_OPTIONS", "PLANNING", "EXECUTION", "TRANSITION",
                "CLOSED")) {
            assertThat(api.post("/api/v1/crises/" + crisis + "/phase", director, Map.of("phase", phase)).status())
                    .isEqualTo(200);
        }

        clock.advance(Duration.ofSeconds(21));
        JsonNode decision = api.get("/api/v1/council/decisions/" + id(circulated), chair).json();
        assertThat(decision.get("status").asString()).isEqualTo("NOT_ADOPTED");
        assertThat(decision.get("notAdoptedReason").asString()).contains("closed");
        assertThat(decision.get("registerNumber").isNull()).isTrue();
        assertThat(decision.get("activations")).isEmpty();
    }

    @Test
    void anAlertLevelDoesNotShowTheRegisterNumberOfADecisionItsReaderCannotRead() {
        String crisis = actors.councilCrisis("Caspian shipping threat", "");
        String region = "REGION:Seam-" + UUID.randomUUID().toString().substring(0, 8);
        var circulated = api.post("/api/v1/council/decisions", chair, naming(SeamActors.consensusDraft(
                "Raise the Caspian shipping level", label("CONFIDENTIAL", "MEMBERS")), crisis, "RAISE_ALERT_LEVEL",
                Map.of("level", "HIGH", "target", region)));
        assertThat(circulated.status()).as(circulated.body()).isEqualTo(201);
        DELEGATES.forEach(d -> api.post("/api/v1/council/decisions/" + id(circulated) + "/positions",
                actors.token(d), Map.of("position", "CONCUR")));
        JsonNode adopted = api.post("/api/v1/council/decisions/" + id(circulated) + "/close", chair, Map.of()).json();
        assertThat(adopted.get("status").asString()).as(adopted.toString()).isEqualTo("ADOPTED");
        String number = adopted.get("registerNumber").asString();
        String target = region.substring("REGION:".length());

        await().atMost(Duration.ofSeconds(10)).until(() -> levelRow(actors.token("kaz.delegate"), target) != null);
        assertThat(levelRow(actors.token("kaz.delegate"), target).get("decisionRef").asString()).isEqualTo(number);
        JsonNode seenByObserver = levelRow(actors.token("hun.observer"), target);
        assertThat(seenByObserver.get("level").asString()).isEqualTo("HIGH");
        assertThat(seenByObserver.get("decisionRef").asString()).isNotEqualTo(number).contains("not releasable");
        assertThat(api.get("/api/v1/alert-levels/REGION/" + target + "/history", actors.token("hun.observer"))
                .body()).doesNotContain(number);
    }

    /**
     * A new enabled Council delegate of {@code nation} with the demo password, cleared as given (no API creates
     * accounts); {@link #disable} takes them out of the Council again so that other tests see the demo delegates only.
     */
    private String newDelegate(String nation, String clearance) {
        String username = nation.toLowerCase() + ".delegate." + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, nation, clearance, roles, password_hash, created_at)
                SELECT :username, 'Seam test delegate', :nation, :clearance, '{COUNCIL_DELEGATE}', password_hash, now()
                FROM app_user WHERE username = 'kgz.delegate'""").param("username", username).param("nation", nation)
                .param("clearance", org.kalkan.shared.Classification.valueOf(clearance).rank()).update();
        return username;
    }

    private void disable(String username) {
        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = :u").param("u", username).update();
    }

    private String level(String nation) {
        JsonNode row = levelRow(actors.token("cmc.director"), nation);
        return row == null ? "NORMAL" : row.get("level").asString();
    }

    private JsonNode levelRow(String token, String target) {
        for (JsonNode level : api.get("/api/v1/alert-levels", token).json()) {
            if (level.get("target").asString().equals(target)) {
                return level;
            }
        }
        return null;
    }

    private JsonNode inboxAlertAbout(String username, String decisionId) {
        for (JsonNode item : api.get("/api/v1/alerts?limit=500", actors.token(username)).json()) {
            if (item.get("text").asString().contains(decisionId)) {
                return item;
            }
        }
        return null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static String id(ApiClient.Response response) {
        return response.json().get("id").asString();
    }
}
