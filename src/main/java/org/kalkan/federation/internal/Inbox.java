package org.kalkan.federation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.federation.FederationProperties;
import org.kalkan.federation.Lane;
import org.kalkan.federation.Peer;
import org.kalkan.security.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives a batch from a peer (pulled, or imported from a file) and applies it, or refuses it whole. Everything is
 * checked before anything is written: the sender's signature against its pinned certificate, that the batch was made
 * for this node, each range's seal against its origin's registered certificate (a relay never re-signs), that the
 * entries rebuild the sealed hash, and the path the range took (ending with the sender, within the origin's hop
 * limit). Then, in one transaction with the cursor, each stream's new entries apply strictly in sequence, an entry
 * seen before changing nothing ({@link EntryApplier}). Ranges of origins this node has not registered cannot be
 * verified and are left out.
 */
@Component
public class Inbox {

    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

    /** What one batch did. */
    public record Result(String from, long entries, long applied, long quarantined, long behind, Cursor cursor,
            List<String> skipped) {
    }

    /** A range whose seal and leaves were checked, with the seal's claims. */
    private record Checked(Batch.Segment segment, Signing.SealClaims claims, List<byte[]> leaves) {
    }

    private final BatchCodec codec;
    private final Signing signing;
    private final PeerStore peers;
    private final ChangeLogStore log;
    private final EntryApplier applier;
    private final Certificates certificates;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final LogSignals signals;
    private final FederationMetrics metrics;
    private final Clock clock;
    private final String self;

    Inbox(BatchCodec codec, Signing signing, PeerStore peers, ChangeLogStore log, EntryApplier applier,
            Certificates certificates, AuditTrail audit, TransactionTemplate transactions, LogSignals signals,
            FederationMetrics metrics, Clock clock, FederationProperties properties) {
        this.codec = codec;
        this.signing = signing;
        this.peers = peers;
        this.log = log;
        this.applier = applier;
        this.certificates = certificates;
        this.audit = audit;
        this.transactions = transactions;
        this.signals = signals;
        this.metrics = metrics;
        this.clock = clock;
        this.self = properties.nodeId();
    }

    /**
     * Verifies and applies the bytes of a batch; {@code expectedFrom} is the peer it was pulled from (null for a
     * file). Refusals are audited, counted and thrown as {@link BatchRefusedException}.
     */
    public Result receive(byte[] bytes, @Nullable String expectedFrom) {
        String sender = expectedFrom == null ? "unknown" : expectedFrom;
        try {
            BatchCodec.Envelope envelope = codec.open(bytes);
            Signing.Envelope claimed = signing.unverifiedEnvelope(envelope.signature());
            sender = claimed.from();
            if (expectedFrom != null && !expectedFrom.equals(claimed.from())) {
                throw new BatchRefusedException("the batch is signed as " + claimed.from() + ", not as " + expectedFrom);
            }
            Peer peer = peers.find(claimed.from()).orElseThrow(() -> new BatchRefusedException(
                    "the batch comes from " + claimed.from() + ", which is not a registered peer"));
            Signing.Envelope header = signing.verifyDetached(envelope.signature(), envelope.body(),
                    certificates.of(peer));
            if (!header.to().equals(self) || !BatchCodec.BATCH.equals(header.kind())) {
                throw new BatchRefusedException("the batch was made for " + header.to() + " (" + header.kind()
                        + "), not for this node");
            }
            Batch batch = codec.readBatch(envelope.body());
            if (!batch.from().equals(peer.nodeId().value()) || !batch.to().equals(self)) {
                throw new BatchRefusedException("the batch names " + batch.from() + " → " + batch.to()
                        + " but is signed by " + peer.nodeId() + " for " + header.to());
            }
            List<String> skipped = new ArrayList<>();
            List<Checked> checked = check(batch, peer, skipped);
            String from = peer.nodeId().value();
            Result result = transactions.execute(status -> apply(from, batch, checked, bytes.length, skipped));
            if (result == null) {
                throw new IllegalStateException("no result");
            }
            metrics.received(from, bytes.length, result.entries(), result.applied(), result.quarantined());
            if (result.applied() > 0 || result.entries() > 0) {
                signals.changed();
            }
            return result;
        } catch (BatchRefusedException e) {
            refused(sender, String.valueOf(e.getMessage()));
            throw e;
        }
    }

