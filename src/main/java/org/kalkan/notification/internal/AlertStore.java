package org.kalkan.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.notification.AlertId;
import org.kalkan.notification.AlertView;
import org.kalkan.notification.InboxItem;
import org.kalkan.notification.Precedence;
import org.kalkan.notification.RecipientStatus;
import org.kalkan.notification.ReleasedAlert;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code alert} and {@code alert_recipient} tables. Every state change is one conditional UPDATE. */
@Repository
public class AlertStore {

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An alert about to be stored, with its recipients already resolved and checked. */
    public record NewAlert(AlertId id, String text, Precedence precedence, Duration ackWithin, SecurityLabel label,
            NationCode originNation, String sender, Instant sentAt, @Nullable UUID crisisId,
            @Nullable UUID exerciseId, @Nullable AlertId escalatedFrom) {
    }

    /** A recipient whose deadline passed, claimed for escalation by the caller's transaction. */
    public record Overdue(AlertId alertId, String username, NationCode nation, Instant deadline) {
    }

    void insert(NewAlert alert, List<Recipient> recipients) {
        jdbc.sql("""
                INSERT INTO alert (id, text, precedence, ack_within_seconds, classification, releasable_to,
                                   origin_nation, sender, sent_at, crisis_id, exercise_id, escalated_from)
                VALUES (:id, :text, :precedence, :ackWithin, :classification, CAST(:releasable AS TEXT[]),
                        :origin, :sender, :sentAt, :crisisId, :exerciseId, :escalatedFrom)""")
                .param("id", alert.id().value())
                .param("text", alert.text())
                .param("precedence", alert.precedence().name())
                .param("ackWithin", alert.ackWithin().toSeconds())
                .param("classification", alert.label().classification().rank())
                .param("releasable", alert.label().releasableTo().toArray(String[]::new))
                .param("origin", alert.originNation().value())
                .param("sender", alert.sender())
                .param("sentAt", Timestamp.from(alert.sentAt()))
                .param("crisisId", alert.crisisId())
                .param("exerciseId", alert.exerciseId())
                .param("escalatedFrom", alert.escalatedFrom() == null ? null : alert.escalatedFrom().value())
                .update();
        Timestamp deadline = Timestamp.from(alert.sentAt().plus(alert.ackWithin()));
        for (Recipient recipient : recipients) {
            jdbc.sql("""
                    INSERT INTO alert_recipient (alert_id, username, nation, status, ack_deadline)
                    VALUES (:id, :username, :nation, 'PENDING', :deadline)""")
                    .param("id", alert.id().value())
                    .param("username", recipient.username())
                    .param("nation", recipient.nation().value())
                    .param("deadline", deadline)
                    .update();
        }
    }

    /** A resolved recipient: one row per user. */
    public record Recipient(String username, NationCode nation) {
    }

    public Optional<AlertView> find(AlertId id) {
        return jdbc.sql("SELECT * FROM alert WHERE id = :id").param("id", id.value())
                .query((rs, i) -> view(rs, recipients(id)))
                .optional();
    }

    public Optional<AlertView.Recipient> recipient(AlertId id, String username) {
        return jdbc.sql("SELECT * FROM alert_recipient WHERE alert_id = :id AND username = :username")
                .param("id", id.value()).param("username", username)
                .query(AlertStore::recipient).optional();
    }

