package org.kalkan;

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

/** The packaged node ({@code target/kalkan.jar}) as a separate process, for {@code *IT} tests of restarts. */
public final class PackagedNode {

    private PackagedNode() {
    }

    /**
     * Starts the jar with the demo profile on the data directory and waits until it is healthy; its output goes to
     * {@code target/<logName>.log}.
     */
    public static Process start(Path dataDir, int port, String logName) throws IOException, InterruptedException {
        String jar = System.getProperty("kalkan.jar", "target/kalkan.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar, "--spring.profiles.active=demo",
                "--server.port=" + port, "--kalkan.cot.tls-port=0", "--kalkan.federation.port=0", "--kalkan.platform.data-dir=" + dataDir.toAbsolutePath(),
                // Restart tests wait for real deadlines: as KalkanTest, a short minimum silence (issue 12).
                "--kalkan.council.min-silence=PT10S", "--kalkan.council.min-urgent-silence=PT5S")
                .redirectErrorStream(true)
                .redirectOutput(new File("target/" + logName + ".log"))
                .start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("node is running (see target/%s.log)", logName).isTrue();
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
        throw new AssertionError("node " + logName + " did not become healthy within 120 s");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
