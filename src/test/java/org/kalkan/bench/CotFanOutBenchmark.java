package org.kalkan.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.kalkan.KalkanApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * CoT fan-out: one TAK client sends positions at R per second for T seconds to S subscribed clients over the
 * node's plain-TCP laboratory port (the CoT path without TLS: framing, hardened parsing, label check, per-client
 * policy decision and queue, strict re-serialisation); the baseline is the same bytes through a NATS server
 * ({@code nats-server}, Debian) with S subscribers, measured in the same run. Reports delivered messages and the
 * send-to-receive latency percentiles of both, and their ratio.
 *
 * <p>Run: {@code mvn -q -DskipNpm=true test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.kalkan.bench.CotFanOutBenchmark -Dexec.args="50 200 10"} (subscribers, events per second,
 * seconds). Needs {@code nats-server} on the PATH. Not part of {@code mvn verify}.
 */
public final class CotFanOutBenchmark {

    private static long KALKAN_DUPLICATES;

    private CotFanOutBenchmark() {
    }

    /** What the subscribers saw. */
    record Result(String name, long expected, long delivered, long[] latenciesMicros) {

        long percentile(double p) {
            if (latenciesMicros.length == 0) {
                return -1;
            }
            return latenciesMicros[Math.min(latenciesMicros.length - 1, (int) (p * latenciesMicros.length))];
        }

        String line() {
            return String.format("%-8s delivered %d/%d (%.2f %%), latency p50 %d µs, p99 %d µs, max %d µs", name,
                    delivered, expected, 100.0 * delivered / expected, percentile(0.5), percentile(0.99),
                    percentile(1.0));
        }
    }

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path data = Files.createTempDirectory("kalkan-cot-bench-");
        ConfigurableApplicationContext node = new SpringApplicationBuilder(KalkanApplication.class).profiles("demo")
                .run("--server.port=0", "--kalkan.platform.data-dir=" + data, "--logging.level.root=WARN",
                        "--kalkan.cot.tls-port=0", "--kalkan.cot.tcp-port=0", "--kalkan.cot.tcp-user=tur.officer",
                        "--kalkan.cot.bind-address=127.0.0.1", "--kalkan.cot.queue-size=4096");
        Result kalkan;
        try {
            Object server = node.getBean(Class.forName("org.kalkan.interop.cot.CotServer"));
            Method tcpPort = server.getClass().getDeclaredMethod("tcpPort");
            tcpPort.setAccessible(true);
            int port = (int) tcpPort.invoke(server);
            kalkan = run("kalkan", subscribers, rate, seconds, i -> connect(port, new byte[0]), CotFanOutBenchmark::cot,
                    (publisher, payload) -> { }, CotFanOutBenchmark::readCot); // CoT needs no header
        } finally {
            node.close();
        }
        KALKAN_DUPLICATES = DUPLICATES.getAndSet(0);
        int natsPort;
        try (ServerSocket free = new ServerSocket(0)) {
            natsPort = free.getLocalPort();
        }
        Process nats = new ProcessBuilder("nats-server", "-a", "127.0.0.1", "-p", Integer.toString(natsPort))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Result baseline;
        try {
            Thread.sleep(1000);
            baseline = run("nats", subscribers, rate, seconds,
                    i -> connect(natsPort, ("CONNECT {\"verbose\":false}\r\n" + (i < 0 ? "" : "SUB cot 1\r\n"))
                            .getBytes(StandardCharsets.US_ASCII)),
                    CotFanOutBenchmark::cot, (publisher, payload) -> publisher.write(
                            ("PUB cot " + payload.length + "\r\n").getBytes(StandardCharsets.US_ASCII)),
                    CotFanOutBenchmark::readNats);
        } finally {
            nats.destroy();
        }
        System.out.println();
        System.out.printf("%d subscribers, %d events/s for %d s (%d cores)%n", subscribers, rate, seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.println(kalkan.line() + ", duplicates " + KALKAN_DUPLICATES);
        System.out.println(baseline.line() + ", duplicates " + DUPLICATES.get());
        System.out.printf("ratio kalkan/nats: p50 %.2f, p99 %.2f%n",
                (double) kalkan.percentile(0.5) / Math.max(1, baseline.percentile(0.5)),
                (double) kalkan.percentile(0.99) / Math.max(1, baseline.percentile(0.99)));
        System.exit(0);
    }

    interface Publish {
        void header(OutputStream out, byte[] payload) throws IOException;
    }

    interface Reader {
        void read(InputStream in, long[] latencies, AtomicLong count) throws IOException;
    }

    interface Connector {
        Socket open(int i) throws IOException;
    }

