package org.kalkan.federation;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * An entry a peer sent that this node did not apply: none of its nations may read it, it is above the node's
 * accreditation, or it would change a record of another origin. Its content was never stored.
 */
public record QuarantinedEntry(long id, String origin, Lane lane, long seq, String receivedFrom,
        @Nullable String recordType, @Nullable UUID recordId, @Nullable SecurityLabel label, String reason,
        Instant at) {
}
