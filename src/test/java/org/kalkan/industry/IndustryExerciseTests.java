package org.kalkan.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.industry.IndustryFixtures.MANAGER;
import static org.kalkan.industry.IndustryFixtures.PASSWORD;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A programme created inside an exercise (ADR 0006) is seen only in that exercise, never in the real world, and is
 * deleted with its packages, licences and suppliers when the exercise is purged; real-world programmes stay.
 */
@KalkanTest
class IndustryExerciseTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void exerciseProgrammesStayInTheirExerciseAndArePurgedWithIt() {
        UUID exercise = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO exercise (id, name, training_audience, excon_users, status, classification,
                                      releasable_to, origin_nation, created_by, created_at)
                VALUES (:id, :name, '{KGZ,UZB}', '{programme.manager}', 'RUNNING', 1, '{MEMBERS}', 'KGZ',
                        'exercise.director', now())""")
                .param("id", exercise).param("name", "ANVIL " + exercise.toString().substring(0, 8)).update();
        ApiClient api = new ApiClient(port);
        String token = api.token(MANAGER, PASSWORD);
        String inExercise = "?exercise=" + exercise;
        String name = "Exercise drone " + exercise.toString().substring(0, 8);
        ApiClient.Response created = api.post("/api/v1/industry/programmes" + inExercise, token, Map.of("name", name,
                "nations", java.util.List.of("TUR", "KGZ"), "costShares", Map.of("TUR", 0.6, "KGZ", 0.4),
                "currency", "EUR", "label", IndustryFixtures.label("RESTRICTED", "MEMBERS")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/v1/industry/programmes/" + id + "/work-packages" + inExercise, token,
                IndustryFixtures.workPackage("X1", "Exercise airframe", "TUR", 1000, "2026-01-01", "2026-06-01"))
                .status()).isEqualTo(201);
        String real = IndustryFixtures.programme(api, token, "Real world " + exercise.toString().substring(0, 8));

        assertThat(api.get("/api/v1/industry/programmes" + inExercise, token).body()).contains(name)
                .doesNotContain(real);
        assertThat(api.get("/api/v1/industry/programmes", token).body()).doesNotContain(name).contains(real);
        assertThat(api.get("/api/v1/industry/programmes/" + id + "/performance", token).status()).isEqualTo(404);

        assertThat(api.post("/api/v1/exercises/" + exercise + "/purge", api.token("exercise.director", PASSWORD),
                Map.of()).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM industry_programme WHERE exercise_id = :e").param("e", exercise)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM industry_work_package WHERE programme_id = CAST(:id AS UUID)")
                .param("id", id).query(Long.class).single()).isZero();
        assertThat(api.get("/api/v1/industry/programmes/" + real, token).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'INDUSTRY_PURGED' AND target = :t")
                .param("t", "exercise:" + exercise).query(Long.class).single()).isEqualTo(1);
    }
}
