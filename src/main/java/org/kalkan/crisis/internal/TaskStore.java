package org.kalkan.crisis.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.CrisisTask;
import org.kalkan.crisis.TaskOwner;
import org.kalkan.crisis.TaskStatus;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for crisis tasks; updates are optimistic (they name the version they were based on). */
@Repository
public class TaskStore {

    private final JdbcClient jdbc;

    TaskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID insert(CrisisId crisis, String title, TaskOwner owner, Instant dueAt, String by, Instant now,
            SecurityLabel label, NationCode origin) {
        UUID id = UUID.randomUUID();
        CrisisRows.labelled(jdbc.sql("""
                INSERT INTO crisis_task (id, crisis_id, title, owner_kind, owner, due_at, status, created_by,
                    created_at, updated_by, updated_at, classification, releasable_to, origin_nation, exercise_id)
                VALUES (:id, :crisis, :title, :kind, :owner, :due, 'OPEN', :by, :now, :by, :now, :classification,
                    :releasable, :origin, (SELECT exercise_id FROM crisis WHERE id = :crisis))"""), label, origin)
                .param("id", id).param("crisis", crisis.value()).param("title", title)
                .param("kind", owner.kind().name()).param("owner", owner.name()).param("due", Timestamp.from(dueAt))
                .param("by", by).param("now", Timestamp.from(now))
                .update();
        return id;
    }

    public List<CrisisTask> list(CrisisId crisis, LabelFilter filter) {
        return jdbc.sql("SELECT * FROM crisis_task t WHERE t.crisis_id = :crisis AND " + filter.sql()
                        + " ORDER BY t.due_at, t.id")
                .param("crisis", crisis.value()).params(filter.parameters()).query(CrisisRows::task).list();
    }

    public List<CrisisTask> all(CrisisId crisis) {
        return jdbc.sql("SELECT * FROM crisis_task t WHERE t.crisis_id = :crisis ORDER BY t.due_at, t.id")
                .param("crisis", crisis.value()).query(CrisisRows::task).list();
    }

    public Optional<CrisisTask> find(CrisisId crisis, UUID id, LabelFilter filter) {
        return jdbc.sql("SELECT * FROM crisis_task t WHERE t.crisis_id = :crisis AND t.id = :id AND " + filter.sql())
                .param("crisis", crisis.value()).param("id", id).params(filter.parameters())
                .query(CrisisRows::task).optional();
    }

    public Optional<CrisisTask> find(UUID id) {
        return jdbc.sql("SELECT * FROM crisis_task t WHERE t.id = :id").param("id", id)
                .query(CrisisRows::task).optional();
    }

    /**
     * Changes status and due time if the version still matches; a new due time clears the overdue flag. False
     * when someone else changed the task first (nothing changed).
     */
    public boolean update(UUID id, int expectedVersion, TaskStatus status, Instant dueAt, boolean dueChanged,
            String by, Instant now) {
        return jdbc.sql("""
                UPDATE crisis_task SET status = :status, due_at = :due, updated_by = :by, updated_at = :now,
                    overdue_at = CASE WHEN :dueChanged THEN NULL ELSE overdue_at END, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", status.name()).param("due", Timestamp.from(dueAt)).param("by", by)
                .param("now", Timestamp.from(now)).param("dueChanged", dueChanged).param("id", id)
                .param("version", expectedVersion).update() == 1;
    }

    /** Flags open tasks past their due time, each once; returns them. Rows locked by another node are skipped. */
    public List<CrisisTask> flagOverdue(Instant now, int limit) {
        return jdbc.sql("""
                UPDATE crisis_task SET overdue_at = :now, version = version + 1
                WHERE id IN (SELECT id FROM crisis_task WHERE overdue_at IS NULL AND status IN ('OPEN', 'IN_PROGRESS')
                             AND due_at <= :now ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING *""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(CrisisRows::task).list();
    }
}
