package org.kalkan;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
        return start(List.of("-jar", jar), dataDir, port, logName, health, client, arguments);
    }

    /**
     * The node of the test classpath ({@code org.kalkan.KalkanApplication}, no jar needed) as a separate process, to
     * be killed and restarted by {@code *Tests} in {@code mvn test}.
     */
    public static Process startFromClasspath(Path dataDir, int port, String logName, List<String> arguments)
            throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return start(List.of("-cp", classpath, "org.kalkan.KalkanApplication"), dataDir, port, logName,
                URI.create("http://localhost:" + port + "/actuator/health"), HttpClient.newHttpClient(), arguments);
    }

    private static Process start(List<String> launch, Path dataDir, int port, String logName, URI health,
            HttpClient client, List<String> arguments) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(launch);
        command.addAll(arguments);
        if (arguments.stream().noneMatch(a -> a.startsWith("--kalkan.federation.port="))) {
            command.add("--kalkan.federation.port=0");
        }
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
        await("node " + logName + " becomes healthy").atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofMillis(250))
                .failFast("node " + logName + " exited (see target/" + logName + ".log)", () -> !process.isAlive())
                .until(() -> healthy(client, health));
        return process;
    }

    private static boolean healthy(HttpClient client, URI health) throws InterruptedException {
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(health).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("UP");
        } catch (IOException notYetListening) {
            return false;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
