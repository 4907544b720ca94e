package org.kalkan.federation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kalkan.ApiClient;
import org.kalkan.KalkanApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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
                "--kalkan.cot.enabled=false", "--kalkan.exercise.poller-enabled=false",
                "--kalkan.crisis.poller-enabled=false", "--logging.level.root=INFO",
                "--logging.level.org.kalkan.federation=INFO", "--spring.main.banner-mode=off"));
        arguments.addAll(List.of(extra));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(KalkanApplication.class)
                .profiles("demo").run(arguments.toArray(String[]::new));
        return new FederationNode(id, dataDir, context);
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
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put("nodeId", other.id);
        peer.put("nations", nations);
        peer.put("maxClassification", max);
        peer.put("url", url);
        peer.put("certificate", other.node().get("certificate").asString());
        ApiClient.Response response = api.post("/api/v1/federation/peers", admin(), peer);
        if (response.status() != 201) {
            throw new IllegalStateException("registering " + other.id + " on " + id + ": " + response);
        }
        return response;
    }

    JsonNode peer(String peer) {
        return api.get("/api/v1/federation/peers/" + peer, admin()).json();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
