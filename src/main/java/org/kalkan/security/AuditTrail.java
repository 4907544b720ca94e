package org.kalkan.security;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.kalkan.security.internal.AuditStore;
import org.kalkan.platform.KeptWrites;
import org.kalkan.platform.TransactionScope;
import org.kalkan.security.internal.AuditVerifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Writes the audit trail. An entry is appended in the writer's own transaction — it commits or rolls back with the
 * write — without any lock: a transaction's entries are buffered and inserted in one statement just before it
 * commits. The sequencer then puts committed entries into the RFC 9162 Merkle tree of {@link AuditLog} and signs a
 * checkpoint, usually within a second.
 */
@Service
public class AuditTrail {

    private final AuditStore store;
    private final AuditVerifier verifier;
    private final TransactionScope transactions;
    private final KeptWrites keptWrites;
    private final Clock clock;

    public AuditTrail(AuditStore store, AuditVerifier verifier, TransactionScope transactions, KeptWrites keptWrites,
            Clock clock) {
        this.store = store;
        this.verifier = verifier;
        this.transactions = transactions;
        this.keptWrites = keptWrites;
        this.clock = clock;
    }

    /** Records a write in the caller's transaction, so the entry commits or rolls back with the write. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, String target, String detail) {
        append(actor, action, target, "OK", detail);
    }

    /**
     * Records a refused access so that it is kept even when the request fails: just after the caller's transaction
     * ends, whatever its outcome, on the connection it held (see {@link KeptWrites}); outside a transaction at once.
     */
    public void recordDenial(String actor, String action, String target, String detail) {
        keep(entry(actor, action, target, "DENIED", detail));
    }

    /** Records a failed attempt (e.g. a wrong password), kept like a denial whatever the caller's outcome. */
    public void recordFailure(String actor, String action, String target, String detail) {
        keep(entry(actor, action, target, "FAILED", detail));
    }

    /** The newest entries as written, each with its leaf index once it is sequenced. */
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit) {
        return store.latest(limit);
    }

    /**
     * Re-computes the whole log from its entries and names the first leaf that does not hold (see
     * {@link AuditVerification}).
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AuditVerification verify() {
        return verifier.verify();
    }

    private AuditStore.NewEntry entry(String actor, String action, String target, String outcome, String detail) {
        // PostgreSQL keeps microseconds: the leaf is computed from what will be read back.
        return new AuditStore.NewEntry(clock.instant().truncatedTo(ChronoUnit.MICROS), actor, action, target, outcome,
                detail);
    }

    private void keep(AuditStore.NewEntry entry) {
        keptWrites.run(() -> store.append(List.of(entry)));
    }

    private void append(String actor, String action, String target, String outcome, String detail) {
        AuditStore.NewEntry entry = entry(actor, action, target, outcome, detail);
        // This transaction's own buffer (a REQUIRES_NEW transaction has another).
        Buffer buffer = transactions.get(Buffer.class, Buffer::new);
        if (buffer == null) {
            store.append(List.of(entry));
            return;
        }
        buffer.entries.add(entry);
    }

    /** The entries of one transaction, inserted in one statement just before it commits. */
    private final class Buffer implements TransactionSynchronization {

        private final List<AuditStore.NewEntry> entries = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!entries.isEmpty()) {
                store.append(entries);
            }
        }
    }
}
