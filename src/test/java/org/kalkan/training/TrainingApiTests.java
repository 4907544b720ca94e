package org.kalkan.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.training.TrainingFixtures.PASSWORD;
import static org.kalkan.training.TrainingFixtures.label;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
 * The training contract through the API, as the walkthrough: a course with a language prerequisite, a
 * session with quotas, a refused nomination naming each unmet prerequisite, the waiting list moving up when a seat
 * frees, a pass that grants a two-year qualification, and the labels on personnel records.
 */
@KalkanTest
class TrainingApiTests {

    @LocalServerPort int port;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    ApiClient api;
    String coordinator;
    String aze;
    String tur;

    @BeforeEach
    void tokens() {
        api = new ApiClient(port);
        coordinator = api.token("training.coordinator", PASSWORD);
        aze = api.token("aze.officer", PASSWORD);
        tur = api.token("tur.officer", PASSWORD);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** A prerequisite course the person passes today, in a session that starts today. */
    private String passed(String person) {
        String code = TrainingFixtures.code("PRE");
        TrainingFixtures.publish(api, coordinator, TrainingFixtures.course(code, null, null, "P3Y"));
        String session = TrainingFixtures.session(api, coordinator, code, today().toString(),
                today().plusDays(2).toString(), 5, Map.of());
        assertThat(TrainingFixtures.nominate(api, aze, session, person).status()).isEqualTo(201);
        var result = api.post("/api/v1/training/sessions/" + session + "/results", coordinator,
                Map.of("personId", person, "outcome", "PASSED"));
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        return code;
    }

    @Test
    void aNominationIsRefusedWithEveryUnmetPrerequisiteNamedAndNothingStored() {
        String prerequisite = TrainingFixtures.code("PRE");
        TrainingFixtures.publish(api, coordinator, TrainingFixtures.course(prerequisite, null, null, "P3Y"));
        String code = TrainingFixtures.code("EOD");
        JsonNode course = TrainingFixtures.publish(api, coordinator, TrainingFixtures.course(code,
                List.of(prerequisite), Map.of("language", "en", "profile", "2222"), "P2Y"));
        assertThat(course.get("prerequisites").get("language").get("profile").asString()).isEqualTo("2222");
        assertThat(course.get("objectives").get(0).get("code").asString()).isEqualTo(code + ".1");
        String session = TrainingFixtures.session(api, coordinator, code, "2027-04-01", "2027-04-10", 10,
                Map.of("AZE", 4));
        String weak = TrainingFixtures.person(api, aze, "AZE", "Weak candidate", "UNCLASSIFIED", "2+1+22", null,
                label("RESTRICTED", "AZE"));

        var refused = TrainingFixtures.nominate(api, aze, session, weak);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode errors = refused.json().get("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.toString()).contains("minimumClearance").contains("clearance UNCLASSIFIED is below "
                + "RESTRICTED").contains("prerequisites.courses").contains("course " + prerequisite + " not completed")
                .contains("prerequisites.language").contains("speaking 1+ < 2");
        assertThat(api.get("/api/v1/training/sessions/" + session + "/nominations", aze).json()).isEmpty();
    }

    @Test
    void beyondTheQuotaANominationWaitsAndMovesUpWhenASeatFreesAndTheNationIsAlerted() {
        String code = TrainingFixtures.code("EOD");
        TrainingFixtures.publish(api, coordinator, TrainingFixtures.course(code, null,
                Map.of("language", "en", "profile", "2222"), "P2Y"));
        String session = TrainingFixtures.session(api, coordinator, code, "2027-04-01", "2027-04-10", 10,
                Map.of("AZE", 1));
        String first = TrainingFixtures.person(api, aze, "AZE", "First candidate", "SECRET", "3232", null,
                label("RESTRICTED", "AZE"));
        String second = TrainingFixtures.person(api, aze, "AZE", "Second candidate", "SECRET", "3232", null,
                label("RESTRICTED", "AZE"));

        var nominated = TrainingFixtures.nominate(api, aze, session, first);
        var waiting = TrainingFixtures.nominate(api, aze, session, second);

        assertThat(nominated.status()).as(nominated.body()).isEqualTo(201);
        assertThat(nominated.json().get("status").asString()).isEqualTo("NOMINATED");
        assertThat(waiting.json().get("status").asString()).isEqualTo("WAITLISTED");
        var withdrawn = api.post("/api/v1/training/sessions/" + session + "/nominations/"
                + nominated.json().get("id").asString() + "/withdrawal", aze, Map.of());
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        JsonNode roster = api.get("/api/v1/training/sessions/" + session + "/nominations", aze).json();
        JsonNode promoted = roster.valueStream().filter(n -> n.get("personId").asString().equals(second))
                .findFirst().orElseThrow();
        assertThat(promoted.get("status").asString()).isEqualTo("NOMINATED");
        assertThat(promoted.get("note").asString()).contains("moved up");
        assertThat(promoted.get("name").asString()).isEqualTo("Second candidate");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/v1/alerts", aze).body()).contains(second).contains("has a seat now"));
    }

    @Test
    void aPassRecordedFromTheSessionsStartGrantsTheQualificationForTwoYears() {
        String person = TrainingFixtures.person(api, aze, "AZE", "Pass candidate", "SECRET", "3232", null,
                label("RESTRICTED", "AZE"));
        String prerequisite = passed(person);
        String code = TrainingFixtures.code("EOD");
        TrainingFixtures.publish(api, coordinator, TrainingFixtures.course(code, List.of(prerequisite),
                Map.of("language", "en", "profile", "2222"), "P2Y"));
        String tomorrow = TrainingFixtures.session(api, coordinator, code, today().plusDays(1).toString(),
                today().plusDays(10).toString(), 10, Map.of("AZE", 4));
        String started = TrainingFixtures.session(api, coordinator, code, today().toString(),
                today().plusDays(9).toString(), 10, Map.of("AZE", 4));
        for (String session : List.of(tomorrow, started)) {
            assertThat(TrainingFixtures.nominate(api, aze, session, person).json().get("status").asString())
                    .isEqualTo("NOMINATED");
        }

        var early = api.post("/api/v1/training/sessions/" + tomorrow + "/results", coordinator,
                Map.of("personId", person, "outcome", "PASSED"));
        var result = api.post("/api/v1/training/sessions/" + started + "/results", coordinator,
                Map.of("personId", person, "outcome", "PASSED"));

        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("from the session's start");
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(result.json().get("result").asString()).isEqualTo("PASSED");
        JsonNode record = api.get("/api/v1/training/people/" + person, aze).json();
        JsonNode qualification = record.get("qualifications").valueStream()
                .filter(q -> q.get("code").asString().equals(code)).findFirst().orElseThrow();
        assertThat(qualification.get("earnedOn").asString()).isEqualTo(today().toString());
        assertThat(qualification.get("validUntil").asString()).isEqualTo(today().plusYears(2).toString());
        assertThat(qualification.get("state").asString()).isEqualTo("VALID");
        assertThat(record.get("completions").toString()).contains(code).contains("session:" + started);
        var again = api.post("/api/v1/training/sessions/" + started + "/results", coordinator,
                Map.of("personId", person, "outcome", "FAILED"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void anotherNationsTrainingManagerSeesCountsButNotTheNamesOfPersonnelNotReleasedToIt() {
        String person = TrainingFixtures.person(api, aze, "AZE", "Hidden Name Aliyev", "SECRET", "3232", null,
                label("RESTRICTED", "AZE"));
        String code = passed(person);
        String session = TrainingFixtures.session(api, coordinator, code, "2027-05-01", "2027-05-02", 3, Map.of());
        TrainingFixtures.nominate(api, aze, session, person);

        assertThat(api.get("/api/v1/training/people/" + person, tur).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/training/people?nation=AZE", tur).body()).doesNotContain("Hidden Name");
        JsonNode roster = api.get("/api/v1/training/sessions/" + session + "/nominations", tur).json();
        assertThat(roster).hasSize(1);
        assertThat(roster.get(0).get("nation").asString()).isEqualTo("AZE");
        assertThat(roster.get(0).get("name").isNull()).isTrue();
        JsonNode counts = api.get("/api/v1/training/aggregates", tur).json();
        JsonNode count = counts.valueStream().filter(c -> c.get("qualification").asString().equals(code))
                .findFirst().orElseThrow();
        assertThat(count.get("nation").asString()).isEqualTo("AZE");
        assertThat(count.get("qualified").asInt()).isEqualTo(1);
        assertThat(counts.toString()).doesNotContain("Hidden Name");
        assertThat(api.get("/api/v1/training/people/" + person, aze).json().get("person").get("name").asString())
                .isEqualTo("Hidden Name Aliyev");
    }

    @Test
    void onlyTheNationsTrainingManagerRegistersAndNominatesItsPeopleAndBadInputNamesTheField() {
        var foreign = api.post("/api/v1/training/people", tur, Map.of("serviceNumber", "X-1", "name", "Someone",
                "rank", "OF-1", "nation", "AZE", "clearance", "SECRET", "label", label("RESTRICTED", "AZE")));
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(403);
        var badRank = api.post("/api/v1/training/people", aze, Map.of("serviceNumber", "X-2", "name", "Someone",
                "rank", "Major", "nation", "AZE", "clearance", "SECRET", "label", label("RESTRICTED", "AZE")));
        assertThat(badRank.status()).isEqualTo(400);
        assertThat(badRank.json().get("detail").asString()).contains("rank");
        Map<String, Object> course = TrainingFixtures.course(TrainingFixtures.code("BAD"), null, null, "two years");
        var badPeriod = api.post("/api/v1/training/courses", coordinator, course);
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.json().get("detail").asString()).contains("grants.validFor");
        assertThat(api.get("/api/v1/training/courses/" + course.get("code"), coordinator).status()).isEqualTo(404);
        var notCoordinator = api.post("/api/v1/training/courses", aze, TrainingFixtures.course(
                TrainingFixtures.code("NOPE"), null, null, "P1Y"));
        assertThat(notCoordinator.status()).isEqualTo(403);
        var badProfile = api.post("/api/v1/training/courses", coordinator, TrainingFixtures.course(
                TrainingFixtures.code("BAD"), null, Map.of("language", "en", "profile", "6666"), "P1Y"));
        assertThat(badProfile.status()).isEqualTo(400);
        assertThat(badProfile.json().get("detail").asString()).contains("profile");
    }
}
