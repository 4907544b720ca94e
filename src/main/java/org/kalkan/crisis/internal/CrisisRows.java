package org.kalkan.crisis.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.CrisisTask;
import org.kalkan.crisis.LogEntry;
import org.kalkan.crisis.LogEntryKind;
import org.kalkan.crisis.Rfi;
import org.kalkan.crisis.RfiAnswer;
import org.kalkan.crisis.TaskOwner;
import org.kalkan.crisis.TaskStatus;
import org.kalkan.platform.LabelColumns;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Maps the crisis tables' rows and binds their label columns (ADR 0002). */
final class CrisisRows {

    private CrisisRows() {
    }

    static java.util.List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    /** The exercise the row belongs to, null in the real world (ADR 0006). */
    static @Nullable UUID exercise(ResultSet rs) throws SQLException {
        return rs.getObject("exercise_id", UUID.class);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Instant required(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Binds {@code :classification}, {@code :releasable} and {@code :origin}. */
    static JdbcClient.StatementSpec labelled(JdbcClient.StatementSpec statement, SecurityLabel label,
            NationCode origin) {
        return statement.param("classification", LabelColumns.classification(label))
                .param("releasable", LabelColumns.releasableTo(label))
                .param("origin", origin.value());
    }

    static LogEntry logEntry(ResultSet rs, int row) throws SQLException {
        return new LogEntry(rs.getObject("id", UUID.class), rs.getLong("seq"),
                new CrisisId(rs.getObject("crisis_id", UUID.class)), required(rs, "at"), rs.getString("author"),
                LogEntryKind.valueOf(rs.getString("kind")), rs.getString("text"), rs.getObject("corrects", UUID.class),
                LabelColumns.read(rs), LabelColumns.origin(rs), exercise(rs));
    }

    static CrisisTask task(ResultSet rs, int row) throws SQLException {
        return new CrisisTask(rs.getObject("id", UUID.class), new CrisisId(rs.getObject("crisis_id", UUID.class)),
                rs.getString("title"),
                new TaskOwner(TaskOwner.Kind.valueOf(rs.getString("owner_kind")), rs.getString("owner")),
                required(rs, "due_at"), TaskStatus.valueOf(rs.getString("status")), instant(rs, "overdue_at"),
                rs.getString("created_by"), required(rs, "created_at"), rs.getString("updated_by"),
                required(rs, "updated_at"), LabelColumns.read(rs), LabelColumns.origin(rs), rs.getInt("version"),
                exercise(rs));
    }

    static Rfi rfi(ResultSet rs, int row) throws SQLException {
        TreeSet<NationCode> addressed = new TreeSet<>();
        strings(rs.getArray("addressed_to")).forEach(n -> addressed.add(NationCode.of(n)));
        return new Rfi(rs.getObject("id", UUID.class), new CrisisId(rs.getObject("crisis_id", UUID.class)),
                rs.getString("question"), addressed, required(rs, "deadline"),
                Rfi.Status.valueOf(rs.getString("status")), instant(rs, "overdue_at"), rs.getString("created_by"),
                required(rs, "created_at"), rs.getString("closed_by"), instant(rs, "closed_at"),
                rs.getString("closing_note"), LabelColumns.read(rs), LabelColumns.origin(rs), rs.getInt("version"),
                java.util.List.of(), exercise(rs));
    }

    static RfiAnswer answer(ResultSet rs, int row) throws SQLException {
        return new RfiAnswer(rs.getObject("id", UUID.class), rs.getObject("rfi_id", UUID.class), rs.getString("text"),
                rs.getString("answered_by"), LabelColumns.origin(rs), required(rs, "answered_at"), LabelColumns.read(rs),
                exercise(rs));
    }
}
