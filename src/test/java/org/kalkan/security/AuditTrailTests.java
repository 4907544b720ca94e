package org.kalkan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@KalkanTest
class AuditTrailTests {

    @Autowired AuditTrail audit;
    @Autowired AuditLog log;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @LocalServerPort int port;

    /** The leaf index of the entry with this target, once the sequencer has put it into the tree. */
    long sequenced(String target) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    log.sequence();
                    return leafIndex(target);
                }, Optional::isPresent).orElseThrow();
    }

    Optional<Long> leafIndex(String target) {
        return jdbc.sql("SELECT l.leaf_index FROM audit_log a JOIN audit_leaf l ON l.entry_id = a.id "
                        + "WHERE a.target = :t")
                .param("t", target).query(Long.class).optional();
    }

    @Test
    void anEntryChangedAfterSequencingIsNamedByVerification() {
        for (int i = 0; i < 5; i++) {
            String target = "tamper-" + i;
            transactions.executeWithoutResult(s -> audit.record("tester", "TEST", target, "entry"));
        }
        long victim = sequenced("tamper-2");
        sequenced("tamper-4");
        AuditVerification before = audit.verify();
        assertThat(before.valid()).as(before.problem()).isTrue();

        try {
            // An attacker with database rights: bypass the append-only trigger and change one detail.
            jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update").update();
            jdbc.sql("UPDATE audit_log SET detail = 'nothing to see' WHERE target = 'tamper-2'").update();
            AuditVerification after = audit.verify();
            assertThat(after.valid()).isFalse();
            assertThat(after.firstBrokenIndex()).isEqualTo(victim);
            assertThat(after.problem()).contains("entry " + victim);
            assertThat(after.treeSize()).isGreaterThanOrEqualTo(before.treeSize());

            ApiClient api = new ApiClient(port);
            var answer = api.get("/api/v1/audit/verify", api.token("admin", "kalkan-demo")).json();
            assertThat(answer.get("valid").asBoolean()).isFalse();
            assertThat(answer.get("firstBrokenIndex").asLong()).isEqualTo(victim);
        } finally {
            jdbc.sql("UPDATE audit_log SET detail = 'entry' WHERE target = 'tamper-2'").update();
            jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update").update();
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void aRemovedLeafIsNamed() {
        transactions.executeWithoutResult(s -> {
            audit.record("tester", "TEST", "removed-a", "1");
            audit.record("tester", "TEST", "removed-b", "2");
            audit.record("tester", "TEST", "removed-c", "3");
        });
        long middle = sequenced("removed-b");
        try {
            jdbc.sql("ALTER TABLE audit_leaf DISABLE TRIGGER audit_leaf_no_update").update();
            Map<String, Object> removed = jdbc.sql("SELECT * FROM audit_leaf WHERE leaf_index = :i").param("i", middle)
                    .query().singleRow();
            jdbc.sql("DELETE FROM audit_leaf WHERE leaf_index = :i").param("i", middle).update();
            AuditVerification broken = audit.verify();
            assertThat(broken.valid()).isFalse();
            assertThat(broken.firstBrokenIndex()).isEqualTo(middle);
            jdbc.sql("INSERT INTO audit_leaf (leaf_index, entry_id, leaf_hash) "
                    + "VALUES (:leaf_index, :entry_id, :leaf_hash)")
                    .params(removed).update();
        } finally {
            jdbc.sql("ALTER TABLE audit_leaf ENABLE TRIGGER audit_leaf_no_update").update();
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void aDenialIsKeptWhenTheRequestFailsAndARolledBackWriteLeavesNoEntry() {
        long before = audit.verify().entries();
        try {
            transactions.executeWithoutResult(s -> {
                audit.record("tester", "WRITE", "rolled-back", "must not remain");
                audit.recordDenial("tester", "READ", "secret-thing", "must remain");
                throw new IllegalStateException("the request fails");
            });
        } catch (IllegalStateException expected) {
            // the outer transaction rolled back
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE target = 'rolled-back'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE target = 'secret-thing' AND outcome = 'DENIED'")
                .query(Long.class).single()).isEqualTo(1);
        sequenced("secret-thing");
        AuditVerification after = audit.verify();
        assertThat(after.valid()).isTrue();
        assertThat(after.entries()).isGreaterThan(before);
    }

    @Test
    void aDenialInAReadOnlyTransactionIsKeptWhetherItCommitsOrRollsBack() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager());
        readOnly.setReadOnly(true);
        String target = "read-only-denial-" + System.nanoTime();
        readOnly.executeWithoutResult(s -> audit.recordDenial("tester", "READ", target, "committed read"));
        try {
            readOnly.executeWithoutResult(s -> {
                audit.recordDenial("tester", "READ", target, "failed read");
                throw new IllegalStateException("the read fails");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE target = :t AND outcome = 'DENIED'")
                .param("t", target).query(Long.class).single()).isEqualTo(2);
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void writersTakeNoLockAndAnEntryIsSequencedOnlyAfterEveryEarlierWriterEnded() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        // A writer whose entry is in but whose transaction has not ended yet.
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            jdbc.sql("INSERT INTO audit_log (at, actor, action, target, outcome, detail) "
                    + "VALUES (now(), 'tester', 'TEST', 'slow-writer', 'OK', 'still running')").update();
            written.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            // Another writer commits meanwhile: no lock makes it wait for the first.
            transactions.executeWithoutResult(s -> audit.record("tester", "TEST", "fast-writer", "committed"));
            log.sequence();
            assertThat(leafIndex("fast-writer")).as("the slow writer could still commit before it").isEmpty();
        } finally {
            finish.countDown();
        }
        slow.get(30, TimeUnit.SECONDS);
        long fast = sequenced("fast-writer");
        long slowIndex = sequenced("slow-writer");
        assertThat(slowIndex).as("overlapping writers are ordered by transaction id").isLessThan(fast);
        transactions.executeWithoutResult(s -> audit.record("tester", "TEST", "later-writer", "after both"));
        assertThat(sequenced("later-writer")).isGreaterThan(fast);
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletes() {
        transactions.executeWithoutResult(s -> audit.record("tester", "TEST", "refused-change", "entry"));
        sequenced("refused-change");
        Map<String, String> changes = Map.of("audit_log", "actor = 'x'", "audit_leaf", "leaf_hash = leaf_hash",
                "audit_node", "hash = hash", "audit_checkpoint", "origin = 'x'");
        for (String table : changes.keySet()) {
            assertThatThrownBy(() -> jdbc.sql("UPDATE " + table + " SET " + changes.get(table)).update())
                    .as(table).hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM " + table).update()).as(table)
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void adminsVerifyTheLogOverTheApiAndOthersAreRefused() {
        ApiClient api = new ApiClient(port);
        var verification = api.get("/api/v1/audit/verify", api.token("admin", "kalkan-demo"));
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().get("valid").asBoolean()).isTrue();
        assertThat(verification.json().get("entries").asLong()).isPositive();
        assertThat(verification.json().has("treeSize")).isTrue();

        long before = audit.verify().entries();
        var refused = api.get("/api/v1/audit/verify", api.token("kaz.officer", "kalkan-demo"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        long denials = jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = 'kaz.officer' AND outcome = 'DENIED'")
                .query(Long.class).single();
        assertThat(denials).isPositive();
        assertThat(audit.verify().entries()).isGreaterThan(before);
    }
}
