package org.kalkan.platform;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Runs live pushes once the current transaction has committed (at once without a transaction), in the committing
 * thread, in order, without the event publication registry: for listeners whose work a crash may lose because their
 * clients reload on reconnecting (the live stream, TAK markers). Such a listener is a plain {@code @EventListener}
 * calling {@link #run}; it costs no publication row, no completion update and no hop to another thread. Work that
 * must survive a crash stays an {@code @ApplicationModuleListener}. A failing push is logged and never fails the
 * commit.
 */
@Component
public class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private final TransactionScope transactions;

    public AfterCommit(TransactionScope transactions) {
        this.transactions = transactions;
    }

    public void run(Runnable push) {
        Pushes pushes = transactions.get(Pushes.class, Pushes::new);
        if (pushes == null) {
            guarded(push);
        } else {
            pushes.list.add(push);
        }
    }

    /** One transaction's pushes: one synchronization however many there are. */
    private static final class Pushes implements TransactionSynchronization {

        private final List<Runnable> list = new ArrayList<>();

        @Override
        public void afterCommit() {
            list.forEach(AfterCommit::guarded);
        }
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
