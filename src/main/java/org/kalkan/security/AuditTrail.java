package org.kalkan.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only audit trail. Each entry's hash covers its own fields and the previous entry's hash, so
 * changing, inserting or removing any stored entry breaks verification from that entry on. Appends are
 * serialised by a transaction-scoped advisory lock, which also holds across several nodes on one database.
 * Entries are buffered and appended just before their transaction commits, so the chain's lock is held only for
 * the append and the commit, not for the whole business transaction.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final long LOCK_KEY = 0x4B414C4B414EL; // "KALKAN"

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a write in the caller's transaction, so the entry commits or rolls back with the write. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, String target, String detail) {
        append(actor, action, target, "OK", detail);
    }

    /** Records a refused access in its own transaction: the refusal is kept even when the request fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordDenial(String actor, String action, String target, String detail) {
        append(actor, action, target, "DENIED", detail);
    }

    /** Records a failed attempt (e.g. a wrong password) in its own transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String actor, String action, String target, String detail) {
        append(actor, action, target, "FAILED", detail);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("SELECT * FROM audit_log ORDER BY seq DESC LIMIT :limit")
                .param("limit", limit)
                .query(AuditTrail::entry)
                .list();
    }

    /** Re-computes every hash in order and reports the first entry that does not hold. */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        AtomicReference<String> previous = new AtomicReference<>(GENESIS);
        long[] count = {0};
        long[] expectedSeq = {1};
        Long[] broken = {null};
        jdbc.sql("SELECT * FROM audit_log ORDER BY seq").query(rs -> {
            AuditEntry e = entry(rs, 0);
            count[0]++;
            if (broken[0] == null) {
                boolean linked = e.seq() == expectedSeq[0] && e.previousHash().equals(previous.get());
                if (!linked || !hash(e).equals(e.hash())) {
                    broken[0] = e.seq();
                }
            }
            expectedSeq[0] = e.seq() + 1;
            previous.set(e.hash());
        });
        return new AuditVerification(broken[0] == null, count[0], broken[0]);
    }

    private void append(String actor, String action, String target, String outcome, String detail) {
        Pending entry = new Pending(actor, action, target, outcome, detail);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            insert(entry);
            return;
        }
        // Looked up among this transaction's synchronizations, which a REQUIRES_NEW transaction suspends.
        Buffer buffer = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Buffer.class::isInstance).map(Buffer.class::cast).findFirst()
                .orElseGet(() -> {
                    Buffer created = new Buffer();
                    TransactionSynchronizationManager.registerSynchronization(created);
                    return created;
                });
        buffer.entries.add(entry);
    }

    /** The entries of one transaction, appended to the chain just before it commits. */
    private final class Buffer implements TransactionSynchronization {

        private final List<Pending> entries = new java.util.ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            entries.forEach(AuditTrail.this::insert);
        }
    }

    private record Pending(String actor, String action, String target, String outcome, String detail) {
    }

    private void insert(Pending pending) {
        String actor = pending.actor();
        String action = pending.action();
        String target = pending.target();
        String outcome = pending.outcome();
        String detail = pending.detail();
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query().singleRow();
        var head = jdbc.sql("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
                .query((rs, i) -> new Object[] {rs.getLong("seq"), rs.getString("hash")})
                .optional();
        long seq = head.map(h -> (Long) h[0] + 1).orElse(1L);
        String previousHash = head.map(h -> (String) h[1]).orElse(GENESIS);
        // PostgreSQL keeps microseconds: hash exactly what will be read back.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEntry entry = new AuditEntry(seq, at, actor, action, target, outcome, detail, previousHash, "");
        jdbc.sql("""
                INSERT INTO audit_log (seq, at, actor, action, target, outcome, detail, prev_hash, hash)
                VALUES (:seq, :at, :actor, :action, :target, :outcome, :detail, :prev, :hash)""")
                .param("seq", seq)
                .param("at", java.sql.Timestamp.from(at))
                .param("actor", actor)
                .param("action", action)
                .param("target", target)
                .param("outcome", outcome)
                .param("detail", detail)
                .param("prev", previousHash)
                .param("hash", hash(entry))
                .update();
    }

    /** SHA-256 over length-prefixed fields, so no choice of field contents can collide with another. */
    static String hash(AuditEntry e) {
        String canonical = field(e.previousHash()) + field(Long.toString(e.seq())) + field(e.at().toString())
                + field(e.actor()) + field(e.action()) + field(e.target()) + field(e.outcome()) + field(e.detail());
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e1);
        }
    }

    private static String field(String value) {
        return value.length() + ":" + value + ";";
    }

    private static AuditEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("target"), rs.getString("outcome"), rs.getString("detail"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
