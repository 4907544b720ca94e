package org.kalkan.federation.internal;

import org.springframework.stereotype.Component;

/**
 * Wakes whoever waits for the log to grow: the long-polls of peers' pulls, when the sequencer sealed own entries or
 * received entries were applied (which a relay passes on). Within one process only; waiters also look again at least
 * every second, so another instance sharing the database is seen too.
 */
@Component
public class LogSignals {

    private long version;

    public synchronized void changed() {
        version++;
        notifyAll();
    }

    public synchronized long version() {
        return version;
    }

    /** Waits until a change after {@code seen}, at most {@code millis}; true when there was one. */
    public synchronized boolean await(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (version == seen) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
