package org.kalkan.cluster;

import java.util.Map;
import org.springframework.modulith.events.Externalized;

/**
 * A change other instances must show in their live views, by id only: never labelled content, which each receiving
 * instance reads again from the database and gives each of its own subscribers through the access policy (ADR
 * 0011). Published in the changing transaction and externalised to Kafka by Spring Modulith after its commit (the
 * event publication registry is the outbox); every instance but the sender ({@code from}, an incarnation) hears it
 * as {@link SignalReceived}. {@code kind} names what changed (e.g. {@code incident}), {@code id} which record, and
 * {@code attributes} hold further ids or flags the receivers of that kind agree on.
 */
@Externalized(Signal.TOPIC + "::#{key()}")
public record Signal(String kind, String id, Map<String, String> attributes, String from) {

    /** The Kafka topic of signals. */
    public static final String TOPIC = "kalkan.signals";

    public Signal {
        attributes = Map.copyOf(attributes);
    }

    /** The record key: signals of one record stay in order. */
    public String key() {
        return kind + ":" + id;
    }

    public String attribute(String name, String fallback) {
        return attributes.getOrDefault(name, fallback);
    }
}
