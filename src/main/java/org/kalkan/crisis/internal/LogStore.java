package org.kalkan.crisis.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.LogEntry;
import org.kalkan.crisis.LogEntryKind;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only crisis log: inserts and reads only (the database refuses updates and deletes). */
@Repository
public class LogStore {

    private final JdbcClient jdbc;

    LogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public LogEntry append(CrisisId crisis, Instant at, String author, LogEntryKind kind, String text,
            @Nullable UUID corrects, SecurityLabel label, NationCode origin) {
        UUID id = UUID.randomUUID();
        // The entry takes its crisis's context (ADR 0006).
        return CrisisRows.labelled(jdbc.sql("""
                INSERT INTO crisis_log_entry (id, crisis_id, at, author, kind, text, corrects, classification,
                    releasable_to, origin_nation, exercise_id)
                VALUES (:id, :crisis, :at, :author, :kind, :text, :corrects, :classification, :releasable, :origin,
                    (SELECT exercise_id FROM crisis WHERE id = :crisis))
                RETURNING seq, exercise_id"""), label, origin)
                .param("id", id).param("crisis", crisis.value()).param("at", Timestamp.from(at))
                .param("author", author).param("kind", kind.name()).param("text", text).param("corrects", corrects)
                .query((rs, i) -> new LogEntry(id, rs.getLong("seq"), crisis, at, author, kind, text, corrects, label,
                        origin, CrisisRows.exercise(rs)))
                .single();
    }

    /**
     * The latest {@code limit} entries of the crisis the filter (alias {@code e}) lets through, oldest first, each
     * numbered by its position among the entries the filter lets through (1, 2, 3 …): the numbers count only what
     * the reader may see.
     */
    public List<LogEntry> list(CrisisId crisis, LabelFilter filter, int limit) {
        List<LogEntry> newest = jdbc.sql("SELECT * FROM (SELECT e.*, row_number() OVER (ORDER BY e.seq) AS visible "
                        + "FROM crisis_log_entry e WHERE e.crisis_id = :crisis AND " + filter.sql() + ") v "
                        + "ORDER BY v.seq DESC LIMIT :limit")
                .param("crisis", crisis.value()).params(filter.parameters()).param("limit", limit)
                .query((rs, i) -> CrisisRows.logEntry(rs, i).numbered(rs.getLong("visible"))).list();
        List<LogEntry> oldestFirst = new java.util.ArrayList<>(newest);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** The entry numbered by its position among the entries of its crisis the filter lets through. */
    public LogEntry numberedFor(LogEntry entry, LabelFilter filter) {
        long number = jdbc.sql("SELECT count(*) FROM crisis_log_entry e WHERE e.crisis_id = :crisis "
                        + "AND e.seq <= :seq AND " + filter.sql())
                .param("crisis", entry.crisisId().value()).param("seq", entry.seq()).params(filter.parameters())
                .query(Long.class).single();
        return entry.numbered(number);
    }

    public Optional<LogEntry> find(CrisisId crisis, UUID entry, LabelFilter filter) {
        return jdbc.sql("SELECT * FROM crisis_log_entry e WHERE e.crisis_id = :crisis AND e.id = :id AND "
                        + filter.sql())
                .param("crisis", crisis.value()).param("id", entry).params(filter.parameters())
                .query(CrisisRows::logEntry).optional();
    }

    /**
     * When the crisis last changed after {@code after} as the filter's reader sees it (entries they may read, other
     * than SITREPs being prepared or issued), if it did.
     */
    public Optional<Instant> lastChangeAfter(CrisisId crisis, Instant after, LabelFilter filter) {
        return jdbc.sql("SELECT max(e.at) AS last FROM crisis_log_entry e WHERE e.crisis_id = :crisis AND e.at > :after "
                        + "AND e.kind NOT IN ('SITREP_PREPARED', 'SITREP_ISSUED') AND " + filter.sql())
                .param("crisis", crisis.value()).param("after", Timestamp.from(after)).params(filter.parameters())
                .query((rs, i) -> Optional.ofNullable(CrisisRows.instant(rs, "last"))).optional().flatMap(o -> o);
    }

    /** Entries of the kind written in [from, to), unfiltered: callers filter by label. */
    public List<LogEntry> between(CrisisId crisis, LogEntryKind kind, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT * FROM crisis_log_entry e WHERE e.crisis_id = :crisis AND e.kind = :kind
                  AND e.at >= :from AND e.at < :to ORDER BY e.seq""")
                .param("crisis", crisis.value()).param("kind", kind.name()).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).query(CrisisRows::logEntry).list();
    }
}
