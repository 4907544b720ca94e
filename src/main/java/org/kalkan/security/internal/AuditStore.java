package org.kalkan.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.AuditEntry;
import org.kalkan.security.Checkpoint;
import org.kalkan.security.TreeHash;
import org.kalkan.security.internal.TreeMath.NodeKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the audit log: entries as written, their leaves, the tree's complete subtrees and its checkpoints. */
@Repository
public class AuditStore {

    private static final String ENTRY_COLUMNS = "a.id, a.at, a.actor, a.action, a.target, a.outcome, a.detail";

    private final JdbcClient jdbc;

    AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An entry as written, before it has an id. */
    public record NewEntry(Instant at, String actor, String action, String target, String outcome, String detail) {
    }

    /** Appends entries in the caller's transaction: one statement, no lock. */
    public void append(List<NewEntry> entries) {
        if (entries.size() == 1) {
            NewEntry e = entries.get(0);
            jdbc.sql("""
                    INSERT INTO audit_log (at, actor, action, target, outcome, detail)
                    VALUES (:at, :actor, :action, :target, :outcome, :detail)""")
                    .param("at", Timestamp.from(e.at())).param("actor", e.actor()).param("action", e.action())
                    .param("target", e.target()).param("outcome", e.outcome()).param("detail", e.detail())
                    .update();
            return;
        }
        jdbc.sql("""
                INSERT INTO audit_log (at, actor, action, target, outcome, detail)
                SELECT * FROM unnest(CAST(:at AS TIMESTAMPTZ[]), CAST(:actor AS TEXT[]), CAST(:action AS TEXT[]),
                                     CAST(:target AS TEXT[]), CAST(:outcome AS TEXT[]), CAST(:detail AS TEXT[]))""")
                .param("at", entries.stream().map(e -> e.at().toString()).toArray(String[]::new))
                .param("actor", entries.stream().map(NewEntry::actor).toArray(String[]::new))
                .param("action", entries.stream().map(NewEntry::action).toArray(String[]::new))
                .param("target", entries.stream().map(NewEntry::target).toArray(String[]::new))
                .param("outcome", entries.stream().map(NewEntry::outcome).toArray(String[]::new))
                .param("detail", entries.stream().map(NewEntry::detail).toArray(String[]::new))
                .update();
    }

    /** The latest checkpoint and the transaction-id watermark it reached. */
    record Head(Checkpoint checkpoint, String watermark) {
    }

    Optional<Head> head() {
        return jdbc.sql("SELECT *, watermark::text AS mark FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1")
                .query((rs, i) -> new Head(checkpoint(rs), rs.getString("mark"))).optional();
    }

    /** The lowest id of a transaction still running: every lower one has ended, committed or not. */
    String oldestRunningTransaction() {
        return jdbc.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").query(String.class).single();
    }

    /** An entry written by a transaction that has ended, with that transaction's id. */
    record Written(String xid, AuditEntry entry) {
    }

    /** Written entries of transactions in [from, to), after (xid, id) {@code after}, in (xid, id) order. */
    List<Written> written(String fromXid, long afterId, String toXid, int limit) {
        return jdbc.sql("SELECT a.writer_xid::text AS xid, " + ENTRY_COLUMNS + " FROM audit_log a "
                        + "WHERE (a.writer_xid, a.id) > (CAST(:from AS xid8), :after) "
                        + "AND a.writer_xid < CAST(:to AS xid8) ORDER BY a.writer_xid, a.id LIMIT :limit")
                .param("from", fromXid).param("after", afterId).param("to", toXid).param("limit", limit)
                .query((rs, i) -> new Written(rs.getString("xid"), entry(rs, null))).list();
    }

    /** Entries written but not sequenced yet (committed ones only) and the time of the oldest. */
    record Backlog(long entries, @Nullable Instant oldest) {
    }

    Backlog backlog(String watermark) {
        return jdbc.sql("SELECT count(*) AS n, min(at) AS oldest FROM audit_log WHERE writer_xid >= CAST(:w AS xid8)")
                .param("w", watermark)
                .query((rs, i) -> new Backlog(rs.getLong("n"),
                        rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant()))
                .single();
    }

    /** The hashes of the given complete subtrees (level 0: leaf hashes); missing ones are absent from the map. */
    Map<NodeKey, TreeHash> nodes(Collection<NodeKey> keys) {
        Map<NodeKey, TreeHash> found = new HashMap<>();
        long[] leaves = keys.stream().filter(k -> k.level() == 0).mapToLong(NodeKey::index).toArray();
        if (leaves.length > 0) {
            jdbc.sql("SELECT leaf_index, leaf_hash FROM audit_leaf WHERE leaf_index = ANY(CAST(:i AS BIGINT[]))")
                    .param("i", leaves)
                    .query(rs -> {
                        found.put(new NodeKey(0, rs.getLong(1)), TreeHash.of(rs.getBytes(2)));
                    });
        }
        List<NodeKey> interior = keys.stream().filter(k -> k.level() > 0).toList();
        if (!interior.isEmpty()) {
            short[] levels = new short[interior.size()];
            long[] indexes = new long[interior.size()];
            for (int i = 0; i < levels.length; i++) {
                levels[i] = (short) interior.get(i).level();
                indexes[i] = interior.get(i).index();
            }
            jdbc.sql("""
                    SELECT n.level, n.node_index, n.hash FROM audit_node n
                    JOIN unnest(CAST(:l AS SMALLINT[]), CAST(:i AS BIGINT[])) AS k(level, node_index)
                      ON n.level = k.level AND n.node_index = k.node_index""")
                    .param("l", levels).param("i", indexes)
                    .query(rs -> {
                        found.put(new NodeKey(rs.getInt(1), rs.getLong(2)), TreeHash.of(rs.getBytes(3)));
                    });
        }
        return found;
    }

