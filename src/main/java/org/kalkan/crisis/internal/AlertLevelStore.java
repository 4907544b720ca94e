package org.kalkan.crisis.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kalkan.crisis.AlertLevel;
import org.kalkan.crisis.AlertLevelChanged;
import org.kalkan.crisis.AlertLevelState;
import org.kalkan.crisis.AlertTarget;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.LabelColumns;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for current alert levels and their append-only history. */
@Repository
public class AlertLevelStore {

    private final JdbcClient jdbc;

    AlertLevelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Nations first, then regions, each by name. */
    public List<AlertLevelState> current() {
        return jdbc.sql("SELECT * FROM alert_level ORDER BY target_kind, target").query(AlertLevelStore::state).list();
    }

    public Optional<AlertLevelState> lock(AlertTarget target) {
        return jdbc.sql("SELECT * FROM alert_level WHERE target_kind = :kind AND target = :target FOR UPDATE")
                .param("kind", target.kind().name()).param("target", target.name())
                .query(AlertLevelStore::state).optional();
    }

    /** Creates a region's row at NORMAL if it has none yet; nations exist from the migration on. */
    public void ensureRegion(AlertTarget target, Instant now) {
        jdbc.sql("""
                INSERT INTO alert_level (target_kind, target, level, changed_at, changed_by, reason, decision_ref)
                VALUES ('REGION', :target, 'NORMAL', :now, 'system', 'region added', 'none') ON CONFLICT DO NOTHING""")
                .param("target", target.name()).param("now", Timestamp.from(now)).update();
    }

    public void change(AlertLevelChanged change) {
        jdbc.sql("""
                UPDATE alert_level SET level = :to, changed_at = :at, changed_by = :actor, reason = :reason,
                    decision_ref = :decision, decision_classification = :dc, decision_releasable_to = :dr,
                    version = version + 1
                WHERE target_kind = :kind AND target = :target""")
                .param("dc", change.decisionLabel() == null ? null : LabelColumns.classification(change.decisionLabel()))
                .param("dr", change.decisionLabel() == null ? null : LabelColumns.releasableTo(change.decisionLabel()))
                .param("to", change.to().name()).param("at", Timestamp.from(change.at()))
                .param("actor", change.actor()).param("reason", change.reason())
                .param("decision", change.decisionRef()).param("kind", change.target().kind().name())
                .param("target", change.target().name()).update();
        jdbc.sql("""
                INSERT INTO alert_level_change (target_kind, target, from_level, to_level, changed_at, changed_by,
                    reason, decision_ref, decision_classification, decision_releasable_to)
                VALUES (:kind, :target, :from, :to, :at, :actor, :reason, :decision, :dc, :dr)""")
                .param("dc", change.decisionLabel() == null ? null : LabelColumns.classification(change.decisionLabel()))
                .param("dr", change.decisionLabel() == null ? null : LabelColumns.releasableTo(change.decisionLabel()))
                .param("kind", change.target().kind().name()).param("target", change.target().name())
                .param("from", change.from().name()).param("to", change.to().name())
                .param("at", Timestamp.from(change.at())).param("actor", change.actor())
                .param("reason", change.reason()).param("decision", change.decisionRef()).update();
    }

    /** Every recorded change of the target, newest first. */
    public List<AlertLevelChanged> history(AlertTarget target, int limit) {
        return jdbc.sql("""
                SELECT * FROM alert_level_change WHERE target_kind = :kind AND target = :target
                ORDER BY seq DESC LIMIT :limit""")
                .param("kind", target.kind().name()).param("target", target.name()).param("limit", limit)
                .query((rs, i) -> new AlertLevelChanged(target(rs), AlertLevel.valueOf(rs.getString("from_level")),
                        AlertLevel.valueOf(rs.getString("to_level")), rs.getString("changed_by"),
                        CrisisRows.required(rs, "changed_at"), rs.getString("reason"), rs.getString("decision_ref"),
                        decisionLabel(rs)))
                .list();
    }

    private static AlertTarget target(ResultSet rs) throws SQLException {
        return new AlertTarget(AlertTarget.Kind.valueOf(rs.getString("target_kind")), rs.getString("target"));
    }

    private static AlertLevelState state(ResultSet rs, int row) throws SQLException {
        return new AlertLevelState(target(rs), AlertLevel.valueOf(rs.getString("level")),
                CrisisRows.required(rs, "changed_at"), rs.getString("changed_by"), rs.getString("reason"),
                rs.getString("decision_ref"), decisionLabel(rs));
    }

    private static @Nullable SecurityLabel decisionLabel(ResultSet rs) throws SQLException {
        return rs.getObject("decision_classification") == null ? null : LabelColumns.read(rs, "decision_");
    }
}