    /** The cursor this node holds for every stream it takes (every registered peer's, both lanes). */
    public Cursor cursor(Set<Lane> lanes) {
        Map<Cursor.Stream, Long> positions = new HashMap<>();
        for (Peer peer : peers.all()) {
            for (Lane lane : lanes) {
                positions.put(new Cursor.Stream(peer.nodeId().value(), lane), 0L);
            }
        }
        for (ChangeLogStore.StreamHead head : log.streams()) {
            Cursor.Stream stream = new Cursor.Stream(head.origin(), head.lane());
            if (positions.containsKey(stream)) {
                positions.put(stream, head.lastSeq());
            }
        }
        return new Cursor(positions);
    }

    public static Set<Lane> allLanes() {
        return EnumSet.allOf(Lane.class);
    }

    private void refused(String sender, String reason) {
        metrics.refused(sender);
        LOG.error("FEDERATION ALARM: a batch from {} was refused whole: {}", sender, reason);
        audit.recordFailure("federation:" + sender, "FEDERATION_BATCH_REFUSED", "peer:" + sender, reason);
        if (peers.find(sender).isPresent()) {
            transactions.executeWithoutResult(s -> peers.failed(sender, "batch refused: " + reason, clock.instant()));
        }
    }

    private List<Checked> check(Batch batch, Peer sender, List<String> skipped) {
        List<Checked> checked = new ArrayList<>();
        for (Batch.Segment segment : batch.segments()) {
            if (segment.origin().equals(self)) {
                continue; // our own entries, back from a peer: we hold them already
            }
            Peer origin = segment.origin().equals(sender.nodeId().value()) ? sender
                    : peers.find(segment.origin()).orElse(null);
            if (origin == null) {
                skipped.add(segment.origin() + "/" + segment.lane());
                continue;
            }
            Signing.SealClaims claims = signing.verifySeal(segment.seal(), certificates.of(origin));
            if (!claims.origin().equals(segment.origin()) || claims.lane() != segment.lane()) {
                throw new BatchRefusedException("a seal of " + claims.origin() + "/" + claims.lane()
                        + " is attached to a range of " + segment.origin() + "/" + segment.lane());
            }
            if (segment.via().contains(self)) {
                continue; // a range this node passed on itself, coming back: it holds it already
            }
            checkPath(segment, claims, sender);
            List<Batch.Entry> entries = segment.entries();
            if (entries.size() != claims.last() - claims.first() + 1) {
                throw new BatchRefusedException("the range " + claims.first() + ".." + claims.last() + " of "
                        + claims.origin() + " has " + entries.size() + " entries");
            }
            List<byte[]> leaves = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                Batch.Entry entry = entries.get(i);
                if (entry.seq() != claims.first() + i) {
                    throw new BatchRefusedException("entry " + entry.seq() + " of " + claims.origin()
                            + " is out of its sealed sequence");
                }
                leaves.add(leaf(claims, entry));
            }
            if (!MessageDigest.isEqual(LogHashes.root(leaves), claims.root())) {
                throw new BatchRefusedException("the entries " + claims.first() + ".." + claims.last() + " of "
                        + claims.origin() + " do not match their origin's seal (tampered)");
            }
            checked.add(new Checked(segment, claims, leaves));
        }
        return checked;
    }

    private void checkPath(Batch.Segment segment, Signing.SealClaims claims, Peer sender) {
        List<String> via = segment.via();
        String expectedLast = via.isEmpty() ? segment.origin() : via.get(via.size() - 1);
        if (!expectedLast.equals(sender.nodeId().value())) {
            throw new BatchRefusedException("a range of " + segment.origin() + " claims the path " + via
                    + " but comes from " + sender.nodeId());
        }
        if (via.contains(segment.origin()) || via.stream().distinct().count() != via.size()) {
            throw new BatchRefusedException("a range of " + segment.origin() + " took the path " + via
                    + ", a loop");
        }
        if (via.size() > claims.hops() && segment.entries().stream().anyMatch(e -> e.form() != Form.HASH)) {
            throw new BatchRefusedException("a range of " + segment.origin() + " took the path " + via
                    + ", beyond its origin's hop limit " + claims.hops() + ", with content");
        }
    }

    private static byte[] leaf(Signing.SealClaims claims, Batch.Entry entry) {
        switch (entry.form()) {
            case HASH -> {
                if (entry.leafHash() == null || entry.leafHash().length != 32) {
                    throw new BatchRefusedException("entry " + entry.seq() + " has no leaf hash");
                }
                return entry.leafHash();
            }
            case REDACTED, FULL -> {
                if (entry.type() == null || entry.id() == null || entry.op() == null) {
                    throw new BatchRefusedException("entry " + entry.seq() + " does not say what it is about");
                }
                byte[] head = LogHashes.head(claims.origin(), claims.lane(), entry.seq(), entry.type(), entry.id(),
                        entry.op());
                byte[] restHash;
                if (entry.form() == Form.FULL) {
                    if (entry.rest() == null) {
                        throw new BatchRefusedException("entry " + entry.seq() + " has no content");
                    }
                    restHash = LogHashes.rest(entry.rest().getBytes(StandardCharsets.UTF_8));
                } else {
                    if (entry.restHash() == null || entry.restHash().length != 32) {
                        throw new BatchRefusedException("entry " + entry.seq() + " has no content hash");
                    }
                    restHash = entry.restHash();
                }
                return LogHashes.leaf(head, restHash);
            }
            default -> throw new BatchRefusedException("entry " + entry.seq() + " has no form");
        }
    }

    private Result apply(String from, Batch batch, List<Checked> checked, long bytes, List<String> skipped) {
        Instant now = clock.instant();
        Map<Cursor.Stream, Long> positions = new HashMap<>();
        long entries = 0;
        long applied = 0;
        long quarantined = 0;
        for (Checked c : checked) {
            Cursor.Stream stream = new Cursor.Stream(c.claims().origin(), c.claims().lane());
            long position = positions.computeIfAbsent(stream, s -> log.lockStream(s.origin(), s.lane()));
            if (c.claims().last() <= position) {
                continue; // seen before
            }
            if (c.claims().first() > position + 1) {
                LOG.warn("federation: {} sent {}..{} of {} but this node holds up to {}; left for a later pull",
                        from, c.claims().first(), c.claims().last(), stream, position);
                continue;
            }
            List<ChangeLogStore.StoredEntry> held = new ArrayList<>();
            // Entries are stored in runs; a run is flushed before a retraction scrubs what is held of its record.
            Runnable flush = () -> {
                log.insertReceived(stream.origin(), stream.lane(), held);
                held.clear();
            };
            List<Batch.Entry> list = c.segment().entries();
            for (int i = 0; i < list.size(); i++) {
                Batch.Entry entry = list.get(i);
                if (entry.seq() <= position) {
                    continue;
                }
                EntryApplier.Outcome outcome = applier.apply(from, stream, entry, c.leaves().get(i), now, flush);
                held.add(outcome.held());
                entries++;
                applied += outcome.applied() ? 1 : 0;
                quarantined += outcome.quarantined() ? 1 : 0;
            }
            flush.run();
            log.insertSeal(new ChangeLogStore.StoredSeal(stream.origin(), stream.lane(), c.claims().first(),
                    c.claims().last(), c.segment().seal(), c.claims().hops(), c.segment().via()), from, now);
            log.advanceStream(stream.origin(), stream.lane(), c.claims().last(), now);
            positions.put(stream, c.claims().last());
        }
        Cursor cursor = cursor(allLanes());
        long behind = Outbox.behind(batch, cursor);
        peers.received(from, bytes, entries, quarantined, behind, now);
        if (!skipped.isEmpty()) {
            peers.failed(from, "entries of origins not registered here were left out: " + skipped, now);
        }
        return new Result(from, entries, applied, quarantined, behind, cursor, skipped);
    }
}
