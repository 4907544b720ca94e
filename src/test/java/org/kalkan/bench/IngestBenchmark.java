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
 * Reports ingested over HTTP per second: {@code clients} concurrent HTTP clients (platform threads: Java 17 has no virtual threads) post reports
 * spread over the region (lon 26–80, lat 35–55) to a full node; each is validated, correlated, stored with its
 * audit entry and event in one durable transaction. Baseline in the same run and database: {@code COPY} of as many
 * rows into a scratch copy of the report table, and single-row INSERT transactions through the node's pool.
 * Not a test: run by the command in docs/benchmarks.md.
 */
public final class IngestBenchmark {

    private static final String[] NATIONS = {"aze", "kaz", "kgz", "tur", "uzb"};
    private static final IncidentCategory[] CATEGORIES = IncidentCategory.values();

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = BenchNode.intProperty("bench.count", 20_000);
        int warmup = BenchNode.intProperty("bench.warmup", 2_000);
        int clients = BenchNode.intProperty("bench.clients", 32);
        BenchNode.describeMachine();
        System.out.printf("reports: %d measured after %d warm-up, %d concurrent clients%n", count, warmup, clients);
        try (BenchNode node = BenchNode.start()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://localhost:" + node.port;
            Map<String, String> tokens = new ConcurrentHashMap<>();
            ApiClient api = new ApiClient(node.port);
            for (String nation : NATIONS) {
                tokens.put(nation, api.token(nation + ".officer", "kalkan-demo"));
            }
            post(http, base, tokens, warmup, clients);
            JdbcClient jdbc = node.bean(JdbcClient.class);
            WaitSampler waits = WaitSampler.start(jdbc);
            CpuMeter cpu = CpuMeter.start(node.dataDir);
            Result ingest = post(http, base, tokens, count, clients);
            double[] cpuSeconds = cpu.stop();
            waits.stop();
            long reports = jdbc.sql("SELECT count(*) FROM report").query(Long.class).single();
            long incidents = jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single();
            System.out.printf("%nHTTP ingest: %d reports in %.2f s = %.0f reports/s; %d failed %s%n", ingest.ok,
                    ingest.seconds, ingest.ok / ingest.seconds, ingest.failed, ingest.failures);
            System.out.printf("  request latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n", ingest.p(0.50),
                    ingest.p(0.95), ingest.p(0.99), ingest.p(1.0));
            System.out.printf("  stored: %d reports in %d incidents (after warm-up %d)%n", reports, incidents,
                    warmup);

            System.out.printf("  CPU per report: %.2f ms in the JVM (node and HTTP clients), %.2f ms in PostgreSQL; "
                    + "%.0f%% of the 2 cores' time used by both%n", cpuSeconds[0] * 1000 / ingest.ok,
                    cpuSeconds[1] * 1000 / ingest.ok, 100 * (cpuSeconds[0] + cpuSeconds[1]) / (ingest.seconds
                    * Runtime.getRuntime().availableProcessors()));
            waits.print();

            DataSource dataSource = node.bean(DataSource.class);
            jdbc.sql("CREATE TABLE bench_report_copy (LIKE report INCLUDING ALL)").update();
            jdbc.sql("CREATE TABLE bench_report_insert (LIKE report INCLUDING ALL)").update();
            double copySeconds = copy(dataSource, count);
            double insertSeconds = insert(dataSource, count, clients);
            System.out.printf("%nBaseline COPY of %d rows into a scratch report table: %.3f s = %.0f rows/s%n", count,
                    copySeconds, count / copySeconds);
            System.out.printf("Reference: %d single-row INSERT transactions, %d clients, node's pool: %.2f s = %.0f "
                    + "rows/s%n", count, clients, insertSeconds, count / insertSeconds);
            System.out.printf("%nRatio HTTP ingest / COPY = %.4f (COPY is %.0fx faster); HTTP / INSERT = %.3f%n",
                    (ingest.ok / ingest.seconds) / (count / copySeconds), (count / copySeconds) / (ingest.ok / ingest.seconds),
                    (ingest.ok / ingest.seconds) / (count / insertSeconds));
        }
    }

    record Result(int ok, int failed, Map<Integer, Integer> failures, double seconds, double[] latenciesMs) {

        double p(double q) {
            return BenchNode.quantile(latenciesMs, q);
        }
    }

    private static Result post(HttpClient http, String base, Map<String, String> tokens, int count, int clients)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        LongAdder ok = new LongAdder();
        Map<Integer, Integer> failures = new ConcurrentHashMap<>();
        double[] latencies = new double[count];
        long start = System.nanoTime();
        ExecutorService executor = Executors.newFixedThreadPool(clients);
        try {
            for (int c = 0; c < clients; c++) {
                executor.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        String nation = NATIONS[i % NATIONS.length];
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/reports"))
                                .header("Authorization", "Bearer " + tokens.get(nation))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body(nation.toUpperCase(Locale.ROOT), i)))
                                .build();
                        long sent = System.nanoTime();
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        latencies[i] = (System.nanoTime() - sent) / 1e6;
                        if (status == 201) {
                            ok.increment();
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
        return new Result(ok.intValue(), count - ok.intValue(), failures, seconds, latencies);
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
            + "severity, confidence, reported_by, source, classification, releasable_to, origin_nation, created_at";

    private static double copy(DataSource dataSource, int count) throws Exception {
        StringBuilder csv = new StringBuilder(count * 220);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < count; i++) {
            String nation = NATIONS[i % NATIONS.length].toUpperCase(Locale.ROOT);
            String[] label = label(nation, random.nextInt(4));
            IncidentCategory category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            Instant now = Instant.now();
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s report %d,Benchmark report %d filed by %s.,%s,%.5f,"
                            + "%.5f,%d,PROBABLE,%s,API,%d,\"{%s}\",%s,%s%n", UUID.randomUUID(), UUID.randomUUID(),
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
                                        + "?, ?, ?)")) {
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
