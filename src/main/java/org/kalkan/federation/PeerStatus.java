package org.kalkan.federation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A peer and its link as the operations page shows it: when it was last heard from, how many of its entries this
 * node does not hold yet and for how long it has not held all of them, how far behind the peer's own pulls are, how
 * many of its entries were quarantined, bytes and entries each way, and the last error.
 */
public record PeerStatus(Peer peer, @Nullable Instant lastContact, long behindEntries, long secondsBehind,
        long peerBehindEntries, long quarantined, long bytesIn, long bytesOut, long entriesIn, long entriesOut,
        @Nullable String lastError, @Nullable Instant lastErrorAt) {
}
