package org.kalkan.platform;

/**
 * Writes that must be kept whatever becomes of the current transaction — a refused access, a failed sign-in — made
 * just after it ends, committed or rolled back, on the connection it still holds, in autocommit; outside a
 * transaction at once. The obvious alternative, a {@code REQUIRES_NEW} transaction, asks the pool for a second
 * connection while the caller holds one: once every connection is held by a request doing that, the whole node
 * stalls until the pool's timeout. A burst of refused reads (or of wrong passwords, needing no account at all) did.
 */
public interface KeptWrites {

    /** Runs the write (plain JDBC through the application's data source) once the current transaction has ended. */
    void run(Runnable write);
}
