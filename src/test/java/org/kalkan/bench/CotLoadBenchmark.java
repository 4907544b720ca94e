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
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.kalkan.ApiClient;

/**
 * CoT load (issues 7 and 21): N TAK clients over mutual TLS, each with its own certificate enrolled through the API
 * ({@code POST /api/v1/cot/enrollments}, signed by the node's CA), each sending one position per second under its
 * own uid and all receiving the picture. Reports the send-to-receive latency (intended send time to read, one
 * clock: clients and node share this machine), the deliveries per second of the measured window, and the rate of
 * reading during the window whatever the send time ({@code received/s}: what an overloaded system still moves);
 * steps N up ({@code 100,200,400,800}), then bisects between the last N with p99 under 1 s and at least 99 % of the
 * expected deliveries and the first without. The same clients, certificates and messages then go through the
 * baselines, searched the same way in the same run: Debian's {@code mosquitto} (MQTT 3.1.1, QoS 0, one topic, no
 * filtering) and {@code nats-server} (NATS, echo off), each over mutual TLS with the node's CA and server
 * certificate and over plain TCP; their configuration and limits are printed. Finally a mixed-nations run at
 * Kalkan's largest N: clients of five nations, every other one labelling {@code REL TO <own nation>} and the rest
 * {@code REL TO MEMBERS}; a delivery across a label is counted as a violation. Clients are Netty channels on two
 * event-loop threads, not a thread each.
 *
 * <p>Run: {@code mvn -q -DskipNpm=true test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.kalkan.bench.CotLoadBenchmark -Dexec.args="100,200,400,800,1600 15 3 all"} (steps, measured
 * seconds per run, bisections, systems: {@code all}, {@code kalkan-only}, or a list of {@code kalkan},
 * {@code mosquitto-tls}, {@code mosquitto-tcp}, {@code nats-tls}, {@code nats-tcp}). Needs {@code mosquitto} and
 * {@code nats-server} on the PATH for the baselines ({@code apt-get install -y mosquitto nats-server}). Against
 * instances started elsewhere see {@code bench/cluster}. Not part of {@code mvn verify}.
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
    record Result(String system, int clients, boolean mixed, long expected, long delivered, long receivedInWindow,
            long duplicates,
            long violations, double seconds, double p50, double p99, double max, double cpuSeconds,
            double brokerCpuSeconds, String load) {

        double perSecond() {
            return delivered / seconds;
        }

        boolean sustained() {
            return p99 < 1000 && delivered >= 0.99 * expected;
        }

        String row() {
            return String.format("| %d | %s | %s | %,d / %,d (%.1f %%) | %,.0f | %,.0f | %.1f ms | %.1f ms | %.0f ms"
                    + " | %s | %.1f s + %.1f s"
                    + " | %s | %s |", clients, mixed ? "mixed" : "MEMBERS", system, delivered, expected,
                    100.0 * delivered / Math.max(1, expected), perSecond(), receivedInWindow / seconds, p50, p99, max,
                    system.startsWith("Kalkan") ? Long.toString(violations) : "(no filtering)", cpuSeconds,
                    brokerCpuSeconds, load, sustained() ? "yes" : "no");
        }
    }

    /** Per event-loop thread tallies, merged at the end of a run. */
    static final class Tally {
        final long[] histogram = new long[BUCKETS];
        long delivered;
        /** Every new message of the run read while the window was open, whenever it was sent: the rate achieved. */
        long receivedInWindow;
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

    /** The systems under test: the node's CoT server, and the two brokers over mutual TLS and over plain TCP. */
    enum Protocol {
        COT("Kalkan", "kalkan", true), MQTT("mosquitto TLS", "mosquitto-tls", true),
        MQTT_TCP("mosquitto TCP", "mosquitto-tcp", false), NATS("NATS TLS", "nats-tls", true),
        NATS_TCP("NATS TCP", "nats-tcp", false);

        final String label;
        final String option;
        final boolean tls;

        Protocol(String label, String option, boolean tls) {
            this.label = label;
            this.option = option;
            this.tls = tls;
        }

        boolean mqtt() {
            return this == MQTT || this == MQTT_TCP;
        }

        boolean nats() {
            return this == NATS || this == NATS_TCP;
        }
    }

    /** Where a run's clients connect: client i to {@code ports[i % ports.length]}; pids whose CPU is counted. */
    record Target(Protocol protocol, String label, int[] ports, long[] pids) {
    }

    public static void main(String[] args) throws Exception {
        int[] steps = java.util.Arrays.stream((args.length > 0 ? args[0] : "100,200,400,800").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int bisections = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Protocol> systems = systems(args.length > 3 ? args[3] : "all");
        BenchNode.describeMachine();
        System.out.println("uptime: " + uptime());
        List<Result> results = new ArrayList<>();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            String external = System.getProperty("bench.cot", "");
            if (!external.isEmpty()) {
                runExternal(external, steps, seconds, bisections, group, results);
            } else {
                runHere(systems, steps, seconds, bisections, group, results);
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        System.out.println();
        System.out.println("| N | labels | system | delivered / expected | deliveries/s | received/s | p50 | p99 | max "
                + "| label violations | CPU s: JVM + others | load average | sustained |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.println(r.row());
        }
        System.out.println("uptime: " + uptime());
        System.exit(0);
    }

    /** {@code all}, {@code kalkan-only} (profiling) or a comma-separated list of {@link Protocol#option}s. */
    private static List<Protocol> systems(String argument) {
        if (argument.equals("all")) {
            return List.of(Protocol.values());
        }
        if (argument.equals("kalkan-only")) {
            return List.of(Protocol.COT);
        }
        List<Protocol> chosen = new ArrayList<>();
        for (String option : argument.split(",")) {
            chosen.add(java.util.Arrays.stream(Protocol.values()).filter(p -> p.option.equals(option)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown system " + option)));
        }
        return chosen;
    }

    /** The node in this JVM and the brokers beside it, searched one after the other, then the mixed run. */
    private static void runHere(List<Protocol> systems, int[] steps, int seconds, int bisections,
            EventLoopGroup group, List<Result> results) throws Exception {
        try (BenchNode node = BenchNode.start("--kalkan.cot.tls-port=0", "--kalkan.cot.bind-address=127.0.0.1")) {
            int cotPort = (int) invoke(node.context.getBean(Class.forName("org.kalkan.interop.cot.CotServer")),
                    "tlsPort");
            Object authority = node.context.getBean(Class.forName("org.kalkan.interop.cot.CertificateAuthority"));
            X509Certificate ca = (X509Certificate) invoke(authority, "caCertificate");
            Path brokerDir = Files.createTempDirectory("kalkan-brokers-");
            LoadBrokers.writeCertificates(brokerDir, ca, (X509Certificate) invoke(authority, "serverCertificate"),
                    (PrivateKey) invoke(authority, "serverKey"));
            List<Process> brokers = new ArrayList<>();
            Map<Protocol, Target> targets = new java.util.EnumMap<>(Protocol.class);
            try {
                int[] mosquittoPorts = {freePort(), freePort()};
                for (Protocol p : systems) {
                    targets.put(p, target(p, cotPort, brokerDir, brokers, targets, mosquittoPorts));
                }
                Clients clients = new Clients(new ApiClient(node.port), group, seconds);
                Map<Protocol, Integer> largest = new java.util.EnumMap<>(Protocol.class);
                for (Protocol p : systems) {
                    largest.put(p, search(targets.get(p), clients, steps, bisections, results));
                }
                System.out.println();
                System.out.println("largest N with p99 < 1 s and >= 99 % delivered: " + largest);
                for (Process broker : brokers) {
                    System.out.println("broker pid " + broker.pid() + " after the runs: " + LoadBrokers.limits(
                            broker.pid()));
                }
                Result k = largest(results, Protocol.COT.label, largest.getOrDefault(Protocol.COT, 0));
                for (Protocol p : systems) {
                    Result b = largest(results, p.label, largest.get(p));
                    if (p != Protocol.COT && k != null && b != null) {
                        System.out.printf("deliveries/s at the largest N: Kalkan %,.0f, %s %,.0f, ratio %.2f%n",
                                k.perSecond(), p.label, b.perSecond(), k.perSecond() / b.perSecond());
                    }
                }
                if (systems.contains(Protocol.COT)) {
                    int mixed = Math.max(largest.get(Protocol.COT), steps[0]);
                    Result kalkanMixed = clients.run(targets.get(Protocol.COT), mixed, true);
                    results.add(kalkanMixed);
                    System.out.printf("mixed nations, N=%d: Kalkan %,.0f/s (filtered), label violations %d%n", mixed,
                            kalkanMixed.perSecond(), kalkanMixed.violations());
                }
            } finally {
                brokers.forEach(Process::destroy);
            }
        }
    }

    private static Target target(Protocol p, int cotPort, Path brokerDir, List<Process> brokers,
            Map<Protocol, Target> made, int[] mosquittoPorts) throws Exception {
        if (p == Protocol.COT) {
            return new Target(p, p.label, new int[] {cotPort}, new long[0]);
        }
        if (p.mqtt()) {
            Target other = made.get(p == Protocol.MQTT ? Protocol.MQTT_TCP : Protocol.MQTT);
            long[] pids = other != null ? other.pids() : new long[0];
            if (other == null) { // one mosquitto serves both listeners
                Process broker = LoadBrokers.startMosquitto(brokerDir, mosquittoPorts[0], mosquittoPorts[1]);
                brokers.add(broker);
                pids = new long[] {broker.pid()};
            }
            return new Target(p, p.label, new int[] {mosquittoPorts[p == Protocol.MQTT ? 0 : 1]}, pids);
        }
        int port = freePort();
        Process broker = LoadBrokers.startNats(brokerDir, port, p.tls);
        brokers.add(broker);
        return new Target(p, p.label, new int[] {port}, new long[] {broker.pid()});
    }

    /**
     * Instances started elsewhere (e.g. by {@code scripts/cluster-demo}): {@code -Dbench.cot=PORT,PORT,...} their
     * CoT mutual-TLS ports (client i connects to the i-th modulo their number), {@code -Dbench.api=PORT} an
     * instance's web port for enrolment, {@code -Dbench.pids=PID,...} the processes whose CPU is counted (the
     * instances, PostgreSQL, Kafka).
     */
    private static void runExternal(String cot, int[] steps, int seconds, int bisections, EventLoopGroup group,
            List<Result> results) throws Exception {
        int[] ports = java.util.Arrays.stream(cot.split(",")).mapToInt(Integer::parseInt).toArray();
        long[] pids = java.util.Arrays.stream(System.getProperty("bench.pids", "").split(","))
                .filter(s -> !s.isBlank()).mapToLong(Long::parseLong).toArray();
        String label = "Kalkan ×" + ports.length;
        Target target = new Target(Protocol.COT, label, ports, pids);
        Clients clients = new Clients(new ApiClient(Integer.getInteger("bench.api", 8080)), group, seconds);
        int largest = search(target, clients, steps, bisections, results);
        System.out.println("largest N with p99 < 1 s and >= 99 % delivered, " + label + ": " + largest);
    }

    /**
     * Run ids, in every uid the clients send: distinct from those of an earlier benchmark against the same node (a
     * warm-up), whose latest positions a node hands to clients as they connect.
     */
    private static int runs = (int) (System.currentTimeMillis() / 1000 % 1_000_000) * 100;

    /** The clients' certificates (enrolled as more are needed) and what every run shares. */
    static final class Clients {
        final ApiClient api;
        final EventLoopGroup group;
        final int seconds;
        final List<Identity> identities = new ArrayList<>();
        final Map<String, String> tokens = new java.util.HashMap<>();
        X509Certificate ca;

        Clients(ApiClient api, EventLoopGroup group, int seconds) {
            this.api = api;
            this.group = group;
            this.seconds = seconds;
        }

        Result run(Target target, int n, boolean mixed) throws Exception {
            ca = enrol(api, tokens, identities, n, ca);
            return CotLoadBenchmark.run(target, ca, identities, n, mixed, seconds, group);
        }
    }

    /** Steps N up until a run is not sustained, then bisects; returns the largest N sustained. */
    private static int search(Target target, Clients clients, int[] steps, int bisections,
            List<Result> results) throws Exception {
        int good = 0;
        int bad = -1;
        for (int n : steps) {
            Result result = clients.run(target, n, false);
            results.add(result);
            if (!result.sustained()) {
                bad = n;
                break;
            }
            good = n;
        }
        for (int b = 0; b < bisections && bad > 0 && bad - good > 25; b++) {
            int n = (good + bad) / 2;
            Result result = clients.run(target, n, false);
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

    private static Result run(Target target, X509Certificate ca, List<Identity> identities, int n,
            boolean mixed, int seconds, EventLoopGroup group) throws Exception {
        Protocol protocol = target.protocol();
        Run run = new Run(++runs, n, mixed, protocol == Protocol.COT);
        String load = uptime().replaceAll(".*load average: ", "");
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            channels.add(connect(protocol, target.ports()[i % target.ports().length], ca, identities.get(i), run, i,
                    group));
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
        CpuTimes before = CpuTimes.now(target.pids());
        Thread.sleep(Duration.ofNanos(run.windowEnd - System.nanoTime()).toMillis());
        CpuTimes after = CpuTimes.now(target.pids());
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
        long receivedInWindow = 0;
        long duplicates = 0;
        long violations = 0;
        for (Tally t : run.all) {
            synchronized (t) {
                for (int b = 0; b < BUCKETS; b++) {
                    histogram[b] += t.histogram[b];
                }
                delivered += t.delivered;
                receivedInWindow += t.receivedInWindow;
                duplicates += t.duplicates;
                violations += t.violations;
            }
        }
        Result result = new Result(target.label(), n, mixed, run.expected.get(),
                delivered, receivedInWindow, duplicates, violations, seconds, quantile(histogram, delivered, 0.5),
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
        Receiver receiver = new Receiver(protocol, run, index, identity.nation());
        Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (protocol.tls && !protocol.nats()) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), "localhost", port));
                        }
                        ch.pipeline().addLast(receiver);
                    }
                }).connect("127.0.0.1", port).sync().channel();
        if (protocol.nats()) {
            // NATS 2.9 greets in plain text (INFO) and only then upgrades the connection to TLS.
            receiver.info.get(10, TimeUnit.SECONDS);
            if (protocol.tls) {
                SslHandler handler = ssl.newHandler(channel.alloc(), "localhost", port);
                channel.pipeline().addFirst(handler);
                handler.handshakeFuture().sync();
            }
            channel.writeAndFlush(LoadBrokers.natsConnect("bench-" + run.id + "-" + index, protocol.tls));
        } else if (protocol.tls) {
            channel.pipeline().get(SslHandler.class).handshakeFuture().sync();
        }
        if (protocol.mqtt()) {
            channel.writeAndFlush(LoadBrokers.mqttConnect("bench-" + run.id + "-" + index));
            channel.writeAndFlush(LoadBrokers.mqttSubscribe());
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
        return protocol.mqtt() ? LoadBrokers.mqttPublish(xml) : LoadBrokers.natsPublish(xml);
    }

    /** Splits the stream into messages (CoT: one event per line; MQTT: PUBLISH packets) and tallies each. */
    static final class Receiver extends ByteToMessageDecoder {

        private final Protocol protocol;
        private final Run run;
        private final int index;
        private final String nation;
        private final byte[] scratch = new byte[512];
        /** Completed when a NATS server has sent its INFO greeting. */
        final java.util.concurrent.CompletableFuture<Void> info = new java.util.concurrent.CompletableFuture<>();

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
            if (protocol.nats()) {
                decodeNats(ctx, in);
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

        /** NATS: {@code MSG cot 1 <length>\r\n<payload>\r\n}; answers the server's PING; INFO opens the way. */
        private void decodeNats(ChannelHandlerContext ctx, ByteBuf in) {
            int eol;
            while ((eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n')) >= 0) {
                int at = in.readerIndex();
                byte first = in.getByte(at);
                if (first == 'M') {
                    int length = 0;
                    int digit = eol - 2; // before "\r"
                    for (int scale = 1; in.getByte(digit) != ' '; digit--, scale *= 10) {
                        length += (in.getByte(digit) - '0') * scale;
                    }
                    if (eol + 1 + length + 2 > in.writerIndex()) {
                        return;
                    }
                    tally(in, eol + 1, eol + 1 + length);
                    in.readerIndex(eol + 1 + length + 2);
                    continue;
                }
                if (first == 'P' && in.getByte(at + 1) == 'I') {
                    ctx.writeAndFlush(Unpooled.copiedBuffer("PONG\r\n", StandardCharsets.US_ASCII));
                } else if (first == 'I') {
                    info.complete(null);
                } else if (first == '-') {
                    System.out.println("NATS client " + index + ": " + in.toString(at, eol - at,
                            StandardCharsets.US_ASCII).trim());
                }
                in.readerIndex(eol + 1);
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
                if (received >= run.windowStart && received < run.windowEnd) {
                    tally.receivedInWindow++;
                }
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
    private static X509Certificate enrol(ApiClient api, Map<String, String> tokens, List<Identity> identities, int n,
            @org.jspecify.annotations.Nullable X509Certificate knownCa) throws Exception {
        X509Certificate ca = knownCa;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        long started = System.nanoTime();
        int before = identities.size();
        while (identities.size() < n) {
            String nation = NATIONS[identities.size() % NATIONS.length];
            String username = nation.toLowerCase() + ".officer";
            String token = tokens.computeIfAbsent(username, u -> api.token(u, "kalkan-demo"));
            KeyPair keys = generator.generateKeyPair();
            String csr = LoadBrokers.pem(new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + username + " bench"),
                    keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            var response = api.post("/api/v1/cot/enrollments", token, Map.of("csr", csr));
            if (response.status() != 201) {
                throw new IllegalStateException("enrolment failed: " + response);
            }
            X509Certificate certificate = certificate(response.json().get("certificate").asString());
            ca = certificate(response.json().get("caCertificate").asString());
            identities.add(new Identity(username, nation, keys.getPrivate(), certificate));
        }
        if (identities.size() > before) {
            System.out.printf("enrolled %d certificates in %.1f s%n", identities.size() - before,
                    (System.nanoTime() - started) / 1e9);
        }
        if (ca == null) {
            throw new IllegalStateException("no enrolment answered with the CA certificate");
        }
        return ca;
    }

    private static X509Certificate certificate(String pem) throws java.security.cert.CertificateException {
        return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
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

    /**
     * CPU seconds of this JVM (node and clients) and of the other processes named (broker, instances) with their
     * children (PostgreSQL's backends are children of its postmaster).
     */
    record CpuTimes(double jvm, double broker) {

        static CpuTimes now(long[] pids) {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            double others = 0;
            java.util.Set<Long> named = java.util.Arrays.stream(pids).boxed().collect(java.util.stream.Collectors.toSet());
            if (!named.isEmpty()) {
                try (var processes = Files.list(Path.of("/proc"))) {
                    for (Path process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                        String[] fields = stat(process);
                        long pid = Long.parseLong(process.getFileName().toString());
                        if (fields.length > 12 && (named.contains(pid) || named.contains(Long.parseLong(fields[1])))) {
                            others += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                        }
                    }
                } catch (IOException e) {
                    others = Double.NaN;
                }
            }
            return new CpuTimes(os.getProcessCpuTime() / 1e9, others);
        }

        /** The fields of /proc/PID/stat after the command name (state, ppid, …), empty if it is gone. */
        private static String[] stat(Path process) {
            try {
                String stat = Files.readString(process.resolve("stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            } catch (IOException | RuntimeException e) {
                return new String[0];
            }
        }
    }
}
