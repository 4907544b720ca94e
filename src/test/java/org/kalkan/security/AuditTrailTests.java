package org.kalkan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @LocalServerPort int port;

    @Test
    void aTamperedEntryBreaksVerificationExactlyThere() {
        for (int i = 0; i < 5; i++) {
            transactions.executeWithoutResult(s -> audit.record("tester", "TEST", "thing", "entry"));
        }
        AuditVerification before = audit.verify();
        assertThat(before.valid()).isTrue();
        long victim = before.entries() - 2;

        try {
            // An attacker with database rights: bypass the append-only trigger and change one detail.
            jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update").update();
            jdbc.sql("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = :seq").param("seq", victim).update();
            AuditVerification after = audit.verify();
            assertThat(after.valid()).isFalse();
            assertThat(after.firstBrokenSeq()).isEqualTo(victim);
            assertThat(after.entries()).isEqualTo(before.entries());
        } finally {
            String original = jdbc.sql("SELECT detail FROM audit_log WHERE seq = :seq - 1").param("seq", victim)
                    .query(String.class).single();
            jdbc.sql("UPDATE audit_log SET detail = :d WHERE seq = :seq").param("d", original).param("seq", victim)
                    .update();
            jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update").update();
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void aRemovedEntryBreaksTheChain() {
        transactions.executeWithoutResult(s -> {
            audit.record("tester", "TEST", "a", "1");
            audit.record("tester", "TEST", "b", "2");
            audit.record("tester", "TEST", "c", "3");
        });
        long middle = audit.verify().entries() - 1;
        try {
            jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update").update();
            var removed = jdbc.sql("SELECT * FROM audit_log WHERE seq = :seq").param("seq", middle).query().singleRow();
            jdbc.sql("DELETE FROM audit_log WHERE seq = :seq").param("seq", middle).update();
            assertThat(audit.verify().firstBrokenSeq()).isEqualTo(middle + 1);
            jdbc.sql("""
                    INSERT INTO audit_log (seq, at, actor, action, target, outcome, detail, prev_hash, hash)
                    VALUES (:seq, :at, :actor, :action, :target, :outcome, :detail, :prev_hash, :hash)""")
                    .params(removed).update();
        } finally {
            jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update").update();
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
        AuditVerification after = audit.verify();
        assertThat(after.valid()).isTrue();
        assertThat(after.entries()).isEqualTo(before + 1);
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletes() {
        transactions.executeWithoutResult(s -> audit.record("tester", "TEST", "thing", "entry"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'x'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void adminsVerifyTheChainOverTheApiAndOthersAreRefused() {
        ApiClient api = new ApiClient(port);
        var verification = api.get("/api/v1/audit/verify", api.token("admin", "kalkan-demo"));
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().get("valid").asBoolean()).isTrue();
        assertThat(verification.json().get("entries").asLong()).isPositive();

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
