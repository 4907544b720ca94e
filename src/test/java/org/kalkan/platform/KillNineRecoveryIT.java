package org.kalkan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;

/**
 * The packaged node, killed with SIGKILL and started again on the same data directory, comes back with every
 * committed record, although the killed JVM's embedded PostgreSQL survives it and holds the directory.
 */
class KillNineRecoveryIT {

    private Process node;

    @AfterEach
    void stop() throws InterruptedException {
        if (node != null && node.isAlive()) {
            node.destroy();
            node.waitFor();
        }
    }

    @Test
    void committedRecordsSurviveKillNine() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "kill9-");
        int port = freePort();
        ApiClient api = new ApiClient(port);

        node = start(dataDir, port, "first");
        String token = api.token("admin", "kalkan-demo");
        long entriesBefore = api.get("/api/v1/audit/verify", token).json().get("entries").asLong();
        assertThat(entriesBefore).isPositive();

        // pg_ctl daemonises the server, so it is found through its lock file, not as a child of the JVM.
        long postgresPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
        List<ProcessHandle> postgres = ProcessHandle.of(postgresPid).stream().toList();
        node.destroyForcibly().waitFor();
        assertThat(postgres).as("the embedded server outlives the killed JVM").anyMatch(ProcessHandle::isAlive);

        node = start(dataDir, port, "second");
        var verification = api.get("/api/v1/audit/verify", token);
        assertThat(verification.status()).as("the token issued before the kill is still there").isEqualTo(200);
        assertThat(verification.json().get("valid").asBoolean()).isTrue();
        assertThat(verification.json().get("entries").asLong()).isGreaterThanOrEqualTo(entriesBefore);
        assertThat(postgres).as("the orphaned server was stopped").noneMatch(ProcessHandle::isAlive);
    }

    private static Process start(Path dataDir, int port, String name) throws IOException, InterruptedException {
        String jar = System.getProperty("kalkan.jar", "target/kalkan.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar, "--spring.profiles.active=demo",
                "--server.port=" + port, "--kalkan.platform.data-dir=" + dataDir.toAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(new File("target/kill9-" + name + ".log"))
                .start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("node %s is running (see target/kill9-%s.log)", name, name).isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return process;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("node " + name + " did not become healthy within 120 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
