package org.kalkan.crisis.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.Rfi;
import org.kalkan.crisis.RfiAnswer;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for RFIs and their answers. */
@Repository
public class RfiStore {

    private final JdbcClient jdbc;

    RfiStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID insert(CrisisId crisis, String question, List<NationCode> addressed, Instant deadline, String by,
            Instant now, SecurityLabel label, NationCode origin) {
        UUID id = UUID.randomUUID();
        CrisisRows.labelled(jdbc.sql("""
                INSERT INTO crisis_rfi (id, crisis_id, question, addressed_to, deadline, status, created_by,
                    created_at, classification, releasable_to, origin_nation, exercise_id)
                VALUES (:id, :crisis, :question, :addressed, :deadline, 'OPEN', :by, :now, :classification,
                    :releasable, :origin, (SELECT exercise_id FROM crisis WHERE id = :crisis))"""), label, origin)
                .param("id", id).param("crisis", crisis.value()).param("question", question)
                .param("addressed", addressed.stream().map(NationCode::value).toArray(String[]::new))
                .param("deadline", Timestamp.from(deadline)).param("by", by).param("now", Timestamp.from(now))
                .update();
        return id;
    }

    public List<Rfi> list(CrisisId crisis, LabelFilter filter) {
        return jdbc.sql("SELECT * FROM crisis_rfi r WHERE r.crisis_id = :crisis AND " + filter.sql()
                        + " ORDER BY r.created_at, r.id")
                .param("crisis", crisis.value()).params(filter.parameters()).query(CrisisRows::rfi).list();
    }

    public List<Rfi> all(CrisisId crisis) {
        return jdbc.sql("SELECT * FROM crisis_rfi r WHERE r.crisis_id = :crisis ORDER BY r.created_at, r.id")
                .param("crisis", crisis.value()).query(CrisisRows::rfi).list();
    }

    /** The RFI if the filter lets it through (a read: also in read-only transactions). */
    public Optional<Rfi> find(CrisisId crisis, UUID id, LabelFilter filter) {
        return jdbc.sql("SELECT * FROM crisis_rfi r WHERE r.crisis_id = :crisis AND r.id = :id AND " + filter.sql())
                .param("crisis", crisis.value()).param("id", id).params(filter.parameters())
                .query(CrisisRows::rfi).optional();
    }

    /** The RFI if the filter lets it through, locked for the caller's (read-write) transaction: before a change. */
    public Optional<Rfi> lock(CrisisId crisis, UUID id, LabelFilter filter) {
        return jdbc.sql("SELECT * FROM crisis_rfi r WHERE r.crisis_id = :crisis AND r.id = :id AND " + filter.sql()
                        + " FOR UPDATE")
                .param("crisis", crisis.value()).param("id", id).params(filter.parameters())
                .query(CrisisRows::rfi).optional();
    }

    public List<RfiAnswer> answers(UUID rfi, @Nullable LabelFilter filter) {
        String where = filter == null ? "" : " AND " + filter.sql();
        var statement = jdbc.sql("SELECT * FROM crisis_rfi_answer a WHERE a.rfi_id = :rfi" + where
                + " ORDER BY a.answered_at, a.id").param("rfi", rfi);
        if (filter != null) {
            statement = statement.params(filter.parameters());
        }
        return statement.query(CrisisRows::answer).list();
    }

    public RfiAnswer answer(UUID rfi, String text, String by, Instant now, SecurityLabel label, NationCode nation) {
        UUID id = UUID.randomUUID();
        UUID exercise = CrisisRows.labelled(jdbc.sql("""
                INSERT INTO crisis_rfi_answer (id, rfi_id, text, answered_by, answered_at, classification,
                    releasable_to, origin_nation, exercise_id)
                VALUES (:id, :rfi, :text, :by, :now, :classification, :releasable, :origin,
                    (SELECT exercise_id FROM crisis_rfi WHERE id = :rfi))
                RETURNING exercise_id"""), label, nation)
                .param("id", id).param("rfi", rfi).param("text", text).param("by", by)
                .param("now", Timestamp.from(now))
                .query((rs, i) -> Optional.ofNullable(CrisisRows.exercise(rs))).optional().flatMap(o -> o)
                .orElse(null);
        return new RfiAnswer(id, rfi, text, by, nation, now, label, exercise);
    }

    public void close(UUID rfi, String by, Instant now, @Nullable String note) {
        jdbc.sql("""
                UPDATE crisis_rfi SET status = 'CLOSED', closed_by = :by, closed_at = :now, closing_note = :note,
                    version = version + 1
                WHERE id = :id""")
                .param("by", by).param("now", Timestamp.from(now)).param("note", note).param("id", rfi).update();
    }

    /** Flags open RFIs past their deadline, each once; returns them. */
    public List<Rfi> flagOverdue(Instant now, int limit) {
        return jdbc.sql("""
                UPDATE crisis_rfi SET overdue_at = :now, version = version + 1
                WHERE id IN (SELECT id FROM crisis_rfi WHERE overdue_at IS NULL AND status = 'OPEN'
                             AND deadline <= :now ORDER BY deadline LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING *""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(CrisisRows::rfi).list();
    }
}
