package org.kalkan.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.PackagedNode;
import org.kalkan.security.internal.AuditSequencer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged node is killed with SIGKILL while feeds post batches of reports. After the restart every report
 * that was answered 201 is there, each with its audit entry sequenced into the Merkle tree, and the audit log
 * verifies: what was committed and acknowledged survives, entries left unsequenced by the kill are sequenced.
 */
class BatchKillNineIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Process node;

    @AfterEach
    void stop() throws InterruptedException {
        if (node != null && node.isAlive()) {
            node.destroy();
            node.waitFor();
        }
    }

    @Test
    void everyAcknowledgedReportSurvivesKillNineWithItsAuditLeaf() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "batch-kill9-");
        int port = PackagedNode.freePort();
        ApiClient api = new ApiClient(port);
        node = PackagedNode.start(dataDir, port, "batch-kill9-first");
        String token = api.token("aze.officer", "kalkan-demo");
        String admin = api.token("admin", "kalkan-demo");

        // Hold the audit sequencer's lock, so the entries of the batches acknowledged below are certainly still
        // unsequenced when the node is killed; the connection dies with the orphaned server at the restart.
        Connection pause = DriverManager.getConnection(databaseUrl(dataDir), "postgres", databasePassword(dataDir));
        try (var statement = pause.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + AuditSequencer.LOCK_KEY + ")");
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        CountDownLatch enough = new CountDownLatch(3);
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> feeds = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            int feed = f;
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newHttpClient();
                for (int batch = 0; !killed.get(); batch++) {
                    try {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/v1/reports/batch"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(batch(feed, batch))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 201) {
                            JSON.readTree(answer.body()).forEach(id -> acknowledged.add(id.asString()));
                            enough.countDown();
                        }
                    } catch (java.io.IOException e) {
                        return; // the node is gone
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            thread.start();
            feeds.add(thread);
        }
        assertThat(enough.await(300, TimeUnit.SECONDS)).as("batches acknowledged before the kill").isTrue();
        long postgresPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
        List<ProcessHandle> postgres = ProcessHandle.of(postgresPid).stream().toList();
        node.destroyForcibly().waitFor();
        killed.set(true);
        for (Thread feed : feeds) {
            feed.join(TimeUnit.SECONDS.toMillis(60));
        }
        Set<String> answered = Set.copyOf(acknowledged);
        assertThat(answered).hasSizeGreaterThanOrEqualTo(3 * 50);
        System.out.printf("killed after %d reports were answered 201%n", answered.size());
        assertThat(count(pause, "SELECT count(*) FROM audit_log a JOIN audit_leaf l ON l.entry_id = a.id "
                + "WHERE a.action = 'REPORT_FILED' AND substring(a.target from 8) = ANY(?)", answered))
                .as("their audit entries were not sequenced before the kill").isZero();
        pause.close();

        node = PackagedNode.start(dataDir, port, "batch-kill9-second");
        assertThat(postgres).as("the orphaned server was stopped").noneMatch(ProcessHandle::isAlive);
        try (Connection db = DriverManager.getConnection(databaseUrl(dataDir), "postgres", databasePassword(dataDir))) {
            System.out.printf("after the restart: %d of them stored, %d audit entries not yet sequenced%n",
                    count(db, "SELECT count(*) FROM report WHERE id::text = ANY(?)", answered),
                    count(db, "SELECT count(*) FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_leaf l "
                            + "WHERE l.entry_id = a.id) AND cardinality(?::text[]) >= 0", answered));
            assertThat(count(db, "SELECT count(*) FROM report WHERE id::text = ANY(?)", answered))
                    .as("every report answered 201 is stored").isEqualTo(answered.size());
            // The sequencer runs at least every second: wait (bounded) until every entry is in the tree.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            long sequenced;
            do {
                sequenced = count(db, "SELECT count(*) FROM audit_log a JOIN audit_leaf l ON l.entry_id = a.id "
                        + "WHERE a.action = 'REPORT_FILED' AND substring(a.target from 8) = ANY(?)", answered);
            } while (sequenced < answered.size() && Instant.now().isBefore(deadline) && pause());
            assertThat(sequenced).as("each with its audit leaf sequenced").isEqualTo(answered.size());
        }
        JsonNode verification = api.get("/api/v1/audit/verify", admin).json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("treeSize").asLong()).isPositive();
    }

    /** The embedded server's port is the fourth line of its lock file. */
    /** The embedded server's superuser password, which the node generated into its data directory (SCRAM). */
    private static String databasePassword(Path dataDir) throws java.io.IOException {
        return Files.readString(dataDir.resolve("postgres-password")).strip();
    }

    private static String databaseUrl(Path dataDir) throws java.io.IOException {
        return "jdbc:postgresql://localhost:" + Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3)
                .trim() + "/postgres";
    }

    private static boolean pause() {
        try {
            Thread.sleep(250);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long count(Connection db, String sql, Set<String> ids) throws java.sql.SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** 50 reports of one feed, spread over Azerbaijan; each batch elsewhere so feeds overlap only sometimes. */
    private static String batch(int feed, int batch) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 50; i++) {
            double lat = 38.5 + ((batch * 50 + i) % 23) * 0.15;
            double lon = 45.0 + ((feed * 17 + i) % 31) * 0.2;
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, """
                    {"category":"BORDER_INCIDENT","title":"kill9 feed %d batch %d item %d %s","narrative":"load",\
                    "observedAt":"%s","location":{"lat":%.4f,"lon":%.4f},"severity":2,"confidence":"POSSIBLE",\
                    "label":{"classification":"RESTRICTED","releasableTo":["MEMBERS"]}}""", feed, batch, i,
                    UUID.randomUUID(), Instant.now().minusSeconds(60), lat, lon));
        }
        return json.append(']').toString();
    }
}
