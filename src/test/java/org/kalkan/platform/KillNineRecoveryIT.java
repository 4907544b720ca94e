package org.kalkan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.PackagedNode;

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
        int port = PackagedNode.freePort();
        ApiClient api = new ApiClient(port);

        node = PackagedNode.start(dataDir, port, "kill9-first");
        String token = api.token("admin", "kalkan-demo");
        long entriesBefore = api.get("/api/v1/audit/verify", token).json().get("entries").asLong();
        assertThat(entriesBefore).isPositive();

        // pg_ctl daemonises the server, so it is found through its lock file, not as a child of the JVM.
        long postgresPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
        List<ProcessHandle> postgres = ProcessHandle.of(postgresPid).stream().toList();
        node.destroyForcibly().waitFor();
        assertThat(postgres).as("the embedded server outlives the killed JVM").anyMatch(ProcessHandle::isAlive);

        node = PackagedNode.start(dataDir, port, "kill9-second");
        var verification = api.get("/api/v1/audit/verify", token);
        assertThat(verification.status()).as("the token issued before the kill is still there").isEqualTo(200);
        assertThat(verification.json().get("valid").asBoolean()).isTrue();
        assertThat(verification.json().get("entries").asLong()).isGreaterThanOrEqualTo(entriesBefore);
        assertThat(postgres).as("the orphaned server was stopped").noneMatch(ProcessHandle::isAlive);
    }
}
