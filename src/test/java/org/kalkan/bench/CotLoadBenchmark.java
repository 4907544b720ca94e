package org.kalkan.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.kalkan.ApiClient;

/**
 * CoT load (issue 7): N TAK clients over mutual TLS, each with its own certificate enrolled through the API
 * ({@code POST /api/v1/cot/enrollments}, signed by the node's CA), each sending one position per second under its
 * own uid and all receiving the picture. Reports the send-to-receive latency (intended send time to read, one
 * clock: clients and node share this JVM) and the deliveries per second; steps N up ({@code 100,200,400,800}),
 * then bisects between the last N with p99 under 1 s and at least 99 % of the expected deliveries and the first
 * without. The same clients, certificates and messages then go through Debian's {@code mosquitto} (MQTT 3.1.1,
 * QoS 0, one topic, no filtering, TCP_NODELAY as on the node), over mutual TLS with the node's CA and server
 * certificate and over plain TCP, searched the same way, in the same run. Finally a mixed-nations run at Kalkan's
 * largest N: clients of five nations, every other one labelling {@code REL TO <own nation>} and the rest
 * {@code REL TO MEMBERS}; a delivery across a label is counted as a
 * violation. Clients are Netty channels on two event-loop threads, not a thread each.
 *
 * <p>Run: {@code mvn -q -DskipNpm=true test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.kalkan.bench.CotLoadBenchmark -Dexec.args="100,200,400,800,1600 15 3"} (steps, measured
 * seconds per run, bisections; a fourth argument {@code kalkan-only} skips the broker, for profiling). Needs
 * {@code mosquitto} on the PATH ({@code apt-get install -y mosquitto}). Not part of
 * {@code mvn verify}.
 */
public final class CotLoadBenchmark {

    private static final String[] NATIONS = {"AZE", "KAZ", "KGZ", "TUR", "UZB"};
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration DRAIN = Duration.ofSeconds(3);
    private static final long BUCKET_NANOS = 100_000; // histogram resolution: 0.1 ms
    private static final int BUCKETS = 600_000; // up to 60 s
    private static final byte[] MARK = "<__bench r=\"".getBytes(StandardCharsets.US_ASCII);

    private CotLoadBenchmark() {
    }

    /** A client's enrolled identity: a demo officer of its nation, its own key and certificate. */
    record Identity(String username, String nation, PrivateKey key, X509Certificate certificate) {
    }

    /** What one run measured. */
    record Result(String system, int clients, boolean mixed, long expected, long delivered, long duplicates,
            long violations, double seconds, double p50, double p99, double max, double cpuSeconds,
            double brokerCpuSeconds, String load) {

        double perSecond() {
            return delivered / seconds;
        }

        boolean sustained() {
            return p99 < 1000 && delivered >= 0.99 * expected;
        }

        String row() {
            return String.format("| %d | %s | %s | %,d / %,d (%.1f %%) | %,.0f | %.1f ms | %.1f ms | %.0f ms | %s"
                    + " | %.1f s + %.1f s"
                    + " | %s | %s |", clients, mixed ? "mixed" : "MEMBERS", system, delivered, expected,
                    100.0 * delivered / Math.max(1, expected), perSecond(), p50, p99, max,
                    system.equals("Kalkan") ? Long.toString(violations) : "(no filtering)", cpuSeconds,
                    brokerCpuSeconds, load, sustained() ? "yes" : "no");
        }
    }

    /** Per event-loop thread tallies, merged at the end of a run. */
    static final class Tally {
        final long[] histogram = new long[BUCKETS];
        long delivered;
        long duplicates;
        long violations;
    }

    /** One run's shared state. */
    static final class Run {
        final int id;
        final int clients;
        final boolean mixed;
        final boolean filtered;
        final int[][] lastSeen;
        final ConcurrentLinkedQueue<Tally> all = new ConcurrentLinkedQueue<>();
        final ThreadLocal<Tally> tally = ThreadLocal.withInitial(() -> {
            Tally t = new Tally();
            all.add(t);
            return t;
        });
        final AtomicLong expected = new AtomicLong();
        volatile long windowStart = Long.MAX_VALUE;
        volatile long windowEnd = Long.MAX_VALUE;

