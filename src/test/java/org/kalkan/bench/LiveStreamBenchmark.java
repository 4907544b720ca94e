package org.kalkan.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.kalkan.ApiClient;
import org.kalkan.KalkanApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * SSE fan-out: S subscribers of mixed nations on the live stream while reports arrive at R per second; measures
 * the latency from the moment a client sent a report (so it includes the request and the commit) to its delivery
 * at each subscriber allowed to read it, and checks that nobody receives what they may not read.
 *
 * <p>Run: {@code bench/live-stream 200 500 20 50} (subscribers, reports per second, seconds, reports per request:
 * 1 posts each report on its own, more posts batches to {@code /api/v1/reports/batch} as a feed would). Not part of
 * {@code mvn verify}. Against instances started elsewhere ({@code scripts/cluster-demo}):
 * {@code -Dbench.post=9080 -Dbench.watch=9080,9081} files on the first and spreads the subscribers over both,
 * reporting each instance's latency apart (the instances should run with
 * {@code --kalkan.incident.correlation-distance-km=0.0001} so that each report opens its own incident).
 */
public final class LiveStreamBenchmark {

    private static final String[] NATIONS = {"aze", "kaz", "kgz", "tur", "uzb"};
    /** Labels and who may read them: REL TO MEMBERS, REL TO AZE+TUR, REL TO ALL (observers too). */
    private static final List<Map<String, Object>> LABELS = List.of(
            Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS")),
            Map.of("classification", "CONFIDENTIAL", "releasableTo", List.of("AZE", "TUR")),
            Map.of("classification", "UNCLASSIFIED", "releasableTo", List.of("ALL")));

