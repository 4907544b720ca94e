package org.kalkan.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.ExerciseFixtures;
import org.kalkan.KalkanTest;
import org.kalkan.Publications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real-world report costs no entry in the event publication registry (a stored event, a second transaction and
 * its completion): no other module handles it after commit. An exercise report still does, for the exercise's
 * measured player actions.
 */
@KalkanTest
class ReportOutboxTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void aRealWorldReportStoresNoEventPublication() {
        ApiClient api = new ApiClient(port);
        String officer = api.token("kgz.officer", "kalkan-demo");
        var filed = api.post("/api/v1/reports", officer,
                IncidentFixtures.report("BORDER_INCIDENT", 42.1, 74.2, "RESTRICTED", "MEMBERS"));
        assertThat(filed.status()).isEqualTo(201);
        String report = filed.json().get("id").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :id")
                .param("id", "%" + report + "%").query(Long.class).single()).isZero();
    }

    @Test
    void anExerciseReportIsStillHandedToTheExercise() {
        UUID exercise = ExerciseFixtures.steppeShield(jdbc, "OUTBOX " + UUID.randomUUID());
        ApiClient api = new ApiClient(port);
        var played = api.post("/api/v1/reports?exercise=" + exercise, api.token("kgz.officer", "kalkan-demo"),
                IncidentFixtures.report("BORDER_INCIDENT", 42.1, 74.2, "RESTRICTED", "MEMBERS"));
        assertThat(played.status()).isEqualTo(201);
        Publications.awaitHandled(jdbc, played.json().get("id").asString());
    }
}
