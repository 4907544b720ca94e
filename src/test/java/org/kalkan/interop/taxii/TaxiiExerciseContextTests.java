package org.kalkan.interop.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.interop.taxii.TaxiiClient.INTEL;
import static org.kalkan.interop.taxii.TaxiiClient.query;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kalkan.KalkanTest;
import org.kalkan.shared.ExercisePurged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Intelligence posted inside an exercise (ADR 0006) stays in that exercise: the real world never lists it, players
 * of the exercise do, and purging the exercise deletes it.
 */
@KalkanTest
class TaxiiExerciseContextTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void exerciseIntelIsSeenOnlyInsideItsExerciseAndGoesWithThePurge() {
        UUID exercise = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO exercise (id, name, training_audience, excon_users, status, classification,
                                      releasable_to, origin_nation, created_by, created_at)
                VALUES (:id, 'CYBER STEPPE', '{AZE,TUR}', '{}', 'RUNNING', 1, '{MEMBERS}', 'AZE',
                        'exercise.director', now())""").param("id", exercise).update();
        String inExercise = "?exercise=" + exercise;
        TaxiiClient aze = TaxiiClient.basic(port, "aze.cert");
        TaxiiClient tur = TaxiiClient.basic(port, "tur.cert");
        ObjectNode inject = StixFixtures.indicator("EXERCISE injected C2", StixFixtures.TLP_CLEAR);
        String id = inject.get("id").asString();
        assertThat(aze.post(INTEL + "objects/" + inExercise, StixFixtures.envelope(inject)).status()).isEqualTo(202);

        assertThat(tur.get(INTEL + "objects/" + query("match[id]", id)).json().get("objects")).isEmpty();
        assertThat(tur.get(INTEL + "objects/" + id + "/").status()).isEqualTo(404);
        assertThat(tur.get(INTEL + "objects/" + query("match[id]", id, "exercise", exercise.toString()))
                .json().get("objects")).hasSize(1);
        assertThat(TaxiiClient.basic(port, "kaz.cert").get(INTEL + "objects/" + inExercise).status())
                .as("KAZ takes no part in the exercise").isEqualTo(403);

        transactions.executeWithoutResult(s -> events.publishEvent(new ExercisePurged(exercise, "exercise.director",
                Instant.now())));
        assertThat(jdbc.sql("SELECT count(*) FROM taxii_object WHERE exercise_id = :id").param("id", exercise)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM taxii_status WHERE exercise_id = :id").param("id", exercise)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE target = :t AND action = 'EXERCISE_INTEL_PURGED'")
                .param("t", "exercise:" + exercise).query(Long.class).single()).isEqualTo(1);
    }
}
