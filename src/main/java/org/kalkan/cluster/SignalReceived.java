package org.kalkan.cluster;

/**
 * A {@link Signal} from another instance, published on this one (to synchronous {@code @EventListener}s, on the
 * consumer's thread). A listener re-reads what the signal names and fans it out to its local subscribers through
 * the access policy; nothing here is persisted or re-signalled.
 */
public record SignalReceived(Signal signal) {

    public boolean is(String kind) {
        return signal.kind().equals(kind);
    }
}
