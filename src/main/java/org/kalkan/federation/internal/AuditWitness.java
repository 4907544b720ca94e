package org.kalkan.federation.internal;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kalkan.federation.NodeId;
import org.kalkan.federation.Peer;
import org.kalkan.federation.WitnessedAudit;
import org.kalkan.security.AuditLog;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Checkpoint;
import org.kalkan.security.ConsistencyProof;
import org.kalkan.security.TreeHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Witnessed audit: each node keeps the last signed audit checkpoint it saw of each peer and checks every new one is
 * consistent with it (an RFC 9162 consistency proof the peer serves with it), so a peer that rewrote its history
 * cannot hide it from its witnesses. A checkpoint is verified against the peer's registered certificate (the audit
 * log signs with the node key). An inconsistency — a proof that does not link the two, a smaller tree, another root
 * for the same size — is alarmed here (audited, counted, logged, shown on the peer) and told to the peer, which alarms
 * too; the last consistent checkpoint is kept, so the alarm repeats until an administrator acts.
 */
@Component
public class AuditWitness {

    private static final Logger LOG = LoggerFactory.getLogger(AuditWitness.class);

    /** What one check found. */
    public record Check(boolean consistent, long treeSize, @Nullable String problem) {
    }

    private final AuditLog log;
    private final AuditTrail audit;
    private final PeerStore peers;
    private final Certificates certificates;
    private final FederationMetrics metrics;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    AuditWitness(AuditLog log, AuditTrail audit, PeerStore peers, Certificates certificates, FederationMetrics metrics,
            JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.log = log;
        this.audit = audit;
        this.peers = peers;
        this.certificates = certificates;
        this.metrics = metrics;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** The last checkpoint this node holds of each peer, with what its last check found, by peer. */
    public List<WitnessedAudit> witnessed() {
        return jdbc.sql("""
                SELECT node_id, tree_size, root_hash, checkpoint_at, checked_at, inconsistent_at, inconsistency
                FROM federation_witness ORDER BY node_id""")
                .query((rs, i) -> new WitnessedAudit(NodeId.of(rs.getString("node_id")), rs.getLong("tree_size"),
                        TreeHash.of(rs.getBytes("root_hash")).base64(), rs.getTimestamp("checkpoint_at").toInstant(),
                        rs.getTimestamp("checked_at").toInstant(), instant(rs.getTimestamp("inconsistent_at")),
                        rs.getString("inconsistency")))
                .list();
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    /** The size of the last checkpoint of the peer this node holds (0: none yet): what it asks a proof from. */
    public long witnessedSize(String peer) {
        return jdbc.sql("SELECT tree_size FROM federation_witness WHERE node_id = :id").param("id", peer)
                .query(Long.class).optional().orElse(0L);
    }

    /** This node's answer to a witness: its latest checkpoint and a consistency proof from {@code since}. */
    public byte[] serve(long since) {
        Map<String, Object> answer = new LinkedHashMap<>();
        Optional<Checkpoint> latest = log.checkpoint();
        if (latest.isEmpty()) {
            return json.writeValueAsBytes(answer);
        }
        Checkpoint checkpoint = latest.get();
        answer.put("origin", checkpoint.origin());
        answer.put("treeSize", checkpoint.treeSize());
        answer.put("rootHash", checkpoint.rootHash().base64());
        answer.put("timestamp", checkpoint.timestamp().toString());
        answer.put("signature", checkpoint.signatureBase64());
        if (since >= 1 && since <= checkpoint.treeSize()) {
            ConsistencyProof proof = log.consistencyProof(since, checkpoint.treeSize());
            answer.put("since", since);
            answer.put("proof", proof.proof().stream().map(TreeHash::base64).toList());
        }
        return json.writeValueAsBytes(answer);
    }

    /** Checks a peer's answer against the last checkpoint held of it; stores it when consistent, alarms when not. */
    public Check check(Peer peer, byte[] body) {
        String id = peer.nodeId().value();
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (JacksonException e) {
            return inconsistent(peer, 0, "its audit checkpoint answer is not JSON");
        }
        if (!answer.has("treeSize")) {
            return new Check(true, 0, null); // nothing sequenced there yet
        }
        long size = answer.get("treeSize").asLong();
        TreeHash root;
        Instant at;
        byte[] signature;
        try {
            root = TreeHash.fromBase64(answer.get("rootHash").asString());
            at = Instant.parse(answer.get("timestamp").asString());
            signature = Base64.getDecoder().decode(answer.get("signature").asString());
        } catch (RuntimeException e) {
            return inconsistent(peer, size, "its audit checkpoint is not well formed");
        }
        String signed = Checkpoint.body(answer.get("origin").asString(), size, root, at);
        if (!verifies(peer, signed, signature)) {
            return inconsistent(peer, size, "its audit checkpoint of size " + size
                    + " is not signed by its registered certificate");
        }
        Optional<Held> held = held(id);
        if (held.isPresent()) {
            Held last = held.get();
            String problem = null;
            if (size < last.size()) {
                problem = "its audit log shrank from " + last.size() + " to " + size + " entries";
            } else if (size == last.size() && !root.equals(last.root())) {
                problem = "its audit log of " + size + " entries has another root than before";
            } else if (size > last.size() && last.size() > 0) {
                ConsistencyProof proof = new ConsistencyProof(last.size(), size, proof(answer, last.size()));
                if (!proof.verify(last.root(), root)) {
                    problem = "its audit log of " + size + " entries is not consistent with the " + last.size()
                            + " it had (history rewritten)";
                }
            }
            if (problem != null) {
                return inconsistent(peer, size, problem);
            }
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(s -> jdbc.sql("""
                INSERT INTO federation_witness (node_id, tree_size, root_hash, checkpoint_at, signature, checked_at)
                VALUES (:id, :size, :root, :at, :signature, :now)
                ON CONFLICT (node_id) DO UPDATE SET tree_size = EXCLUDED.tree_size, root_hash = EXCLUDED.root_hash,
                    checkpoint_at = EXCLUDED.checkpoint_at, signature = EXCLUDED.signature,
                    checked_at = EXCLUDED.checked_at""")
                .param("id", id).param("size", size).param("root", root.bytes()).param("at", Timestamp.from(at))
                .param("signature", signature).param("now", Timestamp.from(now)).update());
        return new Check(true, size, null);
    }

    /** A peer reports that it found this node's audit log inconsistent with what it witnessed before. */
    public void reportedBy(Peer peer, String problem) {
        String detail = problem.length() > 500 ? problem.substring(0, 500) : problem;
        LOG.error("FEDERATION ALARM: peer {} reports this node's audit log inconsistent: {}", peer.nodeId(), detail);
        metrics.auditInconsistent(peer.nodeId().value());
        audit.recordFailure("federation:" + peer.nodeId(), "FEDERATION_AUDIT_INCONSISTENT", "node:self",
                "reported by witness " + peer.nodeId() + ": " + detail);
    }

    private Check inconsistent(Peer peer, long size, String problem) {
        String id = peer.nodeId().value();
        String detail = "peer " + id + ": " + problem;
        LOG.error("FEDERATION ALARM: {}", detail);
        metrics.auditInconsistent(id);
        Instant now = clock.instant();
        transactions.executeWithoutResult(s -> {
            audit.recordFailure("federation:witness", "FEDERATION_AUDIT_INCONSISTENT", "peer:" + id, problem);
            jdbc.sql("UPDATE federation_witness SET inconsistent_at = :now, inconsistency = :p WHERE node_id = :id")
                    .param("id", id).param("now", Timestamp.from(now)).param("p", problem).update();
            peers.failed(id, "audit: " + problem, now);
        });
        return new Check(false, size, problem);
    }

    private boolean verifies(Peer peer, String body, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(Checkpoint.SIGNATURE_ALGORITHM);
            verifier.initVerify(certificates.of(peer).getPublicKey());
            verifier.update(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static List<TreeHash> proof(JsonNode answer, long since) {
        List<TreeHash> hashes = new ArrayList<>();
        if (!answer.has("proof") || answer.get("since") == null || answer.get("since").asLong() != since) {
            return hashes;
        }
        for (JsonNode hash : answer.get("proof")) {
            hashes.add(TreeHash.fromBase64(hash.asString()));
        }
        return hashes;
    }

    private record Held(long size, TreeHash root) {
    }

    private Optional<Held> held(String id) {
        return jdbc.sql("SELECT tree_size, root_hash FROM federation_witness WHERE node_id = :id").param("id", id)
                .query((rs, i) -> new Held(rs.getLong(1), TreeHash.of(rs.getBytes(2)))).optional();
    }
}