    /** Acknowledges when still pending and before the deadline; false when nothing changed. */
    public boolean acknowledge(AlertId id, String username, Instant now) {
        return jdbc.sql("""
                UPDATE alert_recipient SET status = 'ACKNOWLEDGED', acknowledged_at = :now
                WHERE alert_id = :id AND username = :username AND status = 'PENDING' AND ack_deadline > :now""")
                .param("id", id.value()).param("username", username).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /**
     * Marks up to {@code limit} overdue recipients ESCALATED and returns them. Rows another transaction is
     * escalating are skipped, and the status is checked again under the row lock, so each recipient is escalated
     * once, whatever the number of pollers or nodes. Recipients of escalation alerts are not escalated again.
     */
    public List<Overdue> claimOverdue(Instant now, int limit) {
        return jdbc.sql("""
                UPDATE alert_recipient r SET status = 'ESCALATED', escalated_at = :now
                WHERE (r.alert_id, r.username) IN (
                        SELECT d.alert_id, d.username FROM alert_recipient d JOIN alert a ON a.id = d.alert_id
                        WHERE d.status = 'PENDING' AND d.ack_deadline <= :now AND a.escalated_from IS NULL
                        ORDER BY d.ack_deadline LIMIT :limit
                        FOR UPDATE OF d SKIP LOCKED)
                  AND r.status = 'PENDING'
                RETURNING r.alert_id, r.username, r.nation, r.ack_deadline""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, i) -> new Overdue(new AlertId(rs.getObject("alert_id", UUID.class)),
                        rs.getString("username"), NationCode.of(rs.getString("nation")),
                        rs.getTimestamp("ack_deadline").toInstant()))
                .list();
    }

    void linkEscalation(AlertId id, String username, AlertId escalation) {
        jdbc.sql("UPDATE alert_recipient SET escalation_alert_id = :escalation WHERE alert_id = :id AND username = :u")
                .param("escalation", escalation.value()).param("id", id.value()).param("u", username).update();
    }

    /** The user's alerts that the label filter lets through, newest first. */
    public List<InboxItem> inbox(String username, LabelFilter filter, int limit) {
        return jdbc.sql("""
                SELECT a.*, r.status, r.ack_deadline, r.acknowledged_at
                FROM alert a JOIN alert_recipient r ON r.alert_id = a.id
                WHERE r.username = :username AND """ + filter.sql() + """
                 ORDER BY a.sent_at DESC, a.id LIMIT :limit""")
                .params(filter.parameters())
                .param("username", username).param("limit", limit)
                .query((rs, i) -> new InboxItem(id(rs), rs.getString("text"),
                        Precedence.valueOf(rs.getString("precedence")), label(rs),
                        NationCode.of(rs.getString("origin_nation")), rs.getString("sender"),
                        instant(rs, "sent_at"), rs.getObject("exercise_id", UUID.class), escalatedFrom(rs),
                        RecipientStatus.valueOf(rs.getString("status")), instant(rs, "ack_deadline"),
                        nullableInstant(rs, "acknowledged_at")))
                .list();
    }

    /** Alerts (not escalations) the release filter lets through, newest first, sent before {@code before}. */
    public List<ReleasedAlert> released(LabelFilter release, @Nullable Instant before, int limit) {
        return jdbc.sql("SELECT a.* FROM alert a WHERE a.escalated_from IS NULL AND " + release.sql()
                        + (before == null ? "" : " AND a.sent_at < :before")
                        + " ORDER BY a.sent_at DESC, a.id LIMIT :limit")
                .params(release.parameters())
                .param("before", before == null ? null : Timestamp.from(before))
                .param("limit", limit)
                .query((rs, i) -> released(rs)).list();
    }

    public Optional<ReleasedAlert> released(AlertId id, LabelFilter release) {
        return jdbc.sql("SELECT a.* FROM alert a WHERE a.id = :id AND a.escalated_from IS NULL AND " + release.sql())
                .params(release.parameters()).param("id", id.value())
                .query((rs, i) -> released(rs)).optional();
    }

    private static ReleasedAlert released(ResultSet rs) throws SQLException {
        return new ReleasedAlert(id(rs), rs.getString("text"), Precedence.valueOf(rs.getString("precedence")),
                label(rs), NationCode.of(rs.getString("origin_nation")), instant(rs, "sent_at"),
                rs.getObject("exercise_id", UUID.class));
    }

    /** How many of the user's alerts of one context (null = real world) still wait for an acknowledgement. */
    public int pendingCount(String username, @Nullable UUID exercise) {
        return jdbc.sql("""
                SELECT count(*) FROM alert_recipient r JOIN alert a ON a.id = r.alert_id
                WHERE r.username = :username AND r.status = 'PENDING'
                  AND a.exercise_id IS NOT DISTINCT FROM CAST(:exercise AS UUID)""")
                .param("username", username).param("exercise", exercise).query(Integer.class).single();
    }

    private List<AlertView.Recipient> recipients(AlertId id) {
        return jdbc.sql("SELECT * FROM alert_recipient WHERE alert_id = :id ORDER BY username")
                .param("id", id.value()).query(AlertStore::recipient).list();
    }

    private static AlertView view(ResultSet rs, List<AlertView.Recipient> recipients) throws SQLException {
        return new AlertView(id(rs), rs.getString("text"), Precedence.valueOf(rs.getString("precedence")),
                label(rs), NationCode.of(rs.getString("origin_nation")), rs.getString("sender"),
                instant(rs, "sent_at"), Duration.ofSeconds(rs.getLong("ack_within_seconds")),
                rs.getObject("crisis_id", UUID.class), rs.getObject("exercise_id", UUID.class), escalatedFrom(rs),
                recipients);
    }

    private static AlertView.Recipient recipient(ResultSet rs, int row) throws SQLException {
        UUID escalation = rs.getObject("escalation_alert_id", UUID.class);
        return new AlertView.Recipient(rs.getString("username"), NationCode.of(rs.getString("nation")),
                RecipientStatus.valueOf(rs.getString("status")), instant(rs, "ack_deadline"),
                nullableInstant(rs, "acknowledged_at"), nullableInstant(rs, "escalated_at"),
                escalation == null ? null : new AlertId(escalation));
    }

    private static AlertId id(ResultSet rs) throws SQLException {
        return new AlertId(rs.getObject("id", UUID.class));
    }

    private static @Nullable AlertId escalatedFrom(ResultSet rs) throws SQLException {
        UUID from = rs.getObject("escalated_from", UUID.class);
        return from == null ? null : new AlertId(from);
    }

    private static SecurityLabel label(ResultSet rs) throws SQLException {
        return SecurityLabel.of(Classification.ofRank(rs.getInt("classification")),
                List.of((String[]) rs.getArray("releasable_to").getArray()));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
