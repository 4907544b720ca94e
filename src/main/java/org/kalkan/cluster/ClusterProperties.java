package org.kalkan.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scale-out settings. {@code kafkaBootstrap} (env {@code KALKAN_KAFKA_BOOTSTRAP}) makes this node one instance of a
 * cluster: empty (the default) is a single node with no Kafka at all. {@code instanceId} names the instance in logs
 * and its consumer group (empty: host name and HTTP port); each start adds a random suffix, its incarnation.
 * {@code partitions} of the signal topic when this instance creates it.
 */
@ConfigurationProperties("kalkan.cluster")
public record ClusterProperties(
        @DefaultValue("") String kafkaBootstrap,
        @DefaultValue("") String instanceId,
        @DefaultValue("3") int partitions) {

    /** Whether this node is an instance of a cluster (Kafka configured). */
    public boolean clustered() {
        return !kafkaBootstrap.isBlank();
    }
}
