package org.kalkan.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Without {@code kalkan.cluster.kafka-bootstrap} a node is a single node: no Kafka client of any kind exists, and it
 * holds the lease for singleton work for good, without a connection or a thread of its own.
 */
@KalkanTest
class SingleNodeTests {

    @Autowired ApplicationContext context;
    @Autowired Cluster cluster;
    @Autowired Lease lease;

    @Test
    void aSingleNodeHasNoKafka() {
        assertThat(cluster.clustered()).isFalse();
        assertThat(cluster.incarnation()).isEqualTo("single");
        assertThat(context.getBeanNamesForType(KafkaTemplate.class)).isEmpty();
        assertThat(context.getBeanNamesForType(KafkaAdmin.class)).isEmpty();
        assertThat(context.getBeanNamesForType(KafkaListenerEndpointRegistry.class)).isEmpty();
        assertThat(context.getEnvironment().getProperty("spring.modulith.events.externalization.enabled"))
                .isEqualTo("false");
        assertThat(lease.held()).isTrue();
        assertThat(lease.holder()).contains("single");
        assertThat(lease.getClass().getSimpleName()).isEqualTo("SingleNodeLease");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("kalkan-lease"));
    }
}
