package org.kalkan.federation.transport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jspecify.annotations.Nullable;
import org.kalkan.federation.FederationProperties;
import org.kalkan.federation.Lane;
import org.kalkan.federation.Peer;
import org.kalkan.federation.internal.AuditWitness;
import org.kalkan.federation.internal.Batch;
import org.kalkan.federation.internal.BatchCodec;
import org.kalkan.federation.internal.Cursor;
import org.kalkan.federation.internal.Endpoint;
import org.kalkan.federation.internal.FederationMetrics;
import org.kalkan.federation.internal.LogSignals;
import org.kalkan.federation.internal.Outbox;
import org.kalkan.federation.internal.PeerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The federation port: HTTPS with mutual TLS, its own listener beside the web port, serving one thing —
 * {@code GET /federation/v1/log?after={cursor}&limit={n}&wait={seconds}&lanes=BULK,FLASH} to registered peers, each
 * identified by the certificate it presented. A pull that finds nothing new waits (long-poll) until the log grows or
 * {@code wait} passes, so a healthy link delivers within a second. Every other path or method is refused.
 */
@Component
class FederationServer implements SmartLifecycle {

    static final String LOG_PATH = "/federation/v1/log";
    /** The node's latest audit checkpoint and a consistency proof from {@code ?since=} (witnessed audit). */
    static final String AUDIT_PATH = "/federation/v1/audit/checkpoint";
    /** A witness reports that it found this node's audit log inconsistent. */
    static final String AUDIT_ALARM_PATH = "/federation/v1/audit/alarm";
    private static final Logger log = LoggerFactory.getLogger(FederationServer.class);

    private final FederationProperties properties;
    private final NodeTls tls;
    private final Outbox outbox;
    private final BatchCodec codec;
    private final PeerStore peers;
    private final LogSignals signals;
    private final FederationMetrics metrics;
    private final Endpoint endpoint;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AuditWitness witness;
    private @Nullable HttpsServer server;
    private @Nullable ExecutorService executor;

    FederationServer(FederationProperties properties, NodeTls tls, Outbox outbox, BatchCodec codec, PeerStore peers,
            LogSignals signals, FederationMetrics metrics, Endpoint endpoint, TransactionTemplate transactions,
            Clock clock, AuditWitness witness) {
        this.witness = witness;
        this.properties = properties;
        this.tls = tls;
        this.outbox = outbox;
        this.codec = codec;
        this.peers = peers;
        this.signals = signals;
        this.metrics = metrics;
        this.endpoint = endpoint;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || properties.port() < 0) {
            return;
        }
        try {
            SSLContext context = tls.server();
            HttpsServer started = HttpsServer.create(new InetSocketAddress(properties.bindAddress(), properties.port()),
                    64);
            started.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters parameters) {
                    SSLParameters ssl = context.getDefaultSSLParameters();
                    ssl.setNeedClientAuth(true);
                    ssl.setProtocols(NodeTls.protocols());
                    parameters.setSSLParameters(ssl);
                }
            });
            AtomicInteger threads = new AtomicInteger();
            ExecutorService pool = new ThreadPoolExecutor(4, 32, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(256),
                    r -> {
                        Thread thread = new Thread(r, "federation-server-" + threads.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            started.setExecutor(pool);
            started.createContext("/", this::handle);
            started.start();
            server = started;
            executor = pool;
            endpoint.listening(started.getAddress().getPort());
            log.info("federation port {} (mutual TLS) for node {}", started.getAddress().getPort(),
                    properties.nodeId());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the federation port " + properties.port(), e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Optional<Peer> peer = peer(exchange);
            if (peer.isEmpty()) {
                send(exchange, 403, "text/plain", "not a registered peer".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (LOG_PATH.equals(path) && "GET".equals(method)) {
                serveLog(exchange, peer.get());
            } else if (AUDIT_PATH.equals(path) && "GET".equals(method)) {
                long since = integer(query(exchange.getRequestURI().getRawQuery()), "since", 0);
                send(exchange, 200, "application/json", witness.serve(since));
            } else if (AUDIT_ALARM_PATH.equals(path) && "POST".equals(method)) {
                byte[] problem = exchange.getRequestBody().readNBytes(2000);
                witness.reportedBy(peer.get(), new String(problem, StandardCharsets.UTF_8));
                send(exchange, 204, "text/plain", new byte[0]);
            } else if (LOG_PATH.equals(path) || AUDIT_PATH.equals(path) || AUDIT_ALARM_PATH.equals(path)) {
                send(exchange, 405, "text/plain", "method not allowed".getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            send(exchange, 400, "text/plain", String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // The edge of the federation port: log, answer 500, keep serving.
            log.warn("federation request failed: {}", e.toString());
            send(exchange, 500, "text/plain", "error".getBytes(StandardCharsets.UTF_8));
        } finally {
            exchange.close();
        }
    }

    private void serveLog(HttpExchange exchange, Peer peer) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Cursor after = Cursor.decode(query.getOrDefault("after", ""));
        int limit = Math.max(1, Math.min(integer(query, "limit", properties.batchLimit()), properties.batchLimit()));
        long waitMillis = Math.max(0, Math.min(integer(query, "wait", 0), 60)) * 1000L;
        Set<Lane> lanes = lanes(query.get("lanes"));
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        Batch batch;
        while (true) {
            long seen = signals.version();
            batch = outbox.batchFor(peer, after, lanes, limit);
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (!batch.segments().isEmpty() || left <= 0) {
                break;
            }
            try {
                signals.await(seen, Math.min(left, 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        byte[] bytes = codec.write(batch);
        Batch served = batch;
        transactions.executeWithoutResult(s -> peers.sent(peer.nodeId().value(), bytes.length, served.entryCount(),
                Outbox.behind(served, after), clock.instant()));
        metrics.sent(peer.nodeId().value(), bytes.length, batch.entryCount());
        send(exchange, 200, BatchCodec.MEDIA_TYPE, bytes);
    }

    private Optional<Peer> peer(HttpExchange exchange) {
        if (!(exchange instanceof HttpsExchange https)) {
            return Optional.empty();
        }
        try {
            if (https.getSSLSession().getPeerCertificates()[0] instanceof X509Certificate certificate) {
                return tls.peerOf(certificate);
            }
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Set<Lane> lanes(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return EnumSet.allOf(Lane.class);
        }
        Set<Lane> lanes = EnumSet.noneOf(Lane.class);
        for (String lane : value.split(",")) {
            lanes.add(Lane.valueOf(lane.strip()));
        }
        return lanes;
    }

    private static int integer(Map<String, String> query, String name, int fallback) {
        String value = query.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number");
        }
    }

    private static Map<String, String> query(@Nullable String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public synchronized void stop() {
        HttpsServer running = server;
        server = null;
        if (running != null) {
            running.stop(0);
        }
        ExecutorService pool = executor;
        executor = null;
        if (pool != null) {
            pool.shutdownNow();
        }
        endpoint.listening(-1);
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }
}
