package org.kalkan.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.PackagedNode;
import org.kalkan.council.CouncilFixtures;
import org.kalkan.incident.IncidentFixtures;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of a cluster as separate processes of the packaged node, on one PostgreSQL and one KRaft broker
 * (both in this JVM): the lease holder is killed with SIGKILL — no shutdown hook, no closed context — and the
 * survivor takes the lease once the database has ended the dead process's session, keeps serving, and runs the
 * singleton work the dead one would have run: a silence decision circulated before the kill, falling due after it,
 * is adopted at its deadline, once.
 */
class ClusterKillNineIT {

    static EmbeddedPostgres postgres;
    static EmbeddedKafkaKraftBroker kafka;
    static final List<Process> nodes = new ArrayList<>();
    static final List<Integer> ports = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        postgres = Database.start("kill9-cluster");
        kafka = Database.broker(3);
        Path dataDir = Files.createTempDirectory(Path.of("target"), "kill9-cluster-");
        // Both at once, on the empty database and the shared data directory, as a rollout starts them.
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            List<Future<Process>> started = new ArrayList<>();
            for (String id : List.of("k0", "k1")) {
                int port = PackagedNode.freePort();
                ports.add(port);
                started.add(starting.submit(() -> PackagedNode.start(dataDir, port, "kill9-cluster-" + id,
                        URI.create("http://localhost:" + port + "/actuator/health"), HttpClient.newHttpClient(),
                        List.of("--spring.profiles.active=demo",
                                "--kalkan.cluster.kafka-bootstrap=" + kafka.getBrokersAsString(),
                                "--kalkan.cluster.instance-id=" + id, "--kalkan.cluster.partitions=3",
                                "--kalkan.platform.db.url=jdbc:postgresql://localhost:" + postgres.getPort()
                                        + "/postgres",
                                "--kalkan.platform.db.user=postgres", "--kalkan.platform.db.pool-size=5",
                                "--kalkan.cot.bind-address=127.0.0.1",
                                "--kalkan.notification.mail.enabled=false"))));
            }
            for (Future<Process> start : started) {
                nodes.add(start.get());
            }
        } finally {
            starting.shutdownNow();
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        // The nodes this JVM started, also one whose start failed (PackagedNode leaves it running then).
        ProcessHandle.current().children()
                .filter(child -> child.info().command().map(c -> c.endsWith("java")).orElse(false))
                .forEach(child -> {
                    child.destroy();
                    child.onExit().join();
                });
        if (kafka != null) {
            kafka.destroy();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void killingTheLeaseHolderMovesItsWorkToTheSurvivorWithNothingMissedOrDoubled() throws Exception {
        String admin = new ApiClient(ports.get(0)).token("admin", "kalkan-demo");
        await("a lease holder").atMost(Duration.ofSeconds(30))
                .until(() -> !"none".equals(cluster(0, admin).get("leaseHolder").asString()));
        String holderName = cluster(0, admin).get("leaseHolder").asString();
        int holder = cluster(0, admin).get("instance").asString().equals(holderName) ? 0 : 1;
        int survivor = 1 - holder;
        assertThat(cluster(holder, admin).get("leaseHeld").asBoolean()).isTrue();
        assertThat(cluster(survivor, admin).get("leaseHeld").asBoolean()).isFalse();
        String survivorName = cluster(survivor, admin).get("instance").asString();
        // Started together on one data directory: one process created the node's key, the other read it.
        var certificate = new ApiClient(ports.get(0)).get("/cap/certificate.pem", admin);
        assertThat(certificate.body()).contains("BEGIN CERTIFICATE")
                .isEqualTo(new ApiClient(ports.get(1)).get("/cap/certificate.pem", admin).body());

        // A decision circulated while the holder lives, whose silence ends after it died (minimum silence 10 s).
        ApiClient api = new ApiClient(ports.get(survivor));
        String chair = api.token("council.chair", "kalkan-demo");
        Instant deadline = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.MILLIS);
        var circulated = new ApiClient(ports.get(holder)).post("/api/v1/council/decisions", chair,
                CouncilFixtures.silenceDecision("Adopted after its lease holder was killed", deadline));
        assertThat(circulated.status()).as(circulated.body()).isEqualTo(201);
        UUID decision = UUID.fromString(circulated.json().get("id").asString());

        long killed = System.nanoTime();
        nodes.get(holder).destroyForcibly().waitFor();
        assertThat(Instant.now()).as("killed before the silence ended").isBefore(deadline);

        await("the survivor takes the lease").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> cluster(survivor, admin).get("leaseHeld").asBoolean());
        System.out.println("lease held by the survivor " + (System.nanoTime() - killed) / 1_000_000
                + " ms after its holder was killed (SIGKILL)");
        assertThat(cluster(survivor, admin).get("leaseHolder").asString()).isEqualTo(survivorName);

        // The survivor serves: a report filed on it is readable there.
        String aze = api.token("aze.officer", "kalkan-demo");
        var filed = api.post("/api/v1/reports", aze,
                IncidentFixtures.report("NATURAL_DISASTER", 40.41, 49.87, "RESTRICTED", "MEMBERS"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String incident = filed.json().get("incidentId").asString();
        assertThat(api.get("/api/v1/incidents/" + incident, aze).status()).isEqualTo(200);

        // The survivor's silence poller adopts the decision at its deadline, once. Read in the database, not
        // through the API: a read adopts a due decision too.
        await("adopted by the survivor's poller").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "ADOPTED".equals(single("SELECT status FROM council_decision WHERE id = ?", decision)));
        assertThat(single("SELECT count(*) FROM audit_log WHERE action = 'DECISION_ADOPTED' AND target = ?",
                "decision:" + decision)).isEqualTo(1L);
        assertThat(api.get("/api/v1/council/decisions/" + decision, chair).json().get("adoptedAt").asString())
                .isEqualTo(deadline.toString());

        // The audit sequencer runs on the survivor: what was written after the kill gets its leaf, and the log
        // verifies.
        long written = (Long) single("SELECT count(*) FROM audit_log");
        await("sequenced by the survivor").atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/v1/audit/checkpoint", admin).json().get("treeSize").asLong() >= written);
        var verification = api.get("/api/v1/audit/verify", admin);
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().get("valid").asBoolean()).as(verification.body()).isTrue();
    }

    /** The {@code cluster} component of an instance's health, as an administrator sees it. */
    private static JsonNode cluster(int instance, String adminToken) {
        var health = new ApiClient(ports.get(instance)).get("/actuator/health", adminToken);
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        return health.json().get("components").get("cluster").get("details");
    }

    private static Object single(String sql, Object... parameters) throws Exception {
        return Database.single(postgres, sql, parameters);
    }
}
