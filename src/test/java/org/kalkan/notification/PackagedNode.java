package org.kalkan.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The packaged node ({@code target/kalkan.jar}) as its own process, for {@code *IT} tests that stop and restart it.
 * Starts it the way {@code platform.KillNineRecoveryIT} does; a candidate for one shared test helper.
 */
final class PackagedNode {

    private PackagedNode() {
    }

    /** Starts the jar with the demo profile on {@code dataDir} and waits until it is healthy; logs to target/NAME.log. */
    static Process start(Path dataDir, int port, String name) throws IOException, InterruptedException {
        String jar = System.getProperty("kalkan.jar", "target/kalkan.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar, "--spring.profiles.active=demo",
                "--server.port=" + port, "--kalkan.platform.data-dir=" + dataDir.toAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(new File("target/" + name + ".log"))
                .start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("node %s is running (see target/%s.log)", name, name).isTrue();
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
