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
 * <p>Run: {@code mvn -q -DskipNpm=true test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.kalkan.bench.LiveStreamBenchmark -Dexec.args="200 500 20"} (subscribers, reports per
 * second, seconds). Not part of {@code mvn verify}.
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
        Path data = Files.createTempDirectory("kalkan-bench-");
        ConfigurableApplicationContext node = new SpringApplicationBuilder(KalkanApplication.class)
                .profiles("demo")
                // Every report opens its own incident, so each event is traceable to its report.
                .run("--server.port=0", "--kalkan.cot.tls-port=0", "--kalkan.platform.data-dir=" + data,
                        "--kalkan.incident.correlation-distance-km=0.0001", "--logging.level.root=WARN",
                        "--logging.level.org.springframework.boot.webmvc=OFF", "--kalkan.platform.db.pool-size=20");
        try {
            int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
            run(port, subscribers, rate, seconds);
        } finally {
            node.close();
        }
        System.exit(0);
    }

    private static void run(int port, int subscriberCount, int rate, int seconds) throws Exception {
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
        AtomicLong leaks = new AtomicLong();
        AtomicLong received = new AtomicLong();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newCachedThreadPool()).build();
        CountDownLatch connected = new CountDownLatch(subscriberCount);
        ExecutorService readers = Executors.newCachedThreadPool();
        for (int i = 0; i < subscriberCount; i++) {
            String user = users.get(i % users.size());
            String nation = user.substring(0, 3).toUpperCase(java.util.Locale.ROOT);
            readers.submit(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
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
                        if (line.startsWith("data:{\"type\":\"Feature\"")) {
                            long now = System.nanoTime();
                            // Plain string scanning: the client must not eat the cores the node needs.
                            Long sent = sentAt.get(field(line, "title"));
                            if (sent != null) {
                                latencies.add(now - sent);
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
        System.out.printf("%d subscribers connected; sending %d reports/s for %d s%n", subscriberCount, rate, seconds);
        ExecutorService senders = Executors.newFixedThreadPool(32);
        long start = System.nanoTime();
        int total = rate * seconds;
        AtomicLong failed = new AtomicLong();
        for (int i = 0; i < total; i++) {
            long due = start + (long) i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int n = i;
            senders.submit(() -> {
                String reporter = NATIONS[n % NATIONS.length] + ".officer";
                Map<String, Object> label = LABELS.get(n % LABELS.size());
                if (label.get("releasableTo").equals(List.of("AZE", "TUR"))
                        && !reporter.startsWith("aze") && !reporter.startsWith("tur")) {
                    reporter = "aze.officer";
                }
                String title = "bench-" + n;
                Map<String, Object> body = Map.of("category", "OTHER", "title", title, "narrative", "benchmark",
                        "observedAt", java.time.Instant.now().toString(),
                        "location", Map.of("lat", 36 + (n % 1900) / 100.0, "lon", 27 + (n % 5300) / 100.0),
                        "severity", 2, "confidence", "POSSIBLE", "label", label);
                sentAt.put(title, System.nanoTime());
                if (api.post("/api/v1/reports", tokens.get(reporter), body).status() != 201) {
                    failed.incrementAndGet();
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
        System.out.printf("deliveries: %d, leaks (delivered to a nation that may not read): %d%n", received.get(),
                leaks.get());
        if (!sorted.isEmpty()) {
            System.out.printf("send-to-delivery latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
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
