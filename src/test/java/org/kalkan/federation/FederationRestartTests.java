package org.kalkan.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.PackagedNode;
import tools.jackson.databind.JsonNode;

/**
 * A fourth national node, KGZ, run as a separate process (so that it can be killed with SIGKILL) and peered with
 * the centre; AZE is known to it as an originator only, so AZE's reports reach it relayed by the centre. KGZ is
 * stopped while AZE files 50 reports; started again behind a thin link it catches up in small batches and is killed
 * with {@code kill -9} while a batch is on the wire; started once more it ends with every report released to it
 * exactly once and nothing else — nothing lost, nothing applied twice.
 */
class FederationRestartTests extends FederationClusterTest {

    private static final Duration LONG = Duration.ofSeconds(240);

    private @Nullable Process kgz;
    private @Nullable FaultProxy kgzToCmc;

    @AfterEach
    void stopKgz() throws Exception {
        if (kgz != null && kgz.isAlive()) {
            kgz.destroy();
            kgz.waitFor();
        }
        if (kgzToCmc != null) {
            kgzToCmc.close();
        }
        cluster.cmc.api.delete("/api/v1/federation/peers/KGZ", cluster.cmc.admin());
    }

    @Test
    void aNodeStoppedAndKilledMidBatchGetsEveryReportReleasedToItExactlyOnce() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "federation-test", UUID.randomUUID().toString(),
                "kgz"));
        int webPort = PackagedNode.freePort();
        int federationPort = PackagedNode.freePort();
        kgzToCmc = new FaultProxy(cluster.cmc.node().get("federationPort").asInt());
        kgz = start(dataDir, webPort, federationPort, "kgz-first");
        ApiClient api = new ApiClient(webPort);
        String admin = api.token("admin", "kalkan-demo");
        String kgzCertificate = api.get("/api/v1/federation/node", admin).json().get("certificate").asString();
        register(api, admin, "CMC", kgzToCmc.url(), FederationCluster.ALL_NATIONS, cluster.cmc);
        register(api, admin, "AZE", null, List.of("AZE"), cluster.aze);
        assertThat(cluster.cmc.api.post("/api/v1/federation/peers", cluster.cmc.admin(), FederationNode.peerRequest(
                "KGZ", "https://127.0.0.1:" + federationPort, List.of("KGZ"), "SECRET", kgzCertificate)).status())
                .isEqualTo(201);

        kgz.destroy();
        kgz.waitFor();
        Map<String, Boolean> filed = new LinkedHashMap<>(); // id → releasable to KGZ
        for (int burst = 0; burst < 10; burst++) {
            // In bursts, each sealed and relayed on its own: the catch-up takes several batches.
            String last = null;
            for (int i = 0; i < 5; i++) {
                last = cluster.aze.file("aze.officer", "TRAFFICKING_PERSONS", 39.0 + burst * 0.3, 46.0 + i * 0.4,
                        "RESTRICTED", "MEMBERS");
                filed.put(last, true);
            }
            String hidden = cluster.aze.file("aze.officer", "TRAFFICKING_PERSONS", 39.1 + burst * 0.3, 48.0,
                    "CONFIDENTIAL", "AZE", "TUR");
            filed.put(hidden, false);
            String wait = last;
            await().atMost(LONG).until(() -> cluster.cmc.read("kaz.officer", wait) == 200);
        }

        kgzToCmc.bandwidth(48_000);
        kgz = start(dataDir, webPort, federationPort, "kgz-second");
        await().atMost(LONG).until(() -> entriesIn(api, admin) > 0);
        long onTheWire = kgzToCmc.bytesDown();
        await().atMost(LONG).until(() -> kgzToCmc.bytesDown() > onTheWire + 2_000);
        long before = entriesIn(api, admin);
        kgz.destroyForcibly().waitFor();
        System.out.printf("KGZ killed with %d entries applied, a batch on the wire%n", before);

        kgzToCmc.heal();
        kgz = start(dataDir, webPort, federationPort, "kgz-third");
        String token = api.token("kgz.officer", "kalkan-demo");
        await().atMost(LONG).until(() -> filed.entrySet().stream().filter(Map.Entry::getValue)
                .allMatch(e -> api.get("/api/v1/reports/" + e.getKey(), token).status() == 200));
        assertThat(filed.entrySet().stream().filter(e -> !e.getValue()))
                .allSatisfy(e -> assertThat(api.get("/api/v1/reports/" + e.getKey(), token).status())
                        .as("never released to KGZ").isEqualTo(404));
        Map<String, Integer> received = new HashMap<>();
        for (JsonNode entry : api.get("/api/v1/audit/entries?limit=1000", api.token("admin", "kalkan-demo")).json()) {
            if (entry.get("action").asString().equals("REPORT_RECEIVED")) {
                received.merge(entry.get("target").asString().substring("report:".length()), 1, Integer::sum);
            }
        }
        List<String> expected = filed.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        // KGZ also receives what other test classes released to it on the shared nodes: each of those once too.
        assertThat(received).as("every report filed on KGZ once (%d entries applied before the kill)", before)
                .containsKeys(expected.toArray(String[]::new))
                .allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
        assertThat(filed.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey))
                .noneMatch(received::containsKey);
        // Other test classes keep the shared nodes busy: what they release to KGZ drains too, in its own time.
        await().atMost(LONG).until(() -> api.get("/api/v1/federation/peers/CMC", adminToken(api)).json()
                .get("behindEntries").asLong() == 0);
        // The centre decides what KGZ may hold exactly as KGZ does: nothing it sent — this test's reports or what
        // other classes filed on the shared nodes — was refused there.
        assertThat(api.get("/api/v1/federation/quarantine?limit=1000", adminToken(api)).json()).as("quarantined at KGZ")
                .isEmpty();
    }

    private static String adminToken(ApiClient api) {
        return api.token("admin", "kalkan-demo");
    }

    private static long entriesIn(ApiClient api, String admin) {
        return api.get("/api/v1/federation/peers/CMC", admin).json().get("entriesIn").asLong();
    }

    private static Process start(Path dataDir, int webPort, int federationPort, String log)
            throws IOException, InterruptedException {
        return PackagedNode.startFromClasspath(dataDir, webPort, log, List.of("--spring.profiles.active=demo",
                "--kalkan.federation.node-id=KGZ", "--kalkan.federation.nation=KGZ",
                "--kalkan.federation.port=" + federationPort, "--kalkan.federation.bind-address=127.0.0.1",
                "--kalkan.federation.max-backoff=PT1S", "--kalkan.federation.long-poll=PT5S",
                "--kalkan.federation.request-timeout=PT10S", "--kalkan.federation.batch-limit=10",
                "--kalkan.cot.enabled=false", "--kalkan.exercise.poller-enabled=false",
                "--kalkan.crisis.poller-enabled=false", "--logging.level.root=WARN",
                "--logging.level.org.kalkan.federation=INFO", "--spring.main.banner-mode=off"));
    }

    private static void register(ApiClient api, String admin, String nodeId, @Nullable String url,
            List<String> nations, FederationNode node) {
        ApiClient.Response response = api.post("/api/v1/federation/peers", admin,
                FederationNode.peerRequest(nodeId, url, nations, "SECRET", node.node().get("certificate").asString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }
}
