package org.kalkan.federation.internal;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.federation.Lane;
import org.kalkan.federation.QuarantinedEntry;
import org.kalkan.platform.LabelColumns;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the change log: entries, seals, how far each stream is held, and the quarantine. */
@Repository
public class ChangeLogStore {

    /** An entry as this node holds it. Label, previous label and body are there only in the FULL form. */
    public record StoredEntry(long seq, Form form, @Nullable String recordType, @Nullable UUID recordId,
            @Nullable Op op, @Nullable SecurityLabel label, @Nullable NationCode originNation,
            @Nullable SecurityLabel previousLabel, byte @Nullable [] body, byte @Nullable [] restHash,
            byte[] leafHash, Instant writtenAt) {
    }

    /** An own entry written but not numbered yet. */
    public record Unsequenced(long id, Lane lane, String recordType, UUID recordId, Op op, byte[] restHash) {
    }

    /** A seal as held here, with the path its range took to reach this node. */
    public record StoredSeal(String origin, Lane lane, long first, long last, String jws, int hopLimit,
            List<String> via) {
    }

    /** How far this node holds one stream. */
    public record StreamHead(String origin, Lane lane, long lastSeq, @Nullable Instant lastAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ChangeLogStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Appends an own entry, unnumbered, in the caller's (writing) transaction. */
    public void appendOwn(String origin, Lane lane, String recordType, UUID recordId, Op op, SecurityLabel label,
            NationCode originNation, @Nullable SecurityLabel previous, byte[] body, Instant now) {
        jdbc.sql("""
                INSERT INTO federation_entry (origin, lane, form, record_type, record_id, op, classification,
                    releasable_to, origin_nation, previous_classification, previous_releasable_to, body, rest_hash,
                    written_at)
                VALUES (:origin, :lane, 'FULL', :type, :id, :op, :classification, :releasable, :nation,
                    :previousClassification, :previousReleasable, :body, :restHash, :now)""")
                .param("origin", origin).param("lane", lane.name()).param("type", recordType).param("id", recordId)
                .param("op", op.name()).param("classification", LabelColumns.classification(label))
                .param("releasable", LabelColumns.releasableTo(label)).param("nation", originNation.value())
                .param("previousClassification", previous == null ? null : LabelColumns.classification(previous))
                .param("previousReleasable", previous == null ? null : LabelColumns.releasableTo(previous))
                .param("body", body).param("restHash", LogHashes.rest(body)).param("now", Timestamp.from(now))
                .update();
    }

    /** Own entries committed but not numbered, oldest first, locked. */
    public List<Unsequenced> unsequenced(String origin, int limit) {
        return jdbc.sql("""
                SELECT id, lane, record_type, record_id, op, rest_hash FROM federation_entry
                WHERE origin = :origin AND seq IS NULL ORDER BY id LIMIT :limit FOR UPDATE""")
                .param("origin", origin).param("limit", limit)
                .query((rs, i) -> new Unsequenced(rs.getLong("id"), Lane.valueOf(rs.getString("lane")),
                        rs.getString("record_type"), rs.getObject("record_id", UUID.class),
                        Op.valueOf(rs.getString("op")), rs.getBytes("rest_hash")))
                .list();
    }

    /** Own entries committed but not numbered yet, for the metrics. */
    public long backlog(String origin) {
        return jdbc.sql("SELECT count(*) FROM federation_entry WHERE origin = :origin AND seq IS NULL")
                .param("origin", origin).query(Long.class).single();
    }

    public void number(long[] ids, long[] seqs, byte[][] leaves) {
        template.batchUpdate("UPDATE federation_entry SET seq = ?, leaf_hash = ? WHERE id = ?",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ps.setLong(1, seqs[i]);
                        ps.setBytes(2, leaves[i]);
                        ps.setLong(3, ids[i]);
                    }

                    @Override
                    public int getBatchSize() {
                        return ids.length;
                    }
                });
    }

    public void insertSeal(StoredSeal seal, @Nullable String receivedFrom, @Nullable Instant receivedAt) {
        jdbc.sql("""
                INSERT INTO federation_seal (origin, lane, first_seq, last_seq, jws, hop_limit, via, received_from,
                    received_at)
                VALUES (:origin, :lane, :first, :last, :jws, :hops, :via, :from, :at)""")
                .param("origin", seal.origin()).param("lane", seal.lane().name()).param("first", seal.first())
                .param("last", seal.last()).param("jws", seal.jws()).param("hops", seal.hopLimit())
                .param("via", seal.via().toArray(String[]::new)).param("from", receivedFrom)
                .param("at", receivedAt == null ? null : Timestamp.from(receivedAt)).update();
    }

    public List<StreamHead> streams() {
        return jdbc.sql("SELECT * FROM federation_stream ORDER BY origin, lane").query(ChangeLogStore::head).list();
    }

    /** The stream's head, locked for the caller's transaction (created at 0 when new). */
    public long lockStream(String origin, Lane lane) {
        jdbc.sql("INSERT INTO federation_stream (origin, lane) VALUES (:origin, :lane) ON CONFLICT DO NOTHING")
                .param("origin", origin).param("lane", lane.name()).update();
        return jdbc.sql("SELECT last_seq FROM federation_stream WHERE origin = :origin AND lane = :lane FOR UPDATE")
                .param("origin", origin).param("lane", lane.name()).query(Long.class).single();
    }

    public void advanceStream(String origin, Lane lane, long lastSeq, Instant at) {
        jdbc.sql("UPDATE federation_stream SET last_seq = :seq, last_at = :at WHERE origin = :origin AND lane = :lane")
                .param("origin", origin).param("lane", lane.name()).param("seq", lastSeq)
                .param("at", Timestamp.from(at)).update();
    }

    /** Seals of the stream whose range ends after {@code after}, in order. */
    public List<StoredSeal> seals(String origin, Lane lane, long after, int limit) {
        return jdbc.sql("""
                SELECT * FROM federation_seal WHERE origin = :origin AND lane = :lane AND last_seq > :after
                ORDER BY last_seq LIMIT :limit""")
                .param("origin", origin).param("lane", lane.name()).param("after", after).param("limit", limit)
                .query((rs, i) -> new StoredSeal(rs.getString("origin"), Lane.valueOf(rs.getString("lane")),
                        rs.getLong("first_seq"), rs.getLong("last_seq"), rs.getString("jws"), rs.getInt("hop_limit"),
                        Arrays.asList((String[]) rs.getArray("via").getArray())))
                .list();
    }

    /** The stream's entries from {@code first} to {@code last}, in order. */
    public List<StoredEntry> entries(String origin, Lane lane, long first, long last) {
        return jdbc.sql("""
                SELECT * FROM federation_entry WHERE origin = :origin AND lane = :lane AND seq BETWEEN :first AND :last
                ORDER BY seq""")
                .param("origin", origin).param("lane", lane.name()).param("first", first).param("last", last)
                .query(ChangeLogStore::entry).list();
    }

    /** The latest entry held of each record among {@code ids} in the stream: what the record is now. */
    public Map<UUID, StoredEntry> current(String origin, Lane lane, Collection<UUID> ids) {
        Map<UUID, StoredEntry> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                SELECT DISTINCT ON (record_id) * FROM federation_entry
                WHERE record_id = ANY(:ids) AND origin = :origin AND lane = :lane AND seq IS NOT NULL
                ORDER BY record_id, seq DESC""")
                .param("ids", ids.toArray(UUID[]::new)).param("origin", origin).param("lane", lane.name())
                .query(ChangeLogStore::entry).list().forEach(e -> found.put(e.recordId(), e));
        return found;
    }

    /** Stores received entries of one stream as this node may hold them. */
    public void insertReceived(String origin, Lane lane, List<StoredEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO federation_entry (origin, lane, seq, form, record_type, record_id, op, classification,
                    releasable_to, origin_nation, previous_classification, previous_releasable_to, body, rest_hash,
                    leaf_hash, written_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                StoredEntry e = entries.get(i);
                ps.setString(1, origin);
                ps.setString(2, lane.name());
                ps.setLong(3, e.seq());
                ps.setString(4, e.form().name());
                ps.setString(5, e.recordType());
                ps.setObject(6, e.recordId(), Types.OTHER);
                ps.setString(7, e.op() == null ? null : e.op().name());
                setLabel(ps, 8, e.label());
                ps.setString(10, e.originNation() == null ? null : e.originNation().value());
                setLabel(ps, 11, e.previousLabel());
                ps.setBytes(13, e.body());
                ps.setBytes(14, e.restHash());
                ps.setBytes(15, e.leafHash());
                ps.setTimestamp(16, Timestamp.from(e.writtenAt()));
            }

            @Override
            public int getBatchSize() {
                return entries.size();
            }
        });
    }

    /**
     * Keeps no content of the record any more: its FULL entries here become REDACTED (what they were about and
     * their hashes stay, so the stream can still be relayed and verified). For a record retracted or quarantined.
     */
    public int scrub(String origin, Lane lane, UUID recordId) {
        return jdbc.sql("""
                UPDATE federation_entry SET form = 'REDACTED', body = NULL, classification = NULL, releasable_to = NULL,
                    origin_nation = NULL, previous_classification = NULL, previous_releasable_to = NULL
                WHERE record_id = :id AND origin = :origin AND lane = :lane AND form = 'FULL'""")
                .param("id", recordId).param("origin", origin).param("lane", lane.name()).update();
    }

    public void quarantine(String origin, Lane lane, long seq, String receivedFrom, @Nullable String recordType,
            @Nullable UUID recordId, @Nullable SecurityLabel label, String reason, Instant at) {
        jdbc.sql("""
                INSERT INTO federation_quarantine (origin, lane, seq, received_from, record_type, record_id,
                    classification, releasable_to, reason, at)
                VALUES (:origin, :lane, :seq, :from, :type, :id, :classification, :releasable, :reason, :at)""")
                .param("origin", origin).param("lane", lane.name()).param("seq", seq).param("from", receivedFrom)
                .param("type", recordType).param("id", recordId)
                .param("classification", label == null ? null : LabelColumns.classification(label))
                .param("releasable", label == null ? null : LabelColumns.releasableTo(label))
                .param("reason", reason).param("at", Timestamp.from(at)).update();
    }

    public List<QuarantinedEntry> quarantined(int limit) {
        return jdbc.sql("SELECT * FROM federation_quarantine ORDER BY at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, i) -> new QuarantinedEntry(rs.getLong("id"), rs.getString("origin"),
                        Lane.valueOf(rs.getString("lane")), rs.getLong("seq"), rs.getString("received_from"),
                        rs.getString("record_type"), rs.getObject("record_id", UUID.class), label(rs, ""),
                        rs.getString("reason"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    public long quarantinedCount() {
        return jdbc.sql("SELECT count(*) FROM federation_quarantine").query(Long.class).single();
    }

    /** Where a record came from: its origin's entries held here, newest first, with the seal path. */
    public Optional<Provenance> provenance(UUID recordId) {
        return jdbc.sql("""
                SELECT e.origin, e.lane, e.seq, e.form, s.via, s.received_from, s.received_at FROM federation_entry e
                JOIN federation_seal s ON s.origin = e.origin AND s.lane = e.lane
                    AND e.seq BETWEEN s.first_seq AND s.last_seq
                WHERE e.record_id = :id ORDER BY e.seq DESC LIMIT 1""")
                .param("id", recordId)
                .query((rs, i) -> new Provenance(rs.getString("origin"), Lane.valueOf(rs.getString("lane")),
                        rs.getLong("seq"), Form.valueOf(rs.getString("form")),
                        Arrays.asList((String[]) rs.getArray("via").getArray()), rs.getString("received_from"),
                        rs.getTimestamp("received_at") == null ? null : rs.getTimestamp("received_at").toInstant()))
                .optional();
    }

    /** The last entry held of a record: its origin, stream position, and the path its seal took here. */
    public record Provenance(String origin, Lane lane, long seq, Form form, List<String> via,
            @Nullable String receivedFrom, @Nullable Instant receivedAt) {
    }

    private static void setLabel(PreparedStatement ps, int index, @Nullable SecurityLabel label) throws SQLException {
        if (label == null) {
            ps.setNull(index, Types.SMALLINT);
            ps.setNull(index + 1, Types.ARRAY);
            return;
        }
        ps.setInt(index, LabelColumns.classification(label));
        Array array = ps.getConnection().createArrayOf("text", LabelColumns.releasableTo(label));
        ps.setArray(index + 1, array);
    }

    private static StreamHead head(ResultSet rs, int row) throws SQLException {
        Timestamp at = rs.getTimestamp("last_at");
        return new StreamHead(rs.getString("origin"), Lane.valueOf(rs.getString("lane")), rs.getLong("last_seq"),
                at == null ? null : at.toInstant());
    }

    private static StoredEntry entry(ResultSet rs, int row) throws SQLException {
        String op = rs.getString("op");
        String nation = rs.getString("origin_nation");
        return new StoredEntry(rs.getLong("seq"), Form.valueOf(rs.getString("form")), rs.getString("record_type"),
                rs.getObject("record_id", UUID.class), op == null ? null : Op.valueOf(op), label(rs, ""),
                nation == null ? null : NationCode.of(nation), label(rs, "previous_"), rs.getBytes("body"),
                rs.getBytes("rest_hash"), rs.getBytes("leaf_hash"), rs.getTimestamp("written_at").toInstant());
    }

    private static @Nullable SecurityLabel label(ResultSet rs, String prefix) throws SQLException {
        rs.getInt(prefix + "classification");
        if (rs.wasNull()) {
            return null;
        }
        return LabelColumns.read(rs, prefix);
    }
}
