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
import java.util.ArrayList;
import java.util.List;

/** The packaged node ({@code target/kalkan.jar}) as a separate process, for {@code *IT} tests of restarts. */
public final class PackagedNode {

    private PackagedNode() {
    }

    /**
     * Starts the jar with the demo profile on the data directory and waits until it is healthy; its output goes to
     * {@code target/<logName>.log}.
     */
    public static Process start(Path dataDir, int port, String logName) throws IOException, InterruptedException {
        return start(dataDir, port, logName, URI.create("http://localhost:" + port + "/actuator/health"),
                HttpClient.newHttpClient(), List.of("--spring.profiles.active=demo"));
    }

    /**
     * Starts the jar with {@code arguments} (no profile unless they name one) and waits until {@code health}
     * answers through {@code client}.
     */
    public static Process start(Path dataDir, int port, String logName, URI health, HttpClient client,
            List<String> arguments) throws IOException, InterruptedException {
        String jar = System.getProperty("kalkan.jar", "target/kalkan.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar));
        command.addAll(arguments);
        command.addAll(List.of("--server.port=" + port, "--kalkan.cot.tls-port=0",
                "--kalkan.platform.data-dir=" + dataDir.toAbsolutePath(),
                // The embedded server's binaries are extracted once for all test nodes, not into each data directory.
                "--kalkan.platform.db.embedded-binaries=" + Path.of("target", "embedded-pg").toAbsolutePath(),
                // Restart tests wait for real deadlines: as KalkanTest, a short minimum silence (issue 12).
                "--kalkan.council.min-silence=PT10S", "--kalkan.council.min-urgent-silence=PT5S"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File("target/" + logName + ".log"))
                .start();
        // Generous: on a shared 2-core machine under load a start has taken two minutes.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(300));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("node is running (see target/%s.log)", logName).isTrue();
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(health).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("UP")) {
                    return process;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("node " + logName + " did not become healthy within 300 s");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
