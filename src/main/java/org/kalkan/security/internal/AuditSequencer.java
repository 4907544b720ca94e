package org.kalkan.security.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.kalkan.cluster.Lease;
import org.kalkan.security.AuditEntry;
import org.kalkan.security.Checkpoint;
import org.kalkan.security.NodeKeys;
import org.kalkan.security.SecurityProperties;
import org.kalkan.security.TreeHash;
import org.kalkan.security.internal.AuditStore.Head;
import org.kalkan.security.internal.AuditStore.Written;
import org.kalkan.security.internal.TreeMath.CompactRange;
import org.kalkan.security.internal.TreeMath.NodeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts written audit entries into the Merkle tree, in batches, on its own thread. One instance is active at a time,
 * also across nodes sharing the database (a transaction-scoped advisory lock); every run starts from what the
 * database holds. A run takes the entries of every transaction that has ended since the last checkpoint's
 * watermark (all transactions with a lower id than the oldest still running), gives them the next gapless leaf
 * indexes in (transaction, id) order, stores their leaves and the complete subtrees they close, and signs a
 * checkpoint of the new tree. Entries of a transaction still running wait for the next run, so an entry that
 * committed after a checkpoint can never fall behind it, and nothing committed is lost across a crash: the next
 * run after a restart picks it up.
 */
@Component
public class AuditSequencer implements SmartLifecycle {

    /** The advisory lock of the one active sequencer ("KALKAN" + 1). */
    public static final long LOCK_KEY = 0x4B414C4B414EL + 1;

    private static final Logger log = LoggerFactory.getLogger(AuditSequencer.class);
    private static final int PAGE = 5_000;

    private final AuditStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final NodeKeys keys;
    private final Clock clock;
    private final Duration interval;
    private final String origin;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong backlogAgeMillis = new AtomicLong();
    private final AtomicLong treeSize = new AtomicLong();
    private final Timer lag;
    private final Timer runs;
    private final Counter failures;
    private final Lease lease;
    private @Nullable ScheduledExecutorService executor;

    AuditSequencer(AuditStore store, JdbcClient jdbc, TransactionTemplate transactions, NodeKeys keys, Clock clock,
            SecurityProperties properties, MeterRegistry metrics, Lease lease) {
        this.lease = lease;
        this.store = store;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.keys = keys;
        this.clock = clock;
        this.interval = properties.audit().sequenceInterval();
        this.origin = "kalkan/" + keys.nodeId() + "/audit";
        Gauge.builder("kalkan.audit.unsequenced.entries", backlog, AtomicLong::get)
                .description("audit entries committed but not yet in the Merkle tree").register(metrics);
        Gauge.builder("kalkan.audit.unsequenced.age", backlogAgeMillis, a -> a.get() / 1000.0).baseUnit("seconds")
                .description("age of the oldest audit entry not yet in the tree").register(metrics);
        Gauge.builder("kalkan.audit.tree.size", treeSize, AtomicLong::get)
                .description("leaves of the audit log's Merkle tree").register(metrics);
        this.lag = Timer.builder("kalkan.audit.sequencing.lag").publishPercentileHistogram()
                .description("from an entry's time to its sequencing").register(metrics);
        this.runs = Timer.builder("kalkan.audit.sequencer.runs").register(metrics);
        this.failures = metrics.counter("kalkan.audit.sequencer.failures");
    }

    /** The origin line of this node's checkpoints. */
    public String origin() {
        return origin;
    }

    /**
     * Sequences what has been committed. With {@code wait}, waits for a run in progress (here or on another node);
     * without, returns at once when one is. Returns the number of entries added to the tree.
     */
    public long sequence(boolean wait) {
        Long added = transactions.execute(status -> runs.record(() -> integrate(wait)));
        return added == null ? 0 : added;
    }

