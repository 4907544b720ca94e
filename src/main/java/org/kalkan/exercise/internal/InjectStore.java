package org.kalkan.exercise.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.exercise.ExpectedAction;
import org.kalkan.exercise.Inject;
import org.kalkan.exercise.InjectKind;
import org.kalkan.exercise.InjectStatus;
import org.kalkan.exercise.NewInject;
import org.kalkan.exercise.StartCondition;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The MSEL's injects and their delivery state. */
@Repository
class InjectStore {

    private final JdbcClient jdbc;

    InjectStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an inject whose content is labelled {@code label}, written by a user of {@code origin}. */
    public UUID insert(UUID exercise, NewInject inject, @Nullable Duration due, SecurityLabel label,
            NationCode origin) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO exercise_inject (id, exercise_id, number, offset_ms, start_condition, after_number, kind,
                       content, sender, recipients, expected_action, objective, contingency_number, deadline_ms,
                       status, due_ms, classification, releasable_to, origin_nation)
                VALUES (:id, :exercise, :number, :offset, :condition, :after, :kind, CAST(:content AS JSONB), :sender,
                        :recipients, :expected, :objective, :contingency, :deadline, :status, :due, :classification,
                        :releasable, :origin)""")
                .param("classification", LabelColumns.classification(label))
                .param("releasable", LabelColumns.releasableTo(label)).param("origin", origin.value())
                .param("id", id).param("exercise", exercise).param("number", inject.number())
                .param("offset", inject.at().toMillis()).param("condition", inject.startCondition().name())
                .param("after", inject.afterNumber()).param("kind", inject.kind().name())
                .param("content", inject.content().toString()).param("sender", inject.from())
                .param("recipients", inject.to().toArray(String[]::new))
                .param("expected", inject.expectedAction().name()).param("objective", inject.objective())
                .param("contingency", inject.contingencyNumber()).param("deadline", Rows.millis(inject.deadline()))
                .param("status", (due == null ? InjectStatus.PLANNED : InjectStatus.SCHEDULED).name())
                .param("due", Rows.millis(due)).update();
        return id;
    }

    /**
     * The MSEL for a reader: every inject, those whose content the filter (alias {@code i}, across contexts: the
     * reader plans the exercise from the real world) does not let through marked withheld, decided in SQL.
     */
    public List<Inject> listFor(UUID exercise, LabelFilter readable) {
        return jdbc.sql("SELECT i.*, NOT (" + readable.sql() + ") AS content_withheld FROM exercise_inject i "
                        + "WHERE i.exercise_id = :e ORDER BY i.number")
                .param("e", exercise).params(readable.parameters()).query(InjectStore::inject).list();
    }

    /** Every inject of the exercise, unfiltered: for the module's own work (numbers, delivery, evaluation). */
    public List<Inject> list(UUID exercise) {
        return jdbc.sql("SELECT * FROM exercise_inject WHERE exercise_id = :e ORDER BY number")
                .param("e", exercise).query(InjectStore::inject).list();
    }

    public Optional<Inject> byNumber(UUID exercise, int number) {
        return jdbc.sql("SELECT * FROM exercise_inject WHERE exercise_id = :e AND number = :n")
                .param("e", exercise).param("n", number).query(InjectStore::inject).optional();
    }

    public Optional<Inject> lockByNumber(UUID exercise, int number) {
        return jdbc.sql("SELECT * FROM exercise_inject WHERE exercise_id = :e AND number = :n FOR UPDATE")
                .param("e", exercise).param("n", number).query(InjectStore::inject).optional();
    }

    public Optional<Inject> find(UUID id) {
        return jdbc.sql("SELECT * FROM exercise_inject WHERE id = :id").param("id", id)
                .query(InjectStore::inject).optional();
    }

    /**
     * The next due inject of a running exercise, locked; injects another node or poller holds are skipped, so an
     * inject is delivered by one transaction only.
     */
    public Optional<Inject> lockNextDue(UUID exercise, Duration elapsed) {
        return jdbc.sql("""
                SELECT * FROM exercise_inject
                WHERE exercise_id = :e AND status = 'SCHEDULED' AND NOT held AND due_ms <= :elapsed
                ORDER BY due_ms, number LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("e", exercise).param("elapsed", elapsed.toMillis()).query(InjectStore::inject).optional();
    }

    /** Delivered injects whose expected action is overdue and whose missing action was not yet acted upon. */
    public List<Inject> lockOverdue(UUID exercise, Duration elapsed) {
        return jdbc.sql("""
                SELECT * FROM exercise_inject i
                WHERE i.exercise_id = :e AND i.status = 'DELIVERED' AND i.deadline_ms IS NOT NULL
                  AND NOT i.contingency_fired AND i.delivered_ms + i.deadline_ms <= :elapsed
                  AND NOT EXISTS (SELECT 1 FROM exercise_player_action a
                                  WHERE a.inject_id = i.id AND a.action = i.expected_action)
                ORDER BY i.number FOR UPDATE SKIP LOCKED""")
                .param("e", exercise).param("elapsed", elapsed.toMillis()).query(InjectStore::inject).list();
    }

    /** Schedules every planned inject that starts at its time (at the clock's start, or when added later). */
    public int scheduleTimed(UUID exercise) {
        return jdbc.sql("""
                UPDATE exercise_inject SET status = 'SCHEDULED', due_ms = offset_ms, version = version + 1
                WHERE exercise_id = :e AND status = 'PLANNED' AND start_condition = 'AT_TIME'""")
                .param("e", exercise).update();
    }

    /** Schedules the injects that follow {@code number}, their offset after its delivery. */
    public int scheduleFollowers(UUID exercise, int number, Duration deliveredAt) {
        return jdbc.sql("""
                UPDATE exercise_inject SET status = 'SCHEDULED', due_ms = :at + offset_ms, version = version + 1
                WHERE exercise_id = :e AND status = 'PLANNED' AND start_condition = 'AFTER_DELAY'
                  AND after_number = :n""")
                .param("e", exercise).param("n", number).param("at", deliveredAt.toMillis()).update();
    }

    public void schedule(UUID id, Duration due) {
        jdbc.sql("UPDATE exercise_inject SET status = 'SCHEDULED', due_ms = :due, version = version + 1 WHERE id = :id")
                .param("id", id).param("due", due.toMillis()).update();
    }

    public void delivered(UUID id, Instant at, Duration exerciseTime, String ref) {
        jdbc.sql("""
                UPDATE exercise_inject SET status = 'DELIVERED', delivered_at = :at, delivered_ms = :ms,
                       delivered_ref = :ref, deliveries = deliveries + 1, last_error = NULL, held = FALSE,
                       version = version + 1
                WHERE id = :id""")
                .param("id", id).param("at", Timestamp.from(at)).param("ms", exerciseTime.toMillis())
                .param("ref", ref).update();
    }

    public void contingencyFired(UUID id) {
        jdbc.sql("UPDATE exercise_inject SET contingency_fired = TRUE, version = version + 1 WHERE id = :id")
                .param("id", id).update();
    }

    /** A delivery failed: the inject is held with the reason, for EXCON to fix or cancel. */
    public void failed(UUID id, String error) {
        jdbc.sql("UPDATE exercise_inject SET held = TRUE, last_error = :error, version = version + 1 WHERE id = :id")
                .param("id", id).param("error", error.length() > 1000 ? error.substring(0, 1000) : error).update();
    }

    public void hold(UUID id, boolean held) {
        jdbc.sql("UPDATE exercise_inject SET held = :held, version = version + 1 WHERE id = :id")
                .param("id", id).param("held", held).update();
    }

    public void cancel(UUID id) {
        jdbc.sql("UPDATE exercise_inject SET status = 'CANCELLED', version = version + 1 WHERE id = :id")
                .param("id", id).update();
    }

    public void delay(UUID id, Duration by) {
        jdbc.sql("""
                UPDATE exercise_inject SET offset_ms = offset_ms + CASE WHEN status = 'PLANNED' THEN :by ELSE 0 END,
                       due_ms = due_ms + :by, version = version + 1
                WHERE id = :id""")
                .param("id", id).param("by", by.toMillis()).update();
    }

    /** The inject delivered as {@code ref} (e.g. {@code alert:<id>}), if any. */
    public Optional<Inject> byDeliveredRef(UUID exercise, String ref) {
        return jdbc.sql("SELECT * FROM exercise_inject WHERE exercise_id = :e AND delivered_ref = :ref")
                .param("e", exercise).param("ref", ref).query(InjectStore::inject).optional();
    }

    static Inject inject(ResultSet rs, int row) throws SQLException {
        return new Inject(rs.getObject("id", UUID.class), rs.getObject("exercise_id", UUID.class),
                rs.getInt("number"), Duration.ofMillis(rs.getLong("offset_ms")),
                StartCondition.valueOf(rs.getString("start_condition")), Rows.integer(rs, "after_number"),
                InjectKind.valueOf(rs.getString("kind")), rs.getString("content"), rs.getString("sender"),
                Rows.strings(rs, "recipients"), ExpectedAction.valueOf(rs.getString("expected_action")),
                rs.getString("objective"), Rows.integer(rs, "contingency_number"), Rows.millis(rs, "deadline_ms"),
                InjectStatus.valueOf(rs.getString("status")), rs.getBoolean("held"), Rows.millis(rs, "due_ms"),
                Rows.instant(rs, "delivered_at"), Rows.millis(rs, "delivered_ms"), rs.getString("delivered_ref"),
                rs.getInt("deliveries"), rs.getBoolean("contingency_fired"), rs.getString("last_error"),
                rs.getInt("version"), LabelColumns.read(rs), NationCode.of(rs.getString("origin_nation")),
                withheld(rs));
    }

    /** Whether the query marked the row's content withheld; rows read without a reader are not. */
    private static boolean withheld(ResultSet rs) throws SQLException {
        var columns = rs.getMetaData();
        for (int c = 1; c <= columns.getColumnCount(); c++) {
            if ("content_withheld".equals(columns.getColumnLabel(c))) {
                return rs.getBoolean(c);
            }
        }
        return false;
    }
}