    private LiveStreamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int perRequest = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        BenchNode.describeMachine();
        String post = System.getProperty("bench.post", "");
        if (!post.isEmpty()) { // instances started elsewhere, e.g. by scripts/cluster-demo
            int[] watch = java.util.Arrays.stream(System.getProperty("bench.watch", post).split(","))
                    .mapToInt(Integer::parseInt).toArray();
            run(Integer.parseInt(post), watch, subscribers, rate, seconds, perRequest);
            BenchNode.printLoad("done");
            System.exit(0);
        }
        Path data = Files.createTempDirectory("kalkan-bench-");
        ConfigurableApplicationContext node = new SpringApplicationBuilder(KalkanApplication.class)
                .profiles("demo")
                // Every report opens its own incident, so each event is traceable to its report.
                .run("--server.port=0", "--kalkan.cot.tls-port=0", "--kalkan.platform.data-dir=" + data,
                        "--kalkan.incident.correlation-distance-km=0.0001", "--logging.level.root=WARN",
                        "--logging.level.org.springframework.boot.webmvc=OFF", "--kalkan.platform.db.pool-size=20");
        try {
            int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
            run(port, new int[] {port}, subscribers, rate, seconds, perRequest);
            BenchNode.printLoad("done");
        } finally {
            node.close();
        }
        System.exit(0);
    }

    /**
     * Files reports on {@code port} and spreads the subscribers over {@code watchPorts} (subscriber i on the i-th
     * modulo their number), reporting the latency separately for each: with several instances, a report filed on
     * one and delivered by another has crossed Kafka.
     */
    private static void run(int port, int[] watchPorts, int subscriberCount, int rate, int seconds, int perRequest)
            throws Exception {
        ApiClient api = new ApiClient(port);
        Map<String, String> tokens = new ConcurrentHashMap<>();
        List<String> users = new ArrayList<>();
        for (String n : NATIONS) {
            users.add(n + ".officer");
            users.add(n + ".delegate");
        }
        users.add("hun.observer");
        for (String user : users) {
            tokens.put(user, api.token(user, "kalkan-demo"));
        }
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, List<Long>> latenciesByPort = new ConcurrentHashMap<>();
        for (int watchPort : watchPorts) {
            latenciesByPort.put(watchPort, Collections.synchronizedList(new ArrayList<>()));
        }
        AtomicLong leaks = new AtomicLong();
        AtomicLong received = new AtomicLong();
        AtomicLong resyncs = new AtomicLong();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newCachedThreadPool()).build();
        CountDownLatch connected = new CountDownLatch(subscriberCount);
        ExecutorService readers = Executors.newCachedThreadPool();
        for (int i = 0; i < subscriberCount; i++) {
            String user = users.get(i % users.size());
            String nation = user.substring(0, 3).toUpperCase(java.util.Locale.ROOT);
            int watchPort = watchPorts[i % watchPorts.length];
            readers.submit(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + watchPort
                        + "/api/v1/events"))
                        .header("Authorization", "Bearer " + tokens.get(user)).build();
                HttpResponse<java.io.InputStream> response = http.send(request,
                        HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("event:stream.open")) {
                            connected.countDown();
                        }
                        if (line.startsWith("event:stream.resync")) {
                            resyncs.incrementAndGet();
                        }
                        if (line.startsWith("data:{\"type\":\"Feature\"")) {
                            long now = System.nanoTime();
                            // Plain string scanning: the client must not eat the cores the node needs.
                            Long sent = sentAt.get(field(line, "title"));
                            if (sent != null) {
                                latencies.add(now - sent);
                                latenciesByPort.get(watchPort).add(now - sent);
                                received.incrementAndGet();
                            }
                            if (!mayRead(nation, field(line, "marking"))) {
                                leaks.incrementAndGet();
                            }
                        }
                    }
                }
                return null;
            });
        }
        if (!connected.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("subscribers did not connect");
        }
        System.out.printf("%d subscribers connected; sending %d reports/s for %d s, %d a request%n", subscriberCount,
                rate, seconds, perRequest);
        BenchNode.printLoad("sending starts");
        ExecutorService senders = Executors.newFixedThreadPool(32);
        long start = System.nanoTime();
        int requests = rate * seconds / perRequest;
        int total = requests * perRequest;
        AtomicLong failed = new AtomicLong();
        for (int r = 0; r < requests; r++) {
            long due = start + (long) r * perRequest * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int first = r * perRequest;
            senders.submit(() -> {
                // One reporter per request (a batch is one nation's feed); labels it may write.
                String reporter = NATIONS[first / perRequest % NATIONS.length] + ".officer";
                List<Map<String, Object>> bodies = new ArrayList<>();
                for (int n = first; n < first + perRequest; n++) {
                    Map<String, Object> label = LABELS.get(n % LABELS.size());
                    if (label.get("releasableTo").equals(List.of("AZE", "TUR"))
                            && !reporter.startsWith("aze") && !reporter.startsWith("tur")) {
                        label = LABELS.get(0);
                    }
                    String title = "bench-" + n;
                    bodies.add(Map.of("category", "OTHER", "title", title, "narrative", "benchmark",
                            "observedAt", java.time.Instant.now().toString(),
                            "location", Map.of("lat", 36 + (n % 1900) / 100.0, "lon", 27 + (n % 5300) / 100.0),
                            "severity", 2, "confidence", "POSSIBLE", "label", label));
                }
                long sent = System.nanoTime();
                bodies.forEach(body -> sentAt.put((String) body.get("title"), sent));
                int status = perRequest == 1 ? api.post("/api/v1/reports", tokens.get(reporter), bodies.get(0)).status()
                        : api.post("/api/v1/reports/batch", tokens.get(reporter), bodies).status();
                if (status != 201) {
                    failed.addAndGet(perRequest);
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.MINUTES);
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(3000);
        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        Collections.sort(sorted);
        System.out.printf("reports sent: %d in %.1f s (%.0f/s achieved), failed: %d%n", total, sendSeconds,
                total / sendSeconds, failed.get());
        System.out.printf("deliveries: %d, leaks (delivered to a nation that may not read): %d, resyncs: %d%n",
                received.get(), leaks.get(), resyncs.get());
        if (!sorted.isEmpty()) {
            System.out.printf("send-to-delivery latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
        }
        if (watchPorts.length > 1 || watchPorts[0] != port) {
            for (int watchPort : watchPorts) {
                List<Long> some;
                synchronized (latenciesByPort.get(watchPort)) {
                    some = new ArrayList<>(latenciesByPort.get(watchPort));
                }
                Collections.sort(some);
                if (!some.isEmpty()) {
                    System.out.printf("  filed on :%d, delivered by :%d%s: %d deliveries, p50 %.1f  p95 %.1f  p99 %.1f"
                            + "  max %.1f ms%n", port, watchPort, watchPort == port ? " (same instance)" : "",
                            some.size(), pct(some, 50), pct(some, 95), pct(some, 99), some.get(some.size() - 1) / 1e6);
                }
            }
        }
        readers.shutdownNow();
    }

    private static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int start = json.indexOf(key) + key.length();
        return json.substring(start, json.indexOf('"', start));
    }

    private static boolean mayRead(String nation, String marking) {
        String releasable = marking.substring(marking.indexOf("REL TO ") + 7);
        List<String> entries = List.of(releasable.split(", "));
        return entries.contains(nation) || entries.contains("ALL")
                || (entries.contains("MEMBERS") && !nation.equals("HUN"));
    }

    private static double pct(List<Long> sorted, int percentile) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
