package org.kalkan.federation.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kalkan.federation.FederationProperties;
import org.kalkan.federation.Lane;
import org.kalkan.federation.Peer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What this node sends one peer after its cursor: whole sealed ranges of every stream the peer takes (never the
 * peer's own), a fair share of the limit per stream. Each entry is decided again at this moment, under the peer's
 * registration and the one access policy as they are now:
 * <ul>
 * <li>the whole entry, when the peer may hold its label and — for a record's state — the record as it is now
 * (latest entry held here) is still something the peer may hold, and not withdrawn: a record narrowed or withdrawn
 * since never leaves again in an old form;</li>
 * <li>a withdrawal, when the peer may hold the record's last label;</li>
 * <li>a retraction (head only) for a label change that takes the record away from a peer that could hold the
 * previous label, and for every retraction this node holds itself;</li>
 * <li>otherwise only the leaf hash, which keeps the origin's seal verifiable and tells nothing.</li>
 * </ul>
 * Relayed ranges keep the origin's seal; they carry the path they took and stop at the origin's hop limit.
 */
@Component
public class Outbox {

    private final ChangeLogStore store;
    private final Releasability releasability;
    private final FederationProperties properties;

    Outbox(ChangeLogStore store, Releasability releasability, FederationProperties properties) {
        this.store = store;
        this.releasability = releasability;
        this.properties = properties;
    }

    /** The batch for the peer after its cursor, in the given lanes, with about {@code limit} entries at most. */
    @Transactional(readOnly = true)
    public Batch batchFor(Peer peer, Cursor after, Set<Lane> lanes, int limit) {
        String destination = peer.nodeId().value();
        List<Batch.Head> heads = new ArrayList<>();
        List<ChangeLogStore.StreamHead> behind = new ArrayList<>();
        for (ChangeLogStore.StreamHead head : store.streams()) {
            if (head.origin().equals(destination) || !lanes.contains(head.lane()) || !after.knows(head.origin())) {
                continue;
            }
            heads.add(new Batch.Head(head.origin(), head.lane(), head.lastSeq()));
            if (head.lastSeq() > after.position(new Cursor.Stream(head.origin(), head.lane()))) {
                behind.add(head);
            }
        }
        behind.sort((a, b) -> Integer.compare(b.lane() == Lane.FLASH ? 1 : 0, a.lane() == Lane.FLASH ? 1 : 0));
        List<Batch.Segment> segments = new ArrayList<>();
        int share = Math.max(1, limit / Math.max(1, behind.size()));
        for (ChangeLogStore.StreamHead stream : behind) {
            segments.addAll(segments(peer, stream, after.position(new Cursor.Stream(stream.origin(), stream.lane())),
                    share));
        }
        return new Batch(properties.nodeId(), destination, after.encode(), heads, segments);
    }

    /** How many entries the peer's cursor is behind what this node would serve it. */
    public static long behind(Batch batch, Cursor after) {
        return batch.heads().stream()
                .mapToLong(h -> Math.max(0, h.seq() - after.position(new Cursor.Stream(h.origin(), h.lane()))))
                .sum();
    }

    private List<Batch.Segment> segments(Peer peer, ChangeLogStore.StreamHead stream, long position, int share) {
        List<ChangeLogStore.StoredSeal> seals = new ArrayList<>();
        long count = 0;
        for (ChangeLogStore.StoredSeal seal : store.seals(stream.origin(), stream.lane(), position, 1000)) {
            if (!seals.isEmpty() && count + (seal.last() - seal.first() + 1) > share) {
                break;
            }
            seals.add(seal);
            count += seal.last() - seal.first() + 1;
        }
        if (seals.isEmpty()) {
            return List.of();
        }
        List<ChangeLogStore.StoredEntry> entries = store.entries(stream.origin(), stream.lane(), seals.get(0).first(),
                seals.get(seals.size() - 1).last());
        Set<UUID> records = new HashSet<>();
        entries.stream().filter(e -> e.form() == Form.FULL && e.seq() > position)
                .forEach(e -> records.add(e.recordId()));
        Map<UUID, ChangeLogStore.StoredEntry> current = store.current(stream.origin(), stream.lane(), records);
        String self = properties.nodeId();
        List<Batch.Segment> segments = new ArrayList<>();
        int next = 0;
        for (ChangeLogStore.StoredSeal seal : seals) {
            if (seal.via().contains(peer.nodeId().value())) {
                // The peer passed this range on to us: it holds it already, and sending it back would be a loop.
                while (next < entries.size() && entries.get(next).seq() <= seal.last()) {
                    next++;
                }
                break;
            }
            List<String> via = new ArrayList<>(seal.via());
            if (!seal.origin().equals(self)) {
                via.add(self);
            }
            boolean content = via.size() <= seal.hopLimit();
            List<Batch.Entry> rendered = new ArrayList<>();
            while (next < entries.size() && entries.get(next).seq() <= seal.last()) {
                rendered.add(render(entries.get(next++), position, peer, current, content));
            }
            if (rendered.size() != seal.last() - seal.first() + 1) {
                throw new IllegalStateException("the log of " + seal.origin() + " lacks entries of its seal "
                        + seal.first() + ".." + seal.last());
            }
            segments.add(new Batch.Segment(seal.origin(), seal.lane(), via, seal.jws(), rendered));
        }
        return segments;
    }

    private Batch.Entry render(ChangeLogStore.StoredEntry e, long position, Peer peer,
            Map<UUID, ChangeLogStore.StoredEntry> current, boolean content) {
        if (e.seq() <= position || e.form() == Form.HASH || !content) {
            return hash(e);
        }
        if (e.form() == Form.REDACTED) {
            return redacted(e);
        }
        if (sendsWhole(e, peer, current)) {
            return new Batch.Entry(e.seq(), Form.FULL, e.recordType(), e.recordId(), e.op(),
                    new String(e.body(), java.nio.charset.StandardCharsets.UTF_8), null, null);
        }
        if (e.op() == Op.UPSERT && e.previousLabel() != null
                && releasability.toPeer(peer, e.previousLabel(), e.originNation())) {
            return redacted(e);
        }
        return hash(e);
    }

    private boolean sendsWhole(ChangeLogStore.StoredEntry e, Peer peer, Map<UUID, ChangeLogStore.StoredEntry> current) {
        if (!releasability.toPeer(peer, e.label(), e.originNation())) {
            return false;
        }
        if (e.op() == Op.WITHDRAW) {
            return true;
        }
        ChangeLogStore.StoredEntry now = current.get(e.recordId());
        return now != null && now.form() == Form.FULL && now.op() == Op.UPSERT
                && releasability.toPeer(peer, now.label(), now.originNation());
    }

    private static Batch.Entry redacted(ChangeLogStore.StoredEntry e) {
        return new Batch.Entry(e.seq(), Form.REDACTED, e.recordType(), e.recordId(), e.op(), null, e.restHash(), null);
    }

    private static Batch.Entry hash(ChangeLogStore.StoredEntry e) {
        return new Batch.Entry(e.seq(), Form.HASH, null, null, null, null, null, e.leafHash());
    }
}
