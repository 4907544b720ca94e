package org.kalkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Entering an exercise context is checked on every request: strangers are refused and audited, fail closed. */
@KalkanTest
class ExerciseContextRequestTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void anUnknownExerciseIsRefusedAndTheRefusalAudited() {
        ApiClient api = new ApiClient(port);
        String token = api.token("aze.officer", "kalkan-demo");
        UUID unknown = UUID.randomUUID();

        var response = api.get("/api/v1/incidents?exercise=" + unknown, token);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'ENTER_EXERCISE' AND outcome = 'DENIED' AND target = :t")
                .param("t", "exercise:" + unknown).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theTrainingAudienceEntersTheExerciseAndOtherNationsDoNot() {
        UUID exercise = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO exercise (id, name, training_audience, classification, releasable_to, origin_nation,
                                      created_by, created_at)
                VALUES (:id, 'STEPPE SHIELD', '{KGZ,UZB}', 1, '{MEMBERS}', 'KGZ', 'exercise.director', now())""")
                .param("id", exercise).update();
        ApiClient api = new ApiClient(port);

        var player = api.get("/api/v1/incidents?exercise=" + exercise, api.token("kgz.officer", "kalkan-demo"));
        var stranger = api.get("/api/v1/incidents?exercise=" + exercise, api.token("tur.officer", "kalkan-demo"));

        assertThat(player.status()).isEqualTo(200);
        assertThat(stranger.status()).isEqualTo(403);
    }

    @Test
    void anExerciseParameterThatIsNoIdIsABadRequest() {
        ApiClient api = new ApiClient(port);
        var response = api.get("/api/v1/incidents?exercise=not-an-id", api.token("aze.officer", "kalkan-demo"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
