package org.kalkan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.security.internal.AuditSequencer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The audit log as an outsider sees it through the API: a signed checkpoint, an entry's exact leaf bytes and RFC 9162
 * proofs, all checked with the tests' own {@link Rfc9162} code and the JDK's signature check — no node class judges
 * its own answers. Genuine proofs are accepted, altered ones refused, and a rewritten history is caught by the
 * consistency proof to a checkpoint kept from before.
 */
@KalkanTest
class AuditLogTests {

    @Autowired AuditTrail audit;
    @Autowired AuditLog log;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired DataSource dataSource;
    @Autowired NodeKeys keys;
    @LocalServerPort int port;

    ApiClient api;
    String admin;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        admin = api.token("admin", "kalkan-demo");
    }

    long write(String target, String detail) {
        transactions.executeWithoutResult(s -> audit.record("tester", "TEST", target, detail));
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            log.sequence();
            return jdbc.sql("SELECT l.leaf_index FROM audit_log a JOIN audit_leaf l ON l.entry_id = a.id "
                    + "WHERE a.target = :t").param("t", target).query(Long.class).optional();
        }, Optional::isPresent).orElseThrow();
    }

    /** A checkpoint as the outsider keeps it, after checking its signature with the published key. */
    record Kept(long treeSize, byte[] root) {
    }

    Kept checkpoint() {
        JsonNode c = api.get("/api/v1/audit/checkpoint", admin).json();
        String body = c.get("origin").asString() + "\n" + c.get("treeSize").asLong() + "\n"
                + c.get("rootHash").asString() + "\n" + c.get("timestamp").asString() + "\n";
        assertThat(c.get("signedBody").asString()).isEqualTo(body);
        assertThat(Instant.parse(c.get("timestamp").asString())).isNotNull();
        assertThat(signatureHolds(c.get("publicKey").asString(), body, c.get("signature").asString()))
                .as("checkpoint signature").isTrue();
        return new Kept(c.get("treeSize").asLong(), Base64.getDecoder().decode(c.get("rootHash").asString()));
    }

    static boolean signatureHolds(String pem, String body, String signatureBase64) {
        try {
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initVerify(key);
            signature.update(body.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(node -> hashes.add(Base64.getDecoder().decode(node.asString())));
        return hashes;
    }

    static List<byte[]> flipped(List<byte[]> hashes, int which) {
        List<byte[]> altered = new ArrayList<>();
        hashes.forEach(h -> altered.add(h.clone()));
        altered.get(which)[7] ^= 0x10;
        return altered;
    }

    @Test
    void anOutsiderChecksAnEntryAgainstASignedCheckpointWithItsOwnRfc9162Code() {
        long index = write("outsider-entry", "checked from outside");
        Kept checkpoint = checkpoint();
        assertThat(checkpoint.treeSize()).isGreaterThan(index);

        JsonNode entry = api.get("/api/v1/audit/entries/" + index, admin).json();
        assertThat(entry.get("index").asLong()).isEqualTo(index);
        assertThat(entry.get("target").asString()).isEqualTo("outsider-entry");
        byte[] leaf = Base64.getDecoder().decode(entry.get("leaf").asString());
        assertThat(new String(leaf, StandardCharsets.UTF_8)).contains("20:checked from outside,");
        byte[] leafHash = Rfc9162.leafHash(leaf);
        assertThat(Base64.getDecoder().decode(entry.get("leafHash").asString())).isEqualTo(leafHash);

        JsonNode proof = api.get("/api/v1/audit/proof/inclusion?index=" + index + "&treeSize="
                + checkpoint.treeSize(), admin).json();
        assertThat(proof.get("leafIndex").asLong()).isEqualTo(index);
        assertThat(proof.get("treeSize").asLong()).isEqualTo(checkpoint.treeSize());
        List<byte[]> path = hashes(proof.get("auditPath"));
        assertThat(Rfc9162.verifyInclusion(index, checkpoint.treeSize(), leafHash, path, checkpoint.root())).isTrue();

        // Anything altered is refused: a path hash, the leaf, the index, the root.
        for (int i = 0; i < path.size(); i++) {
            assertThat(Rfc9162.verifyInclusion(index, checkpoint.treeSize(), leafHash, flipped(path, i),
                    checkpoint.root())).as("path element %d altered", i).isFalse();
        }
        byte[] otherLeaf = leaf.clone();
        otherLeaf[otherLeaf.length - 2] ^= 1;
        assertThat(Rfc9162.verifyInclusion(index, checkpoint.treeSize(), Rfc9162.leafHash(otherLeaf), path,
                checkpoint.root())).isFalse();
        assertThat(Rfc9162.verifyInclusion(index == 0 ? 1 : index - 1, checkpoint.treeSize(), leafHash, path,
                checkpoint.root())).isFalse();
        assertThat(Rfc9162.verifyInclusion(index, checkpoint.treeSize(), leafHash, path,
                Rfc9162.sha256(checkpoint.root()))).isFalse();

        // The node's own verifier agrees with the outsider's.
        InclusionProof own = log.inclusionProof(index, checkpoint.treeSize());
        assertThat(own.verify(TreeHash.of(leafHash), TreeHash.of(checkpoint.root()))).isTrue();
    }

    @Test
    void aKeptCheckpointIsProvedConsistentWithTheLatestAndCheckpointsCanBeExported() {
        write("consistency-1", "before the kept checkpoint");
        Kept older = checkpoint();
        write("consistency-2", "after it");
        write("consistency-3", "after it too");
        Kept newer = checkpoint();
        assertThat(newer.treeSize()).isGreaterThan(older.treeSize());

        JsonNode answer = api.get("/api/v1/audit/proof/consistency?first=" + older.treeSize() + "&second="
                + newer.treeSize(), admin).json();
        assertThat(answer.get("first").asLong()).isEqualTo(older.treeSize());
        assertThat(answer.get("second").asLong()).isEqualTo(newer.treeSize());
        List<byte[]> proof = hashes(answer.get("proof"));
        assertThat(Rfc9162.verifyConsistency(older.treeSize(), newer.treeSize(), proof, older.root(), newer.root()))
                .isTrue();
        for (int i = 0; i < proof.size(); i++) {
            assertThat(Rfc9162.verifyConsistency(older.treeSize(), newer.treeSize(), flipped(proof, i), older.root(),
                    newer.root())).as("proof element %d altered", i).isFalse();
        }
        assertThat(Rfc9162.verifyConsistency(older.treeSize(), newer.treeSize(), proof, newer.root(), older.root()))
                .isFalse();

        // The export holds the kept checkpoint itself, signature and all.
        JsonNode exported = api.get("/api/v1/audit/checkpoints?after=" + (older.treeSize() - 1) + "&limit=1", admin)
                .json().get(0);
        assertThat(exported.get("treeSize").asLong()).isEqualTo(older.treeSize());
        assertThat(Base64.getDecoder().decode(exported.get("rootHash").asString())).isEqualTo(older.root());
        assertThat(signatureHolds(exported.get("publicKey").asString(), exported.get("signedBody").asString(),
                exported.get("signature").asString())).isTrue();
    }

    @Test
    void badProofRequestsAreRefusedAndOnlyAdministratorsMayAsk() {
        write("bad-requests", "x");
        long size = checkpoint().treeSize();
        assertThat(api.get("/api/v1/audit/proof/inclusion?index=-1", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit/proof/inclusion?index=0&treeSize=" + (size + 1000), admin).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/audit/proof/inclusion?index=" + size + "&treeSize=" + size, admin).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/audit/proof/consistency?first=0&second=" + size, admin).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit/proof/consistency?first=" + size + "&second=1", admin).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/audit/entries/" + (size + 1_000_000), admin).status()).isEqualTo(404);
        String officer = api.token("kaz.officer", "kalkan-demo");
        assertThat(api.get("/api/v1/audit/checkpoint", officer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit/proof/inclusion?index=0", officer).status()).isEqualTo(403);
    }

    /**
     * Someone holding the database and even the node's key rewrites one old entry and everything above it — leaf,
     * subtrees and a freshly signed checkpoint — so the node's own verification finds nothing wrong. An outsider who
     * kept a checkpoint from before asks for a consistency proof to the new one, and it fails.
     */
    @Test
    void aRewrittenTreeFailsTheConsistencyProofOfACheckpointKeptFromBefore() throws Exception {
        long victim = write("rewrite-victim", "the original words");
        Kept kept = checkpoint();
        write("rewrite-later", "more history");
        Kept latest = checkpoint();

        try (Connection pause = dataSource.getConnection(); Statement statement = pause.createStatement()) {
            // Holding the sequencer's lock keeps it from signing anything while the history is rewritten.
            statement.execute("SELECT pg_advisory_lock(" + AuditSequencer.LOCK_KEY + ")");
            Rewrite rewrite = new Rewrite(victim);
            try {
                rewrite.apply();
                Kept forged = checkpoint();
                assertThat(forged.treeSize()).isEqualTo(latest.treeSize());
                assertThat(forged.root()).isNotEqualTo(latest.root());
                assertThat(audit.verify().valid()).as("the rewrite is self-consistent").isTrue();

                JsonNode answer = api.get("/api/v1/audit/proof/consistency?first=" + kept.treeSize() + "&second="
                        + forged.treeSize(), admin).json();
                List<byte[]> proof = hashes(answer.get("proof"));
                assertThat(Rfc9162.verifyConsistency(kept.treeSize(), forged.treeSize(), proof, kept.root(),
                        forged.root())).as("the kept checkpoint exposes the rewrite").isFalse();
                // While the same proof does link the rewritten old tree to the forged one.
                byte[] rewrittenOld = Rfc9162.treeHead(rewrite.leafHashes().subList(0, (int) kept.treeSize()));
                assertThat(Rfc9162.verifyConsistency(kept.treeSize(), forged.treeSize(), proof, rewrittenOld,
                        forged.root())).isTrue();
            } finally {
                rewrite.undo();
                statement.execute("SELECT pg_advisory_unlock(" + AuditSequencer.LOCK_KEY + ")");
            }
        }
        write("rewrite-undone", "history restored");
        AuditVerification restored = audit.verify();
        assertThat(restored.valid()).as(restored.problem()).isTrue();
        JsonNode answer = api.get("/api/v1/audit/proof/consistency?first=" + kept.treeSize(), admin).json();
        Kept now = checkpoint();
        assertThat(Rfc9162.verifyConsistency(kept.treeSize(), answer.get("second").asLong(),
                hashes(answer.get("proof")), kept.root(), now.root())).isTrue();
    }

    /** The attacker's tools: plain SQL, the tests' own hashing, and the node's key. */
    private final class Rewrite {

        private final long victim;
        private final String detail;
        private final byte[] leafHash;
        private final List<Object[]> nodes = new ArrayList<>();
        private final List<Map<String, Object>> checkpoints;

        Rewrite(long victim) {
            this.victim = victim;
            this.detail = jdbc.sql("SELECT a.detail FROM audit_log a JOIN audit_leaf l ON l.entry_id = a.id "
                    + "WHERE l.leaf_index = :i").param("i", victim).query(String.class).single();
            this.leafHash = jdbc.sql("SELECT leaf_hash FROM audit_leaf WHERE leaf_index = :i").param("i", victim)
                    .query(byte[].class).single();
            this.checkpoints = jdbc.sql("SELECT tree_size, root_hash, at, origin, signature, public_key, "
                    + "watermark::text AS watermark FROM audit_checkpoint WHERE tree_size > :i")
                    .param("i", victim).query().listOfRows();
        }

        void apply() {
            triggers("DISABLE");
            jdbc.sql("UPDATE audit_log SET detail = 'words nobody said' WHERE id = "
                    + "(SELECT entry_id FROM audit_leaf WHERE leaf_index = :i)").param("i", victim).update();
            AuditEntry changed = log.entry(victim).orElseThrow();
            jdbc.sql("UPDATE audit_leaf SET leaf_hash = :h WHERE leaf_index = :i")
                    .param("h", Rfc9162.leafHash(changed.leaf())).param("i", victim).update();
            for (int level = 1; level < 63; level++) {
                long index = victim >> level;
                Optional<byte[]> old = jdbc.sql("SELECT hash FROM audit_node WHERE level = :l AND node_index = :i")
                        .param("l", level).param("i", index).query(byte[].class).optional();
                if (old.isEmpty()) {
                    break;
                }
                nodes.add(new Object[] {level, index, old.get()});
                byte[] hash = Rfc9162.nodeHash(child(level - 1, 2 * index), child(level - 1, 2 * index + 1));
                jdbc.sql("UPDATE audit_node SET hash = :h WHERE level = :l AND node_index = :i")
                        .param("h", hash).param("l", level).param("i", index).update();
            }
            Map<String, Object> newest = checkpoints.get(checkpoints.size() - 1);
            long size = ((Number) newest.get("tree_size")).longValue();
            jdbc.sql("DELETE FROM audit_checkpoint WHERE tree_size > :i").param("i", victim).update();
            byte[] root = Rfc9162.treeHead(leafHashes().subList(0, (int) size));
            Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            String origin = (String) newest.get("origin");
            String body = origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n" + at + "\n";
            jdbc.sql("INSERT INTO audit_checkpoint VALUES (:s, :r, :at, :o, :sig, :k, CAST(:w AS xid8))")
                    .param("s", size).param("r", root).param("at", Timestamp.from(at)).param("o", origin)
                    .param("sig", keys.sign(body.getBytes(StandardCharsets.UTF_8))).param("k", keys.publicKeyPem())
                    .param("w", newest.get("watermark")).update();
        }

        void undo() {
            triggers("DISABLE");
            jdbc.sql("DELETE FROM audit_checkpoint WHERE tree_size > :i").param("i", victim).update();
            for (Map<String, Object> c : checkpoints) {
                jdbc.sql("INSERT INTO audit_checkpoint VALUES (:tree_size, :root_hash, :at, :origin, :signature, "
                        + ":public_key, CAST(:watermark AS xid8))").params(c).update();
            }
            for (Object[] node : nodes) {
                jdbc.sql("UPDATE audit_node SET hash = :h WHERE level = :l AND node_index = :i")
                        .param("h", node[2]).param("l", node[0]).param("i", node[1]).update();
            }
            jdbc.sql("UPDATE audit_leaf SET leaf_hash = :h WHERE leaf_index = :i").param("h", leafHash)
                    .param("i", victim).update();
            jdbc.sql("UPDATE audit_log SET detail = :d WHERE id = "
                    + "(SELECT entry_id FROM audit_leaf WHERE leaf_index = :i)")
                    .param("d", detail).param("i", victim).update();
            triggers("ENABLE");
        }

        List<byte[]> leafHashes() {
            return jdbc.sql("SELECT leaf_hash FROM audit_leaf ORDER BY leaf_index").query(byte[].class).list();
        }

        private byte[] child(int level, long index) {
            return level == 0
                    ? jdbc.sql("SELECT leaf_hash FROM audit_leaf WHERE leaf_index = :i").param("i", index)
                            .query(byte[].class).single()
                    : jdbc.sql("SELECT hash FROM audit_node WHERE level = :l AND node_index = :i")
                            .param("l", level).param("i", index).query(byte[].class).single();
        }

        private void triggers(String action) {
            for (String table : new String[] {"audit_log", "audit_leaf", "audit_node", "audit_checkpoint"}) {
                jdbc.sql("ALTER TABLE " + table + " " + action + " TRIGGER " + table + "_no_update").update();
            }
        }
    }
}
