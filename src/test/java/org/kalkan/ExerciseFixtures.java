package org.kalkan;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exercises for tests of the exercise context (ADR 0006), inserted directly: the exercise module's own API is
 * tested by its own tests.
 */
public final class ExerciseFixtures {

    private ExerciseFixtures() {
    }

    /**
     * A RUNNING exercise, RESTRICTED // REL TO MEMBERS by KGZ, with KGZ and UZB as training audience, authored by
     * {@code exercise.director} and run by the CMC director, the watch officer and the Council chair (EXCON), so
     * that crises, alerts and Council decisions can be played in it. Returns its id.
     */
    public static UUID steppeShield(JdbcClient jdbc, String name) {
        UUID exercise = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO exercise (id, name, training_audience, excon_users, status, classification,
                                      releasable_to, origin_nation, created_by, created_at)
                VALUES (:id, :name, '{KGZ,UZB}', '{cmc.director,cmc.watch,council.chair}', 'RUNNING', 1,
                        '{MEMBERS}', 'KGZ', 'exercise.director', now())""")
                .param("id", exercise).param("name", name).update();
        return exercise;
    }
}