    private static Result run(String name, int subscribers, int rate, int seconds, Connector connector,
            IntFunction<byte[]> event, Publish header, Reader reader) throws Exception {
        long expected = (long) subscribers * rate * seconds;
        long[][] latencies = new long[subscribers][];
        AtomicLong[] counts = new AtomicLong[subscribers];
        List<Socket> sockets = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            Socket socket = connector.open(i);
            sockets.add(socket);
            latencies[i] = new long[rate * seconds];
            counts[i] = new AtomicLong();
            long[] mine = latencies[i];
            AtomicLong count = counts[i];
            Thread thread = new Thread(() -> {
                try {
                    reader.read(new BufferedInputStream(socket.getInputStream(), 65536), mine, count);
                } catch (IOException e) {
                    // closed at the end
                }
            }, name + "-sub-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(2000);
        try (Socket publisher = connector.open(-1)) {
            OutputStream out = publisher.getOutputStream();
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int n = 0; n < rate * seconds; n++) {
                long due = start + n * interval;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                byte[] payload = event.apply(n);
                header.header(out, payload);
                out.write(payload);
                if (name.equals("nats")) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (Instant.now().isBefore(deadline)
                    && Arrays.stream(counts).mapToLong(AtomicLong::get).sum() < expected) {
                Thread.sleep(100);
            }
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        long delivered = Arrays.stream(counts).mapToLong(AtomicLong::get).sum();
        long[] all = new long[(int) delivered];
        int at = 0;
        for (int i = 0; i < subscribers; i++) {
            int c = (int) Math.min(counts[i].get(), latencies[i].length);
            System.arraycopy(latencies[i], 0, all, at, c);
            at += c;
        }
        long[] sorted = Arrays.copyOf(all, at);
        Arrays.sort(sorted);
        return new Result(name, expected, delivered, sorted);
    }

    private static Socket connect(int port, byte[] greeting) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.getOutputStream().write(greeting);
        socket.getOutputStream().flush();
        return socket;
    }

    /** A position with a unique uid that carries the send time, labelled for everyone of the organisation. */
    private static byte[] cot(int n) {
        Instant now = Instant.now();
        return ("<event version=\"2.0\" uid=\"bench-" + n + "-" + System.nanoTime() + "-\" type=\"a-f-G-U-C\" "
                + "how=\"m-g\" time=\"" + now + "\" start=\"" + now + "\" stale=\"" + now.plusSeconds(60) + "\">"
                + "<point lat=\"40.4\" lon=\"49.9\" hae=\"10\" ce=\"9999999\" le=\"9999999\"/><detail>"
                + "<contact callsign=\"BENCH\"/><__kalkan classification=\"RESTRICTED\" releasableTo=\"MEMBERS\"/>"
                + "</detail></event>\n").getBytes(StandardCharsets.UTF_8);
    }

    private static final AtomicLong DUPLICATES = new AtomicLong();
    private static final java.util.Map<Thread, java.util.BitSet> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    private static void record(String text, long[] latencies, AtomicLong count) {
        int at = text.indexOf("uid=\"bench-");
        if (at < 0) {
            return;
        }
        String[] parts = text.substring(at + 11).split("-", 3);
        java.util.BitSet seen = SEEN.computeIfAbsent(Thread.currentThread(), t -> new java.util.BitSet());
        if (seen.get(Integer.parseInt(parts[0]))) {
            DUPLICATES.incrementAndGet();
            return;
        }
        seen.set(Integer.parseInt(parts[0]));
        long sent = Long.parseLong(parts[1]);
        int i = (int) count.getAndIncrement();
        if (i < latencies.length) {
            latencies[i] = (System.nanoTime() - sent) / 1000;
        }
    }

    private static void readCot(InputStream in, long[] latencies, AtomicLong count) throws IOException {
        StringBuilder buffer = new StringBuilder();
        byte[] chunk = new byte[65536];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            buffer.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
            int end;
            while ((end = buffer.indexOf("</event>")) >= 0) {
                record(buffer.substring(0, end), latencies, count);
                buffer.delete(0, end + 8);
            }
        }
    }

    private static void readNats(InputStream in, long[] latencies, AtomicLong count) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b != '\n') {
                line.append((char) b);
                continue;
            }
            String header = line.toString().trim();
            line.setLength(0);
            if (header.startsWith("MSG ")) {
                String[] parts = header.split(" ");
                byte[] payload = in.readNBytes(Integer.parseInt(parts[parts.length - 1]) + 2);
                record(new String(payload, StandardCharsets.UTF_8), latencies, count);
            }
        }
    }
}
