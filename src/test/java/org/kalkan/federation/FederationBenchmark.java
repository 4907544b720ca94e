package org.kalkan.federation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.kalkan.ApiClient;
import org.kalkan.incident.IncidentFixtures;

/**
 * Federation benchmark (not in {@code mvn verify}; docs/benchmarks.md §6). Two whole nodes in this JVM, CMC pulling
 * AZE through the in-process {@link FaultProxy}:
 * <ol>
 * <li>lag: reports filed on AZE at a fixed rate, each timed from just before its POST to the moment CMC applied it
 * (its {@code REPORT_RECEIVED} audit entry) — p50, p99, max;</li>
 * <li>catch-up: the link black-holed while AZE files a backlog, then opened as a 256 kbit/s link; the time until CMC
 * holds AZE's whole log and the bytes the link carried both ways, against the same records as gzip-compressed JSON
 * (each report as {@code GET /api/v1/reports/{id}} answers it, in one JSON array).</li>
 * </ol>
 * Arguments: reports/s, seconds, backlog reports.
 */
public final class FederationBenchmark {

    private FederationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int backlog = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        Path root = Path.of("target", "bench-data", "federation-" + UUID.randomUUID());
        FederationNode cmc = FederationNode.start("CMC", null, root.resolve("cmc"));
        FederationNode aze = FederationNode.start("AZE", "AZE", root.resolve("aze"));
        FaultProxy link = new FaultProxy(aze.node().get("federationPort").asInt());
        cmc.register(aze, link.url(), List.of("AZE"), "SECRET");
        aze.register(cmc, cmc.url(), FederationCluster.ALL_NATIONS, "SECRET");
        String officer = aze.token("aze.officer");
        String first = aze.file("aze.officer", "OTHER", 40, 49, "RESTRICTED", "MEMBERS");
        until(() -> received(cmc).containsKey(first), Duration.ofSeconds(60));

        // 1. Lag at a fixed rate.
        Map<String, Instant> sent = new ConcurrentHashMap<>();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(1);
        ExecutorService posters = Executors.newFixedThreadPool(16);
        long periodNanos = 1_000_000_000L / rate;
        int total = rate * seconds;
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        Instant begin = Instant.now();
        clock.scheduleAtFixedRate(() -> {
            int n = started.getAndIncrement();
            if (n >= total) {
                return;
            }
            posters.execute(() -> {
                Instant at = Instant.now();
                ApiClient.Response filed = aze.api.post("/api/v1/reports", officer,
                        IncidentFixtures.report("OTHER", 38 + (n % 80) * 0.1, 45 + (n / 80) * 0.1, "RESTRICTED",
                                "MEMBERS"));
                if (filed.status() == 201) {
                    sent.put(filed.json().get("id").asString(), at);
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        until(() -> started.get() >= total, Duration.ofSeconds(seconds * 10L));
        clock.shutdown();
        posters.shutdown();
        posters.awaitTermination(5, TimeUnit.MINUTES);
        double achieved = sent.size() / Math.max(0.001, Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        until(() -> received(cmc).keySet().containsAll(sent.keySet()), Duration.ofMinutes(5));
        Map<String, Instant> arrived = received(cmc);
        List<Long> lags = new ArrayList<>();
        sent.forEach((id, at) -> lags.add(Duration.between(at, arrived.get(id)).toMillis()));
        lags.sort(Long::compare);
        System.out.printf("LAG %d reports at %d/s requested (%.1f/s achieved): p50 %d ms, p99 %d ms, max %d ms%n",
                lags.size(), rate, achieved, percentile(lags, 50), percentile(lags, 99), lags.get(lags.size() - 1));

        // 2. Catch-up after a partition over a thin link.
        link.blackHole(true).dropConnections();
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService filers = Executors.newFixedThreadPool(8);
        for (int i = 0; i < backlog; i++) {
            int n = i;
            filers.execute(() -> ids.add(aze.api.post("/api/v1/reports", officer, IncidentFixtures.report("OTHER",
                    36 + (n % 100) * 0.1, 60 + (n / 100) * 0.1, "RESTRICTED", "MEMBERS")).json().get("id").asString()));
        }
        filers.shutdown();
        filers.awaitTermination(30, TimeUnit.MINUTES);
        until(() -> unsequenced(aze) == 0, Duration.ofMinutes(5));
        long head = aze.stream("AZE")[3];
        long heldBefore = cmc.stream("AZE")[3];
        link.resetCounters();
        link.bandwidth(256_000).blackHole(false).dropConnections();
        Instant opened = Instant.now();
        until(() -> cmc.stream("AZE")[3] >= head, Duration.ofHours(1));
        Duration catchUp = Duration.between(opened, Instant.now());
        long wire = link.bytes();

        StringBuilder json = new StringBuilder("[");
        for (String id : ids) {
            json.append(json.length() > 1 ? "," : "").append(aze.api.get("/api/v1/reports/" + id, officer).body());
        }
        json.append(']');
        byte[] raw = json.toString().getBytes(StandardCharsets.UTF_8);
        long floor = gzip(raw);
        System.out.printf("CATCH-UP %d reports (%d log entries) over 256 kbit/s: %.1f s, %d bytes on the wire "
                        + "(both ways, TLS included); the same records as JSON %d bytes, gzip %d bytes: %.2f x the floor%n",
                ids.size(), head - heldBefore, catchUp.toMillis() / 1000.0, wire, raw.length, floor,
                (double) wire / floor);
        link.close();
        aze.close();
        cmc.close();
        System.exit(0);
    }

    private static long unsequenced(FederationNode node) {
        return node.jdbc().sql("SELECT count(*) FROM federation_entry WHERE seq IS NULL").query(Long.class).single();
    }

    private static Map<String, Instant> received(FederationNode node) {
        Map<String, Instant> at = new java.util.HashMap<>();
        node.jdbc().sql("SELECT target, at FROM audit_log WHERE action = 'REPORT_RECEIVED'")
                .query((rs, i) -> at.put(rs.getString(1).substring("report:".length()),
                        rs.getTimestamp(2).toInstant())).list();
        return at;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static long gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.size();
    }

    private static void until(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not within " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
