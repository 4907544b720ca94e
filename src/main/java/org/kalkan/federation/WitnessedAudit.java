package org.kalkan.federation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The last signed audit checkpoint this node holds of a peer (issue 14's Merkle log, witnessed here): its tree size,
 * root hash (base64) and time, when this node last checked it consistent with the one before, and — when the peer
 * rewrote its history — when that was found and what the consistency proof showed.
 */
public record WitnessedAudit(NodeId peer, long treeSize, String rootHash, Instant checkpointAt, Instant checkedAt,
        @Nullable Instant inconsistentAt, @Nullable String inconsistency) {

    /** Whether the peer's log has been consistent with everything this node witnessed of it. */
    public boolean consistent() {
        return inconsistentAt == null;
    }
}