        Run(int id, int clients, boolean mixed, boolean filtered) {
            this.id = id;
            this.clients = clients;
            this.mixed = mixed;
            this.filtered = filtered;
            this.lastSeen = new int[clients][];
        }

        /** Whether client {@code sender} labels its positions for its own nation only. */
        boolean ownNationOnly(int sender) {
            return mixed && sender % 2 == 1;
        }

        /** How many other clients receive what {@code sender} sends (a broker does not filter). */
        long readers(int sender) {
            if (!filtered || !ownNationOnly(sender)) {
                return clients - 1;
            }
            long same = 0;
            for (int i = 0; i < clients; i++) {
                if (i != sender && i % NATIONS.length == sender % NATIONS.length) {
                    same++;
                }
            }
            return same;
        }
    }

    /** The systems under test: the node's CoT server, and the MQTT broker over mutual TLS and over plain TCP. */
    enum Protocol {
        COT("Kalkan"), MQTT("mosquitto TLS"), MQTT_TCP("mosquitto TCP");

        final String label;

        Protocol(String label) {
            this.label = label;
        }
    }

    public static void main(String[] args) throws Exception {
        int[] steps = java.util.Arrays.stream((args.length > 0 ? args[0] : "100,200,400,800").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int bisections = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        boolean kalkanOnly = args.length > 3 && args[3].equals("kalkan-only");
        BenchNode.describeMachine();
        System.out.println("uptime: " + uptime());
        List<Result> results = new ArrayList<>();
        try (BenchNode node = BenchNode.start("--kalkan.cot.tls-port=0", "--kalkan.cot.bind-address=127.0.0.1")) {
            int cotPort = (int) invoke(node.context.getBean(Class.forName("org.kalkan.interop.cot.CotServer")),
                    "tlsPort");
            Object authority = node.context.getBean(Class.forName("org.kalkan.interop.cot.CertificateAuthority"));
            X509Certificate ca = (X509Certificate) invoke(authority, "caCertificate");
            Path brokerDir = Files.createTempDirectory("kalkan-mosquitto-");
            int brokerPort = freePort();
            int brokerTcpPort = freePort();
            Process broker = startMosquitto(brokerDir, brokerPort, brokerTcpPort, ca,
                    (X509Certificate) invoke(authority, "serverCertificate"), (PrivateKey) invoke(authority,
                            "serverKey"));
            EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
            try {
                Clients clients = new Clients(new ApiClient(node.port), ca, group, seconds);
                clients.brokerPid = broker.pid();
                int kalkanLargest = search(Protocol.COT, cotPort, clients, steps, bisections, results);
                if (kalkanOnly) { // a profiling run: the node alone
                    broker.destroy();
                    System.exit(0);
                }
                int brokerLargest = search(Protocol.MQTT, brokerPort, clients, steps, bisections, results);
                int tcpLargest = search(Protocol.MQTT_TCP, brokerTcpPort, clients, steps, bisections, results);
                int mixed = Math.max(kalkanLargest, steps[0]);
                Result kalkanMixed = clients.run(Protocol.COT, cotPort, mixed, true);
                Result brokerMixed = clients.run(Protocol.MQTT, brokerPort, mixed, true);
                results.add(kalkanMixed);
                results.add(brokerMixed);
                System.out.println();
                System.out.println("largest N with p99 < 1 s and >= 99 % delivered: Kalkan " + kalkanLargest
                        + ", mosquitto TLS " + brokerLargest + ", mosquitto TCP " + tcpLargest);
                Result k = largest(results, Protocol.COT.label, kalkanLargest);
                for (Protocol p : List.of(Protocol.MQTT, Protocol.MQTT_TCP)) {
                    Result b = largest(results, p.label, p == Protocol.MQTT ? brokerLargest : tcpLargest);
                    if (k != null && b != null) {
                        System.out.printf("deliveries/s at the largest N: Kalkan %,.0f, %s %,.0f, ratio %.2f%n",
                                k.perSecond(), p.label, b.perSecond(), k.perSecond() / b.perSecond());
                    }
                }
                System.out.printf("mixed nations, N=%d: Kalkan %,.0f/s (filtered), mosquitto %,.0f/s (unfiltered), "
                        + "label violations %d%n", mixed, kalkanMixed.perSecond(), brokerMixed.perSecond(),
                        kalkanMixed.violations());
            } finally {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
                broker.destroy();
            }
        }
        System.out.println();
        System.out.println("| N | labels | system | delivered / expected | deliveries/s | p50 | p99 | max "
                + "| label violations | CPU s: JVM + broker | load average | sustained |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.println(r.row());
        }
        System.out.println("uptime: " + uptime());
        System.exit(0);
    }

    private static int runs;

    /** The clients' certificates (enrolled as more are needed) and what every run shares. */
    static final class Clients {
        final ApiClient api;
        final X509Certificate ca;
        final EventLoopGroup group;
        final int seconds;
        final List<Identity> identities = new ArrayList<>();
        final Map<String, String> tokens = new java.util.HashMap<>();
        long brokerPid = -1;

        Clients(ApiClient api, X509Certificate ca, EventLoopGroup group, int seconds) {
            this.api = api;
            this.ca = ca;
            this.group = group;
            this.seconds = seconds;
        }

        Result run(Protocol protocol, int port, int n, boolean mixed) throws Exception {
            enrol(api, tokens, identities, n);
            return CotLoadBenchmark.run(protocol, port, ca, identities, n, mixed, seconds, group,
                    protocol == Protocol.COT ? -1 : brokerPid);
        }
    }

    /** Steps N up until a run is not sustained, then bisects; returns the largest N sustained. */
    private static int search(Protocol protocol, int port, Clients clients, int[] steps, int bisections,
            List<Result> results) throws Exception {
        int good = 0;
        int bad = -1;
        for (int n : steps) {
            Result result = clients.run(protocol, port, n, false);
            results.add(result);
            if (!result.sustained()) {
                bad = n;
                break;
            }
            good = n;
        }
        for (int b = 0; b < bisections && bad > 0 && bad - good > 25; b++) {
            int n = (good + bad) / 2;
            Result result = clients.run(protocol, port, n, false);
            results.add(result);
            if (result.sustained()) {
                good = n;
            } else {
                bad = n;
            }
        }
        return good;
    }

    private static @org.jspecify.annotations.Nullable Result largest(List<Result> results, String system, int n) {
        return results.stream().filter(r -> r.system().equals(system) && r.clients() == n && !r.mixed())
                .findFirst().orElse(null);
    }

    private static Result run(Protocol protocol, int port, X509Certificate ca, List<Identity> identities, int n,
            boolean mixed, int seconds, EventLoopGroup group, long brokerPid) throws Exception {
        Run run = new Run(++runs, n, mixed, protocol == Protocol.COT);
        String load = uptime().replaceAll(".*load average: ", "");
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            channels.add(connect(protocol, port, ca, identities.get(i), run, i, group));
            if (i % 50 == 49) {
                Thread.sleep(50); // let the handshakes of a batch finish before the next
            }
        }
        Thread.sleep(2000);
        long start = System.nanoTime() + 500_000_000L;
        run.windowStart = start + WARM_UP.toNanos();
        run.windowEnd = run.windowStart + Duration.ofSeconds(seconds).toNanos();
        List<ScheduledFuture<?>> senders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long offset = (long) i * 1_000_000_000L / n;
            Channel channel = channels.get(i);
            int sender = i;
            String nation = identities.get(i).nation();
            long[] sequence = {0};
            senders.add(channel.eventLoop().scheduleAtFixedRate(() -> {
                long due = start + offset + sequence[0] * 1_000_000_000L;
                int seq = (int) sequence[0]++;
                if (due >= run.windowStart && due < run.windowEnd) {
                    run.expected.addAndGet(run.readers(sender));
                }
                byte[] xml = event(run, sender, seq, due, run.ownNationOnly(sender) ? nation : "MEMBERS");
                channel.writeAndFlush(frame(protocol, xml), channel.voidPromise());
            }, start + offset - System.nanoTime(), 1_000_000_000L, TimeUnit.NANOSECONDS));
        }
        CpuTimes before = CpuTimes.now(brokerPid);
        Thread.sleep(Duration.ofNanos(run.windowEnd - System.nanoTime()).toMillis());
        CpuTimes after = CpuTimes.now(brokerPid);
        senders.forEach(s -> s.cancel(false));
        Thread.sleep(DRAIN.toMillis());
        for (Channel channel : channels) {
            channel.close();
        }
        for (Channel channel : channels) {
            channel.closeFuture().await(5, TimeUnit.SECONDS);
        }
        Thread.sleep(500);
        long[] histogram = new long[BUCKETS];
        long delivered = 0;
        long duplicates = 0;
        long violations = 0;
        for (Tally t : run.all) {
            synchronized (t) {
                for (int b = 0; b < BUCKETS; b++) {
                    histogram[b] += t.histogram[b];
                }
                delivered += t.delivered;
                duplicates += t.duplicates;
                violations += t.violations;
            }
        }
        Result result = new Result(protocol.label, n, mixed, run.expected.get(),
                delivered, duplicates, violations, seconds, quantile(histogram, delivered, 0.5),
                quantile(histogram, delivered, 0.99), quantile(histogram, delivered, 1.0),
                after.jvm - before.jvm, after.broker - before.broker, load);
        System.out.println(result.row() + (duplicates > 0 ? " duplicates " + duplicates : ""));
        Thread.sleep(1000);
        return result;
    }

    /** Milliseconds at quantile q of a 0.1 ms histogram holding {@code count} values. */
    private static double quantile(long[] histogram, long count, double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * count));
        long seen = 0;
        for (int b = 0; b < histogram.length; b++) {
            seen += histogram[b];
            if (seen >= rank) {
                return (b + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return Double.NaN;
    }

    private static Channel connect(Protocol protocol, int port, X509Certificate ca, Identity identity, Run run,
            int index, EventLoopGroup group) throws Exception {
        SslContext ssl = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .keyManager(identity.key(), identity.certificate()).trustManager(ca).protocols("TLSv1.3").build();
        Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (protocol != Protocol.MQTT_TCP) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), "localhost", port));
                        }
                        ch.pipeline().addLast(new Receiver(protocol, run, index, identity.nation()));
                    }
                }).connect("127.0.0.1", port).sync().channel();
        if (protocol != Protocol.MQTT_TCP) {
            channel.pipeline().get(SslHandler.class).handshakeFuture().sync();
        }
        if (protocol != Protocol.COT) {
            channel.writeAndFlush(mqttConnect("bench-" + run.id + "-" + index));
            channel.writeAndFlush(mqttSubscribe());
        }
        return channel;
    }

    /** A position as a TAK client sends it; {@code __bench} carries run, sender, sequence and intended send time. */
    private static byte[] event(Run run, int sender, int seq, long due, String releasableTo) {
        Instant now = Instant.now();
        double lat = 40 + (sender % 100) * 0.01;
        double lon = 49 + seq * 0.0001;
        return ("<event version=\"2.0\" uid=\"bench-" + run.id + "-" + sender + "\" type=\"a-f-G-U-C\" how=\"m-g\" "
                + "time=\"" + now + "\" start=\"" + now + "\" stale=\"" + now.plusSeconds(20) + "\">"
                + "<point lat=\"" + lat + "\" lon=\"" + lon + "\" hae=\"10\" ce=\"9999999\" le=\"9999999\"/><detail>"
                + "<contact callsign=\"BENCH-" + sender + "\"/><track course=\"90\" speed=\"3\"/>"
                + "<__bench r=\"" + run.id + "\" s=\"" + sender + "\" n=\"" + seq + "\" t=\"" + due + "\"/>"
                + "<__kalkan classification=\"RESTRICTED\" releasableTo=\"" + releasableTo + "\"/>"
                + "</detail></event>\n").getBytes(StandardCharsets.UTF_8);
    }

    private static ByteBuf frame(Protocol protocol, byte[] xml) {
        if (protocol == Protocol.COT) {
            return Unpooled.wrappedBuffer(xml);
        }
        byte[] topic = "cot".getBytes(StandardCharsets.US_ASCII);
        ByteBuf buffer = Unpooled.buffer(xml.length + 16);
        buffer.writeByte(0x30);
        writeLength(buffer, 2 + topic.length + xml.length);
        buffer.writeShort(topic.length).writeBytes(topic);
        return buffer.writeBytes(xml);
    }

    private static ByteBuf mqttConnect(String clientId) {
        byte[] id = clientId.getBytes(StandardCharsets.US_ASCII);
        ByteBuf buffer = Unpooled.buffer();
        buffer.writeByte(0x10);
        writeLength(buffer, 10 + 2 + id.length);
        buffer.writeShort(4).writeBytes("MQTT".getBytes(StandardCharsets.US_ASCII)).writeByte(4) // MQTT 3.1.1
                .writeByte(0x02).writeShort(0); // clean session, no keep-alive
        return buffer.writeShort(id.length).writeBytes(id);
    }

    private static ByteBuf mqttSubscribe() {
        ByteBuf buffer = Unpooled.buffer();
        buffer.writeByte(0x82);
        writeLength(buffer, 2 + 2 + 3 + 1);
        return buffer.writeShort(1).writeShort(3).writeBytes("cot".getBytes(StandardCharsets.US_ASCII))
                .writeByte(0);
    }

    private static void writeLength(ByteBuf buffer, int length) {
        do {
            int digit = length & 0x7f;
            length >>>= 7;
            buffer.writeByte(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
    }

    /** Splits the stream into messages (CoT: one event per line; MQTT: PUBLISH packets) and tallies each. */
    static final class Receiver extends ByteToMessageDecoder {

        private final Protocol protocol;
        private final Run run;
        private final int index;
        private final String nation;
        private final byte[] scratch = new byte[512];

        Receiver(Protocol protocol, Run run, int index, String nation) {
            this.protocol = protocol;
            this.run = run;
            this.index = index;
            this.nation = nation;
            run.lastSeen[index] = new int[run.clients];
            java.util.Arrays.fill(run.lastSeen[index], -1);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            if (protocol == Protocol.COT) {
                int end;
                while ((end = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n')) >= 0) {
                    tally(in, in.readerIndex(), end);
                    in.readerIndex(end + 1);
                }
                return;
            }
            while (in.readableBytes() >= 2) {
                int at = in.readerIndex();
                int type = in.getUnsignedByte(at) >> 4;
                int length = 0;
                int shift = 0;
                int i = at + 1;
                int b;
                do {
                    if (i >= in.writerIndex()) {
                        return;
                    }
                    b = in.getUnsignedByte(i++);
                    length |= (b & 0x7f) << shift;
                    shift += 7;
                } while ((b & 0x80) != 0);
                if (i + length > in.writerIndex()) {
                    return;
                }
                if (type == 3) {
                    int topic = in.getUnsignedShort(i);
                    tally(in, i + 2 + topic, i + length);
                }
                in.readerIndex(i + length);
            }
        }

        /** Reads the {@code __bench} element near the end of a message (copied out: faster than ByteBuf reads). */
        private void tally(ByteBuf in, int from, int to) {
            int length = Math.min(to - from, scratch.length);
            in.getBytes(to - length, scratch, 0, length);
            int at = lastIndexOf(scratch, length, MARK);
            if (at < 0) {
                return; // protocol control, or not a benchmark event
            }
            at += MARK.length;
            long[] values = new long[4]; // r, s, n, t
            for (int v = 0; v < 4 && at < length; v++) {
                long value = 0;
                byte c;
                while (at < length && (c = scratch[at++]) >= '0' && c <= '9') {
                    value = value * 10 + (c - '0');
                }
                values[v] = value;
                while (at < length && scratch[at] != '"') {
                    at++; // to the next attribute's opening quote
                }
                at++;
            }
            int sender = (int) values[1];
            if (values[0] != run.id || sender == index) {
                return; // a previous run's track (latest SA), or the broker echoing our own message
            }
            long received = System.nanoTime();
            int seq = (int) values[2];
            long sent = values[3];
            Tally tally = run.tally.get();
            synchronized (tally) {
                if (run.filtered && run.ownNationOnly(sender)
                        && !NATIONS[sender % NATIONS.length].equals(nation)) {
                    tally.violations++;
                }
                int[] last = run.lastSeen[index];
                if (seq <= last[sender]) {
                    tally.duplicates++;
                    return;
                }
                last[sender] = seq;
                if (sent >= run.windowStart && sent < run.windowEnd) {
                    tally.delivered++;
                    tally.histogram[(int) Math.min(BUCKETS - 1, Math.max(0, received - sent) / BUCKET_NANOS)]++;
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private static int lastIndexOf(byte[] bytes, int length, byte[] needle) {
        outer:
        for (int i = length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Enrols certificates through the API until there are {@code n}: client i is the officer of nation i mod 5. */
    private static void enrol(ApiClient api, Map<String, String> tokens, List<Identity> identities, int n)
            throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        long started = System.nanoTime();
        int before = identities.size();
        while (identities.size() < n) {
            String nation = NATIONS[identities.size() % NATIONS.length];
            String username = nation.toLowerCase() + ".officer";
            String token = tokens.computeIfAbsent(username, u -> api.token(u, "kalkan-demo"));
            KeyPair keys = generator.generateKeyPair();
            String csr = pem(new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + username + " bench"),
                    keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            var response = api.post("/api/v1/cot/enrollments", token, Map.of("csr", csr));
            if (response.status() != 201) {
                throw new IllegalStateException("enrolment failed: " + response);
            }
            X509Certificate certificate = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(response.json().get("certificate")
                            .asString().getBytes(StandardCharsets.US_ASCII)));
            identities.add(new Identity(username, nation, keys.getPrivate(), certificate));
        }
        if (identities.size() > before) {
            System.out.printf("enrolled %d certificates in %.1f s%n", identities.size() - before,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private static Process startMosquitto(Path dir, int port, int tcpPort, X509Certificate ca,
            X509Certificate server, PrivateKey key) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("ca.pem"), pem(ca));
        Files.writeString(dir.resolve("server.pem"), pem(server));
        Files.writeString(dir.resolve("server-key.pem"), pem(new JcaPKCS8Generator(key, null)));
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "user root", "persistence false", "log_dest none", "set_tcp_nodelay true", // as Kalkan's sockets
                "listener " + port + " 127.0.0.1", "allow_anonymous true", "require_certificate true",
                "cafile " + dir.resolve("ca.pem"), "certfile " + dir.resolve("server.pem"),
                "keyfile " + dir.resolve("server-key.pem"), "listener " + tcpPort + " 127.0.0.1", ""));
        Process process = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Thread.sleep(1000);
        if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.log")));
        }
        return process;
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    private static Object invoke(Object target, String method) throws ReflectiveOperationException {
        Method m = target.getClass().getDeclaredMethod(method);
        m.setAccessible(true);
        return m.invoke(target);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String uptime() {
        try {
            return new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /** CPU seconds of this JVM (node and clients) and of the broker process. */
    record CpuTimes(double jvm, double broker) {

        static CpuTimes now(long brokerPid) {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            double broker = 0;
            if (brokerPid > 0) {
                try {
                    String stat = Files.readString(Path.of("/proc", Long.toString(brokerPid), "stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    broker = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                } catch (IOException e) {
                    broker = Double.NaN;
                }
            }
            return new CpuTimes(os.getProcessCpuTime() / 1e9, broker);
        }
    }
}
