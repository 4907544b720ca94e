package org.kalkan.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * The brokers {@link CotLoadBenchmark} measures Kalkan against: Debian's {@code mosquitto} (MQTT 3.1.1, one
 * thread) and {@code nats-server} (NATS, Go, a goroutine per connection), each with the node's CA and server
 * certificate for mutual TLS, their configuration written out and their process limits printed beside the results.
 */
final class LoadBrokers {

    private static final byte[] TOPIC = "cot".getBytes(StandardCharsets.US_ASCII);

    private LoadBrokers() {
    }

    /** Writes the node's CA, server certificate and key as PEM files into {@code dir}. */
    static void writeCertificates(Path dir, X509Certificate ca, X509Certificate server, PrivateKey key)
            throws IOException {
        Files.writeString(dir.resolve("ca.pem"), pem(ca));
        Files.writeString(dir.resolve("server.pem"), pem(server));
        Files.writeString(dir.resolve("server-key.pem"), pem(new JcaPKCS8Generator(key, null)));
    }

    /** One mosquitto with a mutual-TLS listener and a plain-TCP one. */
    static Process startMosquitto(Path dir, int tlsPort, int tcpPort) throws IOException, InterruptedException {
        return start(dir, "mosquitto", List.of(
                "user root", "persistence false", "log_dest none", "set_tcp_nodelay true", // as Kalkan's sockets
                "max_connections -1",
                "listener " + tlsPort + " 127.0.0.1", "allow_anonymous true", "require_certificate true",
                "cafile " + dir.resolve("ca.pem"), "certfile " + dir.resolve("server.pem"),
                "keyfile " + dir.resolve("server-key.pem"), "listener " + tcpPort + " 127.0.0.1"),
                List.of("mosquitto", "-c"));
    }

    /**
     * One nats-server on {@code port}, with mutual TLS or plain TCP (a NATS server has one client port, so TLS and
     * TCP are two servers). Its slow-consumer limits are raised so that a client is cut off only after 60 s.
     */
    static Process startNats(Path dir, int port, boolean tls) throws IOException, InterruptedException {
        List<String> config = new java.util.ArrayList<>(List.of("listen: 127.0.0.1:" + port,
                "max_connections: 65536", "max_pending: 268435456", "write_deadline: \"60s\"", "ping_interval: \"5m\""));
        if (tls) {
            config.addAll(List.of("tls {", "  cert_file: \"" + dir.resolve("server.pem") + "\"",
                    "  key_file: \"" + dir.resolve("server-key.pem") + "\"", "  ca_file: \"" + dir.resolve("ca.pem")
                    + "\"", "  verify: true", "  timeout: 10", "}"));
        }
        return start(dir, "nats-" + (tls ? "tls" : "tcp"), config, List.of("nats-server", "-c"));
    }

    private static Process start(Path dir, String name, List<String> config, List<String> command)
            throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".conf");
        Files.writeString(file, String.join("\n", config) + "\n");
        List<String> argv = new java.util.ArrayList<>(command);
        argv.add(file.toString());
        Process process = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        Thread.sleep(1000);
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " did not start: " + Files.readString(dir.resolve(name + ".log")));
        }
        System.out.printf("%s (pid %d), %s:%n  %s%n  %s%n", name, process.pid(), version(command.get(0)),
                String.join("\n  ", config), limits(process.pid()));
        return process;
    }

    private static String version(String program) {
        try {
            Process p = new ProcessBuilder(program, program.equals("mosquitto") ? "-h" : "--version")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return out.lines().findFirst().orElse("?").trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /** The limits that bound a broker here: open files, threads, resident memory. */
    static String limits(long pid) {
        try {
            String limits = Files.readString(Path.of("/proc", Long.toString(pid), "limits"));
            String files = limits.lines().filter(l -> l.startsWith("Max open files")).findFirst().orElse("?");
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            return files.replaceAll("\\s+", " ").trim() + "; " + status.lines()
                    .filter(l -> l.startsWith("Threads") || l.startsWith("VmRSS"))
                    .map(l -> l.replaceAll("\\s+", " ")).reduce((a, b) -> a + ", " + b).orElse("?");
        } catch (IOException e) {
            return "limits unknown";
        }
    }

    static ByteBuf mqttPublish(byte[] payload) {
        ByteBuf buffer = Unpooled.buffer(payload.length + 16);
        buffer.writeByte(0x30);
        writeLength(buffer, 2 + TOPIC.length + payload.length);
        buffer.writeShort(TOPIC.length).writeBytes(TOPIC);
        return buffer.writeBytes(payload);
    }

    static ByteBuf mqttConnect(String clientId) {
        byte[] id = clientId.getBytes(StandardCharsets.US_ASCII);
        ByteBuf buffer = Unpooled.buffer();
        buffer.writeByte(0x10);
        writeLength(buffer, 10 + 2 + id.length);
        buffer.writeShort(4).writeBytes("MQTT".getBytes(StandardCharsets.US_ASCII)).writeByte(4) // MQTT 3.1.1
                .writeByte(0x02).writeShort(0); // clean session, no keep-alive
        return buffer.writeShort(id.length).writeBytes(id);
    }

    static ByteBuf mqttSubscribe() {
        ByteBuf buffer = Unpooled.buffer();
        buffer.writeByte(0x82);
        writeLength(buffer, 2 + 2 + TOPIC.length + 1);
        return buffer.writeShort(1).writeShort(TOPIC.length).writeBytes(TOPIC).writeByte(0);
    }

    private static void writeLength(ByteBuf buffer, int length) {
        do {
            int digit = length & 0x7f;
            length >>>= 7;
            buffer.writeByte(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
    }

    static ByteBuf natsPublish(byte[] payload) {
        byte[] head = ("PUB cot " + payload.length + "\r\n").getBytes(StandardCharsets.US_ASCII);
        return Unpooled.buffer(head.length + payload.length + 2).writeBytes(head).writeBytes(payload)
                .writeByte('\r').writeByte('\n');
    }

    /** CONNECT without echo (a client does not get its own messages back) and no +OK per message, then SUB. */
    static ByteBuf natsConnect(String name, boolean tls) {
        return Unpooled.copiedBuffer("CONNECT {\"verbose\":false,\"pedantic\":false,\"echo\":false,\"tls_required\":"
                + tls + ",\"name\":\"" + name + "\",\"lang\":\"java\",\"version\":\"bench\",\"protocol\":1}\r\n"
                + "SUB cot 1\r\nPING\r\n", StandardCharsets.US_ASCII);
    }

    static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
