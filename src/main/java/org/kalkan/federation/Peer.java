package org.kalkan.federation;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;

/**
 * A registered peer node: the nations whose users it serves and the highest classification it is accredited for
 * (what may be sent to it), its federation URL (null: an originator known only for its signature, whose entries
 * arrive relayed) and its pinned certificate.
 */
public record Peer(NodeId nodeId, Set<NationCode> nations, Classification maxClassification, @Nullable String url,
        String certificate, String fingerprint, Instant createdAt, Instant updatedAt, int version) {

    public Peer {
        nations = Set.copyOf(nations);
    }
}
