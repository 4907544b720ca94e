package org.kalkan.interop.cot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.kalkan.cluster.Cluster;
import org.kalkan.cluster.SignalReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CoT across the instances of a cluster (issue 21, ADR 0012). Each event a TAK client of this instance sends is
 * stored ({@link CotRelayStore}) and signalled by its row id only, in one transaction, off the connection's event
 * loop (one thread, a bounded queue: when it is full the event stays on this instance, counted as
 * {@code kalkan.cot.dropped{reason=relay-full}}). Every other instance reads the row and hands it to its
 * {@link CotHub}, which gives it to its clients through the access policy, puts it on its live picture and keeps it
 * as latest SA; an instance starting later loads the positions not yet stale, so a device connecting anywhere gets
 * the latest SA of every instance's clients. On a single node none of this runs: no thread, no row, no query.
 */
@Component
class CotRelay {

    static final String SIGNAL = "cot";
    private static final Logger log = LoggerFactory.getLogger(CotRelay.class);
    private static final int QUEUE = 10_000;

    private final CotHub hub;
    private final Cluster cluster;
    private final CotRelayStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Counter relayed;
    private final @Nullable ThreadPoolExecutor sender;

    CotRelay(CotHub hub, Cluster cluster, CotRelayStore store, PlatformTransactionManager transactions, Clock clock,
            MeterRegistry metrics) {
        this.hub = hub;
        this.cluster = cluster;
        this.store = store;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.relayed = metrics.counter("kalkan.cot.relayed");
        if (cluster.clustered()) {
            ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(QUEUE), runnable -> {
                        Thread thread = new Thread(runnable, "kalkan-cot-relay");
                        thread.setDaemon(true);
                        return thread;
                    }, (runnable, full) -> hub.dropped("relay-full"));
            this.sender = executor;
            hub.relayTo(event -> executor.execute(() -> send(event)));
        } else {
            this.sender = null;
        }
    }

    /** Stores the event and signals its id, both in one transaction: the signal goes after the commit. */
    private void send(RelayedCot event) {
        try {
            transactions.executeWithoutResult(status -> {
                UUID id = UUID.randomUUID();
                store.add(id, event, cluster.incarnation(), clock.instant());
                cluster.signal(SIGNAL, id.toString());
            });
            relayed.increment();
        } catch (RuntimeException e) {
            hub.dropped("relay-failed");
            log.warn("CoT {} not relayed to the other instances: {}", event.uid(), e.toString());
        }
    }

    /** Another instance's client sent an event: read it (it may be gone already) and give it to the hub. */
    @EventListener
    void on(SignalReceived received) {
        if (received.is(SIGNAL)) {
            store.find(UUID.fromString(received.signal().id())).ifPresent(hub::relayed);
        }
    }

    /** An instance joining a cluster knows at once the positions every other instance's clients sent. */
    @EventListener(ApplicationReadyEvent.class)
    void loadLatest() {
        if (!cluster.clustered()) {
            return;
        }
        List<RelayedCot> latest = store.latestPositions(clock.instant());
        latest.forEach(hub::relayed);
        log.info("CoT: {} positions of other instances' clients loaded", latest.size());
    }

    @PreDestroy
    void stop() {
        ThreadPoolExecutor executor = sender;
        if (executor != null) {
            executor.shutdown();
        }
    }
}
