package org.kalkan.cluster.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.kalkan.cluster.Cluster;
import org.kalkan.cluster.ClusterProperties;
import org.kalkan.cluster.Signal;
import org.kalkan.cluster.SignalReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The Kafka side of signals on an instance of a cluster: the topic (created if missing), and the consumer that hears
 * every other instance's signals in its own consumer group and publishes them on this instance as
 * {@link SignalReceived}. Signals this instance sent itself were already handled here when it sent them. Sending is
 * Spring Modulith's externalisation of {@link Signal} ({@code @Externalized}), after the sending transaction commits.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClustered
class KafkaSignals {

    /** The listener's id, e.g. to wait for its partitions in tests. */
    static final String LISTENER = "kalkan-signals";
    private static final Logger log = LoggerFactory.getLogger(KafkaSignals.class);

    private final Cluster cluster;
    private final ApplicationEventPublisher events;
    private final Counter received;
    private final Counter failed;

    KafkaSignals(Cluster cluster, ApplicationEventPublisher events, MeterRegistry metrics) {
        this.cluster = cluster;
        this.events = events;
        this.received = metrics.counter("kalkan.cluster.signals.received");
        this.failed = metrics.counter("kalkan.cluster.signals.failed");
    }

    @Bean
    NewTopic kalkanSignalsTopic(ClusterProperties properties) {
        // The broker's default replication factor: a production cluster of brokers sets it (README, production).
        return new NewTopic(Signal.TOPIC, java.util.Optional.of(properties.partitions()), java.util.Optional.empty());
    }

    // Not idIsGroup: the group is the incarnation's own (spring.kafka.consumer.group-id), so every instance hears all.
    @KafkaListener(id = LISTENER, idIsGroup = false, topics = Signal.TOPIC)
    void on(Signal signal) {
        if (signal.from().equals(cluster.incarnation())) {
            return;
        }
        received.increment();
        try {
            events.publishEvent(new SignalReceived(signal));
        } catch (RuntimeException e) {
            // A live view missing one change is repaired by its next one or a reload; the consumer must go on.
            failed.increment();
            log.warn("signal {} from {} not applied: {}", signal.key(), signal.from(), e.toString());
        }
    }
}
