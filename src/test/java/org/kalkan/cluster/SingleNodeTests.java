package org.kalkan.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** Without {@code kalkan.cluster.kafka-bootstrap} a node is a single node: no Kafka client of any kind exists. */
@KalkanTest
class SingleNodeTests {

    @Autowired ApplicationContext context;
    @Autowired Cluster cluster;

    @Test
    void aSingleNodeHasNoKafka() {
        assertThat(cluster.clustered()).isFalse();
        assertThat(cluster.incarnation()).isEqualTo("single");
        assertThat(context.getBeanNamesForType(KafkaTemplate.class)).isEmpty();
        assertThat(context.getBeanNamesForType(KafkaAdmin.class)).isEmpty();
        assertThat(context.getBeanNamesForType(KafkaListenerEndpointRegistry.class)).isEmpty();
        assertThat(context.getEnvironment().getProperty("spring.modulith.events.externalization.enabled"))
                .isEqualTo("false");
    }
}
