package org.kalkan.exercise.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.exercise.ExpectedAction;
import org.kalkan.exercise.Observation;
import org.kalkan.exercise.PlayerAction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Player actions and evaluator observations of an exercise. */
@Repository
class EvaluationStore {

    private final JdbcClient jdbc;

    EvaluationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertAction(UUID exercise, @Nullable UUID inject, ExpectedAction action, String actor,
            @Nullable String nation, Instant at, Duration atExerciseTime, @Nullable String reference) {
        jdbc.sql("""
                INSERT INTO exercise_player_action (id, exercise_id, inject_id, action, actor, actor_nation, at, at_ms,
                                                    reference)
                VALUES (:id, :exercise, :inject, :action, :actor, :nation, :at, :atMs, :reference)""")
                .param("id", UUID.randomUUID()).param("exercise", exercise).param("inject", inject)
                .param("action", action.name()).param("actor", actor).param("nation", nation)
                .param("at", Timestamp.from(at)).param("atMs", atExerciseTime.toMillis())
                .param("reference", reference).update();
    }

    public List<PlayerAction> actions(UUID exercise) {
        return jdbc.sql("SELECT * FROM exercise_player_action WHERE exercise_id = :e ORDER BY at")
                .param("e", exercise).query(EvaluationStore::action).list();
    }

    public UUID insertObservation(UUID exercise, @Nullable UUID inject, @Nullable String objective, String text,
            String author, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO exercise_observation (id, exercise_id, inject_id, objective, text, author, created_at)
                VALUES (:id, :exercise, :inject, :objective, :text, :author, :now)""")
                .param("id", id).param("exercise", exercise).param("inject", inject).param("objective", objective)
                .param("text", text).param("author", author).param("now", Timestamp.from(now)).update();
        return id;
    }

    public List<Observation> observations(UUID exercise) {
        return jdbc.sql("""
                SELECT o.*, i.number FROM exercise_observation o LEFT JOIN exercise_inject i ON i.id = o.inject_id
                WHERE o.exercise_id = :e ORDER BY o.created_at""")
                .param("e", exercise).query(EvaluationStore::observation).list();
    }

    public java.util.Optional<Observation> observation(UUID id) {
        return jdbc.sql("""
                SELECT o.*, i.number FROM exercise_observation o LEFT JOIN exercise_inject i ON i.id = o.inject_id
                WHERE o.id = :id""")
                .param("id", id).query(EvaluationStore::observation).optional();
    }

    /** The training objectives each exercise objective names. */
    public java.util.Map<String, List<String>> trainingObjectives(UUID exercise) {
        java.util.Map<String, List<String>> links = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT objective, training_objective FROM exercise_training_objective WHERE exercise_id = :e"
                        + " ORDER BY objective, training_objective")
                .param("e", exercise).query(rs -> {
                    links.computeIfAbsent(rs.getString("objective"), k -> new java.util.ArrayList<>())
                            .add(rs.getString("training_objective"));
                });
        return links;
    }

    public void replaceTrainingObjectives(UUID exercise, String objective, List<String> codes) {
        jdbc.sql("DELETE FROM exercise_training_objective WHERE exercise_id = :e AND objective = :o")
                .param("e", exercise).param("o", objective).update();
        for (String code : codes) {
            jdbc.sql("INSERT INTO exercise_training_objective (exercise_id, objective, training_objective)"
                            + " VALUES (:e, :o, :t)")
                    .param("e", exercise).param("o", objective).param("t", code).update();
        }
    }

    private static PlayerAction action(ResultSet rs, int row) throws SQLException {
        return new PlayerAction(rs.getObject("id", UUID.class), rs.getObject("inject_id", UUID.class),
                ExpectedAction.valueOf(rs.getString("action")), rs.getString("actor"), rs.getString("actor_nation"),
                Rows.requiredInstant(rs, "at"), Duration.ofMillis(rs.getLong("at_ms")), rs.getString("reference"));
    }

    private static Observation observation(ResultSet rs, int row) throws SQLException {
        return new Observation(rs.getObject("id", UUID.class), rs.getObject("exercise_id", UUID.class),
                Rows.integer(rs, "number"), rs.getString("objective"), rs.getString("text"), rs.getString("author"),
                Rows.requiredInstant(rs, "created_at"));
    }
}
