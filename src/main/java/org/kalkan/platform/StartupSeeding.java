package org.kalkan.platform;

/**
 * The one mutual exclusion of everything that seeds the database at start (the initial and demo accounts, each
 * module's demo data, the node's own STIX objects): several instances started at once on an empty database (a
 * cluster behind a load balancer, a rolling deployment) would otherwise each find nothing and each insert. Every
 * seeder calls {@link #exclusively(String)} first in its transaction, before it checks whether its rows exist: a lock
 * shared by every instance of the database, held until the seeder's transaction ends, so the instance that comes
 * second waits, then sees the committed rows and skips. On a single node nobody else holds it: no waiting. An
 * instance that cannot take it within {@code kalkan.platform.seeding-wait} (5 minutes) fails to start rather than
 * seed twice.
 */
public interface StartupSeeding {

    /**
     * Takes the seeding lock for the rest of the current transaction, waiting while another instance sharing the
     * database holds it; {@code seeder} names the caller in the log and in the failure.
     *
     * @throws IllegalStateException outside a transaction, or when the lock was not free within the wait
     */
    void exclusively(String seeder);
}
