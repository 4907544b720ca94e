package org.kalkan.exercise.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.exercise.Exercise;
import org.kalkan.exercise.ExerciseClock;
import org.kalkan.exercise.ExercisePlan;
import org.kalkan.exercise.ExerciseStatus;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.NationCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The exercise table: plans, status and the persisted clock. */
@Repository
public class ExerciseStore {

    private final JdbcClient jdbc;

    ExerciseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, ExercisePlan plan, NationCode origin, String createdBy, Instant now) {
        jdbc.sql("""
                INSERT INTO exercise (id, name, starts_on, ends_on, training_audience, excon_users, evaluator_users,
                                      objectives, phases, participating_units, classification, releasable_to,
                                      origin_nation, created_by, created_at)
                VALUES (:id, :name, :startsOn, :endsOn, :audience, :excon, :evaluators, :objectives, :phases, :units,
                        :classification, :releasableTo, :origin, :createdBy, :now)""")
                .param("id", id).params(planParameters(plan))
                .param("origin", origin.value()).param("createdBy", createdBy).param("now", Timestamp.from(now))
                .update();
    }

    /** Replaces the plan if the version matches; false when someone else changed it first. */
    public boolean update(UUID id, ExercisePlan plan, int version) {
        return jdbc.sql("""
                UPDATE exercise SET name = :name, starts_on = :startsOn, ends_on = :endsOn,
                       training_audience = :audience, excon_users = :excon, evaluator_users = :evaluators,
                       objectives = :objectives, phases = :phases, participating_units = :units,
                       classification = :classification, releasable_to = :releasableTo, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("id", id).param("version", version).params(planParameters(plan)).update() == 1;
    }

    private static java.util.Map<String, Object> planParameters(ExercisePlan plan) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("name", plan.name());
        p.put("startsOn", plan.startsOn() == null ? null : Date.valueOf(plan.startsOn()));
        p.put("endsOn", plan.endsOn() == null ? null : Date.valueOf(plan.endsOn()));
        p.put("audience", plan.trainingAudience().toArray(String[]::new));
        p.put("excon", plan.exconUsers().toArray(String[]::new));
        p.put("evaluators", plan.evaluatorUsers().toArray(String[]::new));
        p.put("objectives", plan.objectives().toArray(String[]::new));
        p.put("phases", plan.phases().toArray(String[]::new));
        p.put("units", plan.participatingUnits().toArray(UUID[]::new));
        p.put("classification", LabelColumns.classification(plan.label()));
        p.put("releasableTo", LabelColumns.releasableTo(plan.label()));
        return p;
    }

    /** Exercises the filter lets through, newest first. */
    public List<Exercise> list(LabelFilter filter, int limit) {
        return jdbc.sql("SELECT * FROM exercise x WHERE " + filter.sql() + " ORDER BY created_at DESC LIMIT :limit")
                .params(filter.parameters()).param("limit", limit).query(ExerciseStore::exercise).list();
    }

    public Optional<Exercise> find(UUID id, LabelFilter filter) {
        return jdbc.sql("SELECT * FROM exercise x WHERE x.id = :id AND " + filter.sql())
                .params(filter.parameters()).param("id", id).query(ExerciseStore::exercise).optional();
    }

    /** The exercise, unfiltered, locked for this transaction (for the clock, the poller and state changes). */
    public Optional<Exercise> lock(UUID id) {
        return jdbc.sql("SELECT * FROM exercise WHERE id = :id FOR UPDATE").param("id", id)
                .query(ExerciseStore::exercise).optional();
    }

    public Optional<Exercise> get(UUID id) {
        return jdbc.sql("SELECT * FROM exercise WHERE id = :id").param("id", id)
                .query(ExerciseStore::exercise).optional();
    }

    /** Ids of exercises whose clock runs: the poller's work list. */
    public List<UUID> running() {
        return jdbc.sql("SELECT id FROM exercise WHERE status = 'RUNNING' AND clock_state = 'RUNNING'")
                .query(UUID.class).list();
    }

    public void saveClock(UUID id, ExerciseClock clock) {
        jdbc.sql("""
                UPDATE exercise SET clock_state = :state, clock_rate = :rate, clock_offset_ms = :offset,
                       clock_resumed_at = :resumedAt, clock_started_at = :startedAt, version = version + 1
                WHERE id = :id""")
                .param("id", id).param("state", clock.state().name()).param("rate", clock.rate())
                .param("offset", clock.offset().toMillis()).param("resumedAt", timestamp(clock.resumedAt()))
                .param("startedAt", timestamp(clock.startedAt())).update();
    }

    public void setStatus(UUID id, ExerciseStatus status) {
        jdbc.sql("UPDATE exercise SET status = :status, version = version + 1 WHERE id = :id")
                .param("id", id).param("status", status.name()).update();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Exercise exercise(ResultSet rs, int row) throws SQLException {
        Date startsOn = rs.getDate("starts_on");
        Date endsOn = rs.getDate("ends_on");
        ExerciseClock clock = new ExerciseClock(ExerciseClock.State.valueOf(rs.getString("clock_state")),
                rs.getDouble("clock_rate"), Duration.ofMillis(rs.getLong("clock_offset_ms")),
                Rows.instant(rs, "clock_resumed_at"), Rows.instant(rs, "clock_started_at"));
        return new Exercise(rs.getObject("id", UUID.class), rs.getString("name"),
                startsOn == null ? null : startsOn.toLocalDate(), endsOn == null ? null : endsOn.toLocalDate(),
                Rows.strings(rs, "training_audience"), Rows.strings(rs, "excon_users"),
                Rows.strings(rs, "evaluator_users"), Rows.strings(rs, "objectives"), Rows.strings(rs, "phases"),
                Rows.uuids(rs, "participating_units"), ExerciseStatus.valueOf(rs.getString("status")),
                LabelColumns.read(rs), LabelColumns.origin(rs), rs.getString("created_by"), Rows.requiredInstant(rs, "created_at"),
                rs.getInt("version"), clock);
    }
}