    private long integrate(boolean wait) {
        if (wait) {
            jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query().singleRow();
        } else if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", LOCK_KEY)
                .query(Boolean.class).single())) {
            return 0;
        }
        Optional<Head> head = store.head();
        long size = head.map(h -> h.checkpoint().treeSize()).orElse(0L);
        String from = head.map(Head::watermark).orElse("0");
        String to = store.oldestRunningTransaction();
        CompactRange range = compactRange(size);
        Batch batch = new Batch();
        Instant now = clock.instant();
        String afterXid = from;
        long afterId = 0;
        List<Written> page;
        do {
            page = store.written(afterXid, afterId, to, PAGE);
            for (Written written : page) {
                AuditEntry entry = written.entry();
                TreeHash leaf = entry.leafHash();
                batch.leaf(range.size(), entry.id(), leaf);
                range.append(leaf, batch::node);
                lag.record(Duration.between(entry.at(), now).isNegative() ? Duration.ZERO
                        : Duration.between(entry.at(), now));
            }
            batch.flush();
            if (!page.isEmpty()) {
                Written last = page.get(page.size() - 1);
                afterXid = last.xid();
                afterId = last.entry().id();
            }
        } while (page.size() == PAGE);
        long added = range.size() - size;
        if (added > 0) {
            store.insertCheckpoint(sign(range.size(), range.root()), to);
        }
        AuditStore.Backlog waiting = store.backlog(added > 0 ? to : from);
        backlog.set(waiting.entries());
        backlogAgeMillis.set(waiting.oldest() == null ? 0 : Math.max(0, Duration.between(waiting.oldest(),
                clock.instant()).toMillis()));
        treeSize.set(range.size());
        return added;
    }

    private Checkpoint sign(long size, TreeHash root) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] body = Checkpoint.body(origin, size, root, at).getBytes(StandardCharsets.UTF_8);
        return new Checkpoint(origin, size, root, at, keys.sign(body), keys.publicKeyPem());
    }

    private CompactRange compactRange(long size) {
        if (size == 0) {
            return new CompactRange(0, List.of());
        }
        List<NodeKey> keysNeeded = TreeMath.compactRange(size);
        Map<NodeKey, TreeHash> found = store.nodes(keysNeeded);
        List<TreeHash> hashes = new ArrayList<>();
        for (NodeKey key : keysNeeded) {
            TreeHash hash = found.get(key);
            if (hash == null) {
                throw new IllegalStateException("the audit tree of " + size + " leaves lacks its subtree " + key);
            }
            hashes.add(hash);
        }
        return new CompactRange(size, hashes);
    }

    /** Leaves and subtrees of one run, inserted a page at a time. */
    private final class Batch {

        private final List<long[]> leaves = new ArrayList<>();
        private final List<TreeHash> leafHashes = new ArrayList<>();
        private final List<NodeKey> nodes = new ArrayList<>();
        private final List<TreeHash> nodeHashes = new ArrayList<>();

        void leaf(long index, long entryId, TreeHash hash) {
            leaves.add(new long[] {index, entryId});
            leafHashes.add(hash);
        }

        void node(int level, long index, TreeHash hash) {
            nodes.add(new NodeKey(level, index));
            nodeHashes.add(hash);
        }

        void flush() {
            if (!leaves.isEmpty()) {
                store.insertLeaves(leaves.stream().mapToLong(l -> l[0]).toArray(),
                        leaves.stream().mapToLong(l -> l[1]).toArray(),
                        leafHashes.stream().map(TreeHash::bytes).toArray(byte[][]::new));
            }
            if (!nodes.isEmpty()) {
                short[] levels = new short[nodes.size()];
                for (int i = 0; i < levels.length; i++) {
                    levels[i] = (short) nodes.get(i).level();
                }
                store.insertNodes(levels, nodes.stream().mapToLong(NodeKey::index).toArray(),
                        nodeHashes.stream().map(TreeHash::bytes).toArray(byte[][]::new));
            }
            leaves.clear();
            leafHashes.clear();
            nodes.clear();
            nodeHashes.clear();
        }
    }

    /** The periodic run, on the instance holding the lease (ADR 0014); callers that must wait still run anywhere. */
    private void runOnce() {
        try {
            lease.runIfHeld("audit.sequencer", () -> sequence(false));
        } catch (RuntimeException e) {
            // The edge of the sequencer's loop: count, log, and try again at the next tick.
            failures.increment();
            log.warn("audit sequencing failed; will retry: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-sequencer");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
