package org.kalkan.cluster.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.kalkan.cluster.Cluster;
import org.kalkan.cluster.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lease of an instance of a cluster (ADR 0014): a session-level advisory lock ({@code pg_try_advisory_lock}) on a
 * connection of its own, outside the pool, so no transaction, pool eviction or long query can drop or hold it by
 * accident. Every {@code kalkan.cluster.lease-check} the instance checks its connection (the holder) or tries the
 * lock (the others). A holder that dies closes its connection and PostgreSQL releases the lock at once; a holder
 * whose host vanished is dropped by the server's keep-alive (set on this session: about 11 s); a holder whose
 * connection check fails gives up the lease at once. Singleton work asks {@link #held()} at each run.
 */
@Component
@ConditionalOnClustered
class AdvisoryLease implements Lease, SmartLifecycle {

    /** The two keys of the advisory lock: "KALK" and the number. */
    static final int KEY_CLASS = 0x4B414C4B;
    static final int KEY_OBJECT = 21;
    private static final Logger log = LoggerFactory.getLogger(AdvisoryLease.class);

    private final HikariDataSource pool;
    private final JdbcClient jdbc;
    private final Cluster cluster;
    private final MeterRegistry metrics;
    private final Duration check;
    private volatile boolean held;
    private @Nullable Connection connection;
    private @Nullable ScheduledExecutorService executor;

    AdvisoryLease(HikariDataSource pool, JdbcClient jdbc, Cluster cluster, MeterRegistry metrics,
            Environment environment) {
        this.pool = pool;
        this.jdbc = jdbc;
        this.cluster = cluster;
        this.metrics = metrics;
        this.check = environment.getProperty("kalkan.cluster.lease-check", Duration.class, Duration.ofSeconds(1));
        Gauge.builder("kalkan.cluster.lease.held", this, lease -> lease.held ? 1 : 0)
                .description("1 while this instance holds the lease for singleton work").register(metrics);
    }

    @Override
    public boolean held() {
        return held;
    }

    @Override
    public Optional<String> holder() {
        return jdbc.sql("""
                SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.classid = CAST(:keyClass AS oid)
                  AND l.objid = CAST(:keyObject AS oid) AND l.objsubid = 2""")
                .param("keyClass", KEY_CLASS).param("keyObject", KEY_OBJECT)
                .query(String.class).optional()
                .map(name -> name.startsWith("kalkan/") ? name.substring("kalkan/".length()) : name);
    }

    @Override
    public boolean runIfHeld(String task, Runnable work) {
        if (!held) {
            return false;
        }
        Counter.builder("kalkan.cluster.singleton.runs").tag("task", task)
                .description("runs of singleton work on this instance while it held the lease").register(metrics)
                .increment();
        work.run();
        return true;
    }

    /** One check: keep the lease if the connection still works, else try to take it. */
    synchronized void tick() {
        try {
            Connection current = connection;
            if (current == null || !current.isValid(2)) {
                if (held) {
                    log.warn("lease lost by {}: its connection failed", cluster.incarnation());
                }
                held = false;
                closeQuietly(current);
                current = open();
                connection = current;
            }
            if (!held && tryLock(current)) {
                held = true;
                log.info("lease for singleton work taken by {}", cluster.incarnation());
            }
        } catch (SQLException | RuntimeException e) {
            // The edge of the lease's loop: without a working connection this instance holds nothing.
            if (held) {
                log.warn("lease lost by {}: {}", cluster.incarnation(), e.toString());
            }
            held = false;
            closeQuietly(connection);
            connection = null;
        }
    }

    private Connection open() throws SQLException {
        Properties settings = new Properties();
        settings.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            settings.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            settings.setProperty("password", pool.getPassword());
        }
        settings.setProperty("ApplicationName", "kalkan/" + cluster.incarnation());
        settings.setProperty("tcpKeepAlive", "true");
        settings.setProperty("socketTimeout", "10");
        settings.setProperty("connectTimeout", "5");
        // The server drops the session (and so the lock) of a holder whose host vanished within about 11 seconds.
        settings.setProperty("options", "-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 "
                + "-c tcp_keepalives_count=3");
        Connection opened = DriverManager.getConnection(pool.getJdbcUrl(), settings);
        opened.setAutoCommit(true);
        return opened;
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            statement.setInt(1, KEY_CLASS);
            statement.setInt(2, KEY_OBJECT);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(@Nullable Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the lease connection: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kalkan-lease");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::tick, 0, check.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    /** Stops checking and closes the connection: the database releases the lock, as it does when the holder dies. */
    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            held = false;
            closeQuietly(connection);
            connection = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Started before, and stopped after, the work that asks for it. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
