package org.kalkan.cluster;

import java.util.Optional;

/**
 * The lease for singleton work (ADR 0014): of all instances sharing the database, the one holding it runs the
 * scheduled work that must run on one instance only (federation pulls, the sequencers' periodic runs, silence
 * deadlines, resubmitting failed event publications). It is a PostgreSQL session-level advisory lock held on a
 * connection of its own: when the holder dies its connection closes, the database releases the lock, and a survivor
 * takes it at its next check (every {@code kalkan.cluster.lease-check}, a second by default). On a single node it
 * is always held. Work claimed row by row ({@code FOR UPDATE SKIP LOCKED}) does not need it.
 */
public interface Lease {

    /** Whether this instance holds the lease now. */
    boolean held();

    /** The incarnation of the instance holding the lease, as the database sees it; empty while nobody holds it. */
    Optional<String> holder();

    /**
     * Runs {@code work} if this instance holds the lease (counted as {@code kalkan.cluster.singleton.runs} with the
     * tag {@code task}); returns whether it ran.
     */
    boolean runIfHeld(String task, Runnable work);
}
