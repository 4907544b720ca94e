package org.kalkan.interop.cot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * CoT across the instances of a cluster (issue 21, ADR 0012). The events TAK clients of this instance send are
 * stored ({@link CotRelayStore}) and signalled by their row ids only, a batch per transaction, off the connections'
 * event loops (one thread, a bounded queue: when it is full the event stays on this instance, counted as
 * {@code kalkan.cot.dropped{reason=relay-full}}). Every other instance reads the row and hands it to its
 * {@link CotHub}, which gives it to its clients through the access policy, puts it on its live picture and keeps it
 * as latest SA; an instance starting later loads the positions not yet stale, so a device connecting anywhere gets
 * the latest SA of every instance's clients. On a single node none of this runs: no thread, no row, no query.
 */
@Component
class CotRelay {

    static final String SIGNAL = "cot";
    /** The signal's attribute listing the relayed rows' ids, in the order their devices sent them. */
    static final String IDS = "ids";
    private static final Logger log = LoggerFactory.getLogger(CotRelay.class);
    private static final int QUEUE = 10_000;
    /** At most this many events per transaction and signal (one row of 20 parameters each). */
    private static final int BATCH = 256;
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final CotHub hub;
    private final Cluster cluster;
    private final CotRelayStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Counter relayed;
    private final BlockingQueue<RelayedCot> queue = new ArrayBlockingQueue<>(QUEUE);
    private final @Nullable Thread sender;

    CotRelay(CotHub hub, Cluster cluster, CotRelayStore store, PlatformTransactionManager transactions, Clock clock,
            MeterRegistry metrics) {
        this.hub = hub;
        this.cluster = cluster;
        this.store = store;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.relayed = metrics.counter("kalkan.cot.relayed");
        if (cluster.clustered()) {
            Thread thread = new Thread(this::sendWhileRunning, "kalkan-cot-relay");
            thread.setDaemon(true);
            thread.start();
            this.sender = thread;
            hub.relayTo(event -> {
                if (!queue.offer(event)) {
                    hub.dropped("relay-full");
                }
            });
        } else {
            this.sender = null;
        }
    }

    /**
     * Sends what queued up since the last send, and what comes within 20 ms of its first event, as one batch: one
     * transaction, one signal. The commit (and its flush to disk), the Kafka record and every other instance's read
     * are shared by the batch instead of paid by each event.
     * All batches of this instance carry its incarnation as the signal's id, so they share one Kafka partition and
     * every other instance receives them in the order they were sent: a track never moves backwards there.
     */
    private void sendWhileRunning() {
        List<RelayedCot> batch = new ArrayList<>(BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
                // Gather a little: at a few hundred events a second each would otherwise be its own transaction,
                // Kafka record and query on every other instance, and those per-signal costs dominated the
                // three-instance benchmark. A position is sent once a second; 20 ms is not seen on a map.
                long until = System.nanoTime() + GATHER_NANOS;
                long left;
                while (batch.size() < BATCH && (left = until - System.nanoTime()) > 0) {
                    RelayedCot next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, BATCH - batch.size());
                }
            } catch (InterruptedException e) {
                return;
            }
            send(batch);
            batch.clear();
        }
    }

    private void send(List<RelayedCot> batch) {
        try {
            transactions.executeWithoutResult(status -> {
                List<UUID> ids = store.addAll(batch, cluster.incarnation(), clock.instant());
                cluster.signal(SIGNAL, cluster.incarnation(), Map.of(IDS,
                        ids.stream().map(UUID::toString).collect(Collectors.joining(","))));
            });
            relayed.increment(batch.size());
        } catch (RuntimeException e) {
            batch.forEach(event -> hub.dropped("relay-failed"));
            log.warn("{} CoT events not relayed to the other instances: {}", batch.size(), e.toString());
        }
    }

    /** Another instance's clients sent events: read those still there and give them to the hub in their order. */
    @EventListener
    void on(SignalReceived received) {
        if (received.is(SIGNAL)) {
            String ids = received.signal().attribute(IDS, "");
            store.findAll(Arrays.stream(ids.split(",")).filter(id -> !id.isEmpty()).map(UUID::fromString).toList())
                    .forEach(hub::relayed);
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
        Thread thread = sender;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
