package org.kalkan.federation.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.kalkan.federation.PeerStatus;
import org.springframework.stereotype.Component;

/**
 * Prometheus metrics of the links, per peer: bytes and entries each way, batches received and refused, quarantined
 * entries (per origin too), and gauges of what the operations page shows (entries and seconds behind, seconds since
 * last contact, quarantined in total), refreshed from the database when the page or the pullers read it.
 */
@Component
public class FederationMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicLong[]> gauges = new ConcurrentHashMap<>();

    FederationMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public void received(String peer, long bytes, long entries, long applied, long quarantined) {
        counter("kalkan.federation.bytes.in", "peer", peer).increment(bytes);
        counter("kalkan.federation.entries.in", "peer", peer).increment(entries);
        counter("kalkan.federation.entries.applied", "peer", peer).increment(applied);
        counter("kalkan.federation.batches.received", "peer", peer).increment();
    }

    public void sent(String peer, long bytes, long entries) {
        counter("kalkan.federation.bytes.out", "peer", peer).increment(bytes);
        counter("kalkan.federation.entries.out", "peer", peer).increment(entries);
    }

    public void refused(String peer) {
        counter("kalkan.federation.batches.refused", "peer", peer).increment();
    }

    public void quarantined(String peer, String origin) {
        registry.counter("kalkan.federation.quarantined", "peer", peer, "origin", origin).increment();
    }

    /** A peer's audit log was found inconsistent with what this node witnessed, or a peer found ours so. */
    public void auditInconsistent(String peer) {
        counter("kalkan.federation.audit.inconsistent", "peer", peer).increment();
    }

    public void failed(String peer) {
        counter("kalkan.federation.pull.failures", "peer", peer).increment();
    }

    /** Sets the per-peer gauges from the peers' status as stored. */
    public void update(Iterable<PeerStatus> statuses) {
        long now = clock.instant().getEpochSecond();
        for (PeerStatus status : statuses) {
            AtomicLong[] values = gauges.computeIfAbsent(status.peer().nodeId().value(), this::register);
            values[0].set(status.behindEntries());
            values[1].set(status.secondsBehind());
            values[2].set(status.lastContact() == null ? -1 : now - status.lastContact().getEpochSecond());
            values[3].set(status.quarantined());
            values[4].set(status.peerBehindEntries());
        }
    }

    private AtomicLong[] register(String peer) {
        AtomicLong[] values = {new AtomicLong(), new AtomicLong(), new AtomicLong(-1), new AtomicLong(),
                new AtomicLong()};
        Gauge.builder("kalkan.federation.peer.behind.entries", values[0], AtomicLong::get).tag("peer", peer)
                .description("entries the peer holds that this node does not yet").register(registry);
        Gauge.builder("kalkan.federation.peer.behind.seconds", values[1], AtomicLong::get).tag("peer", peer)
                .baseUnit("seconds").description("time since this node last held all the peer offers").register(registry);
        Gauge.builder("kalkan.federation.peer.last.contact.age", values[2], AtomicLong::get).tag("peer", peer)
                .baseUnit("seconds").description("seconds since the last exchange with the peer (-1: never)")
                .register(registry);
        Gauge.builder("kalkan.federation.peer.quarantined", values[3], AtomicLong::get).tag("peer", peer)
                .description("entries from the peer quarantined in total").register(registry);
        Gauge.builder("kalkan.federation.peer.peer.behind.entries", values[4], AtomicLong::get).tag("peer", peer)
                .description("entries the peer's last pull was behind what this node serves it").register(registry);
        return values;
    }

    private Counter counter(String name, String... tags) {
        return registry.counter(name, tags);
    }
}
