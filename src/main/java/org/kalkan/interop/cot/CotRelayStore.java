package org.kalkan.interop.cot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the CoT events of one instance's devices wait for the other instances of a cluster (table
 * {@code cot_relay}); implemented in {@code internal}, which also deletes them once stale (on the lease holder).
 */
public interface CotRelayStore {

    /** Stores an event this instance ({@code instance}, its incarnation) received at {@code receivedAt}. */
    void add(UUID id, RelayedCot event, String instance, Instant receivedAt);

    Optional<RelayedCot> find(UUID id);

    /** The newest position of every uid not stale at {@code now}. */
    List<RelayedCot> latestPositions(Instant now);
}
