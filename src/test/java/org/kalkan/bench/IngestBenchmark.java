package org.kalkan.bench;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.kalkan.ApiClient;
import org.kalkan.incident.IncidentCategory;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reports ingested over HTTP per second, one per request ({@code POST /api/v1/reports}, {@code clients} concurrent
 * clients on platform threads) and in batches ({@code POST /api/v1/reports/batch}, {@code bench.batch.size} reports
 * a request, {@code bench.batch.clients} concurrent clients), spread over the region (lon 26–80, lat 35–55): each
 * validated, label-checked, correlated, stored with its audit entry and event in a durable transaction. Baselines in
 * the same run and database: {@code COPY} of rows of the same shape into a scratch copy of the report table, and
 * single-row INSERT transactions by 32 threads through the node's pool. Also measured: CPU per report (JVM and
 * PostgreSQL), what the database sessions waited for, and the audit sequencer's lag (checkpoint time minus entry time).
 * Not a test: run by the command in docs/benchmarks.md.
 */
public final class IngestBenchmark {

    private static final String[] NATIONS = {"aze", "kaz", "kgz", "tur", "uzb"};
    private static final IncidentCategory[] CATEGORIES = IncidentCategory.values();

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = System.getProperty("bench.mode", "all");
        int count = BenchNode.intProperty("bench.count", 20_000);
        int warmup = BenchNode.intProperty("bench.warmup", 2_000);
        int clients = BenchNode.intProperty("bench.clients", 32);
        int batchCount = BenchNode.intProperty("bench.batch.count", 100_000);
        int batchSize = BenchNode.intProperty("bench.batch.size", 500);
        int batchClients = BenchNode.intProperty("bench.batch.clients", 4);
        int baselineCount = BenchNode.intProperty("bench.baseline.count", 20_000);
        BenchNode.describeMachine();
        System.out.printf("mode %s; single: %d measured after %d warm-up, %d clients; batch: %d reports in batches of "
                + "%d, %d clients; baselines: %d rows%n", mode, count, warmup, clients, batchCount, batchSize,
                batchClients, baselineCount);
        try (BenchNode node = BenchNode.start()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://localhost:" + node.port;
            Map<String, String> tokens = new ConcurrentHashMap<>();
            ApiClient api = new ApiClient(node.port);
            for (String nation : NATIONS) {
                tokens.put(nation, api.token(nation + ".officer", "kalkan-demo"));
            }
            JdbcClient jdbc = node.bean(JdbcClient.class);
            post(http, base, tokens, warmup, clients);
            if (!mode.equals("single")) {
                postBatches(http, base, tokens, Math.min(warmup, batchCount), batchSize, batchClients);
            }
            List<String> results = new java.util.ArrayList<>();
            if (!mode.equals("batch")) {
                BenchNode.printLoad("single-report phase starts");
                Phase phase = Phase.start("single", node, jdbc);
                Result ingest = post(http, base, tokens, count, clients);
                double rate = ingest.ok / ingest.seconds;
                System.out.printf("%nHTTP ingest, one report a request: %d reports in %.2f s = %.0f reports/s; %d "
                        + "failed %s%n", ingest.ok, ingest.seconds, rate, ingest.failed, ingest.failures);
                System.out.printf("  request latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n", ingest.p(0.50),
                        ingest.p(0.95), ingest.p(0.99), ingest.p(1.0));
                phase.stop(ingest.ok, ingest.seconds);
                results.add(String.format(Locale.ROOT, "single %.0f", rate));
            }
            if (!mode.equals("single")) {
                BenchNode.printLoad("batch phase starts");
                Phase phase = Phase.start("batch", node, jdbc);
                Result batches = postBatches(http, base, tokens, batchCount, batchSize, batchClients);
                double rate = batches.ok / batches.seconds;
                System.out.printf("%nHTTP batch ingest, %d reports a request: %d reports in %.2f s = %.0f reports/s; "
                        + "%d failed %s%n", batchSize, batches.ok, batches.seconds, rate, batches.failed,
                        batches.failures);
                System.out.printf("  request latency ms (a batch): p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
                        batches.p(0.50), batches.p(0.95), batches.p(0.99), batches.p(1.0));
                phase.stop(batches.ok, batches.seconds);
                results.add(String.format(Locale.ROOT, "batch %.0f", rate));
            }
            long reports = jdbc.sql("SELECT count(*) FROM report").query(Long.class).single();
            long incidents = jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single();
            System.out.printf("%nstored: %d reports in %d incidents (warm-up included)%n", reports, incidents);

            BenchNode.printLoad("baselines start");
            DataSource dataSource = node.bean(DataSource.class);
            jdbc.sql("CREATE TABLE bench_report_copy (LIKE report INCLUDING ALL)").update();
            jdbc.sql("CREATE TABLE bench_report_insert (LIKE report INCLUDING ALL)").update();
            double copyRate = baselineCount / copy(dataSource, baselineCount);
            double insertRate = baselineCount / insert(dataSource, baselineCount, 32);
            System.out.printf("%nBaseline COPY of %d rows into a scratch report table: %.0f rows/s%n", baselineCount,
                    copyRate);
            System.out.printf("Baseline: %d single-row INSERT transactions, 32 threads, node's pool: %.0f rows/s%n",
                    baselineCount, insertRate);
            for (String result : results) {
                String[] parts = result.split(" ");
                double rate = Double.parseDouble(parts[1]);
                System.out.printf("Ratio %s ingest / INSERT = %.3f; / COPY = %.4f (COPY %.0fx faster)%n", parts[0],
                        rate / insertRate, rate / copyRate, copyRate / rate);
            }
            BenchNode.printLoad("done");
        }
    }

    /** What one measured phase cost: CPU, database waits, and how far the audit sequencer lagged. */
    private record Phase(String name, BenchNode node, JdbcClient jdbc, WaitSampler waits, CpuMeter cpu,
            long firstAuditId, @org.jspecify.annotations.Nullable Profile profile) {

        static Phase start(String name, BenchNode node, JdbcClient jdbc) throws Exception {
            long firstAuditId = jdbc.sql("SELECT coalesce(max(id), 0) + 1 FROM audit_log").query(Long.class).single();
            return new Phase(name, node, jdbc, WaitSampler.start(jdbc), CpuMeter.start(node.dataDir), firstAuditId,
                    Profile.startIfAsked(name));
        }

        void stop(int reports, double seconds) throws Exception {
            double[] cpuSeconds = cpu.stop();
            waits.stop();
            if (profile != null) {
                profile.stop();
            }
            System.out.printf("  CPU per report: %.2f ms in the JVM (node and HTTP clients), %.2f ms in PostgreSQL; "
                    + "%.0f%% of the %d cores' time used by both%n", cpuSeconds[0] * 1000 / reports,
                    cpuSeconds[1] * 1000 / reports, 100 * (cpuSeconds[0] + cpuSeconds[1])
                            / (seconds * Runtime.getRuntime().availableProcessors()),
                    Runtime.getRuntime().availableProcessors());
            waits.print();
            // Everything written in the phase is sequenced once the backlog is gone; then measure how long it took.
            org.kalkan.security.AuditLog log = node.bean(org.kalkan.security.AuditLog.class);
            while (log.sequence() > 0) {
                System.out.println("  (sequencing the rest)");
            }
            var lag = jdbc.sql("""
                    SELECT count(*) AS n,
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.at - a.at)) AS p50,
                           percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM c.at - a.at)) AS p99,
                           max(extract(epoch FROM c.at - a.at)) AS worst
                    FROM audit_log a JOIN audit_leaf l ON l.entry_id = a.id
                    JOIN LATERAL (SELECT at FROM audit_checkpoint c WHERE c.tree_size > l.leaf_index
                                  ORDER BY c.tree_size LIMIT 1) c ON true
                    WHERE a.id >= :first""").param("first", firstAuditId).query().singleRow();
            long checkpoints = jdbc.sql("SELECT count(*) FROM audit_checkpoint c WHERE c.tree_size > (SELECT min("
                    + "leaf_index) FROM audit_leaf l JOIN audit_log a ON a.id = l.entry_id WHERE a.id >= :first)")
                    .param("first", firstAuditId).query(Long.class).single();
            System.out.printf("  audit sequencer lag (checkpoint time - entry time) over %s entries, %d checkpoints: "
                    + "p50 %.3f s, p99 %.3f s, max %.3f s%n", lag.get("n"), checkpoints, number(lag.get("p50")),
                    number(lag.get("p99")), number(lag.get("worst")));
        }

        private static double number(Object value) {
            return value == null ? Double.NaN : ((Number) value).doubleValue();
        }
    }

    record Result(int ok, int failed, Map<Integer, Integer> failures, double seconds, double[] latenciesMs) {

        double p(double q) {
            return BenchNode.quantile(latenciesMs, q);
        }
    }

    private static Result post(HttpClient http, String base, Map<String, String> tokens, int count, int clients)
            throws InterruptedException {
        return send(count, clients, 1, i -> {
            String nation = NATIONS[i % NATIONS.length];
            return HttpRequest.newBuilder(URI.create(base + "/api/v1/reports"))
                    .header("Authorization", "Bearer " + tokens.get(nation))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(nation.toUpperCase(Locale.ROOT), i)))
                    .build();
        }, http);
    }

    /** Batches of one nation's reports each (a national node or gateway posts its own). */
    private static Result postBatches(HttpClient http, String base, Map<String, String> tokens, int count,
            int batchSize, int clients) throws InterruptedException {
        return send(count, clients, batchSize, b -> {
            String nation = NATIONS[b % NATIONS.length];
            StringBuilder array = new StringBuilder(batchSize * 400).append('[');
            for (int j = 0; j < batchSize; j++) {
                array.append(j == 0 ? "" : ",").append(body(nation.toUpperCase(Locale.ROOT), b * batchSize + j));
            }
            return HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/batch"))
                    .header("Authorization", "Bearer " + tokens.get(nation))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(array.append(']').toString()))
                    .build();
        }, http);
    }

    /** Sends count / perRequest requests from {@code clients} threads; a 201 counts perRequest reports. */
    private static Result send(int count, int clients, int perRequest,
            java.util.function.IntFunction<HttpRequest> request, HttpClient http) throws InterruptedException {
        int requests = count / perRequest;
        AtomicInteger next = new AtomicInteger();
        LongAdder ok = new LongAdder();
        Map<Integer, Integer> failures = new ConcurrentHashMap<>();
        double[] latencies = new double[requests];
        long start = System.nanoTime();
        ExecutorService executor = Executors.newFixedThreadPool(clients);
        try {
            for (int c = 0; c < clients; c++) {
                executor.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        HttpRequest built = request.apply(i);
                        long sent = System.nanoTime();
                        int status;
                        try {
                            status = http.send(built, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        latencies[i] = (System.nanoTime() - sent) / 1e6;
                        if (status == 201) {
                            ok.add(perRequest);
                        } else {
                            failures.merge(status, 1, Integer::sum);
                        }
                    }
                    return null;
                });
            }
        } finally {
            BenchNode.await(executor);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Result(ok.intValue(), requests * perRequest - ok.intValue(), failures, seconds, latencies);
    }

    /** A report somewhere in the region within the last six hours, with one of the usual labels. */
    static String body(String nation, int i) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        IncidentCategory category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        String[] label = label(nation, random.nextInt(4));
        return String.format(Locale.ROOT, """
                {"category":"%s","title":"%s report %d","narrative":"Benchmark report %d filed by %s.",\
                "observedAt":"%s","location":{"lat":%.5f,"lon":%.5f},"severity":%d,"confidence":"PROBABLE",\
                "label":{"classification":"%s","releasableTo":[%s]}}""", category, category, i, i, nation,
                Instant.now().minusSeconds(random.nextInt(6 * 3600)), 35 + random.nextDouble() * 20,
                26 + random.nextDouble() * 54, 1 + random.nextInt(5), label[0], label[1]);
    }

    private static String[] label(String nation, int kind) {
        return switch (kind) {
            case 0 -> new String[] {"UNCLASSIFIED", "\"ALL\""};
            case 1 -> new String[] {"RESTRICTED", "\"MEMBERS\""};
            case 2 -> new String[] {"CONFIDENTIAL", "\"" + nation + "\",\"" + (nation.equals("TUR") ? "AZE" : "TUR")
                    + "\""};
            default -> new String[] {"SECRET", "\"" + nation + "\""};
        };
    }

    private static final String COLUMNS = "id, incident_id, category, title, narrative, observed_at, lat, lon, "
            + "severity, confidence, reported_by, source, classification, releasable_to, origin_nation, created_at, "
            + "origin_node";

    private static double copy(DataSource dataSource, int count) throws Exception {
        StringBuilder csv = new StringBuilder(count * 220);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < count; i++) {
            String nation = NATIONS[i % NATIONS.length].toUpperCase(Locale.ROOT);
            String[] label = label(nation, random.nextInt(4));
            IncidentCategory category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            Instant now = Instant.now();
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s report %d,Benchmark report %d filed by %s.,%s,%.5f,"
                            + "%.5f,%d,PROBABLE,%s,API,%d,\"{%s}\",%s,%s,CMC%n", UUID.randomUUID(), UUID.randomUUID(),
                    category, category, i, i, nation, now.minusSeconds(random.nextInt(6 * 3600)),
                    35 + random.nextDouble() * 20, 26 + random.nextDouble() * 54, 1 + random.nextInt(5),
                    nation.toLowerCase(Locale.ROOT) + ".officer", rank(label[0]), label[1].replace("\"", ""), nation,
                    now));
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            PGConnection pg = connection.unwrap(PGConnection.class);
            long start = System.nanoTime();
            long copied = pg.getCopyAPI().copyIn("COPY bench_report_copy (" + COLUMNS + ") FROM STDIN (FORMAT csv)",
                    new StringReader(csv.toString()));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (copied != count) {
                throw new IllegalStateException("COPY stored " + copied + " rows, not " + count);
            }
            return seconds;
        }
    }

    private static double insert(DataSource dataSource, int count, int clients) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService executor = Executors.newFixedThreadPool(clients);
        try {
            for (int c = 0; c < clients; c++) {
                executor.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        try (Connection connection = dataSource.getConnection();
                                PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_report_insert ("
                                        + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROBABLE', ?, 'API', ?, "
                                        + "?, ?, ?, 'CMC')")) {
                            connection.setAutoCommit(true);
                            String nation = NATIONS[i % NATIONS.length].toUpperCase(Locale.ROOT);
                            String[] label = label(nation, random.nextInt(4));
                            IncidentCategory category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                            insert.setObject(1, UUID.randomUUID());
                            insert.setObject(2, UUID.randomUUID());
                            insert.setString(3, category.name());
                            insert.setString(4, category + " report " + i);
                            insert.setString(5, "Benchmark report " + i + " filed by " + nation + ".");
                            insert.setTimestamp(6, Timestamp.from(Instant.now().minusSeconds(random.nextInt(21600))));
                            insert.setDouble(7, 35 + random.nextDouble() * 20);
                            insert.setDouble(8, 26 + random.nextDouble() * 54);
                            insert.setInt(9, 1 + random.nextInt(5));
                            insert.setString(10, nation.toLowerCase(Locale.ROOT) + ".officer");
                            insert.setInt(11, rank(label[0]));
                            insert.setArray(12, connection.createArrayOf("text",
                                    label[1].replace("\"", "").split(",")));
                            insert.setString(13, nation);
                            insert.setTimestamp(14, Timestamp.from(Instant.now()));
                            insert.executeUpdate();
                        }
                    }
                    return null;
                });
            }
        } finally {
            BenchNode.await(executor);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static int rank(String classification) {
        return List.of("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET").indexOf(classification);
    }

}
