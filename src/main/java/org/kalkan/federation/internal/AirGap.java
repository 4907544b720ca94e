package org.kalkan.federation.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.kalkan.federation.ImportResult;
import org.kalkan.federation.NodeId;
import org.kalkan.federation.Peer;
import org.kalkan.security.AuditTrail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The same signed batches, carried by hand: an export holds what the peer has not acknowledged yet (everything, the
 * first time), decided per entry exactly as for a pull; an import applies a batch like a pull and answers with a
 * signed acknowledgement of the cursor this node now holds, which the other side imports to move its next export on.
 */
@Component
public class AirGap {

    private final Outbox outbox;
    private final Inbox inbox;
    private final BatchCodec codec;
    private final Signing signing;
    private final PeerStore peers;
    private final ChangeLogStore log;
    private final Certificates certificates;
    private final FederationMetrics metrics;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AirGap(Outbox outbox, Inbox inbox, BatchCodec codec, Signing signing, PeerStore peers, ChangeLogStore log,
            Certificates certificates, FederationMetrics metrics, AuditTrail audit, TransactionTemplate transactions,
            Clock clock) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.codec = codec;
        this.signing = signing;
        this.peers = peers;
        this.log = log;
        this.certificates = certificates;
        this.metrics = metrics;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The file for the peer: entries after its acknowledged cursor, about {@code limit} of them. */
    public byte[] export(String actor, Peer peer, int limit) {
        String id = peer.nodeId().value();
        Cursor after = peers.acknowledgedCursor(id).map(Cursor::decode).orElseGet(this::everything);
        Batch batch = outbox.batchFor(peer, after, Inbox.allLanes(), limit);
        byte[] bytes = codec.write(batch);
        transactions.executeWithoutResult(s -> {
            peers.sent(id, bytes.length, batch.entryCount(), Outbox.behind(batch, after), clock.instant());
            audit.record(actor, "FEDERATION_EXPORT", "peer:" + id, batch.entryCount() + " entries, " + bytes.length
                    + " bytes, after " + after.encode());
        });
        metrics.sent(id, bytes.length, batch.entryCount());
        return bytes;
    }

    /** Applies an uploaded batch (answered by an acknowledgement) or takes an acknowledgement. */
    public ImportResult importFile(String actor, byte[] bytes) {
        BatchCodec.Envelope envelope = codec.open(bytes);
        Signing.Envelope claimed = signing.unverifiedEnvelope(envelope.signature());
        if (BatchCodec.ACK.equals(claimed.kind())) {
            return acknowledgement(actor, envelope, claimed);
        }
        Inbox.Result result = inbox.receive(bytes, null);
        String cursor = result.cursor().encode();
        byte[] acknowledgement = codec.writeAcknowledgement(result.from(), cursor);
        audit.record(actor, "FEDERATION_IMPORT", "peer:" + result.from(), result.entries() + " entries, "
                + result.applied() + " applied, " + result.quarantined() + " quarantined");
        return new ImportResult(NodeId.of(result.from()), ImportResult.Kind.BATCH, result.entries(), result.applied(),
                result.quarantined(), cursor, acknowledgement);
    }

    private ImportResult acknowledgement(String actor, BatchCodec.Envelope envelope, Signing.Envelope claimed) {
        Peer peer = peers.find(claimed.from()).orElseThrow(() -> new BatchRefusedException(
                "the acknowledgement comes from " + claimed.from() + ", which is not a registered peer"));
        Signing.Envelope header = signing.verifyDetached(envelope.signature(), envelope.body(), certificates.of(peer));
        if (!header.to().equals(codec.self())) {
            throw new BatchRefusedException("the acknowledgement was made for " + header.to() + ", not this node");
        }
        String cursor = codec.readAcknowledgement(envelope.body()).cursor();
        Cursor.decode(cursor);
        transactions.executeWithoutResult(s -> {
            peers.acknowledged(peer.nodeId().value(), cursor);
            audit.record(actor, "FEDERATION_ACKNOWLEDGED", "peer:" + peer.nodeId(), cursor);
        });
        return new ImportResult(peer.nodeId(), ImportResult.Kind.ACKNOWLEDGEMENT, 0, 0, 0, cursor, null);
    }

    /** Every stream this node holds, from the start: a peer that never acknowledged anything gets them all. */
    private Cursor everything() {
        Map<Cursor.Stream, Long> positions = new HashMap<>();
        log.streams().forEach(s -> positions.put(new Cursor.Stream(s.origin(), s.lane()), 0L));
        return new Cursor(positions);
    }
}
