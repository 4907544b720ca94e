package org.kalkan.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a live push once the current transaction has committed (at once without a transaction), in the committing
 * thread, without the event publication registry: for listeners whose work a crash may lose because their clients
 * reload on reconnecting (the live stream, TAK markers). Such a listener is a plain {@code @EventListener} calling
 * this; it costs no publication row, no completion update and no hop to another thread. Work that must survive a
 * crash stays an {@code @ApplicationModuleListener}. A failing push is logged and never fails the commit.
 */
public final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private AfterCommit() {
    }

    public static void run(Runnable push) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            guarded(push);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                guarded(push);
            }
        });
    }

    private static void guarded(Runnable push) {
        try {
            push.run();
        } catch (RuntimeException e) {
            // The edge of a best-effort push: the data is committed; a client missing it reloads on reconnect.
            log.warn("live push after commit failed: {}", e.toString());
        }
    }
}
