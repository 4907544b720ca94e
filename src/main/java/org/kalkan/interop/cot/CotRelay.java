package org.kalkan.interop.cot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.kalkan.cluster.Cluster;
import org.kalkan.cluster.Lease;
import org.kalkan.cluster.SignalReceived;
import org.kalkan.interop.cot.CotHub.Relayed;
import org.kalkan.platform.LabelColumns;
import org.kalkan.shared.NationCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CoT across the instances of a cluster (issue 21, ADR 0012). Each event a TAK client of this instance sends is
 * stored in {@code cot_relay} and signalled by its row id only, in one transaction, off the connection's event loop
 * (one thread, a bounded queue: when it is full the event stays on this instance, counted as
 * {@code kalkan.cot.dropped{reason=relay-full}}). Every other instance reads the row and hands it to its
 * {@link CotHub}, which gives it to its clients through the access policy, puts it on its live picture and keeps it
 * as latest SA; an instance starting later loads the positions not yet stale, so a device connecting anywhere gets
 * the latest SA of every instance's clients. The lease holder deletes stale rows. On a single node none of this
 * runs: no thread, no row, no query.
 */
@Component
class CotRelay {

    static final String SIGNAL = "cot";
    private static final Logger log = LoggerFactory.getLogger(CotRelay.class);
    private static final int QUEUE = 10_000;

    private final CotHub hub;
    private final Cluster cluster;
    private final Lease lease;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CotProperties properties;
    private final Clock clock;
    private final Counter relayed;
    private final @Nullable ThreadPoolExecutor sender;

    CotRelay(CotHub hub, Cluster cluster, Lease lease, JdbcClient jdbc, PlatformTransactionManager transactions,
            CotProperties properties, Clock clock, MeterRegistry metrics) {
        this.hub = hub;
        this.cluster = cluster;
        this.lease = lease;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.properties = properties;
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
    private void send(Relayed event) {
        try {
            transactions.executeWithoutResult(status -> {
                UUID id = UUID.randomUUID();
                insert(id, event);
                cluster.signal(SIGNAL, id.toString());
            });
            relayed.increment();
        } catch (RuntimeException e) {
            hub.dropped("relay-failed");
            log.warn("CoT {} not relayed to the other instances: {}", event.event().uid(), e.toString());
        }
    }

    private void insert(UUID id, Relayed relayed) {
        CotEvent event = relayed.event();
        NationCode origin = relayed.origin();
        jdbc.sql("""
                INSERT INTO cot_relay (id, uid, type, how, event_time, start_time, stale_time, lat, lon, hae, ce, le,
                    detail, callsign, classification, releasable_to, origin_nation, exercise_id, sender, sender_nation,
                    instance, received_at)
                VALUES (:id, :uid, :type, :how, :time, :start, :stale, :lat, :lon, :hae, :ce, :le, :detail, :callsign,
                    :classification, :releasableTo, :origin, :exercise, :sender, :senderNation, :instance, :received)""")
                .param("id", id).param("uid", event.uid()).param("type", event.type()).param("how", event.how())
                .param("time", Timestamp.from(event.time())).param("start", Timestamp.from(event.start()))
                .param("stale", Timestamp.from(event.stale())).param("lat", event.lat()).param("lon", event.lon())
                .param("hae", event.hae()).param("ce", event.ce()).param("le", event.le())
                .param("detail", event.detail()).param("callsign", event.callsign())
                .param("classification", LabelColumns.classification(relayed.label()))
                .param("releasableTo", LabelColumns.releasableTo(relayed.label()))
                .param("origin", origin == null ? null : origin.value())
                .param("exercise", relayed.exercise())
                .param("sender", relayed.sender()).param("senderNation", relayed.senderNation().value())
                .param("instance", cluster.incarnation()).param("received", Timestamp.from(clock.instant()))
                .update();
    }

    /** Another instance's client sent an event: read it (it may be gone already) and give it to the hub. */
    @EventListener
    void on(SignalReceived received) {
        if (!received.is(SIGNAL)) {
            return;
        }
        find(UUID.fromString(received.signal().id())).ifPresent(hub::relayed);
    }

    /** An instance joining a cluster knows at once the positions every other instance's clients sent. */
    @EventListener(ApplicationReadyEvent.class)
    void loadLatest() {
        if (!cluster.clustered()) {
            return;
        }
        List<Relayed> latest = jdbc.sql("""
                SELECT DISTINCT ON (uid) * FROM cot_relay WHERE type LIKE 'a-%' AND stale_time > :now
                ORDER BY uid, received_at DESC""").param("now", Timestamp.from(clock.instant()))
                .query(CotRelay::row).list();
        latest.forEach(hub::relayed);
        log.info("CoT: {} positions of other instances' clients loaded", latest.size());
    }

    /** Deletes stale rows (and any older than the uid hold), on the lease holder. */
    @Scheduled(fixedDelayString = "${kalkan.cot.relay-prune:PT1M}")
    void prune() {
        if (!cluster.clustered()) {
            return;
        }
        Instant now = clock.instant();
        lease.runIfHeld("cot.relay.prune", () -> jdbc.sql(
                "DELETE FROM cot_relay WHERE stale_time < :now OR received_at < :oldest")
                .param("now", Timestamp.from(now)).param("oldest", Timestamp.from(now.minus(properties.uidHold())))
                .update());
    }

    private Optional<Relayed> find(UUID id) {
        return jdbc.sql("SELECT * FROM cot_relay WHERE id = :id").param("id", id).query(CotRelay::row).optional();
    }

    private static Relayed row(ResultSet rs, int row) throws SQLException {
        var label = LabelColumns.read(rs);
        String origin = rs.getString("origin_nation");
        CotEvent event = new CotEvent(rs.getString("uid"), rs.getString("type"), rs.getString("how"),
                rs.getTimestamp("event_time").toInstant(), rs.getTimestamp("start_time").toInstant(),
                rs.getTimestamp("stale_time").toInstant(), rs.getDouble("lat"), rs.getDouble("lon"),
                rs.getDouble("hae"), rs.getDouble("ce"), rs.getDouble("le"), rs.getString("detail"),
                rs.getString("callsign"), label);
        return new Relayed(event, label, origin == null ? null : NationCode.of(origin),
                rs.getObject("exercise_id", UUID.class), NationCode.of(rs.getString("sender_nation")),
                rs.getString("sender"));
    }

    @PreDestroy
    void stop() {
        ThreadPoolExecutor executor = sender;
        if (executor != null) {
            executor.shutdown();
        }
    }
}
