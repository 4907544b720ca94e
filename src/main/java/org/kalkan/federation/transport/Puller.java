package org.kalkan.federation.transport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.cluster.Lease;
import org.kalkan.federation.FederationProperties;
import org.kalkan.federation.Lane;
import org.kalkan.federation.Peer;
import org.kalkan.federation.internal.AuditWitness;
import org.kalkan.federation.internal.BatchCodec;
import org.kalkan.federation.internal.BatchRefusedException;
import org.kalkan.federation.internal.Cursor;
import org.kalkan.federation.internal.FederationMetrics;
import org.kalkan.federation.internal.Inbox;
import org.kalkan.federation.internal.PeerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pulls every peer that has a URL, over mutual TLS pinned to its registered certificate: one loop per peer and lane,
 * so FLASH entries never wait behind a bulk backlog. A loop sends the cursor this node holds, applies what comes
 * back ({@link Inbox}), and asks again at once while behind, else long-polls. Errors (a refused batch, a cut
 * connection, a time-out) are recorded on the peer and retried with a growing pause, up to {@code max-backoff}. A
 * supervisor starts and stops loops as peers are registered, changed or removed, on the instance of a cluster that
 * holds the lease only (ADR 0014).
 */
@Component
class Puller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Puller.class);

    private final FederationProperties properties;
    private final PeerStore peers;
    private final Inbox inbox;
    private final NodeTls tls;
    private final FederationMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AuditWitness witness;
    private final Map<String, Link> links = new HashMap<>();
    private final Lease lease;
    private volatile @Nullable Thread supervisor;

    Puller(FederationProperties properties, PeerStore peers, Inbox inbox, NodeTls tls, FederationMetrics metrics,
            TransactionTemplate transactions, Clock clock, AuditWitness witness, Lease lease) {
        this.lease = lease;
        this.witness = witness;
        this.properties = properties;
        this.peers = peers;
        this.inbox = inbox;
        this.tls = tls;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The loops of one peer as registered (a change of URL or certificate starts new ones). */
    private final class Link {

        final Peer peer;
        final HttpClient client;
        final List<Thread> threads;
        volatile boolean running = true;

        Link(Peer peer) {
            this.peer = peer;
            this.client = HttpClient.newBuilder().sslContext(tls.client(peer)).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            this.threads = List.of(thread(() -> loop(this, Lane.BULK), "pull-" + peer.nodeId() + "-BULK"),
                    thread(() -> loop(this, Lane.FLASH), "pull-" + peer.nodeId() + "-FLASH"),
                    thread(() -> witness(this), "witness-" + peer.nodeId()));
            threads.forEach(Thread::start);
        }

        private Thread thread(Runnable body, String name) {
            Thread thread = new Thread(body, "federation-" + name);
            thread.setDaemon(true);
            return thread;
        }

        boolean same(Peer current) {
            return current.url() != null && current.url().equals(peer.url())
                    && current.fingerprint().equals(peer.fingerprint());
        }

        void stop() {
            running = false;
            threads.forEach(Thread::interrupt);
        }
    }

    private void loop(Link link, Lane lane) {
        String id = link.peer.nodeId().value();
        Duration backoff = Duration.ofMillis(250);
        boolean behind = true;
        while (link.running) {
            try {
                Inbox.Result result = pull(link, lane, behind ? 0 : properties.longPoll().toSeconds());
                behind = result.behind() > 0;
                backoff = Duration.ofMillis(250);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | BatchRefusedException | PullFailedException e) {
                if (!link.running) {
                    return;
                }
                // The edge of the link's loop: record, count, pause, try again.
                metrics.failed(id);
                String message = e.getClass().getSimpleName() + ": " + e.getMessage();
                log.warn("federation pull of {} from {} failed: {}", lane, id, message);
                if (!(e instanceof BatchRefusedException)) {
                    record(id, message);
                }
                behind = true;
                if (!sleep(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff()
                        : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                if (!link.running) {
                    return;
                }
                metrics.failed(id);
                log.warn("federation pull of {} from {} failed", lane, id, e);
                record(id, e.toString());
                if (!sleep(properties.maxBackoff())) {
                    return;
                }
            }
        }
    }

    /**
     * Witnessed audit: every {@code witness-interval}, fetches the peer's latest signed audit checkpoint with a
     * consistency proof from the last one held, checks it ({@link AuditWitness}) and, when the peer's history does
     * not extend what was witnessed, tells the peer so that it alarms too.
     */
    private void witness(Link link) {
        String id = link.peer.nodeId().value();
        while (link.running) {
            try {
                long since = witness.witnessedSize(id);
                URI uri = URI.create(stripSlash(link.peer.url()) + FederationServer.AUDIT_PATH + "?since=" + since);
                HttpResponse<byte[]> response = link.client.send(HttpRequest.newBuilder(uri).GET()
                        .timeout(properties.requestTimeout()).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    AuditWitness.Check check = witness.check(link.peer, response.body());
                    if (!check.consistent()) {
                        URI alarm = URI.create(stripSlash(link.peer.url()) + FederationServer.AUDIT_ALARM_PATH);
                        link.client.send(HttpRequest.newBuilder(alarm).timeout(properties.requestTimeout())
                                .POST(HttpRequest.BodyPublishers.ofString(String.valueOf(check.problem()))).build(),
                                HttpResponse.BodyHandlers.discarding());
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // The edge of the witness loop: the link's pulls record and show link failures; try again later.
                log.debug("witnessing the audit log of {} failed: {}", id, e.toString());
            }
            if (!sleep(properties.witnessInterval())) {
                return;
            }
        }
    }

    /** One pull of one lane; returns what applying it did. */
    private Inbox.Result pull(Link link, Lane lane, long waitSeconds) throws IOException, InterruptedException {
        Set<Lane> lanes = EnumSet.of(lane);
        Cursor cursor = inbox.cursor(lanes);
        URI uri = URI.create(stripSlash(link.peer.url()) + FederationServer.LOG_PATH + "?after=" + cursor.encode()
                + "&limit=" + properties.batchLimit() + "&wait=" + waitSeconds + "&lanes=" + lane.name());
        HttpRequest request = HttpRequest.newBuilder(uri).GET().header("Accept", BatchCodec.MEDIA_TYPE)
                .timeout(properties.requestTimeout().plusSeconds(waitSeconds)).build();
        HttpResponse<byte[]> response = link.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new PullFailedException("HTTP " + response.statusCode() + " from " + link.peer.nodeId());
        }
        return inbox.receive(response.body(), link.peer.nodeId().value());
    }

    private void record(String peer, String message) {
        try {
            transactions.executeWithoutResult(s -> peers.failed(peer, message, clock.instant()));
        } catch (RuntimeException e) {
            log.warn("cannot record the failure of {}: {}", peer, e.toString());
        }
    }

    private static String stripSlash(@Nullable String url) {
        String value = url == null ? "" : url;
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts loops for new peers, restarts those whose URL or certificate changed, stops removed ones. */
    synchronized void reconcile() {
        Map<String, Peer> wanted = new HashMap<>();
        for (Peer peer : peers.all()) {
            if (peer.url() != null && !peer.url().isBlank()) {
                wanted.put(peer.nodeId().value(), peer);
            }
        }
        links.entrySet().removeIf(entry -> {
            Peer current = wanted.get(entry.getKey());
            if (current == null || !entry.getValue().same(current)) {
                entry.getValue().stop();
                return true;
            }
            return false;
        });
        wanted.forEach((id, peer) -> links.computeIfAbsent(id, k -> new Link(peer)));
        metrics.update(peers.statuses(clock.instant()));
    }

    private void supervise() {
        while (supervisor != null) {
            try {
                if (lease.held()) {
                    reconcile();
                } else {
                    stopLinks();
                }
            } catch (RuntimeException e) {
                log.warn("federation supervisor: {}", e.toString());
            }
            if (!sleep(Duration.ofSeconds(2))) {
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled()) {
            return;
        }
        Thread thread = new Thread(this::supervise, "federation-supervisor");
        thread.setDaemon(true);
        supervisor = thread;
        thread.start();
    }

    @Override
    public synchronized void stop() {
        Thread running = supervisor;
        supervisor = null;
        if (running != null) {
            running.interrupt();
        }
        stopLinks();
    }

    /** Only the instance holding the lease pulls (ADR 0014): the others stop their loops. */
    private synchronized void stopLinks() {
        links.values().forEach(Link::stop);
        links.clear();
    }

    @Override
    public boolean isRunning() {
        return supervisor != null;
    }

    /** An answer that is not a batch. */
    static final class PullFailedException extends RuntimeException {
        PullFailedException(String message) {
            super(message);
        }
    }
}
