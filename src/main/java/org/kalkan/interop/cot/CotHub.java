package org.kalkan.interop.cot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.Unpooled;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kalkan.cop.TrackPosition;
import org.kalkan.cop.Tracks;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The CoT switchboard. An event from a client gets its label (its own, or the sender's default), which the
 * sender must be cleared to write; it then goes to every other client the access policy lets read it, to the
 * live picture if it is a position, and is remembered as the latest SA that new clients receive on connect.
 * Protocol control (ping, TAK protocol negotiation) is answered here and never forwarded. A uid belongs to the
 * sender (nation and user) who sent it first, until {@code kalkan.cot.uid-hold} after its last event: anyone else's
 * event under it is refused (counted as {@code uid-owned}), so nobody moves another's track or marker; uids of the
 * node's own markers ({@code kalkan-…}) are refused from clients ({@code uid-reserved}).
 */
@Component
class CotHub {

    private static final Logger log = LoggerFactory.getLogger(CotHub.class);
    private static final Pattern PROTOCOL_REQUEST = Pattern.compile("<TakRequest[^>]*\\bversion=\"1\"");

    /** What the node last heard of a uid, with its label, originating nation and context (null = real world). */
    record Sa(CotEvent event, SecurityLabel label, @Nullable NationCode origin, @Nullable UUID exercise) {
    }

    /** The prefix of the uids the node gives its own events (incident markers, alerts, control). */
    static final String NODE_UID_PREFIX = "kalkan-";

    /** Who holds a uid, and until when. */
    private record Claim(NationCode nation, String username, Instant until) {

        boolean heldBy(NationCode senderNation, String sender) {
            return nation.equals(senderNation) && username.equals(sender);
        }
    }

    private final Set<CotSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, Sa> latest = new ConcurrentHashMap<>();
    private final Map<String, Claim> claims = new ConcurrentHashMap<>();
    private final AccessPolicy policy;
    private final CotProperties properties;
    private final Tracks tracks;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Counter received;
    private final Counter withheld;
    /** Where events from this instance's clients go for the other instances; null on a single node. */
    private volatile @Nullable Consumer<RelayedCot> relay;

    CotHub(AccessPolicy policy, CotProperties properties, Tracks tracks, Clock clock, MeterRegistry metrics) {
        this.policy = policy;
        this.properties = properties;
        this.tracks = tracks;
        this.clock = clock;
        this.metrics = metrics;
        this.received = metrics.counter("kalkan.cot.received");
        this.withheld = metrics.counter("kalkan.cot.withheld");
        Gauge.builder("kalkan.cot.connections", sessions, Set::size).register(metrics);
    }

    /** On an instance of a cluster: every event a client of this instance sends is also handed to {@code relay}. */
    void relayTo(Consumer<RelayedCot> relay) {
        this.relay = relay;
    }

    void dropped(String reason) {
        metrics.counter("kalkan.cot.dropped", "reason", reason).increment();
    }

    double droppedCount(String reason) {
        var counter = metrics.find("kalkan.cot.dropped").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A client is identified: advertise protocol version 1, then send it the latest SA it may read. */
    void connect(CotSession session) {
        sessions.add(session);
        session.offer(control("t-x-takp-v",
                "<TakControl><TakProtocolSupport version=\"1\"/>"
                        + "<TakServerVersionInfo serverVersion=\"Kalkan\"/></TakControl>"), null);
        Instant now = clock.instant();
        for (Sa sa : latest.values()) {
            if (sa.event().stale().isAfter(now)
                    && policy.canRead(session.subject(), sa.label(), sa.origin(), sa.exercise())) {
                session.offer(sa.event(), sa.label());
            }
        }
    }

    void disconnect(CotSession session) {
        sessions.remove(session);
    }

    /** Whether any TAK client is connected (nothing to build for nobody). */
    boolean connected() {
        return !sessions.isEmpty();
    }

    List<CotSession> sessions() {
        return List.copyOf(sessions);
    }

    /** An event from a client; returns true when the connection must switch to protocol version 1. */
    boolean receive(CotSession sender, CotEvent event) {
        received.increment();
        if (event.type().equals("t-x-c-t")) {
            sender.offer(control("t-x-c-t-r", ""), null);
            return false;
        }
        if (event.type().equals("t-x-takp-q")) {
            boolean accepted = PROTOCOL_REQUEST.matcher(event.detail()).find();
            sender.channel().writeAndFlush(Unpooled.wrappedBuffer(CotCodec.XML.frame(control("t-x-takp-r",
                    "<TakControl><TakResponse status=\"" + accepted + "\"/></TakControl>"), null)));
            return accepted;
        }
        if (event.type().startsWith("t-x-")) {
            return false;
        }
        SecurityLabel label = event.label() != null ? event.label() : sender.defaultLabel();
        try {
            policy.checkWritable(sender.subject(), label);
        } catch (IllegalArgumentException | ForbiddenException e) {
            dropped("label-refused");
            log.debug("CoT {} from {} refused: {}", event.uid(), sender.subject().username(), e.getMessage());
            return false;
        }
        if (event.uid().startsWith(NODE_UID_PREFIX)) {
            dropped("uid-reserved");
            log.debug("CoT {} from {} refused: the node's uid", event.uid(), sender.subject().username());
            return false;
        }
        Subject subject = sender.subject();
        if (!claim(subject.nation(), subject.username(), event)) {
            dropped("uid-owned");
            log.debug("CoT {} from {} refused: another sender's uid", event.uid(), subject.username());
            return false;
        }
        // A TAK client works in its user's context, the real world: what it sends belongs there (ADR 0006).
        CotEvent labelled = event.withLabel(label);
        distribute(labelled, label, subject.nation(), subject.exercise(), sender, subject.username(), null);
        Consumer<RelayedCot> toOthers = relay;
        if (toOthers != null) {
            toOthers.accept(RelayedCot.of(labelled, label, subject.nation(), subject.exercise(), subject.nation(),
                    subject.username()));
        }
        return false;
    }

    /**
     * An event a client of another instance sent (read from the database): like one from a local client it keeps
     * its sender's uid (refused, {@code uid-owned}, when a sender here holds it), goes to this instance's clients
     * whom the access policy lets read it, to the live picture, and becomes latest SA here.
     */
    void relayed(RelayedCot relayed) {
        CotEvent event = relayed.event();
        if (event.uid().startsWith(NODE_UID_PREFIX) || !claim(relayed.senderNation(), relayed.sender(), event)) {
            dropped("uid-owned");
            return;
        }
        Sa newest = event.isPosition() && relayed.exercise() == null ? latest.get(event.uid()) : null;
        if (newest != null && event.time().isBefore(newest.event().time())) {
            // overtaken on its way (a device that moved to this instance, a late relay): a track never goes back
            dropped("older-position");
            return;
        }
        distribute(event, relayed.label(), relayed.origin(), relayed.exercise(), null, relayed.sender(), null);
    }

    /** Claims the event's uid for its sender, or keeps it theirs; false when another sender holds it. */
    private boolean claim(NationCode nation, String username, CotEvent event) {
        Instant now = clock.instant();
        // Held until the hold after the event's stale time, which counts for at most one hold from now: a far-off
        // stale time neither keeps a uid for ever nor overflows.
        Instant horizon = now.plus(properties.uidHold());
        Instant stale = event.stale().isBefore(now) ? now : event.stale().isAfter(horizon) ? horizon : event.stale();
        Instant until = stale.plus(properties.uidHold());
        Claim held = claims.compute(event.uid(), (uid, current) -> {
            if (current == null || !current.until().isAfter(now)) {
                return new Claim(nation, username, until);
            }
            if (current.heldBy(nation, username)) {
                return current.until().isAfter(until) ? current : new Claim(nation, username, until);
            }
            return current;
        });
        return held.heldBy(nation, username);
    }

    /**
     * Sends an event to every client allowed to read it in its context (except its sender, and except those who
     * may read {@code unlessReadable} when that is given), and to the live picture. TAK clients work in the real
     * world, so an event of an exercise ({@code exercise} not null) reaches none. The event is written once per
     * codec for all recipients, and the policy decides once per distinct subject.
     */
    void distribute(CotEvent event, SecurityLabel label, @Nullable NationCode origin, @Nullable UUID exercise,
            @Nullable CotSession sender, @Nullable SecurityLabel unlessReadable) {
        distribute(event, label, origin, exercise, sender, sender == null ? null : sender.subject().username(),
                unlessReadable);
    }

    private void distribute(CotEvent event, SecurityLabel label, @Nullable NationCode origin,
            @Nullable UUID exercise, @Nullable CotSession sender, @Nullable String senderName,
            @Nullable SecurityLabel unlessReadable) {
        if (event.isPosition() && unlessReadable == null) {
            if (exercise == null) {
                Sa previous = latest.get(event.uid());
                if (previous != null) {
                    // the uid instance every queue already holds, so their lookups compare by identity
                    event = event.withUid(previous.event().uid());
                }
                latest.put(event.uid(), new Sa(event, label, origin, null));
            }
            tracks.update(new TrackPosition(event.uid(), event.type(), CotSymbols.sidc(event.type()),
                    event.callsign() == null ? event.uid() : event.callsign(), event.lat(), event.lon(), event.time(),
                    event.stale(), label, origin, exercise, senderName));
        }
        CotSession.Outgoing outgoing = new CotSession.Outgoing(event, label);
        Map<Subject, Boolean> decisions = new HashMap<>();
        int withheldNow = 0;
        for (CotSession session : sessions) {
            if (session == sender) {
                continue;
            }
            if (decisions.computeIfAbsent(session.subject(),
                    subject -> policy.canRead(subject, label, origin, exercise) && (unlessReadable == null
                            || !policy.canRead(subject, unlessReadable, origin, exercise)))) {
                session.offer(outgoing);
            } else {
                withheldNow++;
            }
        }
        if (withheldNow > 0) {
            withheld.increment(withheldNow);
        }
    }

    /**
     * Sends an event (an alert, not a position) to the connected clients of the named users whom the policy lets
     * read it; it is neither remembered as SA nor put on the map.
     */
    void sendTo(Set<String> usernames, CotEvent event, SecurityLabel label, @Nullable NationCode origin,
            @Nullable UUID exercise) {
        CotSession.Outgoing outgoing = new CotSession.Outgoing(event, label);
        for (CotSession session : sessions) {
            Subject subject = session.subject();
            if (usernames.contains(subject.username()) && policy.canRead(subject, label, origin, exercise)) {
                session.offer(outgoing);
            }
        }
    }

    /** Forgets positions that went stale, and uids no longer held. */
    void pruneStale() {
        Instant now = clock.instant();
        latest.values().removeIf(sa -> !sa.event().stale().isAfter(now));
        claims.values().removeIf(claim -> !claim.until().isAfter(now));
    }

    private CotEvent control(String type, String detail) {
        Instant now = clock.instant();
        return new CotEvent("kalkan-" + type, type, "h-g-i-g-o", now, now,
                now.plus(Duration.ofSeconds(20)), 0, 0, 0, CotEvent.UNKNOWN, CotEvent.UNKNOWN, detail, null, null);
    }
}