    void insertLeaves(long[] indexes, long[] entryIds, byte[][] hashes) {
        jdbc.sql("""
                INSERT INTO audit_leaf (leaf_index, entry_id, leaf_hash)
                SELECT * FROM unnest(CAST(:i AS BIGINT[]), CAST(:e AS BIGINT[]), CAST(:h AS BYTEA[]))""")
                .param("i", indexes).param("e", entryIds).param("h", hashes).update();
    }

    void insertNodes(short[] levels, long[] indexes, byte[][] hashes) {
        jdbc.sql("""
                INSERT INTO audit_node (level, node_index, hash)
                SELECT * FROM unnest(CAST(:l AS SMALLINT[]), CAST(:i AS BIGINT[]), CAST(:h AS BYTEA[]))""")
                .param("l", levels).param("i", indexes).param("h", hashes).update();
    }

    void insertCheckpoint(Checkpoint c, String watermark) {
        jdbc.sql("""
                INSERT INTO audit_checkpoint (tree_size, root_hash, at, origin, signature, public_key, watermark)
                VALUES (:size, :root, :at, :origin, :signature, :key, CAST(:watermark AS xid8))""")
                .param("size", c.treeSize()).param("root", c.rootHash().bytes())
                .param("at", Timestamp.from(c.timestamp())).param("origin", c.origin())
                .param("signature", c.signature()).param("key", c.publicKeyPem()).param("watermark", watermark)
                .update();
    }

    List<Checkpoint> checkpoints(long afterSize, int limit) {
        return jdbc.sql("SELECT * FROM audit_checkpoint WHERE tree_size > :after ORDER BY tree_size LIMIT :limit")
                .param("after", afterSize).param("limit", limit)
                .query((rs, i) -> checkpoint(rs)).list();
    }

    Optional<AuditEntry> entry(long index) {
        return jdbc.sql("SELECT l.leaf_index, " + ENTRY_COLUMNS
                        + " FROM audit_leaf l JOIN audit_log a ON a.id = l.entry_id WHERE l.leaf_index = :i")
                .param("i", index)
                .query((rs, i) -> entry(rs, rs.getLong("leaf_index"))).optional();
    }

    /** The newest entries as written, with their leaf index once sequenced. */
    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("SELECT l.leaf_index, " + ENTRY_COLUMNS
                        + " FROM audit_log a LEFT JOIN audit_leaf l ON l.entry_id = a.id ORDER BY a.id DESC LIMIT :n")
                .param("n", limit)
                .query((rs, i) -> entry(rs, rs.getObject("leaf_index", Long.class))).list();
    }

    /** A leaf as stored, with the entry it names (null when that entry is gone). */
    record StoredLeaf(long index, TreeHash hash, @Nullable AuditEntry entry) {
    }

    /** Leaves from {@code fromIndex} on, in index order. */
    List<StoredLeaf> leaves(long fromIndex, int limit) {
        return jdbc.sql("SELECT l.leaf_index, l.leaf_hash, l.entry_id, " + ENTRY_COLUMNS
                        + " FROM audit_leaf l LEFT JOIN audit_log a ON a.id = l.entry_id"
                        + " WHERE l.leaf_index >= :from ORDER BY l.leaf_index LIMIT :n")
                .param("from", fromIndex).param("n", limit)
                .query((rs, i) -> new StoredLeaf(rs.getLong("leaf_index"), TreeHash.of(rs.getBytes("leaf_hash")),
                        rs.getObject("id") == null ? null : entry(rs, rs.getLong("leaf_index"))))
                .list();
    }

    long entryCount() {
        return jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
    }

    /** The first entry written by a transaction below the watermark that is not in the tree (it was left out). */
    Optional<Long> firstLeftOut(String watermark) {
        return jdbc.sql("""
                SELECT a.id FROM audit_log a
                WHERE a.writer_xid < CAST(:w AS xid8)
                  AND NOT EXISTS (SELECT 1 FROM audit_leaf l WHERE l.entry_id = a.id)
                ORDER BY a.id LIMIT 1""")
                .param("w", watermark).query(Long.class).optional();
    }

    private static Checkpoint checkpoint(ResultSet rs) throws SQLException {
        return new Checkpoint(rs.getString("origin"), rs.getLong("tree_size"), TreeHash.of(rs.getBytes("root_hash")),
                rs.getTimestamp("at").toInstant(), rs.getBytes("signature"), rs.getString("public_key"));
    }

    private static AuditEntry entry(ResultSet rs, @Nullable Long index) throws SQLException {
        return new AuditEntry(index, rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("target"), rs.getString("outcome"), rs.getString("detail"));
    }
}
