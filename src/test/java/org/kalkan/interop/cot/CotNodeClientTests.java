package org.kalkan.interop.cot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real third-party TAK clients — {@code @tak-ps/node-tak} 8.3.0 with {@code @tak-ps/node-cot} 12.23.0 on Node —
 * connect over mutual TLS with certificates enrolled through the API. Without node/npm the test is skipped on a
 * developer machine; under CI ({@code CI} set) it fails instead.
 */
@KalkanTest
class CotNodeClientTests {

    private static final Path CLIENT = Path.of("src/test/node/tak-client");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int httpPort;

    @Autowired
    CotServer server;

    @Test
    void aCotFromOneNodeTakClientReachesTheOtherButNotAClientOfANationThatMayNotSeeIt() throws Exception {
        installClient();
        ApiClient api = new ApiClient(httpPort);
        Path dir = Files.createDirectories(Path.of("target", "tak-client"));
        List<String> args = new java.util.ArrayList<>(List.of("node", "tak-clients.mjs",
                Integer.toString(server.tlsPort())));
        for (var entry : Map.of("tur", "tur.officer", "aze", "aze.officer", "kaz", "kaz.officer").entrySet()) {
            TakIdentity identity = TakIdentity.enrol(api, entry.getValue());
            Path cert = Files.writeString(dir.resolve(entry.getKey() + ".pem"), identity.certificatePem());
            Path key = Files.writeString(dir.resolve(entry.getKey() + "-key.pem"), identity.privateKeyPem());
            args.add(entry.getKey() + "=" + cert.toAbsolutePath() + "," + key.toAbsolutePath());
        }
        Process node = new ProcessBuilder(args).directory(CLIENT.toFile())
                .redirectError(dir.resolve("node.log").toFile()).start();
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> events.add(JSON.readTree(line)));
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try (Writer stdin = new java.io.OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8)) {
            for (String id : List.of("tur", "aze", "kaz")) {
                assertThat(await(events, e -> e.get("event").asString().equals("pong")
                        && e.get("id").asString().equals(id), Duration.ofSeconds(20)))
                        .as("%s connected and answered its ping (see target/tak-client/node.log)", id).isNotNull();
            }
            String xml = CotFixtures.labelled("node-tak-tur-1", "CONFIDENTIAL", "TUR,AZE");
            stdin.write(JSON.writeValueAsString(Map.of("id", "tur", "xml", xml)) + "\n");
            stdin.flush();

            JsonNode received = await(events, e -> e.get("event").asString().equals("cot")
                    && e.get("uid").asString().equals("node-tak-tur-1"), Duration.ofSeconds(10));
            assertThat(received).as("aze receives tur's CoT").isNotNull();
            assertThat(received.get("id").asString()).isEqualTo("aze");
            assertThat(received.get("type").asString()).isEqualTo("a-f-G-U-C");
            assertThat(received.get("xml").asString()).contains("classification=\"CONFIDENTIAL\"");

            JsonNode leaked = await(events, e -> e.get("event").asString().equals("cot")
                    && e.get("uid").asString().equals("node-tak-tur-1") && !e.get("id").asString().equals("aze"),
                    Duration.ofSeconds(2));
            assertThat(leaked).as("kaz (and the sender) receive nothing").isNull();
            stdin.write("{\"quit\":true}\n");
        } finally {
            if (!node.waitFor(5, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    @Test
    void theProtocolVersionOneCodecAgreesWithNodeCot() throws Exception {
        installClient();
        String xml = CotFixtures.position("proto-node-1", "a-f-G-U-C", 40.5, 49.75,
                "<__group name=\"Cyan\" role=\"Team Member\"/><takv device=\"d\" platform=\"p\" os=\"o\" version=\"v\"/>");
        byte[] fromNode = java.util.Base64.getDecoder().decode(node("encode", xml));
        CotEvent event = TakProtobuf.decode(fromNode);
        assertThat(event.uid()).isEqualTo("proto-node-1");
        assertThat(event.type()).isEqualTo("a-f-G-U-C");
        assertThat(event.lat()).isEqualTo(40.5);
        assertThat(event.lon()).isEqualTo(49.75);
        assertThat(event.callsign()).isEqualTo("proto-node-1-callsign");
        assertThat(event.detail()).contains("<__group name=\"Cyan\" role=\"Team Member\"")
                .contains("<takv device=\"d\" platform=\"p\" os=\"o\" version=\"v\"");

        String fromKalkan = node("decode", java.util.Base64.getEncoder().encodeToString(
                TakProtobuf.encode(event, CotXml.label("RESTRICTED", "MEMBERS"))));
        assertThat(fromKalkan).contains("uid=\"proto-node-1\"").contains("type=\"a-f-G-U-C\"")
                .contains("lat=\"40.5\"").contains("callsign=\"proto-node-1-callsign\"").contains("name=\"Cyan\"");
    }

    private static String node(String mode, String input) throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", "proto.mjs", mode, input).directory(CLIENT.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0).as("node proto.mjs %s", mode).isTrue();
        return out;
    }

    private static JsonNode await(BlockingQueue<JsonNode> events, java.util.function.Predicate<JsonNode> wanted,
            Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode next = events.poll(100, TimeUnit.MILLISECONDS);
            if (next != null && wanted.test(next)) {
                return next;
            }
        }
        return null;
    }

    /** {@code npm ci} in the client's folder, once per build; skips without node/npm unless under CI. */
    private static void installClient() throws IOException, InterruptedException {
        boolean installed = onPath("node") && onPath("npm");
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install nodejs and npm (see .ci/run)");
        }
        Assumptions.assumeTrue(installed, "node and npm are not installed");
        if (Files.isDirectory(CLIENT.resolve("node_modules/@tak-ps/node-tak"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(CLIENT.toFile())
                .redirectErrorStream(true).redirectOutput(new File("target/tak-client-npm.log")).start();
        assertThat(npm.waitFor(300, TimeUnit.SECONDS) && npm.exitValue() == 0)
                .as("npm ci in %s (see target/tak-client-npm.log)", CLIENT).isTrue();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> new File(dir, command).canExecute());
    }
}
