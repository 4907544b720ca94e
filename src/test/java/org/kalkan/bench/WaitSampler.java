package org.kalkan.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Samples what PostgreSQL's active sessions wait for (pg_stat_activity), and whose advisory locks they wait on
 * (pg_locks), every 20 ms while a benchmark runs.
 */
final class WaitSampler {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private int samples;

    private WaitSampler(JdbcClient jdbc) {
        thread = new Thread(() -> {
            while (running.get()) {
                jdbc.sql("""
                        SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS wait
                        FROM pg_stat_activity
                        WHERE backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()""")
                        .query(String.class).list().forEach(wait -> counts.merge(wait, 1, Integer::sum));
                // Whose advisory lock: the audit keys start 0x4B414C4B414E (high half 0x4B41 = 19265): the old
                // chain's lock, now only the sequencer's; the others are the incident module's correlation locks.
                jdbc.sql("""
                        SELECT CASE WHEN classid = 19265 THEN 'waiting: audit lock'
                                    ELSE 'waiting: correlation lock' END
                        FROM pg_locks WHERE locktype = 'advisory' AND NOT granted""")
                        .query(String.class).list().forEach(wait -> counts.merge(wait, 1, Integer::sum));
                samples++;
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "wait-sampler");
        thread.setDaemon(true);
    }

    static WaitSampler start(JdbcClient jdbc) {
        WaitSampler sampler = new WaitSampler(jdbc);
        sampler.thread.start();
        return sampler;
    }

    void stop() throws InterruptedException {
        running.set(false);
        thread.join();
    }

    /** The average number of active sessions in each wait, most first. */
    void print() {
        System.out.printf("  active PostgreSQL sessions by wait (average over %d samples):%n", samples);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf("    %-32s %.2f%n", e.getKey(), e.getValue() / (double) samples));
    }
}
