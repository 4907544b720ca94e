package org.kalkan.interop.cot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where the CoT events of one instance's devices wait for the other instances of a cluster (table
 * {@code cot_relay}); implemented in {@code internal}, which also deletes them once stale (on the lease holder).
 */
public interface CotRelayStore {

    /**
     * Stores events this instance ({@code instance}, its incarnation) received by {@code receivedAt}, in one
     * statement; returns their new ids in the same order.
     */
    List<UUID> addAll(List<RelayedCot> events, String instance, Instant receivedAt);

    /** The events of these ids still stored (pruned ones are gone), in the order of the ids. */
    List<RelayedCot> findAll(List<UUID> ids);

    /** The newest position (by the time its device gave it) of every uid not stale at {@code now}. */
    List<RelayedCot> latestPositions(Instant now);
}
