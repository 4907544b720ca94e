package org.kalkan.federation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.kalkan.ApiClient;
import org.kalkan.KalkanApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import tools.jackson.databind.JsonNode;

/**
 * A whole Kalkan node started in this JVM for federation tests: its own Spring context, embedded PostgreSQL and data
 * directory, web port and federation port (free ones), the demo accounts, the given node id and nation. Pollers that
 * the tests do not need are off, and a failed link is retried after at most a second.
 */
final class FederationNode implements AutoCloseable {

    final String id;
    final Path dataDir;
    final ConfigurableApplicationContext context;
    final ApiClient api;
    final int port;
    private final Map<String, String> tokens = new HashMap<>();

    private FederationNode(String id, Path dataDir, ConfigurableApplicationContext context) {
        this.id = id;
        this.dataDir = dataDir;
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
        this.api = new ApiClient(port);
    }

    static FederationNode start(String id, @Nullable String nation, Path dataDir, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--kalkan.platform.data-dir=" + dataDir,
                "--kalkan.federation.node-id=" + id, "--kalkan.federation.nation=" + (nation == null ? "" : nation),
                "--kalkan.federation.port=0", "--kalkan.federation.bind-address=127.0.0.1",
                "--kalkan.federation.max-backoff=PT1S", "--kalkan.federation.long-poll=PT5S",
                "--kalkan.federation.request-timeout=PT5S", "--kalkan.federation.witness-interval=PT2S",
                "--kalkan.cot.enabled=false", "--kalkan.exercise.poller-enabled=false",
                "--kalkan.crisis.poller-enabled=false", "--logging.level.root=WARN",
                "--logging.level.org.kalkan.federation=INFO", "--spring.main.banner-mode=off",
                // Nodes start in parallel: a plain pattern, as Boot's coloured one is registered per start
                "--logging.pattern.console=%d{HH:mm:ss.SSS} " + id + " %-5level [%thread] %logger{20} : %msg%n"));
        arguments.addAll(List.of(extra));
        // Nodes start in parallel, but Boot's logging initialisation is not safe to run concurrently: one start at a
        // time until its environment is prepared (logging initialised), then the next.
        LOGGING.acquireUninterruptibly();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                LOGGING.release();
            }
        };
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(KalkanApplication.class)
                    .profiles("demo").listeners(new LoggingInitialised(release)).run(arguments.toArray(String[]::new));
            return new FederationNode(id, dataDir, context);
        } finally {
            release.run();
        }
    }

    private static final Semaphore LOGGING = new Semaphore(1);

    /** Runs after Boot's logging listener on the environment-prepared event. */
    private record LoggingInitialised(Runnable release)
            implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            release.run();
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    String token(String user) {
        return tokens.computeIfAbsent(user, u -> api.token(u, "kalkan-demo"));
    }

    String admin() {
        return token("admin");
    }

    JsonNode node() {
        return api.get("/api/v1/federation/node", admin()).json();
    }

    /** The URL of this node's federation port. */
    String url() {
        return "https://127.0.0.1:" + node().get("federationPort").asInt();
    }

    /** Registers {@code other} as a peer of this node, reached at {@code url} (null: an originator only). */
    ApiClient.Response register(FederationNode other, @Nullable String url, List<String> nations, String max) {
        ApiClient.Response response = api.post("/api/v1/federation/peers", admin(),
                peerRequest(other.id, url, nations, max, other.node().get("certificate").asString()));
        if (response.status() != 201) {
            throw new IllegalStateException("registering " + other.id + " on " + id + ": " + response);
        }
        return response;
    }

    /** The body of {@code POST /api/v1/federation/peers}. */
    static Map<String, Object> peerRequest(String nodeId, @Nullable String url, List<String> nations, String max,
            String certificate) {
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put("nodeId", nodeId);
        peer.put("nations", nations);
        peer.put("maxClassification", max);
        peer.put("url", url);
        peer.put("certificate", certificate);
        return peer;
    }

    JsonNode peer(String peer) {
        return api.get("/api/v1/federation/peers/" + peer, admin()).json();
    }

    /** Files a report as {@code user} near the point; returns its id. */
    String file(String user, String category, double lat, double lon, String classification, String... releasableTo) {
        ApiClient.Response filed = api.post("/api/v1/reports", token(user),
                org.kalkan.incident.IncidentFixtures.report(category, lat, lon, classification, releasableTo));
        if (filed.status() != 201) {
            throw new IllegalStateException("filing on " + id + ": " + filed);
        }
        return filed.json().get("id").asString();
    }

    /** The status of {@code GET /api/v1/reports/{id}} for the user. */
    int read(String user, String report) {
        return api.get("/api/v1/reports/" + report, token(user)).status();
    }

    /** Rows of the report table holding the report (withdrawn or not): what this node stores of it. */
    long stored(String report) {
        return jdbc().sql("SELECT count(*) FROM report WHERE id = CAST(:id AS UUID)").param("id", report)
                .query(Long.class).single();
    }

    /** Log entries of this node holding content (a body) of the record. */
    long contentHeld(String record) {
        return jdbc().sql("SELECT count(*) FROM federation_entry WHERE record_id = CAST(:id AS UUID) AND body IS NOT NULL")
                .param("id", record).query(Long.class).single();
    }

    /** How many times this node filed the report into its incidents as received from a peer (audited). */
    long timesReceived(String report) {
        return jdbc().sql("SELECT count(*) FROM audit_log WHERE action = 'REPORT_RECEIVED' AND target = :t")
                .param("t", "report:" + report).query(Long.class).single();
    }

    /** For the origin's bulk stream held here: {count of entries, lowest seq, highest seq, the cursor}. */
    long[] stream(String origin) {
        return jdbc().sql("SELECT count(*), coalesce(min(seq), 0), coalesce(max(seq), 0), "
                        + "coalesce((SELECT last_seq FROM federation_stream WHERE origin = :o AND lane = 'BULK'), 0) "
                        + "FROM federation_entry WHERE origin = :o AND lane = 'BULK' AND seq IS NOT NULL")
                .param("o", origin)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    }

    /** The size of the peer's audit log this node last witnessed consistent (0: none). */
    long witnessed(String peer) {
        return jdbc().sql("SELECT coalesce(max(tree_size), 0) FROM federation_witness WHERE node_id = :p")
                .param("p", peer).query(Long.class).single();
    }

    /** How many audit entries of the action this node holds (sequenced or not). */
    long audited(String action, String target) {
        return jdbc().sql("SELECT count(*) FROM audit_log WHERE action = :a AND target = :t").param("a", action)
                .param("t", target).query(Long.class).single();
    }

    long quarantined() {
        return jdbc().sql("SELECT count(*) FROM federation_quarantine").query(Long.class).single();
    }

    org.springframework.jdbc.core.simple.JdbcClient jdbc() {
        return bean(org.springframework.jdbc.core.simple.JdbcClient.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
